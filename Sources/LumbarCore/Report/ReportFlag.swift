/// A rule that fired on some day of a report's period, with how its level moved day by day.
public struct ReportFlag: Hashable, Sendable {
    /// A change in the flag's level at the end of a day: raised, moved, or no longer raised.
    public struct Step: Hashable, Sendable {
        /// The first day ending on the new level.
        public var date: LocalDate
        /// The new level, `nil` when the flag is no longer raised.
        public var level: Level?

        /// A step.
        public init(date: LocalDate, level: Level?) {
            self.date = date
            self.level = level
        }
    }

    /// The rule.
    public var rule: RuleID
    /// Each change of level over the period, the first raise first.
    public var steps: [Step]
    /// The highest level it reached in the period.
    public var highestLevel: Level
    /// The last day it was raised.
    public var lastSeen: LocalDate
    /// Whether it is still raised at the report's time.
    public var isRaisedAtEnd: Bool
    /// The flag as it stood the last day it was raised (headline, evidence, sources, assessment).
    public var latest: RuleFlag

    /// A report flag.
    public init(rule: RuleID, steps: [Step], highestLevel: Level, lastSeen: LocalDate, isRaisedAtEnd: Bool, latest: RuleFlag) {
        self.rule = rule
        self.steps = steps
        self.highestLevel = highestLevel
        self.lastSeen = lastSeen
        self.isRaisedAtEnd = isRaisedAtEnd
        self.latest = latest
    }

    /// The first day it fired.
    public var firstFired: LocalDate { steps.first?.date ?? lastSeen }

    /// Its level the first day it fired.
    public var firstLevel: Level { steps.first?.level ?? highestLevel }

    /// The flags raised over `days` (the status at the end of each day, oldest first), most
    /// urgent first, then by the day they first fired, then in the contract's rule order.
    public static func flags(in days: [(date: LocalDate, status: Status)]) -> [ReportFlag] {
        var found: [RuleID: ReportFlag] = [:]
        var previous: [RuleID: Level] = [:]
        for day in days {
            var current: [RuleID: Level] = [:]
            for flag in day.status.flags { current[flag.rule] = flag.level }
            for flag in day.status.flags {
                if var known = found[flag.rule] {
                    if previous[flag.rule] != flag.level { known.steps.append(Step(date: day.date, level: flag.level)) }
                    known.highestLevel = max(known.highestLevel, flag.level)
                    known.lastSeen = day.date
                    known.latest = flag
                    found[flag.rule] = known
                } else {
                    found[flag.rule] = ReportFlag(
                        rule: flag.rule, steps: [Step(date: day.date, level: flag.level)],
                        highestLevel: flag.level, lastSeen: day.date, isRaisedAtEnd: false, latest: flag)
                }
            }
            for rule in previous.keys where current[rule] == nil {
                found[rule]?.steps.append(Step(date: day.date, level: nil))
            }
            previous = current
        }
        for rule in previous.keys { found[rule]?.isRaisedAtEnd = true }
        let order = Dictionary(uniqueKeysWithValues: RuleID.allCases.enumerated().map { ($1, $0) })
        return found.values.sorted {
            if $0.highestLevel != $1.highestLevel { return $0.highestLevel > $1.highestLevel }
            if $0.firstFired != $1.firstFired { return $0.firstFired < $1.firstFired }
            return (order[$0.rule] ?? 0) < (order[$1.rule] ?? 0)
        }
    }
}

/// A rule that fired on some day of a report's period, evaluated day by day.
public struct ReportFlag: Hashable, Sendable {
    /// The rule.
    public var rule: RuleID
    /// The first day it fired.
    public var firstFired: LocalDate
    /// Its level that first day.
    public var firstLevel: Level
    /// The highest level it reached in the period.
    public var highestLevel: Level
    /// The last day it was raised.
    public var lastSeen: LocalDate
    /// Whether it is still raised at the report's time.
    public var isRaisedAtEnd: Bool
    /// The flag as it stood the last day it was raised (headline, evidence, sources).
    public var latest: Flag

    /// A report flag.
    public init(rule: RuleID, firstFired: LocalDate, firstLevel: Level, highestLevel: Level, lastSeen: LocalDate,
                isRaisedAtEnd: Bool, latest: Flag) {
        self.rule = rule
        self.firstFired = firstFired
        self.firstLevel = firstLevel
        self.highestLevel = highestLevel
        self.lastSeen = lastSeen
        self.isRaisedAtEnd = isRaisedAtEnd
        self.latest = latest
    }

    /// The flags raised over `days`, most urgent first, then by the day they first fired.
    public static func flags(in days: [DailyStatus]) -> [ReportFlag] {
        let raisedAtEnd = Set(days.last?.status.flags.map(\.rule) ?? [])
        let order = Dictionary(uniqueKeysWithValues: RuleID.allCases.enumerated().map { ($1, $0) })
        let flags = EscalationEngine.firstFirings(in: days).compactMap { firing -> ReportFlag? in
            for day in days.reversed() {
                guard let flag = day.status.flags.first(where: { $0.rule == firing.rule }) else { continue }
                return ReportFlag(rule: firing.rule, firstFired: firing.date, firstLevel: firing.level,
                                  highestLevel: firing.highestLevel, lastSeen: day.date,
                                  isRaisedAtEnd: raisedAtEnd.contains(firing.rule), latest: flag)
            }
            return nil
        }
        return flags.sorted {
            if $0.highestLevel != $1.highestLevel { return $0.highestLevel > $1.highestLevel }
            if $0.firstFired != $1.firstFired { return $0.firstFired < $1.firstFired }
            return (order[$0.rule] ?? 0) < (order[$1.rule] ?? 0)
        }
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The status as it stood at the end of one local day.
public struct DailyStatus: Hashable, Sendable {
    /// The day.
    public var date: LocalDate
    /// The status at the day's last millisecond (or at now, for today).
    public var status: Status

    /// A day's status.
    public init(date: LocalDate, status: Status) {
        self.date = date
        self.status = status
    }
}

extension EscalationEngine {
    /// The status at the end of each day from `first` through `last`, in `timeZone`.
    ///
    /// A day is evaluated at its last millisecond, or at `now` for the day containing it; days
    /// after `now` are left out, so no day sees entries that did not exist yet.
    public static func daily(
        _ journal: Journal, from first: LocalDate, through last: LocalDate,
        now: Date, timeZone: ZoneInfo
    ) -> [DailyStatus] {
        let nowMilliseconds = ChronologicalSearch.milliseconds(of: now)
        var days: [DailyStatus] = []
        var date = first
        while date <= last {
            let end = date.end(in: timeZone)
            if date.start(in: timeZone).epochMilliseconds > nowMilliseconds { break }
            let instant = end.epochMilliseconds > nowMilliseconds ? now : end.date
            days.append(DailyStatus(date: date, status: evaluate(journal, now: instant, timeZone: timeZone)))
            date = date.adding(days: 1)
        }
        return days
    }

    /// For each rule that fired on some of `days`, the first such day; ordered by that day, then by rule.
    public static func firstFirings(in days: [DailyStatus]) -> [FirstFiring] {
        var firings: [RuleID: FirstFiring] = [:]
        for day in days {
            for flag in day.status.flags {
                if var known = firings[flag.rule] {
                    known.highestLevel = max(known.highestLevel, flag.level)
                    firings[flag.rule] = known
                } else {
                    firings[flag.rule] = FirstFiring(rule: flag.rule, date: day.date, level: flag.level, highestLevel: flag.level)
                }
            }
        }
        let order = Dictionary(uniqueKeysWithValues: RuleID.allCases.enumerated().map { ($1, $0) })
        return firings.values.sorted {
            $0.date != $1.date ? $0.date < $1.date : (order[$0.rule] ?? 0) < (order[$1.rule] ?? 0)
        }
    }
}

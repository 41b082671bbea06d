#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The training load of the 7 days up to a moment, against the usual week of the 28 days before them.
///
/// The week is [end − 168 h, end]; the usual week is a quarter of the load in
/// [end − 840 h, end − 168 h). Real hours, so a daylight-saving change neither adds nor removes time.
public struct LoadWeek: Hashable, Sendable {
    /// The end of the week (the moment it was measured at).
    public var end: Timestamp
    /// The sum of the loads of the sessions in the week.
    public var load: Int
    /// The summed load of the 28 days before the week (a quarter of it is the usual week).
    public var usualTotal: Int
    /// Sessions in the week, with or without a load.
    public var sessions: Int
    /// Sessions in the week without minutes or RPE (counted apart; they add no load).
    public var sessionsWithoutLoad: Int
    /// Sessions with a load in the 28 days before the week.
    public var usualSessions: Int

    /// A week from its parts.
    public init(end: Timestamp, load: Int, usualTotal: Int, sessions: Int, sessionsWithoutLoad: Int, usualSessions: Int) {
        self.end = end
        self.load = load
        self.usualTotal = usualTotal
        self.sessions = sessions
        self.sessionsWithoutLoad = sessionsWithoutLoad
        self.usualSessions = usualSessions
    }

    /// The usual week: the average week of the 28 days before this one.
    public var usual: Double { Double(usualTotal) / Double(TrainingWindow.usualWeeks) }

    /// The usual week rounded to a whole load, for display.
    public var usualRounded: Int { Int(usual.rounded()) }

    /// The week's load change against the usual week in whole percent; `nil` without a usual week.
    public var changePercent: Int? {
        guard usualTotal > 0 else { return nil }
        return Int((Double(load) / usual * 100 - 100).rounded())
    }

    /// Whether the week's load is at least 1.5 × the usual week (which must have some load).
    public var isHeavy: Bool {
        // 8 × load ≥ 3 × (4 weeks' total) is load ≥ 1.5 × usual, in integers so the boundary is exact.
        usualTotal > 0
            && Int64(TrainingWindow.heavyWeek.denominator) * Int64(TrainingWindow.usualWeeks) * Int64(load)
                >= Int64(TrainingWindow.heavyWeek.numerator) * Int64(usualTotal)
    }

    /// The week ending at `end`, from `sessions` in `at` order.
    ///
    /// - Complexity: O(log n) to find the window plus the sessions of its 35 days.
    public static func ending(at end: Timestamp, sessions: [Session]) -> LoadWeek {
        let endMs = end.epochMilliseconds
        let weekMs = TrainingWindow.milliseconds(hours: TrainingWindow.weekHours)
        let weekStart = endMs - weekMs
        let usualStart = weekStart - TrainingWindow.usualWeeks * weekMs
        let first = ChronologicalSearch.start(of: sessions, from: usualStart, by: \.at)
        let last = ChronologicalSearch.end(of: sessions, upTo: endMs, by: \.at)
        var week = LoadWeek(end: end, load: 0, usualTotal: 0, sessions: 0, sessionsWithoutLoad: 0, usualSessions: 0)
        for index in first..<max(first, last) {
            let session = sessions[index]
            if session.at.epochMilliseconds >= weekStart {
                week.sessions += 1
                if let load = session.load { week.load += load } else { week.sessionsWithoutLoad += 1 }
            } else if let load = session.load {
                week.usualTotal += load
                week.usualSessions += 1
            }
        }
        return week
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One week of the load chart: its load and the pain logged in it (highest and mean).
public struct WeekBar: Hashable, Sendable {
    /// The week's first instant (now − 168 h × (k + 1) for the k-th week back).
    public var start: Timestamp
    /// The week's end: now for the newest week, else the next week's start (excluded).
    public var end: Timestamp
    /// The summed load of its sessions.
    public var load: Int
    /// Its sessions, with or without a load.
    public var sessions: Int
    /// The highest pain among its check-ins; `nil` without check-ins.
    public var highestPain: Int?
    /// The mean pain of its check-ins; `nil` without check-ins.
    public var meanPain: Double?

    /// A week from its parts.
    public init(start: Timestamp, end: Timestamp, load: Int, sessions: Int, highestPain: Int?, meanPain: Double?) {
        self.start = start
        self.end = end
        self.load = load
        self.sessions = sessions
        self.highestPain = highestPain
        self.meanPain = meanPain
    }

    /// The `count` weeks up to `now`, oldest first: the newest is [now − 168 h, now] (the load
    /// week), each earlier one [start, next start).
    ///
    /// - Complexity: O(log n) plus the entries of those weeks.
    public static func weeks(_ count: Int, in journal: Journal, now: Date, timeZone: ZoneInfo) -> [WeekBar] {
        let nowMs = ChronologicalSearch.milliseconds(of: now)
        let weekMs = TrainingWindow.milliseconds(hours: TrainingWindow.weekHours)
        var bars: [WeekBar] = []
        for back in stride(from: count - 1, through: 0, by: -1) {
            let startMs = nowMs - weekMs * Int64(back + 1)
            let endMs = nowMs - weekMs * Int64(back)
            // The newest week includes now itself; the others stop just before the next one starts.
            let lastMs = back == 0 ? endMs : endMs - 1
            var bar = WeekBar(start: stamp(startMs, timeZone), end: stamp(endMs, timeZone), load: 0, sessions: 0, highestPain: nil, meanPain: nil)
            let sessions = journal.sessions
            let firstSession = ChronologicalSearch.start(of: sessions, from: startMs, by: \.at)
            for index in firstSession..<max(firstSession, ChronologicalSearch.end(of: sessions, upTo: lastMs, by: \.at)) {
                bar.sessions += 1
                bar.load += sessions[index].load ?? 0
            }
            let checkIns = journal.checkIns
            let first = ChronologicalSearch.start(of: checkIns, from: startMs, by: \.at)
            let last = ChronologicalSearch.end(of: checkIns, upTo: lastMs, by: \.at)
            if last > first {
                var total = 0
                var highest = 0
                for index in first..<last {
                    total += checkIns[index].pain
                    highest = max(highest, checkIns[index].pain)
                }
                bar.highestPain = highest
                bar.meanPain = Double(total) / Double(last - first)
            }
            bars.append(bar)
        }
        return bars
    }

    private static func stamp(_ milliseconds: Int64, _ timeZone: ZoneInfo) -> Timestamp {
        Timestamp(epochMilliseconds: milliseconds, utcOffsetSeconds: 0).converted(to: timeZone)
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension LocalDate {
    /// The first instant of this date in `timeZone` (later than midnight when midnight is skipped).
    public func start(in timeZone: ZoneInfo) -> Timestamp {
        let midnight = Int64(dayNumber) * 86_400
        // A wall-clock midnight maps to an instant under each offset in force near it; the
        // earliest that keeps its own offset is the start. None does when the clocks skip
        // midnight, and then the day starts at the skip.
        let near = [midnight - 86_400, midnight, midnight + 86_400].map { timeZone.secondsFromGMT(atEpochSecond: $0) }
        let valid = near.map { midnight - Int64($0) }.filter { timeZone.secondsFromGMT(atEpochSecond: $0) == Int(midnight - $0) }
        if let first = valid.min() {
            return Timestamp(epochMilliseconds: first * 1000, utcOffsetSeconds: Int(midnight - first))
        }
        var low = midnight - 2 * 86_400, high = midnight + 2 * 86_400
        while low < high {
            let mid = low + (high - low) / 2
            if mid + Int64(timeZone.secondsFromGMT(atEpochSecond: mid)) >= midnight { high = mid } else { low = mid + 1 }
        }
        return Timestamp(epochMilliseconds: low * 1000, utcOffsetSeconds: timeZone.secondsFromGMT(atEpochSecond: low))
    }

    /// The last millisecond of this date in `timeZone`.
    public func end(in timeZone: ZoneInfo) -> Timestamp {
        let next = adding(days: 1).start(in: timeZone)
        let last = next.epochMilliseconds - 1
        return Timestamp(
            epochMilliseconds: last,
            utcOffsetSeconds: timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(last) / 1000)))
    }
}

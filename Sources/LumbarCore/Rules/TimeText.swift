#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Short human forms of times in the user's time zone, shared by flags, the status text and reports.
public enum TimeText {
    /// "Mon 18:00" (or "Mon 6:00 PM" on the 12-hour clock): the weekday and clock time of `time` in `timeZone`.
    public static func weekdayTime(_ time: Timestamp, in timeZone: ZoneInfo, clock: Preferences.ClockStyle = .twentyFourHour) -> String {
        let local = time.converted(to: timeZone)
        return local.localDate.weekdayAbbreviation + " " + clock.format(local)
    }

    /// "Mon 2 Mar 18:00": the date and clock time of `time` in `timeZone`.
    public static func dateTime(_ time: Timestamp, in timeZone: ZoneInfo, clock: Preferences.ClockStyle = .twentyFourHour) -> String {
        let local = time.converted(to: timeZone)
        return local.localDate.shortDescription + " " + clock.format(local)
    }

    /// The weekday form when `time` is within 6 days of `reference`, else the dated form.
    ///
    /// A bare weekday is only unambiguous inside one week around the moment the text is read.
    public static func near(_ time: Timestamp, reference: Timestamp, in timeZone: ZoneInfo, clock: Preferences.ClockStyle = .twentyFourHour) -> String
    {
        let days = LocalDate(instant: time.date, in: timeZone).days(to: LocalDate(instant: reference.date, in: timeZone))
        return abs(days) <= 6 ? weekdayTime(time, in: timeZone, clock: clock) : dateTime(time, in: timeZone, clock: clock)
    }

    /// "deadlift", or "session" when the kind was left empty.
    public static func kind(of session: Session) -> String {
        let trimmed = session.kind.trimmingWhitespace()
        return trimmed.isEmpty ? "session" : trimmed
    }
}

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

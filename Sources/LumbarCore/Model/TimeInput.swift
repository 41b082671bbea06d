#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads times and dates as people type them on the command line: the ISO 8601 forms, `now`,
/// `18:00`, `today`, `yesterday` or a weekday name with an optional time, and `-2h`, `-30m`, `-1d`.
///
/// Local wall times (`18:00`, `yesterday 18:00`) resolve exactly as `Timestamp.parse` resolves a
/// local ISO time: one the clocks skip is refused, and one they repeat is the earlier instant.
/// A weekday name means the most recent such day, today included unless the time would then
/// still be to come; a day given without a time is 12:00 that day, or now for today.
public enum TimeInput {
    /// Why a typed time or date could not be read.
    public enum Failure: Error, Equatable, Sendable {
        /// Not a form lumbar understands (`funday`).
        case unrecognized
        /// A relative time with a missing number or an unknown unit (`-2x`).
        case badDuration
        /// A clock time past 23:59 (`25:00`).
        case badClockTime
        /// An ISO date or time with a field out of range (month 13).
        case outOfRange
        /// A local time the time zone skips (spring forward).
        case nonexistentLocalTime

        /// One line saying what is wrong with `text` given to `option` and how to fix it.
        public func message(for text: String, option: String, timeZone: ZoneInfo) -> String {
            switch self {
            case .unrecognized:
                return
                    "\(option) must be an ISO 8601 time such as 2026-03-02T18:00 or 2026-03-02T17:00Z, or now, 18:00, yesterday 18:00, mon 7:30, -2h, -30m or -1d, got '\(text)'"
            case .badDuration:
                return "\(option) '\(text)' is not a relative time; write a minus sign, a whole number and h, m or d, such as -2h, -30m or -1d"
            case .badClockTime:
                return "\(option) '\(text)' is not a time of day; hours run from 0 to 23 and minutes from 00 to 59"
            case .outOfRange:
                return "\(option) '\(text)' is not a real date and time (check the month, day and hour)"
            case .nonexistentLocalTime:
                return "\(option) '\(text)' does not exist in time zone \(timeZone.identifier) (the clocks skip it); give an offset or another time"
            }
        }
    }

    /// The hour a day named without a time is put at: clear of the small hours that
    /// daylight-saving changes skip or repeat.
    public static let defaultHour = 12

    /// The instant `text` names, seen in `timeZone`, relative to `now`.
    public static func parse(_ text: String, now: Date, timeZone: ZoneInfo) -> Result<Timestamp, Failure> {
        let trimmed = text.trimmingSpaces()
        switch Timestamp.parse(trimmed, localTimeZone: timeZone) {
        case .success(let time): return .success(time.converted(to: timeZone))
        case .failure(.outOfRange): return .failure(.outOfRange)
        case .failure(.nonexistentLocalTime): return .failure(.nonexistentLocalTime)
        case .failure(.malformed): break
        }
        let nowStamp = Timestamp(now, in: timeZone).truncatedToSeconds
        let words = trimmed.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first, words.count <= 2 else { return .failure(.unrecognized) }
        if words.count == 1 {
            if first == "now" { return .success(nowStamp) }
            if first.hasPrefix("-") { return relative(first, from: nowStamp, in: timeZone) }
            if first.contains(":") {
                return clock(first).flatMap { at(nowStamp.localDate, hour: $0.hour, minute: $0.minute, in: timeZone) }
            }
        }
        guard let day = namedDay(first, now: now, timeZone: timeZone) else { return .failure(.unrecognized) }
        let time: (hour: Int, minute: Int)?
        if words.count == 2 {
            switch clock(words[1]) {
            case .success(let parsed): time = parsed
            case .failure(let failure): return .failure(failure)
            }
        } else {
            time = nil
        }
        let today = nowStamp.localDate
        if day == today {
            guard let time else { return .success(nowStamp) }
            let result = at(today, hour: time.hour, minute: time.minute, in: timeZone)
            // "mon 23:00" typed on a Monday afternoon means last Monday; "today 23:00" stays today.
            if isWeekday(first), case .success(let stamp) = result, stamp > nowStamp {
                return at(today.adding(days: -7), hour: time.hour, minute: time.minute, in: timeZone)
            }
            return result
        }
        return at(day, hour: time?.hour ?? defaultHour, minute: time?.minute ?? 0, in: timeZone)
    }

    /// The calendar date `text` names: `YYYY-MM-DD`, `today`, `yesterday` or a weekday name
    /// (the most recent such day, today included).
    public static func parseDate(_ text: String, now: Date, timeZone: ZoneInfo) -> Result<LocalDate, Failure> {
        let trimmed = text.trimmingSpaces()
        if let date = LocalDate(trimmed) { return .success(date) }
        if trimmed.utf8.count == 10, trimmed.split(separator: "-").count == 3 { return .failure(.outOfRange) }
        guard let day = namedDay(trimmed.lowercased(), now: now, timeZone: timeZone) else { return .failure(.unrecognized) }
        return .success(day)
    }

    /// Weekday names in ISO order (Monday is 1).
    private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The ISO weekday (1–7) `word` names, by full name or three-letter abbreviation.
    private static func weekday(_ word: String) -> Int? {
        weekdays.firstIndex { $0 == word || (word.count == 3 && $0.hasPrefix(word)) }.map { $0 + 1 }
    }

    private static func isWeekday(_ word: String) -> Bool { weekday(word) != nil }

    /// The day `word` names relative to now's local date; weekdays look back at most six days.
    private static func namedDay(_ word: String, now: Date, timeZone: ZoneInfo) -> LocalDate? {
        let today = LocalDate(instant: now, in: timeZone)
        switch word {
        case "today": return today
        case "yesterday": return today.adding(days: -1)
        default:
            guard let wanted = weekday(word) else { return nil }
            return today.adding(days: -((today.isoWeekday - wanted + 7) % 7))
        }
    }

    /// `H:MM` or `HH:MM` as hour and minute.
    private static func clock(_ word: String) -> Result<(hour: Int, minute: Int), Failure> {
        let parts = word.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return .failure(.unrecognized) }
        guard hour < 24, minute < 60 else { return .failure(.badClockTime) }
        return .success((hour, minute))
    }

    /// The local wall time on `day` in `timeZone`, resolved by `Timestamp.parse`'s rules.
    private static func at(_ day: LocalDate, hour: Int, minute: Int, in timeZone: ZoneInfo) -> Result<Timestamp, Failure> {
        let text = "\(day)T\(Digits.pad(hour, 2)):\(Digits.pad(minute, 2))"
        switch Timestamp.parse(text, localTimeZone: timeZone) {
        case .success(let time): return .success(time)
        case .failure(.nonexistentLocalTime): return .failure(.nonexistentLocalTime)
        case .failure: return .failure(.outOfRange)
        }
    }

    /// `-Nh`, `-Nm` or `-Nd`: that many real hours, minutes or days (of 24 hours) before now.
    private static func relative(_ word: String, from now: Timestamp, in timeZone: ZoneInfo) -> Result<Timestamp, Failure> {
        let body = word.dropFirst()
        guard let unit = body.last, let seconds = ["m": 60, "h": 3600, "d": 86_400][String(unit)] else { return .failure(.badDuration) }
        let digits = body.dropLast()
        guard (1...6).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(digits) else {
            return .failure(.badDuration)
        }
        let ms = now.epochMilliseconds - Int64(count) * Int64(seconds) * 1000
        return .success(Timestamp(epochMilliseconds: ms, utcOffsetSeconds: now.utcOffsetSeconds).converted(to: timeZone))
    }
}

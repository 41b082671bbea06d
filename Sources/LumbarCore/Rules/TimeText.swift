import Foundation

/// Short human forms of times in the user's time zone, shared by flags, the status text and reports.
public enum TimeText {
    /// "Mon 18:00": the weekday and clock time of `time` in `timeZone`.
    public static func weekdayTime(_ time: Timestamp, in timeZone: TimeZone) -> String {
        let local = time.converted(to: timeZone)
        return local.localDate.weekdayAbbreviation + " " + local.clockTime
    }

    /// "Mon 2 Mar 18:00": the date and clock time of `time` in `timeZone`.
    public static func dateTime(_ time: Timestamp, in timeZone: TimeZone) -> String {
        let local = time.converted(to: timeZone)
        return local.localDate.shortDescription + " " + local.clockTime
    }

    /// The weekday form when `time` is within 6 days of `reference`, else the dated form.
    ///
    /// A bare weekday is only unambiguous inside one week around the moment the text is read.
    public static func near(_ time: Timestamp, reference: Timestamp, in timeZone: TimeZone) -> String {
        let days = LocalDate(instant: time.date, in: timeZone).days(to: LocalDate(instant: reference.date, in: timeZone))
        return abs(days) <= 6 ? weekdayTime(time, in: timeZone) : dateTime(time, in: timeZone)
    }

    /// "deadlift", or "session" when the kind was left empty.
    public static func kind(of session: Session) -> String {
        let trimmed = session.kind.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "session" : trimmed
    }
}

extension LocalDate {
    /// The first instant of this date in `timeZone` (later than midnight when midnight is skipped).
    public func start(in timeZone: TimeZone) -> Timestamp {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // Local noon lies inside the date in every zone, so its start of day is this date's.
        let utcNoon = Double(dayNumber) * 86_400 + 43_200
        let noon = Date(timeIntervalSince1970: utcNoon - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: utcNoon))))
        let start = calendar.startOfDay(for: noon)
        return Timestamp(epochMilliseconds: Int64((start.timeIntervalSince1970 * 1000).rounded()),
                         utcOffsetSeconds: timeZone.secondsFromGMT(for: start))
    }

    /// The last millisecond of this date in `timeZone`.
    public func end(in timeZone: TimeZone) -> Timestamp {
        let next = adding(days: 1).start(in: timeZone)
        let last = next.epochMilliseconds - 1
        return Timestamp(epochMilliseconds: last,
                         utcOffsetSeconds: timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(last) / 1000)))
    }
}

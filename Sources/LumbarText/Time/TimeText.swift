#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

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

    /// `time` as its form, zone and clock say.
    public static func text(_ time: Phrase.Time) -> String {
        switch time.style {
        case .weekdayTime: return weekdayTime(time.instant, in: time.zone, clock: time.clock)
        case .dateTime: return dateTime(time.instant, in: time.zone, clock: time.clock)
        case .near(let reference): return near(time.instant, reference: reference, in: time.zone, clock: time.clock)
        case .clock: return time.clock.format(time.instant.converted(to: time.zone))
        }
    }
}

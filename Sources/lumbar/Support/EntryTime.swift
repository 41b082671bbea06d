#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// Works out when an entry happened from `--at` and `--date`, and refuses times still to come.
enum EntryTime {
    /// How far past the clock a new entry's time may lie: enough for a clock that runs a little
    /// behind another machine's, far too little to hide a mistyped year or day.
    static let futureTolerance: TimeInterval = 10 * 60

    /// The hour a backfilled date is put at: inside the date in every time zone, and clear of the
    /// small hours that daylight-saving changes skip or repeat.
    static let backfillHour = 12

    /// `--at` if given; else, with `--date`, that day at 12:00 local (today: now); else now.
    /// A `--date` that disagrees with `--at`'s local date, or a later date than today, is refused.
    static func resolve(at: String?, date: String?, now: Date, timeZone: ZoneInfo) throws -> Timestamp {
        let nowStamp = Timestamp(now, in: timeZone).truncatedToSeconds
        let day = try date.map { try Input.date($0, option: "--date", now: now, timeZone: timeZone) }
        if let at {
            let time = try Input.timestamp(at, option: "--at", now: now, timeZone: timeZone)
            if let day, LocalDate(instant: time.date, in: timeZone) != day {
                throw CLIError.usage("--date \(day) does not match --at \(at), which is \(LocalDate(instant: time.date, in: timeZone)) in time zone \(timeZone.identifier); give just one of them")
            }
            return time
        }
        guard let day else { return nowStamp }
        let today = LocalDate(instant: now, in: timeZone)
        if day > today {
            throw CLIError.usage("--date \(day) is in the future (today is \(today)); check the date")
        }
        if day == today { return nowStamp }
        for hour in [backfillHour, backfillHour + 1] {
            let text = "\(day)T\(hour):00"
            if case .success(let time) = Timestamp.parse(text, localTimeZone: timeZone) { return time.converted(to: timeZone) }
        }
        return try Input.timestamp("\(day)T\(backfillHour):00", option: "--date", now: now, timeZone: timeZone)
    }

    /// Refuses a new entry's `time` more than `futureTolerance` after `now`: every rule ignores
    /// entries after now, so a mistyped year would silently hide the entry's answers.
    static func refuseFuture(_ time: Timestamp, now: Date, timeZone: ZoneInfo) throws {
        guard time.date.timeIntervalSince(now) > futureTolerance else { return }
        let local = time.converted(to: timeZone)
        let clock = Timestamp(now, in: timeZone)
        throw CLIError.usage("--at \(local.localDate) \(local.clockTime) is in the future (the clock says \(clock.localDate) \(clock.clockTime)); check the date")
    }
}

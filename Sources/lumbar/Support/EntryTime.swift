#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// Works out when an entry happened from `--at` and `--date`, and refuses times still to come.
enum EntryTime {
    /// How far past the clock a new entry's time may lie: enough for a clock that runs a little
    /// behind another machine's, far too little to hide a mistyped year or day.
    static let futureTolerance: TimeInterval = 10 * 60

    /// `--at` if given; else, with `--date`, that day at the backfill time (12:00 unless the
    /// settings say otherwise; today: now); else now. A `--date` that disagrees with `--at`'s
    /// local date, or a later date than today, is refused.
    static func resolve(at: String?, date: String?, now: Date, timeZone: ZoneInfo, backfill: TimeOfDay = .noon) throws -> Timestamp {
        let nowStamp = Timestamp(now, in: timeZone).truncatedToSeconds
        let day = try date.map { try Input.date($0, option: "--date", now: now, timeZone: timeZone) }
        if let at {
            let time = try Input.timestamp(at, option: "--at", now: now, timeZone: timeZone)
            if let day, LocalDate(instant: time.date, in: timeZone) != day {
                throw CLIError.usage(
                    "--date \(day) does not match --at \(at), which is \(LocalDate(instant: time.date, in: timeZone)) in time zone \(timeZone.identifier); give just one of them"
                )
            }
            return time
        }
        guard let day else { return nowStamp }
        let today = LocalDate(instant: now, in: timeZone)
        if day > today {
            throw CLIError.usage("--date \(day) is in the future (today is \(today)); check the date")
        }
        if day == today { return nowStamp }
        // A backfill time the clocks skip that day moves on by an hour, as the clocks did.
        for hour in [backfill.hour, backfill.hour + 1] where hour < 24 {
            let text = "\(day)T\(hour < 10 ? "0" : "")\(hour):\(backfill.minute < 10 ? "0" : "")\(backfill.minute)"
            if case .success(let time) = Timestamp.parse(text, localTimeZone: timeZone) { return time.converted(to: timeZone) }
        }
        return try Input.timestamp("\(day)T\(backfill)", option: "--date", now: now, timeZone: timeZone)
    }

    /// Refuses a new entry's `time` more than `futureTolerance` after `now`: every rule ignores
    /// entries after now, so a mistyped year would silently hide the entry's answers.
    static func refuseFuture(_ time: Timestamp, now: Date, timeZone: ZoneInfo) throws {
        guard time.date.timeIntervalSince(now) > futureTolerance else { return }
        let local = time.converted(to: timeZone)
        let clock = Timestamp(now, in: timeZone)
        throw CLIError.usage(
            "--at \(local.localDate) \(local.clockTime) is in the future (the clock says \(clock.localDate) \(clock.clockTime)); check the date")
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// Parses and checks command-line values, failing with one line that says how to fix them.
enum Input {
    /// A time as `TimeInput` reads it (ISO 8601, `now`, `18:00`, `yesterday 18:00`, `mon 7:30`,
    /// `-2h`), relative to `now` (default: `TimeSource.now()`), seen in `timeZone`.
    static func timestamp(_ text: String, option: String, now: Date? = nil, timeZone: ZoneInfo = TimeSource.timeZone) throws -> Timestamp {
        switch TimeInput.parse(text, now: try now ?? TimeSource.now(), timeZone: timeZone) {
        case .success(let t):
            // Years 1–9999 in every zone (offsets reach ±18 h): a time near either end could
            // become year 0 or 10000 where it is shown, and lumbar would write what it cannot read.
            guard EntryRules.instants.contains(t.epochMilliseconds) else {
                throw CLIError.usage("\(option) '\(text)' is outside the years lumbar keeps (0001-01-02 to 9999-12-30); give a real date")
            }
            return t
        case .failure(let failure):
            throw CLIError.usage(failure.message(for: text, option: option, timeZone: timeZone))
        }
    }

    /// A calendar date: `YYYY-MM-DD`, `today`, `yesterday` or a weekday name (the most recent
    /// such day, today included), relative to `now` (default: `TimeSource.now()`).
    static func date(_ text: String, option: String, now: Date? = nil, timeZone: ZoneInfo = TimeSource.timeZone) throws -> LocalDate {
        switch TimeInput.parseDate(text, now: try now ?? TimeSource.now(), timeZone: timeZone) {
        case .success(let date):
            return date
        case .failure(.outOfRange):
            throw CLIError.usage("\(option) '\(text)' is not a real date (check the month and day)")
        case .failure:
            throw CLIError.usage("\(option) must be a date as YYYY-MM-DD, today, yesterday or a weekday name such as mon, got '\(text)'")
        }
    }

    /// The instant `--now TEXT` names, or the clock's now when `text` is nil. A typed form
    /// (`yesterday 18:00`, `-2d`) is said back in full on standard error, so a person sees what
    /// was understood; an ISO time already says it.
    static func now(_ text: String?, option: String = "--now") throws -> Date {
        guard let text else { return try TimeSource.now() }
        let zone = TimeSource.timeZone
        let time = try timestamp(text, option: option, timeZone: zone)
        if case .failure = Timestamp.parse(text.trimmingSpaces(), localTimeZone: zone) {
            let local = time.converted(to: zone)
            Output.error("lumbar: as of \(local.localDate.weekdayAbbreviation) \(local.localDate) \(local.clockTime)")
        }
        return time.date
    }

    /// A day for a range bound: a date as `date(_:)` reads it, or any time `timestamp(_:)` reads
    /// (`-7d`, `mon 7:30`), taken as its local date. A bound may lie in the future.
    static func day(_ text: String, option: String, now: Date, timeZone: ZoneInfo) throws -> LocalDate {
        switch TimeInput.parseDate(text, now: now, timeZone: timeZone) {
        case .success(let date): return date
        case .failure(.outOfRange): throw CLIError.usage("\(option) '\(text)' is not a real date (check the month and day)")
        case .failure: break
        }
        switch TimeInput.parse(text, now: now, timeZone: timeZone) {
        case .success(let time):
            return time.converted(to: timeZone).localDate
        case .failure(.unrecognized):
            throw CLIError.usage(
                "\(option) must be a day (YYYY-MM-DD, today, yesterday or a weekday name such as mon) or a time such as -7d, got '\(text)'")
        case .failure(let failure):
            throw CLIError.usage(failure.message(for: text, option: option, timeZone: timeZone))
        }
    }

    /// The entry a full or shortened id (at least 4 characters) names in `journal`.
    static func entry(_ idText: String, in journal: Journal) throws -> Journal.Entry {
        let prefix = idText.trimmingSpaces().lowercased()
        guard prefix.count >= 4, prefix.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw CLIError.usage("'\(idText)' is not an entry id; use the id (or its first 8 characters) shown by 'lumbar history'")
        }
        let matches = journal.ids(matchingPrefix: prefix)
        guard let id = matches.first else {
            throw CLIError.usage("no entry has id '\(idText)'; 'lumbar history' lists the ids")
        }
        guard matches.count == 1 else {
            throw CLIError.usage("'\(idText)' matches \(matches.count) entries; give more characters of the id")
        }
        if let c = journal.checkIn(id: id) { return .checkIn(c) }
        if let s = journal.session(id: id) { return .session(s) }
        throw CLIError.usage("no entry has id '\(idText)'; 'lumbar history' lists the ids")
    }
}

extension UUID {
    /// The first 8 hex digits, enough to name an entry on the command line.
    var shortID: String { String(uuidString.lowercased().prefix(8)) }
}

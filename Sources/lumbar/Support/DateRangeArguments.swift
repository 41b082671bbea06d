import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// `--from`/`--to` (also spelled `--since`/`--until`): the days a listing or an export covers.
struct DateRangeArguments: ParsableArguments {
    @Option(
        name: [.customLong("from"), .customLong("since")], parsing: .unconditional,
        help: ArgumentHelp(
            "Only entries on or after this day: YYYY-MM-DD, today, yesterday, a weekday name, or a time such as -7d (its day).", valueName: "date"))
    var from: String?

    @Option(
        name: [.customLong("to"), .customLong("until")], parsing: .unconditional,
        help: ArgumentHelp("Only entries on or before this day (the same forms).", valueName: "date"))
    var to: String?

    /// Whether either bound was given.
    var isGiven: Bool { from != nil || to != nil }

    /// Whether a bound was typed as something other than `YYYY-MM-DD` (`mon`, `-7d`), so that the
    /// day understood is worth saying back.
    var isRelative: Bool { [from, to].contains { $0.map { LocalDate($0.trimmingSpaces()) == nil } ?? false } }

    /// Says on standard error which days were understood, when a bound was relative.
    func echo(_ range: DateRange, what: String) {
        if isRelative { Output.error("lumbar: \(what) \(range.description)") }
    }

    /// The range these options give, relative to `now` in `timeZone`; nil bounds are open.
    func resolve(now: Date, timeZone: ZoneInfo) throws -> DateRange {
        let first = try from.map { try Input.day($0, option: "--from", now: now, timeZone: timeZone) }
        let last = try to.map { try Input.day($0, option: "--to", now: now, timeZone: timeZone) }
        if let first, let last, first > last {
            throw CLIError.usage("--from \(first) is after --to \(last); give the earlier day first")
        }
        return DateRange(first: first, last: last)
    }
}

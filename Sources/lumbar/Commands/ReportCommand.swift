import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import LumbarCore
import LumbarText

/// `lumbar report`: one page for a clinician, in Markdown or as a self-contained HTML file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a summary of the log for a doctor or physiotherapist.",
        discussion: """
            Page 1 tells a clinician what happened, when, how it evolved and what was ruled out: the \
            main episode (trigger session, onset, day count, peak and latest pain, the trend, the \
            72 h / 96 h / day 14 / day 28 / day 42 windows crossed), the warning signs answered yes \
            and no, the flags and their levels over time, assessments, self-care and a chart. The \
            day-by-day table, the sessions and the notes follow. It is a self-tracked log, not a diagnosis.

            The period defaults to the most significant episode of back pain (highest peak, then \
            longest) overlapping the last \(ReportPeriod.lookBackDays) days before --to: from its trigger \
            session, or its onset, to --to (today). Without such an episode it is the last \
            \(ReportPeriod.recentDays) days.

            On a terminal without --output, the HTML report is written to a new file in the current \
            directory (readable only by you) and its path printed; piped, Markdown goes to standard \
            output. The HTML needs no network and no scripts, prints on A4 and reads on a phone.
            """
    )

    /// The formats `report` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html
    }

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "First day of the period: YYYY-MM-DD, yesterday, a weekday name, or a time such as -14d (its day), relative to --now. Default: the main episode's trigger session or onset.",
            valueName: "date"))
    var from: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Last day of the period (the same forms). Default: today.", valueName: "date"))
    var to: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Make the report as of this time: ISO 8601, now, 18:00, yesterday 18:00, mon 7:30, -2h or -1d. Default: now.", valueName: "time"))
    var now: String?

    @Option(help: ArgumentHelp("Output format: md (Markdown) or html. Default: html to a file on a terminal, else md.", valueName: "format"))
    var format: Format?

    @Option(help: ArgumentHelp("Write to this file (created 0600) instead of standard output.", valueName: "path"), completion: .file())
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let zone = TimeSource.timeZone
        let instant = try Input.now(now)
        let today = LocalDate(instant: instant, in: zone)
        let requestedFrom = try from.map { try Input.day($0, option: "--from", now: instant, timeZone: zone) }
        let requestedTo = try to.map { try Input.day($0, option: "--to", now: instant, timeZone: zone) }
        if let requestedFrom, requestedFrom > today {
            throw CLIError.usage("--from \(requestedFrom) is after today (\(today)); a report covers days that have begun")
        }
        if let requestedFrom, let requestedTo, requestedFrom > requestedTo {
            throw CLIError.usage("--from \(requestedFrom) is after --to \(requestedTo); give the earlier date first")
        }
        // A period ending in the future stops at today: there is nothing to report yet.
        let last = min(requestedTo ?? today, today)
        if let requestedFrom {
            let days = requestedFrom.days(to: last) + 1
            if days > Report.maximumDays {
                throw CLIError.usage(
                    "the period \(requestedFrom) to \(last) is \(days) days; a report covers at most \(Report.maximumDays) (move --from or --to)")
            }
        }

        let journal = try storeOptions.journalStore.load()
        let period =
            requestedFrom.map { ReportPeriod(first: $0, last: last, reason: .requested) }
            ?? ReportPeriod.standard(through: last, journal: journal, now: instant, timeZone: zone)
        let report = Report(journal: journal, period: period, now: instant, timeZone: zone)
        // A page of HTML is no use printed on a terminal: there it goes to a file to open in a browser.
        let toTerminal = output == nil && isatty(STDOUT_FILENO) == 1
        let format = self.format ?? (toTerminal ? .html : .md)
        let text = format == .html ? HTMLReport.render(report) : MarkdownReport.render(report)
        let kind = format == .html ? "HTML" : "Markdown"
        if let output {
            try OutputFile.write(Array(text.utf8), to: output, store: storeOptions.journalStore, what: "report")
            Output.error("Wrote the \(kind) report for \(period.first) to \(report.lastDay) to \(output).")
        } else if toTerminal, format == .html {
            let path = Self.newFile(
                named: "lumbar-report-\(report.lastDay)", extension: "html",
                in: FileManager.default.currentDirectoryPath)
            try PrivateFile.write(Array(text.utf8), to: path)
            Output.write(
                Array("Wrote the HTML report for \(period.first) to \(report.lastDay) to \(path); open it in a browser to read or print it.\n".utf8))
        } else {
            Output.write(Array(text.utf8))
        }
    }

    /// A path in `directory` that no file has yet: `name.ext`, else `name-2.ext`, `name-3.ext`...
    static func newFile(named name: String, extension ext: String, in directory: String) -> String {
        var candidate = directory + "/" + name + "." + ext
        var number = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = directory + "/" + name + "-\(number)." + ext
            number += 1
        }
        return candidate
    }
}

import ArgumentParser
import Foundation
import LumbarCore

/// `lumbar report`: one page for a clinician, in Markdown or as a self-contained HTML file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a one-page summary of the log for a doctor or physiotherapist.",
        discussion: """
            The report shows the current episode (onset, day count, trigger session), the pain trend \
            (a daily table in Markdown; a chart with the 7-day average and the 72 h / 96 h / day 14 / \
            day 28 marks in HTML), each flag raised in the period with the day it first fired, the \
            red-flag answers, self-care, sessions and notes. It is a self-tracked log, not a diagnosis.

            The period defaults to the 30 days before --to (today), reaching back to the onset of the \
            current episode when that is earlier (up to \(Report.maximumDefaultDays) days). The HTML \
            file needs no network and no scripts, and prints on A4.
            """
    )

    /// The formats `report` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html
    }

    @Option(help: ArgumentHelp("First day of the period (YYYY-MM-DD). Default: 30 days before --to, or the current episode's onset.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day of the period (YYYY-MM-DD). Default: today.", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("Make the report as of this time (ISO 8601). Default: now.", valueName: "time"))
    var now: String?

    @Option(help: ArgumentHelp("Output format: md (Markdown) or html.", valueName: "format"))
    var format: Format = .md

    @Option(help: ArgumentHelp("Write to this file (created 0600) instead of standard output.", valueName: "path"))
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let zone = Clock.timeZone
        let instant = try now.map { try Input.timestamp($0, option: "--now").date } ?? Clock.now()
        let today = LocalDate(instant: instant, in: zone)
        let requestedFrom = try from.map { try Input.date($0, option: "--from") }
        let requestedTo = try to.map { try Input.date($0, option: "--to") }
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
                throw CLIError.usage("the period \(requestedFrom) to \(last) is \(days) days; a report covers at most \(Report.maximumDays) (move --from or --to)")
            }
        }

        let journal = try storeOptions.journalStore.load()
        let first = requestedFrom ?? Report.defaultFirstDay(through: last, journal: journal, now: instant, timeZone: zone)
        let report = Report(journal: journal, from: first, through: last, now: instant, timeZone: zone)
        let text = format == .html ? HTMLReport.render(report) : MarkdownReport.render(report)
        if let output {
            try OutputFile.write(Array(text.utf8), to: output, store: storeOptions.journalStore, what: "report")
            Output.error("Wrote the \(format == .html ? "HTML" : "Markdown") report for \(first) to \(report.lastDay) to \(output).")
        } else {
            Output.write(Array(text.utf8))
        }
    }
}

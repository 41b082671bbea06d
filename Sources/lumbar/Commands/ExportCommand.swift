import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import LumbarCore

/// `lumbar export`: the whole journal in an interchange format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole journal as JSON, or the check-ins as CSV.",
        discussion: """
            json: {"schemaVersion", "profile", "sessions", "checkIns", "assessments"}, the shape 'lumbar import' reads.
            csv: one row per check-in, RFC 4180 quoting, columns \(CheckInCSV.columns.joined(separator: ", ")); \
            symptoms (yes answers), denied (no answers) and care hold several keys joined with ';'; a cell \
            that a spreadsheet would run as a formula starts with an added ' (import removes it).
            """
    )

    /// The formats `export` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv
    }

    @Option(help: ArgumentHelp("Output format: json or csv.", valueName: "format"))
    var format: Format = .json

    @Option(help: ArgumentHelp("Write to this file (created 0600) instead of standard output.", valueName: "path"), completion: .file())
    var output: String?

    @OptionGroup var range: DateRangeArguments

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let days = try range.resolve(now: try TimeSource.now(), timeZone: TimeSource.timeZone)
        var journal = try storeOptions.journalStore.load()
        defer { KeptUntilExit.keep(journal) }
        if range.isGiven {
            journal = Interchange.days(days, of: journal, timeZone: TimeSource.timeZone)
            range.echo(days, what: "exporting the entries")
        }
        if let output {
            var bytes: [UInt8] = []
            write(journal) { bytes.append(contentsOf: $0) }
            try OutputFile.write(bytes, to: output, store: storeOptions.journalStore, what: "export")
            Output.error("Exported \(journal.checkIns.count) check-ins and \(journal.sessions.count) sessions to \(output).")
        } else {
            // Streamed in chunks, so a century of entries never sits in memory twice.
            write(journal, into: Output.write)
        }
    }

    private func write(_ journal: Journal, into sink: ([UInt8]) -> Void) {
        switch format {
        case .json: PrettyJSON.export(journal, into: sink)
        case .csv: CheckInCSV.export(journal.checkIns, into: sink)
        }
    }
}

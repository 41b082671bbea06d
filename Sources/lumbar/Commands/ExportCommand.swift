import ArgumentParser
import Foundation
import LumbarCore

/// `lumbar export`: the whole journal in an interchange format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole journal as JSON, or the check-ins as CSV.",
        discussion: """
            json: {"schemaVersion", "profile", "sessions", "checkIns"}, the shape 'lumbar import' reads.
            csv: one row per check-in, RFC 4180 quoting, columns \(CheckInCSV.columns.joined(separator: ", ")); \
            symptoms and care hold several keys joined with ';'.
            """
    )

    /// The formats `export` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv
    }

    @Option(help: ArgumentHelp("Output format: json or csv.", valueName: "format"))
    var format: Format = .json

    @Option(help: ArgumentHelp("Write to this file (created 0600) instead of standard output.", valueName: "path"))
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let journal = try storeOptions.journalStore.load()
        let bytes = format == .json ? Interchange.exportJSON(journal) : Array(CheckInCSV.export(journal.checkIns).utf8)
        if let output {
            try OutputFile.write(bytes, to: output, store: storeOptions.journalStore, what: "export")
            Output.error("Exported \(journal.checkIns.count) check-ins and \(journal.sessions.count) sessions to \(output).")
        } else {
            Output.write(bytes)
        }
    }
}

/// The interchange shape shared by `export` and `import`.
enum Interchange {
    /// `{"schemaVersion", "profile", "sessions", "checkIns"}`, indented for people.
    static func exportJSON(_ journal: Journal) -> [UInt8] {
        var writer = JSONWriter()
        writer.writePretty(JournalCodec.json(journal, includeTombstones: false))
        return writer.bytes + [0x0A]
    }

    /// Reads a journal or export file for `import`/`merge`, refusing unknown keys and newer schemas.
    static func readJournal(at path: String, purpose: String) throws -> Journal {
        let bytes: [UInt8]
        do {
            bytes = try PrivateFile.read(path)
        } catch let error as StoreError {
            throw CLIError(message: "cannot \(purpose) \(path): \(error.description)", exitCode: error.exitCode)
        }
        let journal: Journal
        do {
            journal = try JournalStore.decode(bytes, path: path)
        } catch StoreError.unreadable(_, let reason) {
            throw CLIError.data("cannot \(purpose) \(path): \(reason); nothing was changed")
        }
        if journal.schemaVersion > Journal.currentSchemaVersion {
            throw CLIError.data("cannot \(purpose) \(path): it was written by a newer lumbar (schema \(journal.schemaVersion)); upgrade lumbar first")
        }
        for (i, c) in journal.checkIns.enumerated() {
            if let bad = c.symptoms.first(where: { !$0.isKnown }) {
                throw CLIError.data("cannot \(purpose) \(path): checkIns[\(i)] has unknown symptom '\(bad)'; known symptoms: \(Symptom.known.map(\.rawValue).joined(separator: ", "))")
            }
            if let bad = c.care.first(where: { !$0.isKnown }) {
                throw CLIError.data("cannot \(purpose) \(path): checkIns[\(i)] has unknown self-care '\(bad)'; known self-care: \(SelfCare.known.map(\.rawValue).joined(separator: ", "))")
            }
        }
        return journal
    }
}

import ArgumentParser
import Foundation
import LumbarCore

/// `lumbar import FILE`: merges an export into the journal by id.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge an exported JSON or CSV file into the journal by id (the newer edit wins).",
        discussion: """
            The format is detected: a file starting with '{' is JSON, anything else CSV. A CSV needs a \
            header naming its columns (\(CheckInCSV.columns.joined(separator: ", "))); only pain and \
            date (or at) are required. Rows without an id get one derived from their content, so \
            importing the same file twice changes nothing the second time. When any row is bad, \
            nothing is imported and every bad row is listed, unless --skip-bad.
            """
    )

    @Argument(help: "The file to import.")
    var file: String

    @ArgumentParser.Flag(name: .customLong("skip-bad"), help: "Import the good rows of a CSV and list the bad ones.")
    var skipBad = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try PrivateFile.read(file)
        } catch let error as StoreError {
            throw CLIError(message: "cannot import \(file): \(error.description)", exitCode: error.exitCode)
        }
        var incoming: Journal
        var skipped = 0
        if bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") {
            incoming = try Interchange.readJournal(at: file, purpose: "import")
        } else {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw CLIError.data("cannot import \(file): it is neither JSON nor UTF-8 text (CSV); save it as UTF-8")
            }
            let parsed: CheckInCSV.Parsed
            do {
                parsed = try CheckInCSV.parse(text, timeZone: Clock.timeZone, now: try Clock.now())
            } catch let error as CheckInCSV.RowError {
                throw CLIError.data("cannot import \(file): \(error); nothing was imported")
            }
            if !parsed.errors.isEmpty {
                for error in parsed.errors.prefix(20) { Output.error("lumbar: \(file): \(error)") }
                if parsed.errors.count > 20 { Output.error("lumbar: \(file): ... and \(parsed.errors.count - 20) more bad rows") }
                guard skipBad else {
                    throw CLIError.data("\(parsed.errors.count) bad row(s) in \(file) (listed above); nothing was imported. Fix them, or add --skip-bad to import the \(parsed.checkIns.count) good rows")
                }
                skipped = parsed.errors.count
            }
            incoming = Journal(sessions: [], checkIns: parsed.checkIns)
        }
        // An export carries no deletions: importing an old export must not undo a deletion here.
        incoming.removeTombstones()
        let report = try storeOptions.journalStore.update { $0.merge(incoming) }
        print("Imported \(file): \(report)\(skipped > 0 ? ", \(skipped) bad rows skipped" : "").")
    }
}

/// `lumbar merge OTHER`: folds another copy of the journal in, deletions included.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Fold another copy of the journal (another machine, a sync conflict file) into this one, deletions included."
    )

    @Argument(help: "The other journal file.")
    var other: String

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let incoming = try Interchange.readJournal(at: other, purpose: "merge")
        let report = try storeOptions.journalStore.update { $0.merge(incoming) }
        print("Merged \(other): \(report).")
    }
}

import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// `lumbar import FILE`: merges an export into the journal by id.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge an exported JSON or CSV file into the journal by id (the higher revision wins).",
        discussion: """
            The format is detected: a file starting with '{' is JSON, anything else CSV. A CSV needs a \
            header naming its columns (\(CheckInCSV.columns.joined(separator: ", "))); only pain and \
            date (or at) are required. Rows without an id get one derived from their content, so \
            importing the same file twice changes nothing the second time. A row with an id but no \
            revision never replaces a different check-in with that id (it is listed instead). When any \
            row is bad, or two rows share an id, nothing is imported and every bad row is listed, unless --skip-bad.
            """
    )

    @Argument(help: "The file to import.", completion: .file())
    var file: String

    @Flag(name: .customLong("skip-bad"), help: "Import the good rows of a CSV and list the bad ones.")
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
        var unrevised: Set<UUID> = []
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let startsWithBOM = bytes.starts(with: bom)
        let firstByte = bytes.dropFirst(startsWithBOM ? 3 : 0).first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if firstByte == UInt8(ascii: "{") {
            if startsWithBOM {
                throw CLIError.data(
                    "cannot import \(file): it is JSON that starts with a byte order mark (EF BB BF), which JSON does not allow; save it as UTF-8 without BOM; nothing was imported"
                )
            }
            incoming = try Interchange.readJournal(at: file, purpose: "import")
        } else {
            if !startsWithBOM, let value = try? JSONParser.parse(bytes) {
                throw CLIError.data(
                    "cannot import \(file): it is JSON holding \(value.typeDescription), not a journal; import a file from 'lumbar export' (an object with \"schemaVersion\") or a CSV; nothing was imported"
                )
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw CLIError.data("cannot import \(file): it is neither JSON nor UTF-8 text (CSV); save it as UTF-8")
            }
            let parsed: CheckInCSV.Parsed
            do {
                parsed = try CheckInCSV.parse(text, timeZone: TimeSource.timeZone, now: try TimeSource.now())
            } catch let error as CheckInCSV.RowError {
                throw CLIError.data("cannot import \(file): \(error); nothing was imported")
            }
            if !parsed.errors.isEmpty {
                for error in parsed.errors.prefix(20) { Output.error("lumbar: \(file): \(error)") }
                if parsed.errors.count > 20 { Output.error("lumbar: \(file): ... and \(parsed.errors.count - 20) more bad rows") }
                guard skipBad else {
                    throw CLIError.data(
                        "\(parsed.errors.count) bad row(s) in \(file) (listed above); nothing was imported. Fix them, or add --skip-bad to import the \(parsed.checkIns.count) good rows"
                    )
                }
                skipped = parsed.errors.count
            }
            incoming = Journal(sessions: [], checkIns: parsed.checkIns)
            unrevised = parsed.unrevised
        }
        // An export carries no deletions: importing an old export must not undo a deletion here.
        incoming.removeTombstones()
        let report = try storeOptions.journalStore.update { $0.merge(incoming, unrevised: unrevised) }
        for id in report.conflicts {
            Output.error(
                "lumbar: \(file): check-in \(id.shortID) differs from the one in the journal and its row has no revision, so it was not imported; export again and edit that file to change it"
            )
        }
        print("Imported \(file): \(report)\(skipped > 0 ? ", \(skipped) bad rows skipped" : "").")
    }
}

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
        var unrevised: Set<UUID> = []
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let startsWithBOM = bytes.starts(with: bom)
        let firstByte = bytes.dropFirst(startsWithBOM ? 3 : 0).first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if firstByte == UInt8(ascii: "{") {
            if startsWithBOM {
                throw CLIError.data("cannot import \(file): it is JSON that starts with a byte order mark (EF BB BF), which JSON does not allow; save it as UTF-8 without BOM; nothing was imported")
            }
            incoming = try Interchange.readJournal(at: file, purpose: "import")
        } else {
            if !startsWithBOM, let value = try? JSONParser.parse(bytes) {
                throw CLIError.data("cannot import \(file): it is JSON holding \(value.typeDescription), not a journal; import a file from 'lumbar export' (an object with \"schemaVersion\") or a CSV; nothing was imported")
            }
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
            unrevised = parsed.unrevised
        }
        // An export carries no deletions: importing an old export must not undo a deletion here.
        incoming.removeTombstones()
        let report = try storeOptions.journalStore.update { $0.merge(incoming, unrevised: unrevised) }
        for id in report.conflicts {
            Output.error("lumbar: \(file): check-in \(id.shortID) differs from the one in the journal and its row has no revision, so it was not imported; export again and edit that file to change it")
        }
        print("Imported \(file): \(report)\(skipped > 0 ? ", \(skipped) bad rows skipped" : "").")
    }
}

/// `lumbar merge OTHER`: folds another copy of the journal in, deletions included.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Fold another copy of the journal (another machine, a sync conflict file) into this one, deletions included.",
        discussion: """
            The higher revision of each entry wins, whatever the clocks say. A merge that would delete \
            more than \(MergeReport.deletionsWithoutAsking) entries, or an entry edited here after the other copy \
            deleted it, lists them and asks first; without a terminal to ask on it changes nothing \
            (exit 65) unless --yes is given. Deleted entries stay recoverable with 'lumbar undelete'.
            """
    )

    @Argument(help: "The other journal file.")
    var other: String

    @ArgumentParser.Flag(name: .customLong("yes"), help: "Apply the deletions the merge lists without asking.")
    var yes = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let incoming = try Interchange.readJournal(at: other, purpose: "merge")
        let store = storeOptions.journalStore
        var trial = try store.load()
        let preview = trial.merge(incoming)
        let confirmed = Set(preview.deletions.map(\.id))
        if preview.needsConfirmation && !yes {
            try Interchange.confirmDeletions(preview, from: other)
        }
        let report: MergeReport = try store.update { journal in
            var merged = journal
            let report = merged.merge(incoming)
            // The journal may have changed since the preview: never apply a deletion nobody saw.
            if !yes, report.needsConfirmation, !Set(report.deletions.map(\.id)).isSubset(of: confirmed) {
                throw CLIError.data("the journal changed while you were asked; nothing was merged. Run 'lumbar merge \(other)' again")
            }
            journal = merged
            return report
        }
        print("Merged \(other): \(report).")
    }
}

/// `lumbar undelete [ID]`: lists deleted entries, or brings one back.
struct UndeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undelete",
        abstract: "List deleted entries, or bring one back by id.",
        discussion: "A deletion (by 'lumbar delete' or a merge) keeps the entry it removed; undeleting it makes a new revision that also wins later merges."
    )

    @Argument(help: "The deleted entry's id (its first 8 characters are enough); without it, the deleted entries are listed.")
    var id: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = storeOptions.journalStore
        guard let id else {
            let deletions = try store.load().recoverableDeletions
            if deletions.isEmpty { print("No deleted entries to bring back.") }
            for t in deletions {
                let kind = t.kind == "checkIn" ? "check-in" : (t.kind ?? "entry").escapingControlCharacters
                print("\(t.id.shortID)  \(kind)  deleted \(t.deletedAt.converted(to: Clock.timeZone).localDate) \(t.deletedAt.converted(to: Clock.timeZone).clockTime)")
            }
            return
        }
        let needle = id.lowercased()
        let kind: String = try store.update { journal in
            let matches = journal.recoverableDeletions.filter { $0.id.uuidString.lowercased().hasPrefix(needle) }
            guard matches.count == 1, let match = matches.first else {
                throw CLIError.usage(matches.isEmpty
                    ? "no deleted entry has an id starting '\(id.escapingControlCharacters)'; 'lumbar undelete' lists them"
                    : "'\(id.escapingControlCharacters)' matches \(matches.count) deleted entries; give more of the id")
            }
            do {
                guard let kind = try journal.undelete(id: match.id) else {
                    throw CLIError.data("the deleted entry \(match.id.shortID) is of a kind this lumbar does not know; upgrade lumbar")
                }
                return kind
            } catch let error as JournalFormatError {
                throw CLIError.data("cannot bring back \(match.id.shortID): \(error); nothing was changed")
            }
        }
        print("Brought back the deleted \(kind == "checkIn" ? "check-in" : kind) \(id.escapingControlCharacters).")
    }
}

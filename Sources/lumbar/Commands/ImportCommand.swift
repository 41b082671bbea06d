import ArgumentParser
import Foundation
import LumbarCore

/// `lumbar import FILE`: merges an export into the journal by id.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge an exported JSON file into the journal by id (the newer edit wins).",
        discussion: "Importing the same file twice changes nothing the second time."
    )

    @Argument(help: "The file to import.")
    var file: String

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        var incoming = try Interchange.readJournal(at: file, purpose: "import")
        // An export carries no deletions: importing an old export must not undo a deletion here.
        incoming.removeTombstones()
        let report = try storeOptions.journalStore.update { $0.merge(incoming) }
        print("Imported \(file): \(report).")
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

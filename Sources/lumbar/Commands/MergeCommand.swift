import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

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

    @Argument(help: "The other journal file.", completion: .file())
    var other: String

    @Flag(name: .customLong("yes"), help: "Apply the deletions the merge lists without asking.")
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
        ConflictSweep.settle(mergedFile: other, store: store)
    }
}

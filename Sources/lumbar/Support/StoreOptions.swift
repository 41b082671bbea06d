import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// `--store PATH`, shared by every command that touches the journal.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The journal file. Default: $LUMBAR_STORE, else $XDG_DATA_HOME/lumbar/journal.json (~/.local/share/lumbar/journal.json).",
            valueName: "path"), completion: .file())
    var store: String?

    /// The store these options name. Warns once (stderr) when the journal is open to others, and
    /// when it was written by a newer lumbar; merges the sync tools' conflict copies of it (docs/sync.md).
    var journalStore: JournalStore {
        var store = JournalStore(path: StoreLocation.journalPath(explicit: self.store, environment: ProcessEnvironment.variables))
        store.onNotice = { Output.warnOnce($0) }
        for warning in StoreExposure.warnings(for: store) { Output.warnOnce(warning) }
        // Conflict copies a sync tool left beside the journal are folded in before anything reads it.
        ConflictSweep.runOnce(store: store, explicitStore: self.store)
        return store
    }
}

import ArgumentParser
import Foundation
import LumbarCore

/// `--store PATH`, shared by every command that touches the journal.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The journal file. Default: $LUMBAR_STORE, else $XDG_DATA_HOME/lumbar/journal.json (~/.local/share/lumbar/journal.json).", valueName: "path"))
    var store: String?

    /// The store these options name.
    var journalStore: JournalStore {
        JournalStore(path: StoreLocation.journalPath(explicit: store, environment: ProcessInfo.processInfo.environment))
    }
}

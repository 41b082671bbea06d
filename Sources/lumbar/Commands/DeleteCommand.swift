import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// `lumbar delete ID`: removes an entry (a backup of the journal before it is kept).
struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a check-in or session.",
        discussion: "The journal as it was is kept as the newest backup; 'lumbar recover' lists the backups."
    )

    @Argument(help: "The entry's id (its first 8 characters are enough).")
    var id: String

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let stamp = Timestamp(try TimeSource.now(), in: TimeSource.timeZone)
        let store = storeOptions.journalStore
        let removed: Journal.Entry = try store.update { journal in
            let entry = try Input.entry(id, in: journal)
            journal.delete(id: entry.id, at: stamp)
            return entry
        }
        switch removed {
        case .checkIn(let c):
            print(
                "Deleted check-in \(c.date) \(c.at.converted(to: TimeSource.timeZone).clockTime), pain \(c.pain) [id \(c.id.shortID)]. The previous journal is kept as \(store.backupPath(1))."
            )
        case .session(let s):
            print(
                "Deleted session \(s.at.converted(to: TimeSource.timeZone).localDate) \(s.kind) [id \(s.id.shortID)]. The previous journal is kept as \(store.backupPath(1))."
            )
        }
    }
}

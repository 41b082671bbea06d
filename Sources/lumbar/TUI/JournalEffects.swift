#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarUI

/// Performs the TUI's effects against the journal file: saves go through `JournalStore.update`,
/// which re-reads the journal under the lock and applies only this change, so entries that
/// another `lumbar` wrote meanwhile are kept; the poll notices such writes by the file's fingerprint.
struct JournalEffects: EffectHandler {
    let store: JournalStore
    let timeZone: ZoneInfo
    let now: @Sendable () -> Date
    /// The version of the file the TUI last read or wrote.
    private(set) var fingerprint: JournalFingerprint?

    init(store: JournalStore, timeZone: ZoneInfo, now: @escaping @Sendable () -> Date, fingerprint: JournalFingerprint?) {
        self.store = store
        self.timeZone = timeZone
        self.now = now
        self.fingerprint = fingerprint
    }

    mutating func perform(_ effect: Effect) -> [Message] {
        switch effect {
        case .save(let transaction): return [save(transaction)]
        case .writeReport(let file): return [file.write()]
        case .pollJournal: return reloadIfChanged().map { [$0] } ?? []
        case .quit: return []  // the program ends itself; nothing to do here
        }
    }

    /// Saves `transaction` and says how it went.
    mutating func save(_ transaction: Transaction) -> Message {
        do {
            var undo: [JournalChange] = []
            let stamp = Timestamp(now(), in: timeZone)
            let journal = try store.update { journal -> Journal in
                undo = transaction.apply(to: &journal, at: stamp)
                return journal
            }
            fingerprint = JournalFingerprint.current(of: store.path)
            return .saved(transaction, journal: journal, undo: undo)
        } catch {
            return .saveFailed(transaction, reason: "\(error)")
        }
    }

    /// The journal as it is now if another process changed the file since it was last read; `nil` otherwise.
    mutating func reloadIfChanged() -> Message? {
        let current = JournalFingerprint.current(of: store.path)
        guard current != fingerprint else { return nil }
        guard let snapshot = try? store.read() else { return nil }  // mid-change or broken: try again later
        fingerprint = snapshot.fingerprint
        return .journalReloaded(snapshot.journal)
    }
}

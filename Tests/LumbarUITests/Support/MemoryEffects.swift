import Foundation
import LumbarCore
@testable import LumbarUI

/// Runs effects in memory: saves apply to `stored` (what the journal file would hold),
/// reports are recorded, not written, and the poll reports `stored` when a test changed it.
final class MemoryEffects: EffectHandler {
    var stored: Journal {
        didSet { changedOutside = true }
    }
    private var changedOutside = false
    var savedTransactions: [Transaction] = []
    var writtenReports: [ReportFile] = []
    var polls = 0
    /// The instant saves are stamped with.
    var clock: Date
    /// When set, every save fails with this reason.
    var failSaves: String?
    /// Looks at the terminal while an effect runs (to see what was drawn before it).
    var whilePerforming: ((Effect) -> Void)?

    init(stored: Journal, clock: Date) {
        self.stored = stored
        self.clock = clock
    }

    func perform(_ effect: Effect) -> [Message] {
        whilePerforming?(effect)
        switch effect {
        case .save(let transaction):
            savedTransactions.append(transaction)
            if let reason = failSaves { return [.saveFailed(transaction, reason: reason)] }
            var journal = stored
            let undo = transaction.apply(to: &journal, at: Timestamp(clock, in: Fixtures.zone))
            stored = journal
            changedOutside = false
            return [.saved(transaction, journal: journal, undo: undo)]
        case .writeReport(let file):
            writtenReports.append(file)
            return [.reportWritten(file, path: "/reports/" + file.name)]
        case .pollJournal:
            polls += 1
            guard changedOutside else { return [] }
            changedOutside = false
            return [.journalReloaded(stored)]
        case .quit:
            return []
        }
    }
}

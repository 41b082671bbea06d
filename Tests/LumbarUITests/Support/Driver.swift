import Foundation
import LumbarCore
@testable import LumbarUI

/// Runs the update loop in memory: keys in, effects applied to a journal as the terminal's
/// loop would (saves through `Transaction.apply`), quits recorded.
struct Driver {
    var state: AppState
    /// What the store would hold.
    var stored: Journal
    var exitCode: Int32?
    var savedTransactions: [Transaction] = []
    /// Reports the TUI asked to write (not written: the path reported is made up).
    var writtenReports: [ReportFile] = []
    /// The instant saves are stamped with.
    var clock: Date

    init(_ journal: Journal, width: Int = 80, height: Int = 24, now: Date = Fixtures.now, preferences: Preferences = .standard) {
        state = AppState(journal: journal, now: now, timeZone: Fixtures.zone, width: width, height: height, preferences: preferences)
        stored = journal
        clock = now
    }

    mutating func send(_ message: Message) {
        var pending = state.update(message)
        while !pending.isEmpty {
            switch pending.removeFirst() {
            case .quit(let code):
                exitCode = code
            case .save(let transaction):
                savedTransactions.append(transaction)
                let undo = transaction.apply(to: &stored, at: Timestamp(clock, in: Fixtures.zone))
                pending += state.update(.saved(transaction, journal: stored, undo: undo))
            case .writeReport(let file):
                writtenReports.append(file)
                pending += state.update(.reportWritten(file, path: "/reports/" + file.name))
            }
        }
    }

    mutating func press(_ keys: Key...) { for key in keys { send(.key(key)) } }
    mutating func press(_ keys: [Key]) { for key in keys { send(.key(key)) } }
    mutating func type(_ text: String) { press(Key.typing(text)) }

    /// The screen as text.
    var screen: String { AppView.render(state).lines.joined(separator: "\n") }
}

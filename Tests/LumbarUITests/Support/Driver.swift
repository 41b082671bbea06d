import Foundation
import LumbarCore
@testable import LumbarUI

/// The real `Program` on a headless terminal with effects in memory: keys go through the
/// terminal's queue and the same loop the TUI runs; `send` injects a message directly.
struct Driver {
    private(set) var program: Program<HeadlessTerminal, MemoryEffects>
    let terminal: HeadlessTerminal
    let effects: MemoryEffects
    /// The exit status once the program ended.
    var exitCode: Int32?

    init(_ journal: Journal, width: Int = 80, height: Int = 24, now: Date = Fixtures.now, preferences: Preferences = .standard) {
        let terminal = HeadlessTerminal(width: width, height: height)
        let effects = MemoryEffects(stored: journal, clock: now)
        let state = AppState(journal: journal, now: now, timeZone: Fixtures.zone, width: width, height: height, preferences: preferences)
        self.terminal = terminal
        self.effects = effects
        program = Program(
            state: state, terminal: terminal, effects: effects,
            clock: ProgramClock(now: { effects.clock }, elapsed: { terminal.elapsed }))
    }

    /// The program's state; tests may set parts of it to reach a case in fewer keys.
    var state: AppState {
        get { program.state }
        set { program.state = newValue }
    }
    /// What the store would hold; setting it is another lumbar writing the file (the next poll sees it).
    var stored: Journal {
        get { effects.stored }
        nonmutating set { effects.stored = newValue }
    }
    var savedTransactions: [Transaction] { effects.savedTransactions }
    /// Reports the TUI asked to write (not written: the path reported is made up).
    var writtenReports: [ReportFile] { effects.writtenReports }
    /// The wall-clock time the program reads (saves are stamped with it too).
    var clock: Date {
        get { effects.clock }
        nonmutating set { effects.clock = newValue }
    }

    /// Sends a message straight to the program; a tick also sets the clock, so the ticks the
    /// program sends before later keys agree with it.
    mutating func send(_ message: Message) {
        guard exitCode == nil else { return }
        if case .tick(let date) = message { clock = date }
        exitCode = program.send(message)
    }

    /// One turn of the program's loop with nothing queued: it waits out the time to the next
    /// subscription (the headless clock moves on) and runs what is due.
    mutating func idle() {
        guard exitCode == nil else { return }
        exitCode = program.step()
    }

    /// Queues `events` on the terminal and runs the loop until it has read them all.
    mutating func feed(_ events: [TerminalEvent]) {
        terminal.queue += events
        while exitCode == nil, !terminal.queue.isEmpty {
            exitCode = program.step()
        }
    }

    mutating func press(_ keys: Key...) { press(keys) }
    mutating func press(_ keys: [Key]) { feed(keys.map { .key($0) }) }
    mutating func type(_ text: String) { press(Key.typing(text)) }

    /// The screen as text: what the program draws for the state now.
    var screen: String { AppView.render(state).lines.joined(separator: "\n") }

    /// Lets the program draw if the state changed, and returns the frame it drew last, as text.
    mutating func drawn() -> String {
        program.drawIfNeeded()
        return (terminal.frame ?? AppView.render(state)).lines.joined(separator: "\n")
    }
}

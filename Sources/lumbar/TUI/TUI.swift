#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarTerminal
import LumbarUI

/// The full-screen view: the journal's state, the curses terminal and the journal's effects,
/// put together into a `Program`.
enum TUI {
    /// Runs the TUI on the terminal until the person quits, and returns the exit status
    /// (0 after q, 128 + the signal after Ctrl-C, SIGTERM, SIGHUP or SIGQUIT).
    ///
    /// The journal is read before curses starts, so an unreadable file is still a one-line
    /// error on a normal terminal. The terminal is restored on every way out, including a
    /// thrown error. Nothing is written to standard output except through curses meanwhile.
    static func run(store: JournalStore, timeZone: ZoneInfo, now: @escaping @Sendable () -> Date) throws -> Int32 {
        let snapshot = try store.read()
        let terminal = try CursesTerminal(environment: ProcessInfo.processInfo.environment)
        defer { terminal.stop() }
        let size = terminal.size
        let state = AppState(journal: snapshot.journal, now: now(), timeZone: timeZone, width: size.width, height: size.height,
                             glyphs: terminal.glyphs)
        let effects = JournalEffects(store: store, timeZone: timeZone, now: now, fingerprint: snapshot.fingerprint)
        var program = Program(state: state, terminal: terminal, effects: effects, clock: .system(now: now))
        return program.run()
    }
}

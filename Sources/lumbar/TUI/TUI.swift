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
    /// `preferences` are the person's settings; their `color` decides colour before `NO_COLOR`
    /// does (`auto` leaves it to `NO_COLOR` and the terminal). `notice` is shown in the bottom
    /// bar until the first key (what happened before the TUI opened).
    static func run(
        store: JournalStore, timeZone: ZoneInfo, preferences: Preferences = .standard,
        notice: (text: String, needsAttention: Bool)? = nil,
        now: @escaping @Sendable () -> Date
    ) throws -> Int32 {
        // With a valid status cache the first frame is drawn before the whole journal is read.
        let firstFrame = notice == nil ? JournalCache.cachedSlice(store, now: now()) : nil
        let early = firstFrame == nil ? try store.read() : nil
        var environment = ProcessEnvironment.variables
        switch preferences.color {
        case .auto: break
        case .always: environment["NO_COLOR"] = nil
        case .never: environment["NO_COLOR"] = "1"
        }
        let terminal = try CursesTerminal(environment: environment)
        defer { terminal.stop() }
        if let firstFrame {
            let size = terminal.size
            let first = AppState(
                journal: firstFrame, now: now(), timeZone: timeZone, width: size.width, height: size.height,
                glyphs: terminal.glyphs, preferences: preferences)
            // Only the Status screen reads no more than the cache holds; another start screen waits.
            if first.screen == .status { terminal.draw(AppView.render(first)) }
        }
        let snapshot = try early ?? store.read()
        let size = terminal.size
        var state = AppState(
            journal: snapshot.journal, now: now(), timeZone: timeZone, width: size.width, height: size.height,
            glyphs: terminal.glyphs, preferences: preferences)
        if let notice { state.showNotice(notice.text, needsAttention: notice.needsAttention) }
        let effects = JournalEffects(store: store, timeZone: timeZone, now: now, fingerprint: snapshot.fingerprint)
        var program = Program(state: state, terminal: terminal, effects: effects, clock: .system(now: now))
        return program.run()
    }
}

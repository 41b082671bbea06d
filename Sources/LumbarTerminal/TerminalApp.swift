#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import LumbarCore
import LumbarUI

/// The full-screen TUI: reads keys, updates the state, runs effects, paints the difference.
public enum TerminalApp {
    /// Runs the TUI on the terminal until the person quits, and returns the exit status
    /// (0 after q, 128 + the signal after Ctrl-C, SIGTERM, SIGHUP or SIGQUIT).
    ///
    /// The terminal is restored on every way out, including a thrown error. Nothing is
    /// written to standard output except through curses while the TUI runs.
    /// `preferences` are the person's settings; their `color` decides colour before `NO_COLOR`
    /// does (`auto` leaves it to `NO_COLOR` and the terminal).
    public static func run(store: JournalStore, timeZone: ZoneInfo, preferences: Preferences = .standard,
                           now: @escaping @Sendable () -> Date) throws -> Int32 {
        let snapshot = try store.read()
        var environment = ProcessInfo.processInfo.environment
        switch preferences.color {
        case .auto: break
        case .always: environment["NO_COLOR"] = nil
        case .never: environment["NO_COLOR"] = "1"
        }
        let screen = try CursesScreen(environment: environment)
        defer { screen.stop() }
        var loop = EventLoop(screen: screen, snapshot: snapshot, store: store, timeZone: timeZone, preferences: preferences, now: now)
        return loop.run()
    }
}

/// One TUI session's loop.
struct EventLoop {
    private let screen: CursesScreen
    private var state: AppState
    private var effects: StoreEffects
    private var painter: Painter
    private let now: @Sendable () -> Date
    /// When the journal file was last checked, on the monotonic clock (the injected `now`
    /// may stand still, as it does under LUMBAR_NOW).
    private var lastPoll = -Double.infinity

    init(screen: CursesScreen, snapshot: JournalStore.Snapshot, store: JournalStore, timeZone: ZoneInfo, preferences: Preferences,
         now: @escaping @Sendable () -> Date) {
        self.screen = screen
        self.now = now
        let size = screen.size
        state = AppState(journal: snapshot.journal, now: now(), timeZone: timeZone, width: size.width, height: size.height,
                         glyphs: screen.isUTF8 ? .unicode : .ascii, preferences: preferences)
        effects = StoreEffects(store: store, timeZone: timeZone, now: now, fingerprint: snapshot.fingerprint)
        painter = Painter(color: screen.hasColor, defaultColors: screen.hasDefaultColors)
    }

    mutating func run() -> Int32 {
        var needsPaint = true
        while true {
            let signal = screen.takeSignal()
            if signal != 0 { return 128 + signal }
            if needsPaint {
                painter.paint(AppView.render(state))
                needsPaint = false
            }
            let input = screen.readInput()
            let time = now()
            switch input {
            case .resize:
                let size = screen.size
                screen.invalidate()
                painter.invalidate()
                if let code = dispatch(.resize(width: size.width, height: size.height)) { return code }
                needsPaint = true
            case .key(let key):
                if let code = dispatch(.tick(time)) { return code }
                if let code = dispatch(.key(key)) { return code }
                needsPaint = true
            case .paste(let text):
                if let code = dispatch(.paste(text)) { return code }
                needsPaint = true
            case .hangUp:
                // Nobody can answer a "discard?" question now; leave as a hang-up would.
                return 128 + SIGHUP
            case nil:
                if AppState.minuteChanged(from: state.now, to: time) {
                    if let code = dispatch(.tick(time)) { return code }
                    needsPaint = true
                }
            }
            // Look for changes another lumbar made, at most once a second: a stat, not a read.
            let uptime = ProcessInfo.processInfo.systemUptime
            if uptime - lastPoll >= 1 {
                lastPoll = uptime
                if let reload = effects.reloadIfChanged() {
                    if let code = dispatch(reload) { return code }
                    needsPaint = true
                }
            }
        }
    }

    /// Updates the state and runs the effects; returns an exit status when one of them quits.
    private mutating func dispatch(_ message: Message) -> Int32? {
        var pending = state.update(message)
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            switch effect {
            case .quit(let code):
                return code
            case .save(let transaction):
                // The store re-reads under its lock, so the result includes anything written meanwhile.
                let result = effects.save(transaction)
                pending += state.update(result)
            case .writeReport(let file):
                pending += state.update(file.write())
            }
        }
        return nil
    }
}

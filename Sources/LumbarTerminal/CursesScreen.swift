import CLumbarSystem
import CNCursesW
import LumbarUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// All curses setup and teardown in one place (as htop's CRT.c): locale, modes, colours,
/// signals, and restoring the terminal on every way out.
///
/// Every call happens on the thread that started it.
final class CursesScreen {
    private var screen: OpaquePointer?
    private var stopped = false
    /// The signal handlers in place before the TUI started (C arrays that sigaction fills).
    private let previousActions = CursesScreen.sigactionArray(count: Int(lumbar_caught_signal_count()))
    private let previousCrashActions = CursesScreen.sigactionArray(count: Int(lumbar_crash_signal_count()))

    private static func sigactionArray(count: Int) -> UnsafeMutablePointer<sigaction> {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: count)
        memset(pointer, 0, MemoryLayout<sigaction>.stride * count)
        return pointer
    }
    /// Whether the locale is UTF-8, so block glyphs can be drawn.
    let isUTF8: Bool
    /// Whether colours are used (the terminal has them and NO_COLOR is not set).
    let hasColor: Bool
    /// Whether colour -1 means the terminal's own foreground and background.
    let hasDefaultColors: Bool

    /// Starts curses. On any failure the terminal is left as it was.
    init(environment: [String: String]) throws {
        _ = lumbar_setlocale_from_environment()
        isUTF8 = lumbar_locale_is_utf8() != 0
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        let term = environment["TERM"] ?? ""
        // A dumb terminal (or none named) cannot place text: curses would start a screen nobody can use.
        if term.isEmpty || term == "dumb" { throw TerminalError.unsupportedTerminal(term) }
        // Before newterm, so ncurses sees our handlers and does not install its own exit-on-signal ones.
        lumbar_install_signal_handlers(previousActions)
        guard let screen = lumbar_newterm() else {
            lumbar_restore_signal_handlers(previousActions)
            throw TerminalError.unsupportedTerminal(term)
        }
        guard lumbar_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            lumbar_restore_signal_handlers(previousActions)
            throw TerminalError.unsupportedTerminal(term)
        }
        self.screen = screen
        lumbar_install_crash_handlers(previousCrashActions)
        set_escdelay(25)
        cbreak()
        noecho()
        nonl()
        let window = lumbar_stdscr()
        keypad(window, true)
        // Home and End as tmux, screen and rxvt send them, which xterm's terminfo does not list;
        // without these a tmux user's End arrived as Esc [ 4 ~ (back, then pain 4).
        for (sequence, key) in [
            ("\u{1B}[1~", lumbar_key_home()), ("\u{1B}[7~", lumbar_key_home()), ("\u{1B}[H", lumbar_key_home()),
            ("\u{1B}[4~", lumbar_key_end()), ("\u{1B}[8~", lumbar_key_end()), ("\u{1B}[F", lumbar_key_end()),
        ] {
            _ = define_key(sequence, key)
        }
        intrflush(window, false)
        wtimeout(window, 1000)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        var color = false
        var defaults = false
        if !noColor, has_colors() {
            color = start_color() == lumbar_ok()
            if color { defaults = use_default_colors() == lumbar_ok() }
        }
        hasColor = color
        hasDefaultColors = defaults
        curs_set(0)
        lumbar_bracketed_paste(1)
    }

    /// The terminal's size now.
    var size: TerminalSize {
        let window = lumbar_stdscr()
        return TerminalSize(width: Int(lumbar_getmaxx(window)), height: Int(lumbar_getmaxy(window)))
    }

    /// A signal that asked the TUI to end (SIGINT, SIGTERM, SIGHUP, SIGQUIT), if one came.
    func takeSignal() -> Int32 { Int32(lumbar_take_signal()) }

    /// Waits up to `milliseconds` for a key; `nil` on timeout or interruption.
    func readInput(milliseconds: Int32) -> TerminalEvent? {
        lumbar_input_timeout(milliseconds)
        var code: wint_t = 0
        let status = wget_wch(lumbar_stdscr(), &code)
        if status == lumbar_ok(), code == 27, let paste = readBracketedPaste() { return paste }
        if status == lumbar_err(), Self.terminalIsGone() { return .hangUp }
        return KeyDecoder.decode(status: status, code: UInt32(code))
    }

    /// Whether the terminal has gone away (window closed, ssh dropped, tmux killed): input hung up
    /// or in error, or standard input or output no longer a terminal. Reads then fail at once,
    /// so a loop that kept reading would spin at full speed.
    static func terminalIsGone() -> Bool {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return true }
        var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&input, 1, 0) >= 0 else { return errno != EINTR }
        return Int32(input.revents) & (POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// After an ESC: the text of a bracketed paste if `[200~` follows at once, else `nil` with
    /// whatever was read pushed back, so Esc and other sequences behave as before.
    private func readBracketedPaste() -> TerminalEvent? {
        lumbar_input_timeout(30)
        var consumed: [wint_t] = []
        for expected in "[200~".unicodeScalars {
            var code: wint_t = 0
            guard wget_wch(lumbar_stdscr(), &code) == lumbar_ok() else { break }
            consumed.append(code)
            if code != wint_t(expected.value) { break }
        }
        guard consumed.count == 5, consumed.last == wint_t(126) else {
            pushBack(consumed.map { UInt32($0) })
            return nil
        }
        lumbar_input_timeout(Int32(KeyDecoder.pastePauseMilliseconds))
        let paste = KeyDecoder.readPaste {
            var code: wint_t = 0
            return wget_wch(lumbar_stdscr(), &code) == lumbar_ok() ? UInt32(code) : nil
        }
        pushBack(paste.leftover)
        return .paste(paste.text)
    }

    /// Returns codes to curses' input queue so they are read next, in order.
    private func pushBack(_ codes: [UInt32]) {
        // unget_wch is a stack: push back in reverse so the keys come out in order.
        for code in codes.reversed() { _ = unget_wch(wchar_t(bitPattern: code)) }
    }

    /// Makes the next refresh redraw the whole screen (after a resize).
    func invalidate() {
        clearok(lumbar_stdscr(), true)
    }

    /// Restores the terminal. Safe to call more than once.
    func stop() {
        guard !stopped else { return }
        stopped = true
        lumbar_bracketed_paste(0)
        curs_set(1)
        endwin()
        lumbar_restore_crash_handlers(previousCrashActions)
        if let screen { delscreen(screen) }
        screen = nil
        lumbar_restore_signal_handlers(previousActions)
    }

    deinit {
        stop()
        previousActions.deallocate()
        previousCrashActions.deallocate()
    }
}

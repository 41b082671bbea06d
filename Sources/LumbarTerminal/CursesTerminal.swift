import LumbarUI

/// The real terminal for a `Program`: curses for input and output (`CursesScreen`), keys
/// decoded by `KeyDecoder`, frames painted by `Painter`. Knows nothing of the journal.
///
/// Every call happens on the thread that created it.
public final class CursesTerminal: TerminalDevice {
    private let screen: CursesScreen
    private var painter: Painter

    /// Starts curses on the process's terminal. On any failure the terminal is left as it was.
    /// - Throws: `TerminalError` when standard input or output is not a terminal or curses cannot use it.
    public init(environment: [String: String]) throws {
        screen = try CursesScreen(environment: environment)
        painter = Painter(color: screen.hasColor, defaultColors: screen.hasDefaultColors)
    }

    /// Block glyphs in a UTF-8 locale, ASCII otherwise.
    public var glyphs: Glyphs { screen.isUTF8 ? .unicode : .ascii }

    /// Columns and rows now.
    public var size: TerminalSize { screen.size }

    /// Waits at most `timeout` (rounded up to a millisecond) for input.
    public func read(timeout: Duration) -> TerminalEvent? {
        let (seconds, attoseconds) = timeout.components
        let milliseconds = max(0, seconds * 1_000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
        return screen.readInput(milliseconds: Int32(clamping: milliseconds))
    }

    /// Paints the cells of `frame` that changed since the last frame.
    public func draw(_ frame: Buffer) {
        painter.paint(frame)
    }

    /// Makes the next draw repaint every cell, on screen and in the painter's memory.
    public func invalidate() {
        screen.invalidate()
        painter.invalidate()
    }

    /// The signal that asked the TUI to end, once; 0 for none.
    public func takeSignal() -> Int32 { screen.takeSignal() }

    /// Restores the terminal (modes, cursor, signal handlers). Safe to call more than once;
    /// it also runs when the terminal is released.
    public func stop() { screen.stop() }
}

/// What the program needs from a terminal (ratatui's `Backend`): its size, input with a
/// timeout, drawing a frame, and the signals that end it. The curses terminal implements it in
/// `LumbarTerminal`; tests use a headless one.
public protocol TerminalDevice: AnyObject {
    /// Columns and rows now.
    var size: TerminalSize { get }
    /// Waits at most `timeout` for input; `nil` when none came (a timeout or an interrupted wait).
    func read(timeout: Duration) -> TerminalEvent?
    /// Shows `frame`, writing only what differs from the frame shown before.
    func draw(_ frame: Buffer)
    /// Forgets what the screen shows, so the next `draw` writes every cell (after a resize).
    func invalidate()
    /// The signal that asked the program to end (SIGINT, SIGTERM, SIGHUP, SIGQUIT), once; 0 for none.
    func takeSignal() -> Int32
}

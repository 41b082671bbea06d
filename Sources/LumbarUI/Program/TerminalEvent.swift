/// Something the terminal reported.
public enum TerminalEvent: Hashable, Sendable {
    /// A key press.
    case key(Key)
    /// The terminal changed size; ask `TerminalDevice.size` for the new one.
    case resize
    /// Text between the terminal's bracketed-paste markers.
    case paste(String)
    /// The terminal went away: input hung up or failed.
    case hangUp
}

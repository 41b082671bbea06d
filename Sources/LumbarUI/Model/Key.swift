/// A key press, as the terminal decoded it.
public enum Key: Hashable, Sendable {
    /// A printable character (any script, including emoji).
    case character(Character)
    /// Ctrl plus a letter, lowercase ("a" for Ctrl-A).
    case control(Character)
    /// Enter or Return.
    case enter
    /// Escape.
    case escape
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Backspace.
    case backspace
    /// Delete (forward).
    case delete
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Home.
    case home
    /// End.
    case end
    /// Page up.
    case pageUp
    /// Page down.
    case pageDown
    /// A function key F1…F12.
    case function(Int)

    /// The keys for a string typed character by character (for tests and scripted input).
    public static func typing(_ text: String) -> [Key] { text.map { .character($0) } }
}

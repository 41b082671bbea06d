/// A scrolling area: how many rows it shows and how many lines it holds.
struct ScrollExtent: Hashable, Sendable {
    /// Rows on screen.
    var rows: Int
    /// Lines of content.
    var lines: Int

    /// The largest useful offset: the last line at the bottom row.
    var maxOffset: Int { max(0, lines - rows) }
    /// What Page Up and Page Down move: a screenful less one line, kept for context.
    var page: Int { max(1, rows - 1) }
}

/// Messages from before the TUI started, shown in its bottom bar.
extension AppState {
    /// Shows `text` in the bottom bar until the next key (conflict copies merged at start, say),
    /// as an error when something needs the person's attention.
    public mutating func showNotice(_ text: String, needsAttention: Bool = false) {
        flash = BarMessage(text: text, isError: needsAttention)
    }
}

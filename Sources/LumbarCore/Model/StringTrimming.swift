extension StringProtocol {
    /// The text without leading and trailing white space and line breaks.
    ///
    /// Written here because FoundationEssentials, which lumbar links instead of Foundation,
    /// has no `trimmingCharacters(in:)`.
    public func trimmingWhitespace() -> String {
        trimming { $0.isWhitespace }
    }

    /// The text without leading and trailing spaces and tabs (line breaks are kept).
    public func trimmingSpaces() -> String {
        trimming { $0.isWhitespace && !$0.isNewline }
    }

    private func trimming(_ drop: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}

/// Word wrapping for plain-text output (the guide, long flag lines).
public enum TextWrapper {
    /// `text` broken into lines of at most `width` characters, each starting with `indent`;
    /// later lines start with `hangingIndent` when given. Words longer than a line are split.
    public static func wrap(_ text: String, width: Int, indent: String = "", hangingIndent: String? = nil) -> [String] {
        let later = hangingIndent ?? indent
        var lines: [String] = []
        var line = indent
        var lineHasWord = false
        func prefix() -> String { lines.isEmpty ? indent : later }
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var rest = Substring(word)
            while !rest.isEmpty {
                let room = width - line.count - (lineHasWord ? 1 : 0)
                if rest.count <= room {
                    line += (lineHasWord ? " " : "") + rest
                    lineHasWord = true
                    rest = ""
                } else if lineHasWord {
                    lines.append(line)
                    line = prefix()
                    lineHasWord = false
                } else {
                    // A word wider than a whole line: cut it, keeping at least one character per line.
                    let take = max(1, room)
                    line += rest.prefix(take)
                    rest = rest.dropFirst(take)
                    lines.append(line)
                    line = prefix()
                }
            }
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}

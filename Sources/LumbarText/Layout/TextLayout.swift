/// Measuring, cutting and wrapping text by display width.
public enum TextLayout {
    /// `text` cut to at most `width` columns; when cut, the last column is `ellipsis`.
    public static func truncate(_ text: String, to width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        var used = 0
        var result = ""
        var cut = false
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width { cut = true; break }
            result.append(character)
            used += w
        }
        guard cut else { return result }
        // Make room for the ellipsis.
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        while used + ellipsisWidth > width, let last = result.popLast() { used -= DisplayWidth.of(last) }
        result.append(ellipsis)
        return result
    }

    /// `text` padded with spaces (or cut) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let w = DisplayWidth.of(text)
        if w > width { return pad(truncate(text, to: width), to: width) }
        return text + String(repeating: " ", count: width - w)
    }

    /// `text` right-aligned in `width` columns.
    public static func padLeft(_ text: String, to width: Int) -> String {
        let w = DisplayWidth.of(text)
        if w >= width { return text }
        return String(repeating: " ", count: width - w) + text
    }

    /// Words with a number kept together with the unit after it ("96 h", "7 days").
    public static func glued(_ words: [Substring]) -> [String] {
        var result: [String] = []
        let units: Set<String> = ["h", "h,", "h;", "h)", "h.", "min", "days", "days,", "days;", "days.", "days)", "day", "day,", "day;"]
        for word in words {
            if let last = result.last, !last.isEmpty, last.allSatisfy(\.isNumber), units.contains(String(word)) {
                result[result.count - 1] = last + " " + word
            } else {
                result.append(String(word))
            }
        }
        return result
    }

    /// `text` word-wrapped into lines of at most `width` columns, the first starting with
    /// `indent` and the later ones with `hangingIndent` (or `indent` when not given).
    ///
    /// lumbar's one wrapping rule, for screens and plain-text output alike: widths are display
    /// columns (a wide character counts two), a number stays on the line of the unit after it
    /// ("96 h", "7 days"), runs of spaces collapse, and only a word wider than a whole line is
    /// split (at least one character per line). Empty text is one line holding the indent.
    public static func wrap(_ text: String, width: Int, indent: String = "", hangingIndent: String? = nil) -> [String] {
        guard width > 0 else { return [] }
        let later = hangingIndent ?? indent
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        func prefix() -> String { lines.isEmpty ? indent : later }
        func room() -> Int { max(1, width - DisplayWidth.of(prefix())) }
        func flush() {
            lines.append(prefix() + line)
            line = ""
            lineWidth = 0
        }
        for word in glued(text.split(separator: " ", omittingEmptySubsequences: true)) {
            var piece = Substring(word)
            var pieceWidth = DisplayWidth.of(piece)
            if lineWidth > 0, lineWidth + 1 + pieceWidth <= room() {
                line += " " + piece
                lineWidth += 1 + pieceWidth
                continue
            }
            if lineWidth > 0 { flush() }
            while pieceWidth > room() {
                let (head, rest) = split(piece, columns: room())
                line = head
                flush()
                piece = rest
                pieceWidth = DisplayWidth.of(piece)
            }
            line = String(piece)
            lineWidth = pieceWidth
        }
        if lineWidth > 0 || lines.isEmpty { flush() }
        return lines
    }

    /// The longest head of `piece` within `columns` (at least one character), and the rest.
    private static func split(_ piece: Substring, columns: Int) -> (head: String, rest: Substring) {
        var head = ""
        var headWidth = 0
        var rest = piece
        while let c = rest.first, headWidth + DisplayWidth.of(c) <= columns {
            head.append(c)
            headWidth += DisplayWidth.of(c)
            rest = rest.dropFirst()
        }
        if head.isEmpty, let c = rest.first {
            head.append(c)
            rest = rest.dropFirst()
        }
        return (head, rest)
    }
}

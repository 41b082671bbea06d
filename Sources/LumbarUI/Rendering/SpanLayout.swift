import LumbarText

/// Wraps styled text into lines.
enum SpanLayout {
    /// `text` wrapped to `width` with `indent` columns before every line but the first, which
    /// starts with `lead` (e.g. a bullet or a label).
    static func wrapped(_ text: String, width: Int, lead: [Span] = [], indent: Int, style: Style = .plain) -> [[Span]] {
        let leadWidth = lead.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let firstWidth = max(1, width - leadWidth)
        let restWidth = max(1, width - indent)
        let first = TextLayout.wrap(text, width: firstWidth)
        guard let head = first.first else { return [lead] }
        var lines: [[Span]] = [lead + [Span(head, style)]]
        let rest = first.dropFirst().joined(separator: " ")
        if !rest.isEmpty {
            let pad = String(repeating: " ", count: indent)
            for line in TextLayout.wrap(rest, width: restWidth) { lines.append([Span(pad), Span(line, style)]) }
        }
        return lines
    }
}

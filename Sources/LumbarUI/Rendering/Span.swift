import LumbarText
/// A run of text in one style; a line of a screen is a list of spans.
struct Span: Hashable, Sendable {
    var text: String
    var style: Style

    init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

extension Buffer {
    /// Draws `spans` left to right on row `y` from `x`, within `width` columns; returns the columns used.
    @discardableResult
    mutating func draw(_ spans: [Span], x: Int, y: Int, width: Int) -> Int {
        var used = 0
        for span in spans {
            guard used < width else { break }
            let remaining = width - used
            let text = DisplayWidth.of(span.text) > remaining ? TextLayout.truncate(span.text, to: remaining) : span.text
            used += write(text, x: x + used, y: y, maxWidth: remaining, style: span.style)
        }
        return used
    }

    /// Draws `lines` into `rect`, starting at line `offset`.
    mutating func draw(_ lines: [[Span]], in rect: Rect, offset: Int = 0) {
        for row in 0..<rect.height {
            let i = offset + row
            guard i >= 0, i < lines.count else { break }
            draw(lines[i], x: rect.x, y: rect.y + row, width: rect.width)
        }
    }
}

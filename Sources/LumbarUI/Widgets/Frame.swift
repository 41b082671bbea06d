/// A box with a title, cleared inside.
enum Frame {
    static func draw(_ rect: Rect, title: String, glyphs: Glyphs, into buffer: inout Buffer) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        buffer.fill(rect)
        let (h, v, tl, tr, bl, br): (Character, Character, Character, Character, Character, Character) =
            glyphs.isUnicode ? ("─", "│", "┌", "┐", "└", "┘") : ("-", "|", "+", "+", "+", "+")
        let style = Style(foreground: .cyan)
        buffer.fill(Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1), with: h, style: style)
        buffer.fill(Rect(x: rect.x + 1, y: rect.bottom - 1, width: rect.width - 2, height: 1), with: h, style: style)
        buffer.fill(Rect(x: rect.x, y: rect.y + 1, width: 1, height: rect.height - 2), with: v, style: style)
        buffer.fill(Rect(x: rect.right - 1, y: rect.y + 1, width: 1, height: rect.height - 2), with: v, style: style)
        buffer.write(String(tl), x: rect.x, y: rect.y, style: style)
        buffer.write(String(tr), x: rect.right - 1, y: rect.y, style: style)
        buffer.write(String(bl), x: rect.x, y: rect.bottom - 1, style: style)
        buffer.write(String(br), x: rect.right - 1, y: rect.bottom - 1, style: style)
        buffer.write(" " + title + " ", x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, style: Style(foreground: .cyan, attributes: .bold))
    }
}

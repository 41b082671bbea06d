/// "more above/below" marks at the right edge of a scrolling area.
enum ScrollHint {
    static func draw(offset: Int, visible: Int, total: Int, in rect: Rect, glyphs: Glyphs, into buffer: inout Buffer) {
        guard rect.height > 0 else { return }
        if offset > 0 {
            buffer.write(glyphs.isUnicode ? "▲" : "^", x: rect.right - 1, y: rect.y, style: .dim)
        }
        if offset + visible < total {
            buffer.write(glyphs.isUnicode ? "▼" : "v", x: rect.right - 1, y: rect.bottom - 1, style: .dim)
        }
    }
}

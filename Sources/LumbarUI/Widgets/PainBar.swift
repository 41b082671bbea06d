/// A horizontal 0–10 pain bar.
enum PainBar {
    /// Draws `value` (nil: unset) as a bar `width` cells wide; returns the columns used.
    @discardableResult
    static func draw(_ value: Int?, width: Int, glyphs: Glyphs, x: Int, y: Int, into buffer: inout Buffer) -> Int {
        guard width > 0 else { return 0 }
        let halves = (value ?? 0) * width * 2 / 10
        let style = Style(foreground: color(for: value ?? 0))
        for i in 0..<width {
            let filled = halves - i * 2
            let symbol: Character = filled >= 2 ? glyphs.full : (filled == 1 ? glyphs.halfBar : glyphs.emptyBar)
            buffer.write(String(symbol), x: x + i, y: y, style: filled > 0 ? style : .dim)
        }
        return width
    }

    /// The pain bands' colours: mild green, moderate yellow, severe red.
    static func color(for pain: Int) -> Color {
        switch pain {
        case ..<1: return .default
        case 1...3: return .green
        case 4...6: return .yellow
        default: return .red
        }
    }
}

/// Turns a buffer into plain or ANSI-coloured text for `lumbar show` and golden files.
enum ANSIText {
    /// The buffer's rows joined by newlines, trailing spaces trimmed; with SGR codes when `color`.
    static func render(_ buffer: Buffer, color: Bool) -> String {
        guard color else { return buffer.lines.joined(separator: "\n") }
        var out = ""
        for y in 0..<buffer.height {
            // Trim trailing blank, unstyled cells so lines don't carry invisible padding.
            var lastColumn = buffer.width - 1
            while lastColumn >= 0, buffer[lastColumn, y].symbol == " ", buffer[lastColumn, y].style == .plain { lastColumn -= 1 }
            var current = Style.plain
            var x = 0
            while x <= lastColumn {
                let cell = buffer[x, y]
                x += 1
                if cell.isContinuation { continue }
                if cell.style != current {
                    out += sgr(cell.style)
                    current = cell.style
                }
                out.append(cell.symbol)
            }
            if current != .plain { out += "\u{1B}[0m" }
            if y < buffer.height - 1 { out += "\n" }
        }
        return out
    }

    static func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.underline) { codes.append("4") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if let f = style.foreground.ansiIndex { codes.append(String(30 + f)) }
        if let b = style.background.ansiIndex { codes.append(String(40 + b)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}

/// The key reference, over whatever screen is in front.
enum HelpOverlay {
    /// Key, what it does, and a shorter wording for narrow screens.
    static let entries: [(key: String, long: String, short: String)] = [
        ("t s h c g", "Today, Status, History, Chart, Guide", "switch screen"),
        ("w", "Training: train today? load, pain, kinds", "Training"),
        ("q", "quit (asks only if a check-in is unsaved)", "quit"),
        ("Esc", "back, or stop typing in a field", "back / stop typing"),
        ("0-9", "pain (1 then 0 for 10); ←→ adjust", "pain; 1 0 = 10"),
        ("Enter", "save the check-in / edit an entry", "save / edit"),
        ("Tab S-Tab", "next / previous field", "next / prev field"),
        ("↑↓ j k", "move, scroll", "move, scroll"),
        ("Space y n", "tick or untick a checklist item", "tick / untick"),
        ("/", "filter History by text or symptom", "filter History"),
        ("x", "delete the selected entry (asks first)", "delete entry"),
        ("u", "undo the last change", "undo"),
        ("1-4", "Chart range: 14 d, 90 d, 1 y, all", "chart range"),
        ("[ ]", "Chart calendar month", "calendar month"),
        ("PgUp PgDn", "scroll a page", "page"),
        ("?", "this help (any key closes it)", "this help"),
    ]

    static func render(_ state: AppState, into buffer: inout Buffer) {
        let keyWidth = 10
        let boxWidth = min(buffer.width - 2, 60)
        let boxHeight = min(buffer.height - 2, entries.count + 4)
        let box = buffer.area.centered(width: boxWidth, height: boxHeight)
        Frame.draw(box, title: "Keys", glyphs: state.glyphs, into: &buffer)
        let inner = box.inset(dx: 2, dy: 1)
        for (i, entry) in entries.enumerated() where i < inner.height - 1 {
            var key = entry.key
            var text = inner.width - keyWidth - 1 >= DisplayWidth.of(entry.long) ? entry.long : entry.short
            if !state.glyphs.isUnicode {
                key = key.replacingOccurrences(of: "↑↓", with: "Up Dn")
                text = text.replacingOccurrences(of: "←→", with: "-/+")
            }
            buffer.write(TextLayout.pad(key, to: keyWidth), x: inner.x, y: inner.y + i, style: .bold)
            buffer.write(TextLayout.truncate(text, to: inner.width - keyWidth - 1), x: inner.x + keyWidth + 1, y: inner.y + i)
        }
        if inner.height > 0 {
            buffer.write("Any key closes this.", x: inner.x, y: inner.bottom - 1, maxWidth: inner.width, style: .dim)
        }
    }
}

import LumbarText
/// The key reference, over whatever screen is in front; scrolls when the terminal is short.
enum HelpOverlay {
    /// Key, what it does, and a shorter wording for narrow screens.
    static let entries: [(key: String, long: String, short: String)] = [
        ("t s h c g", "Today, Status, History, Chart, Guide", "switch screen"),
        ("w", "Training: train today? load, pain, kinds", "Training"),
        ("p r", "Profile (birth year, history), Report", "profile, report"),
        ("q", "quit (asks only if a check-in is unsaved)", "quit"),
        ("Esc", "back, or stop typing in a field", "back / stop typing"),
        ("0-9", "pain (1 then 0 for 10); ←→ adjust", "pain; 1 0 = 10"),
        ("Enter", "save; in History open the entry whole", "save / details"),
        ("Tab S-Tab", "next / previous field", "next / prev field"),
        ("↑↓ j k", "move, scroll", "move, scroll"),
        ("Home End G", "start / end of a list or page", "start / end"),
        ("Space y n", "tick or untick a checklist item", "tick / untick"),
        ("y n N", "warning sign: yes / no / no to all the rest", "sign: yes, no, no rest"),
        ("l", "check-in: symptoms and care as last time", "same as last time"),
        ("S", "check-in: jump to the session part", "to the session part"),
        ("Space", "check-in Date: type one (yesterday, mon)", "Date: type a date"),
        ("a", "Status: record an assessment by a clinician", "Status: assessment"),
        ("/", "filter History as you type", "filter History"),
        ("e", "edit the selected History entry", "edit entry"),
        ("x", "delete the selected entry (asks first)", "delete entry"),
        ("u", "undo the last change (History, Profile)", "undo"),
        ("1-4", "Chart range: 14 d, 90 d, 1 y, all", "chart range"),
        ("[ ]", "Chart calendar: earlier / later month", "calendar month"),
        ("PgUp PgDn", "scroll a page", "page"),
        ("?", "this help (Esc or ? closes it)", "this help"),
    ]

    static let keyWidth = 10

    static func render(_ state: AppState, into buffer: inout Buffer) {
        let box = state.viewport.helpBox
        Frame.draw(box, title: "Keys", glyphs: state.glyphs, into: &buffer)
        let inner = box.inset(dx: 2, dy: 1)
        let extent = state.helpExtent
        let rows = extent.rows
        let offset = min(state.helpScroll, extent.maxOffset)
        for i in 0..<rows {
            let index = offset + i
            guard index < entries.count else { break }
            let entry = entries[index]
            var key = entry.key
            var text = inner.width - keyWidth - 1 >= DisplayWidth.of(entry.long) ? entry.long : entry.short
            if !state.glyphs.isUnicode {
                key = key.replacing("↑↓", with: "Up Dn")
                text = text.replacing("←→", with: "-/+")
            }
            buffer.write(TextLayout.pad(key, to: keyWidth), x: inner.x, y: inner.y + i, style: .bold)
            buffer.write(TextLayout.truncate(text, to: inner.width - keyWidth - 1, glyphs: state.glyphs), x: inner.x + keyWidth + 1, y: inner.y + i)
        }
        ScrollHint.draw(
            offset: offset, visible: rows, total: entries.count, in: Rect(x: inner.x, y: inner.y, width: inner.width + 1, height: rows),
            glyphs: state.glyphs, into: &buffer)
        if inner.height > 0 {
            let more = offset + rows < entries.count ? "\(state.glyphs.upDown) more. " : ""
            buffer.write(more + "Esc closes this.", x: inner.x, y: inner.bottom - 1, maxWidth: inner.width, style: .dim)
        }
    }
}

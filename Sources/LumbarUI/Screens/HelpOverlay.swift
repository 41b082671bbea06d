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

    /// The box the help is drawn in.
    static func box(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 0, width: width, height: height).centered(width: min(width - 2, 60), height: min(height - 2, entries.count + 4))
    }

    /// Entry rows that fit in the box (one row inside is kept for the closing line).
    static func visibleRows(width: Int, height: Int) -> Int {
        max(0, box(width: width, height: height).inset(dx: 2, dy: 1).height - 1)
    }

    static func maxScroll(width: Int, height: Int) -> Int { max(0, entries.count - visibleRows(width: width, height: height)) }

    static func render(_ state: AppState, into buffer: inout Buffer) {
        let box = box(width: buffer.width, height: buffer.height)
        Frame.draw(box, title: "Keys", glyphs: state.glyphs, into: &buffer)
        let inner = box.inset(dx: 2, dy: 1)
        let rows = visibleRows(width: buffer.width, height: buffer.height)
        let offset = min(state.helpScroll, maxScroll(width: buffer.width, height: buffer.height))
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
        ScrollHint.draw(offset: offset, visible: rows, total: entries.count, in: Rect(x: inner.x, y: inner.y, width: inner.width + 1, height: rows),
                        glyphs: state.glyphs, into: &buffer)
        if inner.height > 0 {
            let more = offset + rows < entries.count ? "\(state.glyphs.upDown) more. " : ""
            buffer.write(more + "Esc closes this.", x: inner.x, y: inner.bottom - 1, maxWidth: inner.width, style: .dim)
        }
    }
}

extension AppState {
    /// Keys while the help is open: arrows, pages, Home and End scroll it; anything else closes it.
    mutating func handleHelpKey(_ key: Key) {
        let maxScroll = HelpOverlay.maxScroll(width: width, height: height)
        let page = max(1, HelpOverlay.visibleRows(width: width, height: height) - 1)
        switch key {
        case .up, .character("k"), .down, .character("j"), .pageUp, .pageDown, .control("b"), .control("f"), .home, .end,
             .character("G"), .character(" "):
            helpScroll = Scrolling.apply(key, to: helpScroll, page: page, max: maxScroll)
        default:
            overlay = nil
            helpScroll = 0
        }
    }
}

import LumbarCore
import LumbarText

/// The birth year and the medical history items some rules weigh, edited in place.
enum ProfileScreen {
    /// "born 1980, history: osteoporosis" for messages.
    static func summary(_ profile: Profile) -> String {
        let year = profile.birthYear.map { "born \($0)" } ?? "no birth year"
        let items = profile.history.isEmpty ? "no history items" : "history: " + profile.history.map(\.rawValue).joined(separator: ", ")
        return year + ", " + items
    }

    static func render(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let draft = state.profileDraft
        let g = state.glyphs
        let x = rect.x + 1
        let width = rect.width - 2
        var y = rect.y
        let (body, footer) = rect.splitBottom(1)
        func line(_ spans: [Span]) {
            guard y < body.bottom else { return }
            buffer.draw(spans, x: x, y: y, width: width)
            y += 1
        }
        line([Span("Profile", .bold)] + (draft.isDirty ? [Span("  (not saved)", Style(foreground: .yellow))] : []))
        if rect.height >= 16 {
            for text in TextLayout.wrap(
                "Some flags weigh your age and these parts of your history. They stay in your journal on this machine.", width: width)
            {
                line([Span(text, .dim)])
            }
        }
        y += rect.height >= 14 ? 1 : 0

        let labelWidth = min(22, width / 2)
        for (index, row) in ProfileForm.rows.enumerated() {
            guard y < body.bottom else { break }
            let focused = index == draft.focus
            let marker = focused ? String(g.cursor) + " " : "  "
            switch row {
            case .birthYear:
                let value = draft.birthYear.isEmpty ? (focused ? "" : "not set") : draft.birthYear
                buffer.write(marker + TextLayout.pad("Birth year", to: labelWidth), x: x, y: y, style: focused ? .accent : .bold)
                let vx = x + 2 + labelWidth
                buffer.write(TextLayout.pad(value, to: 4), x: vx, y: y, style: draft.birthYear.isEmpty ? .dim : .underlined)
                if focused { buffer.cursor = Buffer.Position(x: vx + DisplayWidth.of(draft.birthYear), y: y) }
                let hint = "type 4 digits"
                if focused, x + width - (vx + 6) >= DisplayWidth.of(hint) {
                    buffer.write(hint, x: vx + 6, y: y, style: .dim)
                }
                y += 1
                if rect.height >= 12 { y += 1 }
                if y < body.bottom {
                    buffer.write("  Medical history (Space ticks)", x: x, y: y, maxWidth: width, style: .heading)
                    y += 1
                }
            case .item(let item):
                let box = draft.history.contains(item) ? "[x] " : "[ ] "
                buffer.write(
                    marker + box + TextLayout.truncate(item.label, to: width - 6, glyphs: g), x: x, y: y,
                    style: focused ? .accent : .plain)
                y += 1
            }
        }
        let saved = state.journal.profile
        if y + 1 < body.bottom {
            y += 1
            buffer.write(TextLayout.truncate("Saved: " + summary(saved), to: width, glyphs: g), x: x, y: y, style: .dim)
        }
        Disclaimer.draw(in: footer, into: &buffer)
    }
}

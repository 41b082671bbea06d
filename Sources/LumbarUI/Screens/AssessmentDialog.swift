import LumbarCore
import LumbarText

/// The box that records an assessment: one row per flag, a note, and what it changes.
enum AssessmentDialog {
    /// The dialog's lines at `width` inner columns, and the row of the note field.
    static func lines(_ form: AssessmentForm, width: Int, glyphs: Glyphs) -> [[Span]] {
        var lines: [[Span]] = []
        lines += SpanLayout.wrapped(
            "Which flags did a clinician assess? Space ticks; urgent and emergency ones need y (a doctor assessed it) or n.",
            width: width, indent: 0, style: .bold)
        lines.append([])
        for (i, flag) in form.flags.enumerated() {
            let focused = i == form.focus
            let mark: String
            switch form.covered[i] {
            case true?: mark = "[x]"
            case false?: mark = "[ ]"
            case nil: mark = "[?]"
            }
            let markStyle: Style = focused ? Style(attributes: [.bold, .reverse]) : .bold
            let lead = [
                Span(focused ? (glyphs.isUnicode ? "›" : ">") : " ", .accent), Span(mark, markStyle), Span(" "),
                Span(flag.level.key.uppercased(), Banner.style(flag.level)), Span(" "),
            ]
            var text = flag.rule.title
            if AssessmentForm.asksForDoctor(flag) { text += ": did a doctor assess it?" }
            lines += SpanLayout.wrapped(text, width: width, lead: lead, indent: 5)
        }
        lines.append([])
        return lines
    }

    static func render(_ form: AssessmentForm, state: AppState, into buffer: inout Buffer) {
        let boxWidth = min(buffer.width - 2, 72)
        let inner = boxWidth - 4
        let body = lines(form, width: inner, glyphs: state.glyphs)
        let footer = TextLayout.wrap(
            "A covered flag stays listed; it stops raising the level until something new appears (an urgent one keeps it at watch). Enter on Note records, Esc cancels.",
            width: inner)
        let height = min(buffer.height - 2, body.count + footer.count + 3)
        let box = buffer.area.centered(width: boxWidth, height: height)
        Frame.draw(box, title: "A clinician assessed this", glyphs: state.glyphs, into: &buffer)
        let area = box.inset(dx: 2, dy: 1)
        // The flags come first on a short terminal: the footer gives way, then the list scrolls
        // to keep the focused flag in view.
        let footerShown = max(0, min(footer.count, area.height - 1 - body.count))
        let room = max(1, area.height - 1 - footerShown)
        let focusLine = body.firstIndex { line in line.first?.text == "›" || line.first?.text == ">" } ?? 0
        let offset = max(0, min(focusLine - room + 1, body.count - room))
        buffer.draw(Array(body.dropFirst(offset)), in: Rect(x: area.x, y: area.y, width: area.width, height: room))
        let noteY = area.y + room
        let focused = form.focus == form.noteRow
        var x = area.x
        x += buffer.write(focused ? (state.glyphs.isUnicode ? "›" : ">") : " ", x: x, y: noteY, style: .accent)
        x += buffer.write("Note ", x: x, y: noteY, style: focused ? Style(attributes: [.bold, .reverse]) : .bold)
        let fieldWidth = max(1, area.right - x - 1)
        let view = form.note.visible(width: fieldWidth)
        buffer.fill(Rect(x: x, y: noteY, width: fieldWidth, height: 1), style: Style(attributes: .underline))
        buffer.write(view.text, x: x, y: noteY, maxWidth: fieldWidth, style: Style(attributes: .underline))
        if focused { buffer.cursor = Buffer.Position(x: x + view.cursorColumn, y: noteY) }
        for (i, line) in footer.prefix(footerShown).enumerated() where noteY + 1 + i < area.bottom {
            buffer.write(line, x: area.x, y: noteY + 1 + i, style: .dim)
        }
    }
}

import LumbarCore
import LumbarText

/// The check-in form in one pass: date, pain, worst pain, the person's usual symptoms and
/// self-care, the warning signs as one block of yes/no questions, a note, and an optional
/// exercise session.
enum TodayScreen {
    /// One line of the scrolling form.
    enum Line: Hashable {
        case field(Int)
        /// Several short checkboxes side by side, so a wide terminal shows more of the form.
        case fields([Int], columns: Int)
        /// More of a question that did not fit on its field's line.
        case continuation(field: Int, text: String)
        case heading(String, warning: Bool)
        /// A dim line of explanation.
        case remark(String)
        case kindHint
        case blank
    }

    /// Where a checkbox's or an answer's text starts: "  [x] ! " or "  [yes] ".
    static let checkboxTextColumn = 8

    /// "1 check-in", "2 check-ins".
    static func countText(_ count: Int) -> String { count == 1 ? "1 check-in" : "\(count) check-ins" }

    /// The Borg CR-10 word for an RPE value.
    static func rpeWord(_ value: Int) -> String {
        switch value {
        case ...0: return "rest"
        case 1: return "very easy"
        case 2: return "easy"
        case 3: return "moderate"
        case 4: return "somewhat hard"
        case 5...6: return "hard"
        case 7...9: return "very hard"
        default: return "maximal"
        }
    }

    /// The text a row shows for a question field (before wrapping).
    static func questionText(_ field: TodayForm.Field, form: TodayForm) -> String? {
        switch field {
        case .symptom(let symptom): return symptom.question
        case .sign(let symptom):
            if let date = form.standingYes[symptom] {
                return "Still \(symptom.label)? (you said yes on \(date.shortDescription(seenOn: form.date)))"
            }
            return symptom.question
        default: return nil
        }
    }

    /// A question's text in lines that fit `width` columns (one line when it fits).
    static func questionLines(_ text: String, width: Int) -> [String] {
        TextLayout.wrap(text, width: max(10, width - checkboxTextColumn - 2))
    }

    /// The form's lines at `width`: questions too long for one line continue on the next.
    static func lines(_ form: TodayForm, width: Int) -> [Line] {
        var lines: [Line] = []
        var position: [TodayForm.Field: Int] = [:]
        for (i, f) in form.fields.enumerated() { position[f] = i }
        func add(_ field: TodayForm.Field) {
            guard let i = position[field] else { return }
            lines.append(.field(i))
            if let text = questionText(field, form: form) {
                for rest in questionLines(text, width: width).dropFirst() { lines.append(.continuation(field: i, text: rest)) }
            }
        }
        let narrow = width < 60
        add(.date)
        add(.pain)
        add(.worst)
        lines.append(.blank)
        lines.append(.heading(narrow ? "Symptoms" : "Symptoms (your usual ones first)", warning: false))
        // Short checkboxes go side by side when the width allows, each column wide enough for its text.
        func addGrid(_ fields: [TodayForm.Field]) {
            let indices = fields.compactMap { position[$0] }
            let widest = fields.compactMap { questionText($0, form: form) ?? checkboxText($0) }.map(DisplayWidth.of).max() ?? 0
            let columns = min(3, max(1, (width - 2) / (checkboxTextColumn + widest + 2)))
            guard columns > 1 else { return fields.forEach(add) }
            var start = 0
            while start < indices.count {
                lines.append(.fields(Array(indices[start..<min(indices.count, start + columns)]), columns: columns))
                start += columns
            }
        }
        addGrid(form.symptomOrder.map { .symptom($0) })
        lines.append(.heading(narrow ? "Self-care" : "Self-care since the last check-in (usual first)", warning: false))
        addGrid(form.careOrder.map { .care($0) })
        lines.append(.blank)
        lines.append(.heading(narrow ? "Warning signs: y yes, n no" : "Warning signs: y yes, n no, N no to all the rest", warning: true))
        for text in TextLayout.wrap("Unanswered is not \"no\": an earlier yes stands until you answer no.", width: max(10, width - 4)) {
            lines.append(.remark(text))
        }
        for s in form.signOrder { add(.sign(s)) }
        lines.append(.blank)
        add(.note)
        lines.append(.blank)
        lines.append(.heading(narrow ? "Session (S jumps here)" : "Exercise session (optional; S jumps here from any row)", warning: false))
        add(.kind)
        lines.append(.kindHint)
        add(.time)
        add(.minutes)
        add(.rpe)
        add(.sudden)
        for text in TextLayout.wrap("Minutes and RPE give the session's load; sudden pain during it matters most.", width: max(10, width - 4)) {
            lines.append(.remark(text))
        }
        lines.append(.blank)
        add(.save)
        return lines
    }

    static func render(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let form = state.form
        let (titleRow, body) = rect.splitTop(1)
        buffer.draw(title(state), x: titleRow.x + 1, y: titleRow.y, width: titleRow.width - 2)
        let labelWidth = rect.width >= 60 ? 13 : 9
        let lines = lines(form, width: rect.width)
        for row in 0..<body.height {
            let index = form.scroll + row
            guard index < lines.count else { break }
            let y = body.y + row
            let area = Rect(x: body.x, y: y, width: body.width, height: 1)
            switch lines[index] {
            case .blank:
                break
            case .continuation(let field, let text):
                let bold: Bool
                switch form.fields[field] {
                case .symptom(let s): bold = form.symptoms.contains(s)
                case .sign(let s): bold = form.answers[s] != nil
                default: bold = false
                }
                buffer.write(text, x: checkboxTextColumn, y: y, maxWidth: area.width - checkboxTextColumn - 1, style: bold ? .bold : .plain)
            case .heading(let text, let warning):
                let style: Style = warning ? Style(foreground: .red, attributes: [.bold, .underline]) : .heading
                buffer.write(TextLayout.truncate(text, to: area.width - 3), x: 2, y: y, style: style)
            case .remark(let text):
                buffer.write(TextLayout.truncate(text, to: area.width - 3), x: 2, y: y, style: .dim)
            case .kindHint:
                let kinds = state.digest.recentKinds
                let text =
                    kinds.isEmpty
                    ? "e.g. run, deadlift, yoga"
                    : "recent: " + kinds.joined(separator: ", ") + "  (" + (state.glyphs.isUnicode ? "→" : "Right") + " completes, ^N next)"
                buffer.write(TextLayout.truncate(text, to: area.width - labelWidth - 4), x: 2 + labelWidth + 1, y: y, style: .dim)
            case .field(let f):
                renderField(f, state: state, labelWidth: labelWidth, area: area, into: &buffer)
            case .fields(let fields, let columns):
                let columnWidth = (area.width - 1) / max(1, columns)
                for (column, f) in fields.enumerated() {
                    let cell = Rect(x: area.x + column * columnWidth, y: y, width: columnWidth, height: 1)
                    renderField(f, state: state, labelWidth: labelWidth, area: cell, into: &buffer)
                }
            }
        }
        ScrollHint.draw(offset: form.scroll, visible: body.height, total: lines.count, in: body, glyphs: state.glyphs, into: &buffer)
    }

    /// The text beside a self-care checkbox (symptoms show their question).
    static func checkboxText(_ field: TodayForm.Field) -> String? {
        if case .care(let care) = field { return care.label }
        return nil
    }

    /// The line that shows `field`, whether alone or in a row of the grid.
    static func line(of field: Int, in lines: [Line]) -> Int? {
        lines.firstIndex {
            switch $0 {
            case .field(let f): return f == field
            case .fields(let fields, _): return fields.contains(field)
            default: return false
            }
        }
    }

    /// What the session time field is read as ("= Sun 1 Mar 18:00"), or how to write one.
    static func timeEcho(_ text: String, state: AppState, narrow: Bool) -> String {
        if text.trimmingSpaces().isEmpty { return narrow ? " empty=now" : " HH:MM, yesterday 18:00, -2h; empty = now" }
        switch state.typedSessionTime(text) {
        case .success(let time):
            let local = time.converted(to: state.timeZone)
            return " = "
                + (narrow ? state.preferences.clock.format(local) : TimeText.dateTime(local, in: state.timeZone, clock: state.preferences.clock))
        case .failure:
            return narrow ? " ?" : " ? HH:MM, yesterday 18:00, mon 7:30, -2h, now"
        }
    }

    private static func title(_ state: AppState) -> [Span] {
        let form = state.form
        let date = "\(form.date.shortDescription) \(form.date.year)"
        var spans: [Span]
        if form.original != nil {
            spans = [Span("Editing the check-in of ", .bold), Span(date, .accent)]
            if let at = form.original?.at.clockTime { spans.append(Span(" " + at, .accent)) }
        } else {
            let another = form.sameDay.isEmpty ? "" : "Another "
            if form.date == state.today {
                spans = [Span(another.isEmpty ? "Check-in for today, " : "Another check-in today, ", .bold), Span(date, .accent)]
            } else {
                spans = [Span(another.isEmpty ? "Backfilling " : "Another check-in on ", .bold), Span(date, .accent)]
            }
            if !form.sameDay.isEmpty {
                let times = form.sameDay.map(\.at.clockTime).joined(separator: ", ")
                spans.append(Span("  (\(countText(form.sameDay.count)) saved: \(times))", .dim))
            }
        }
        if form.isDirty { spans.append(Span("  (not saved)", Style(foreground: .yellow))) }
        return spans
    }

    /// What drawing one field of the form needs: the field, where it goes and whether it has focus.
    private struct FieldRow {
        let state: AppState
        let form: TodayForm
        let field: TodayForm.Field
        let focused: Bool
        let labelWidth: Int
        let area: Rect
        var y: Int { area.y }
        var narrow: Bool { area.width < 60 }

        init(_ index: Int, state: AppState, labelWidth: Int, area: Rect) {
            self.state = state
            form = state.form
            field = form.fields[index]
            focused = index == form.focus
            self.labelWidth = labelWidth
            self.area = area
        }

        /// Writes the field's label; returns the column its value starts at.
        func label(_ text: String, into buffer: inout Buffer) -> Int {
            let labelStyle: Style = focused ? Style(attributes: [.bold, .reverse]) : .bold
            buffer.write(TextLayout.pad(text, to: labelWidth), x: 2, y: y, style: labelStyle)
            return 2 + labelWidth + 1
        }

        /// A checkbox and its text, truncated to the row's area.
        func checkbox(_ on: Bool, _ text: String, marker: Span? = nil, into buffer: inout Buffer) {
            var x = area.x + 2
            x += buffer.write(on ? "[x]" : "[ ]", x: x, y: y, style: focused ? Style(attributes: [.bold, .reverse]) : (on ? .bold : .plain))
            x += 1
            if let marker { x += buffer.write(marker.text, x: x, y: y, style: marker.style) + 1 }
            let room = area.x + area.width - x - 1
            buffer.write(TextLayout.truncate(text, to: room), x: x, y: y, style: on ? .bold : .plain)
        }
    }

    /// One field of the form, in a whole row or in a cell of the grid.
    private static func renderField(_ index: Int, state: AppState, labelWidth: Int, area: Rect, into buffer: inout Buffer) {
        let row = FieldRow(index, state: state, labelWidth: labelWidth, area: area)
        let form = row.form
        if row.focused {
            buffer.write(state.glyphs.isUnicode ? "›" : ">", x: area.x, y: area.y, style: .accent)
        }
        switch row.field {
        case .date:
            renderDate(row, into: &buffer)
        case .pain, .worst:
            renderPain(row, into: &buffer)
        case .symptom(let symptom):
            let text = questionLines(symptom.question, width: area.width).first ?? symptom.question
            row.checkbox(form.symptoms.contains(symptom), text, into: &buffer)
        case .care(let care):
            row.checkbox(form.care.contains(care), care.label, into: &buffer)
        case .sign(let symptom):
            renderSign(symptom, row, into: &buffer)
        case .note, .kind, .time, .minutes, .rpe:
            renderTextBox(row, into: &buffer)
        case .sudden:
            row.checkbox(form.sudden, row.narrow ? "Sudden sharp pain in it?" : "Sharp pain began suddenly during or right after it", into: &buffer)
        case .save:
            let text = form.original == nil ? "[ Save check-in ]" : "[ Save changes ]"
            let x = buffer.write(
                text, x: 2, y: area.y,
                style: row.focused ? Style(foreground: .green, attributes: [.bold, .reverse]) : Style(foreground: .green, attributes: .bold))
            if !row.narrow { buffer.write("  Enter saves from any field", x: 2 + x, y: area.y, style: .dim) }
        }
    }

    /// The date row: the day and how long ago it was, or the box a date is being typed in.
    private static func renderDate(_ row: FieldRow, into buffer: inout Buffer) {
        let (state, form, y, narrow) = (row.state, row.form, row.y, row.narrow)
        var x = row.label("Date", into: &buffer)
        if let entry = form.dateEntry {
            // Typing a date: the box, then what it is read as (or how to write one).
            let boxWidth = 12
            let view = entry.visible(width: boxWidth)
            x += buffer.write("[", x: x, y: y, style: .dim)
            buffer.fill(Rect(x: x, y: y, width: boxWidth, height: 1), style: Style(attributes: .underline))
            buffer.write(view.text, x: x, y: y, maxWidth: boxWidth, style: Style(attributes: .underline))
            buffer.cursor = Buffer.Position(x: x + view.cursorColumn, y: y)
            x += boxWidth
            x += buffer.write("]", x: x, y: y, style: .dim)
            let echo: String
            switch state.typedDate(entry.text) {
            case .success(let date): echo = " = \(date.shortDescription) \(date.year)" + (narrow ? "" : ", Enter takes it")
            case .failure: echo = entry.isEmpty || !narrow ? " yesterday, mon, YYYY-MM-DD; Esc: back" : " ?"
            }
            buffer.write(TextLayout.truncate(echo, to: row.area.x + row.area.width - x - 1), x: x, y: y, style: .dim)
            return
        }
        x += buffer.write(form.date.description, x: x, y: y, style: .bold)
        let note = form.date == state.today ? "  today" : "  \(state.today.days(to: form.date) * -1) days ago"
        x += buffer.write(note, x: x, y: y, style: .dim)
        if row.focused, !narrow {
            buffer.write(
                state.glyphs.isUnicode ? "   ←/→ change day, Space types one" : "   -/+ change day, Space types one", x: x, y: y, style: .dim)
        }
    }

    /// The pain now or worst pain row: a bar, the number out of 10, and a hint.
    private static func renderPain(_ row: FieldRow, into buffer: inout Buffer) {
        let (field, form, y, narrow) = (row.field, row.form, row.y, row.narrow)
        let value = field == .pain ? form.pain : form.worst
        var cx = row.label(field == .pain ? "Pain now" : (narrow ? "Worst" : "Worst since"), into: &buffer)
        cx += PainBar.draw(value, width: narrow ? 5 : 10, glyphs: row.state.glyphs, x: cx, y: y, into: &buffer)
        cx += buffer.write(" " + (value.map { TextLayout.padLeft(String($0), to: 2) } ?? " -") + "/10", x: cx, y: y, style: .bold)
        if !narrow {
            let hint =
                field == .pain
                ? (value == nil ? "  type 0-9 (10: 1 then 0 quickly)" : "  0 none, 10 worst imaginable")
                : "  worst since the last check-in"
            buffer.write(hint, x: cx, y: y, style: .dim)
        }
    }

    /// A warning sign's row: the yes/no/unanswered cell and the question's first line.
    private static func renderSign(_ symptom: Symptom, _ row: FieldRow, into buffer: inout Buffer) {
        let answer = row.form.answers[symptom]
        let cell: String
        let cellStyle: Style
        switch answer {
        case true?: cell = "[yes]"; cellStyle = Style(foreground: .red, attributes: .bold)
        case false?: cell = "[no ]"; cellStyle = Style(foreground: .green, attributes: .bold)
        case nil: cell = "[ - ]"; cellStyle = .dim
        }
        var x = 2
        x += buffer.write(cell, x: x, y: row.y, style: row.focused ? Style(attributes: [.bold, .reverse]) : cellStyle)
        x += 1
        let full = questionText(row.field, form: row.form) ?? symptom.question
        let text = questionLines(full, width: row.area.width).first ?? full
        buffer.write(TextLayout.truncate(text, to: row.area.width - x - 1), x: x, y: row.y, style: answer != nil ? .bold : .plain)
    }

    /// A text box row (note, kind, time, minutes, RPE): the box, a kind's suggestion, and a hint after it.
    private static func renderTextBox(_ row: FieldRow, into buffer: inout Buffer) {
        let (state, form, field, y, narrow, area) = (row.state, row.form, row.field, row.y, row.narrow, row.area)
        let names: [TodayForm.Field: String] = [.note: "Note", .kind: "Kind", .time: "Time", .minutes: "Minutes", .rpe: narrow ? "RPE" : "RPE 1-10"]
        let x = row.label(names[field] ?? "", into: &buffer)
        let boxWidth: Int
        switch field {
        case .note: boxWidth = area.width - x - 3
        case .kind: boxWidth = min(24, area.width - x - 3)
        // One column more than the longest value, so the cursor after it never scrolls the first digit away.
        case .time: boxWidth = narrow ? 6 : 16
        default: boxWidth = 5
        }
        let text = form.textField(field) ?? TextField()
        let editing = row.focused && form.editing
        let view = text.visible(width: max(1, boxWidth))
        var cx = x
        cx += buffer.write("[", x: cx, y: y, style: .dim)
        let boxStyle: Style = editing ? Style(attributes: .underline) : .plain
        buffer.fill(Rect(x: cx, y: y, width: boxWidth, height: 1), style: boxStyle)
        buffer.write(view.text, x: cx, y: y, maxWidth: boxWidth, style: boxStyle)
        if field == .kind, editing, let suggestion = state.kindSuggestion(for: text.text), text.cursor == text.characters.count,
            suggestion.lowercased().hasPrefix(text.text.lowercased())
        {
            let rest = String(suggestion.dropFirst(text.characters.count))
            let used = DisplayWidth.of(view.text)
            buffer.write(rest, x: cx + used, y: y, maxWidth: boxWidth - used, style: Style(attributes: [.dim, .underline]))
        }
        if editing { buffer.cursor = Buffer.Position(x: cx + view.cursorColumn, y: y) }
        cx += boxWidth
        cx += buffer.write("]", x: cx, y: y, style: .dim)
        if !narrow || field != .note {
            let hint = textBoxHint(field, text: text.text, state: state, narrow: narrow)
            buffer.write(TextLayout.truncate(hint, to: area.width - cx - 1), x: cx, y: y, style: .dim)
        }
    }

    /// What follows a text box: the time it is read as, the unit, or the RPE word.
    private static func textBoxHint(_ field: TodayForm.Field, text: String, state: AppState, narrow: Bool) -> String {
        switch field {
        case .time: return timeEcho(text, state: state, narrow: narrow)
        case .minutes: return " minutes long"
        case .rpe:
            if let value = Int(text) { return " " + rpeWord(value) }
            return narrow ? " 1-10" : " how hard it felt (1 very easy, 5 hard, 10 maximal)"
        default: return ""
        }
    }
}

import LumbarCore

/// The check-in form: date, pain, worst pain, the symptom questions (warning signs apart),
/// self-care, a note, and an optional exercise session.
enum TodayScreen {
    /// One line of the scrolling form.
    enum Line: Hashable {
        case field(Int)
        /// More of a symptom question that did not fit on its field's line.
        case questionContinuation(symptom: Int, text: String)
        case heading(String, warning: Bool)
        case kindHint
        case blank
    }

    /// Where a checkbox's text starts: "  [ ] ! ".
    static let checkboxTextColumn = 8

    /// A symptom's question in lines that fit `width` columns (one line when it fits).
    static func questionLines(_ symptom: Symptom, width: Int) -> [String] {
        TextLayout.wrap(symptom.question, width: max(10, width - checkboxTextColumn - 2))
    }

    /// The form's lines at `width`: questions too long for one line continue on the next.
    static func lines(width: Int) -> [Line] {
        var lines: [Line] = []
        let fields = TodayForm.fields
        func add(_ field: TodayForm.Field) {
            if let i = fields.firstIndex(of: field) { lines.append(.field(i)) }
        }
        func addSymptom(_ i: Int) {
            add(.symptom(i))
            for rest in questionLines(Symptom.known[i], width: width).dropFirst() { lines.append(.questionContinuation(symptom: i, text: rest)) }
        }
        add(.date)
        add(.pain)
        add(.worst)
        lines.append(.blank)
        lines.append(.heading("Warning signs: answer each one (Space or y/n)", warning: true))
        for (i, s) in Symptom.known.enumerated() where s.isWarningSign { addSymptom(i) }
        lines.append(.heading("Other symptoms", warning: false))
        for (i, s) in Symptom.known.enumerated() where !s.isWarningSign { addSymptom(i) }
        lines.append(.blank)
        lines.append(.heading("Self-care since the last check-in", warning: false))
        for i in SelfCare.known.indices { add(.care(i)) }
        lines.append(.blank)
        add(.note)
        lines.append(.blank)
        lines.append(.heading("Exercise session (optional)", warning: false))
        add(.kind)
        lines.append(.kindHint)
        add(.time)
        add(.minutes)
        add(.rpe)
        add(.sudden)
        lines.append(.blank)
        add(.save)
        return lines
    }

    /// The form line that shows field `index`.
    static func line(of index: Int, width: Int) -> Int {
        lines(width: width).firstIndex(of: .field(index)) ?? 0
    }

    /// How many lines the form has at `width`.
    static func lineCount(width: Int) -> Int { lines(width: width).count }

    /// Rows available to the scrolling part (below the pinned title).
    static func viewHeight(_ state: AppState) -> Int { max(0, AppView.contentHeight(state) - 1) }

    static func render(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let form = state.form
        let (titleRow, body) = rect.splitTop(1)
        buffer.draw(title(state), x: titleRow.x + 1, y: titleRow.y, width: titleRow.width - 2)
        let labelWidth = rect.width >= 60 ? 13 : 9
        let lines = lines(width: rect.width)
        for row in 0..<body.height {
            let index = form.scroll + row
            guard index < lines.count else { break }
            let y = body.y + row
            let area = Rect(x: body.x, y: y, width: body.width, height: 1)
            switch lines[index] {
            case .blank:
                break
            case .questionContinuation(let symptom, let text):
                let on = form.symptoms.contains(Symptom.known[symptom])
                buffer.write(text, x: checkboxTextColumn, y: y, maxWidth: area.width - checkboxTextColumn - 1, style: on ? .bold : .plain)
            case .heading(let text, let warning):
                let style: Style = warning ? Style(foreground: .red, attributes: [.bold, .underline]) : .heading
                // Drop the parenthesised hint rather than cut a heading mid-word.
                var heading = text
                if DisplayWidth.of(heading) > area.width - 3, let paren = heading.firstIndex(of: "(") {
                    heading = String(heading[..<paren]).trimmingCharacters(in: .whitespaces)
                }
                buffer.write(TextLayout.truncate(heading, to: area.width - 3), x: 2, y: y, style: style)
            case .kindHint:
                let kinds = state.digest.recentKinds
                let text = kinds.isEmpty ? "e.g. run, deadlift, yoga"
                    : "recent: " + kinds.joined(separator: ", ") + "  (" + (state.glyphs.isUnicode ? "→" : "Right") + " completes, ^N next)"
                buffer.write(TextLayout.truncate(text, to: area.width - labelWidth - 4), x: 2 + labelWidth + 1, y: y, style: .dim)
            case .field(let f):
                renderField(f, state: state, labelWidth: labelWidth, area: area, into: &buffer)
            }
        }
        ScrollHint.draw(offset: form.scroll, visible: body.height, total: lines.count, in: body, glyphs: state.glyphs, into: &buffer)
    }

    private static func title(_ state: AppState) -> [Span] {
        let form = state.form
        let date = "\(form.date.shortDescription) \(form.date.year)"
        var spans: [Span]
        if form.original != nil {
            spans = [Span("Editing the check-in of ", .bold), Span(date, .accent)]
        } else if form.date == state.today {
            spans = [Span("Check-in for today, ", .bold), Span(date, .accent)]
        } else {
            spans = [Span("Backfilling ", .bold), Span(date, .accent)]
        }
        if form.isDirty { spans.append(Span("  (not saved)", Style(foreground: .yellow))) }
        return spans
    }

    private static func renderField(_ index: Int, state: AppState, labelWidth: Int, area: Rect, into buffer: inout Buffer) {
        let form = state.form
        let field = TodayForm.fields[index]
        let focused = index == form.focus
        let g = state.glyphs
        let y = area.y
        if focused {
            buffer.write(g.isUnicode ? "›" : ">", x: 0, y: y, style: .accent)
        }
        let labelStyle: Style = focused ? Style(attributes: [.bold, .reverse]) : .bold
        func label(_ text: String) -> Int {
            buffer.write(TextLayout.pad(text, to: labelWidth), x: 2, y: y, style: labelStyle)
            return 2 + labelWidth + 1
        }
        func checkbox(_ on: Bool, _ text: String, marker: Span? = nil) {
            var x = 2
            x += buffer.write(on ? "[x]" : "[ ]", x: x, y: y, style: focused ? Style(attributes: [.bold, .reverse]) : (on ? .bold : .plain))
            x += 1
            if let marker { x += buffer.write(marker.text, x: x, y: y, style: marker.style) + 1 }
            let room = area.width - x - 1
            buffer.write(TextLayout.truncate(text, to: room), x: x, y: y, style: on ? .bold : .plain)
        }
        let narrow = area.width < 60
        switch field {
        case .date:
            var x = label("Date")
            x += buffer.write(form.date.description, x: x, y: y, style: .bold)
            let note = form.date == state.today ? "  today" : "  \(state.today.days(to: form.date) * -1) days ago"
            x += buffer.write(note, x: x, y: y, style: .dim)
            if focused, !narrow {
                buffer.write(g.isUnicode ? "   ←/→ change day" : "   -/+ change day", x: x, y: y, style: .dim)
            }
        case .pain, .worst:
            let value = field == .pain ? form.pain : form.worst
            let x = label(field == .pain ? "Pain now" : (narrow ? "Worst" : "Worst since"))
            var cx = x
            cx += PainBar.draw(value, width: narrow ? 5 : 10, glyphs: g, x: cx, y: y, into: &buffer)
            cx += buffer.write(" " + (value.map { TextLayout.padLeft(String($0), to: 2) } ?? " -") + "/10", x: cx, y: y, style: .bold)
            if !narrow {
                let hint = field == .pain
                    ? (value == nil ? "  type 0-9 (1 then 0 = 10)" : "  0 none, 10 worst imaginable")
                    : "  worst since the last check-in"
                buffer.write(hint, x: cx, y: y, style: .dim)
            }
        case .symptom(let i):
            let symptom = Symptom.known[i]
            let on = form.symptoms.contains(symptom)
            let text = questionLines(symptom, width: area.width).first ?? symptom.question
            let marker = symptom.isWarningSign ? Span(String(g.warning), Style(foreground: .red, attributes: .bold)) : Span(" ")
            checkbox(on, text, marker: marker)
        case .care(let i):
            let care = SelfCare.known[i]
            checkbox(form.care.contains(care), care.label)
        case .note, .kind, .time, .minutes, .rpe:
            let names: [TodayForm.Field: String] = [.note: "Note", .kind: "Kind", .time: "Time", .minutes: "Minutes", .rpe: narrow ? "RPE" : "RPE 1-10"]
            let x = label(names[field] ?? "")
            let boxWidth: Int
            switch field {
            case .note: boxWidth = area.width - x - 3
            case .kind: boxWidth = min(24, area.width - x - 3)
            case .time: boxWidth = 5
            default: boxWidth = 4
            }
            let text = form.textField(field) ?? TextField()
            let editing = focused && form.editing
            let view = text.visible(width: max(1, boxWidth))
            var cx = x
            cx += buffer.write("[", x: cx, y: y, style: .dim)
            let boxStyle: Style = editing ? Style(attributes: .underline) : .plain
            buffer.fill(Rect(x: cx, y: y, width: boxWidth, height: 1), style: boxStyle)
            buffer.write(view.text, x: cx, y: y, maxWidth: boxWidth, style: boxStyle)
            if field == .kind, editing, let suggestion = state.kindSuggestion(for: text.text), text.cursor == text.characters.count,
               suggestion.lowercased().hasPrefix(text.text.lowercased()) {
                let rest = String(suggestion.dropFirst(text.characters.count))
                let used = DisplayWidth.of(view.text)
                buffer.write(rest, x: cx + used, y: y, maxWidth: boxWidth - used, style: Style(attributes: [.dim, .underline]))
            }
            if editing { buffer.cursor = Buffer.Position(x: cx + view.cursorColumn, y: y) }
            cx += boxWidth
            cx += buffer.write("]", x: cx, y: y, style: .dim)
            if !narrow || field != .note {
                let hint: String
                switch field {
                case .time: hint = text.isEmpty ? " HH:MM, empty = now" : " HH:MM"
                case .minutes: hint = " minutes long"
                case .rpe: hint = narrow ? " 1-10" : " how hard it felt"
                default: hint = ""
                }
                buffer.write(TextLayout.truncate(hint, to: area.width - cx - 1), x: cx, y: y, style: .dim)
            }
        case .sudden:
            checkbox(form.sudden, narrow ? "Sudden sharp pain in it?" : "Sharp pain began suddenly during or right after it")
        case .save:
            let text = form.original == nil ? "[ Save check-in ]" : "[ Save changes ]"
            let x = buffer.write(text, x: 2, y: y, style: focused ? Style(foreground: .green, attributes: [.bold, .reverse]) : Style(foreground: .green, attributes: .bold))
            if !narrow { buffer.write("  Enter saves from any field", x: 2 + x, y: y, style: .dim) }
        }
    }
}

import LumbarCore
import LumbarText

/// Every check-in and session, newest first: date and time, pain bar and number, symptoms,
/// self-care and the note cut to fit (with a cut mark), and the selected entry shown whole.
enum HistoryScreen {
    /// Column widths for a screen width.
    struct Columns {
        var bar: Int
        var symptoms: Int
        var care: Int

        init(width: Int) {
            bar = width >= 70 ? 10 : (width >= 50 ? 5 : 0)
            let rest = width - 1 - 11 - 6 - (bar + 4)
            if width >= 100 {
                symptoms = 30
                care = 24
            } else if width >= 70 {
                symptoms = min(22, rest / 3)
                care = min(16, rest / 4)
            } else {
                symptoms = 5
                care = 0
            }
        }
    }

    /// The width from which the selected entry is shown beside the list, and the pane's width.
    static let paneThreshold = 120
    static let paneWidth = 44

    static func render(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let history = state.history
        let showFilter = history.showsFilter
        let (body, filterRow) = rect.splitBottom(showFilter ? 1 : 0)
        if history.showsDetail, let entry = state.selectedEntry {
            drawDetail(state, entry: entry, in: body, into: &buffer)
        } else if body.width >= paneThreshold {
            // Wide enough to show the selected entry whole beside the list, without pressing Enter.
            let split = body.splitLeft(body.width - paneWidth - 1)
            drawList(state, in: split.left, into: &buffer)
            let pane = Rect(x: split.rest.x + 1, y: body.y, width: paneWidth, height: body.height)
            buffer.fill(Rect(x: split.rest.x, y: body.y, width: 1, height: body.height), with: state.glyphs.vertical, style: .dim)
            if let entry = state.selectedEntry {
                let lines = detailLines(state, entry: entry, width: pane.width - 1)
                buffer.draw(lines, in: Rect(x: pane.x + 1, y: pane.y, width: pane.width - 1, height: pane.height))
            }
        } else {
            drawList(state, in: body, into: &buffer)
        }
        if showFilter, !filterRow.isEmpty { drawFilter(state, in: filterRow, into: &buffer) }
    }

    private static func drawList(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let history = state.history
        let (headerRow, list) = rect.splitTop(1)
        let columns = Columns(width: rect.width)
        drawHeader(columns, in: headerRow, into: &buffer)
        if state.digest.rows.isEmpty {
            buffer.write("Nothing logged yet. Press t to check in.", x: 2, y: list.y + 1, style: .dim)
        }
        for row in 0..<list.height {
            let index = history.offset + row
            guard index < history.visible.count else { break }
            let y = list.y + row
            drawRow(state, row: history.visible[index], columns: columns, x: list.x, y: y, width: list.width, into: &buffer)
            if index == history.selected {
                buffer.applyStyle(Style(attributes: .reverse), to: Rect(x: list.x, y: y, width: list.width, height: 1))
                buffer.write(String(state.glyphs.cursor), x: list.x, y: y, style: Style(foreground: .cyan, attributes: [.bold, .reverse]))
            }
        }
        ScrollHint.draw(
            offset: history.offset, visible: list.height, total: history.visible.count, in: list,
            glyphs: state.glyphs, into: &buffer)
    }

    private static func drawFilter(_ state: AppState, in row: Rect, into buffer: inout Buffer) {
        let history = state.history
        let y = row.y
        var x = buffer.write("/", x: 0, y: y, style: .accent)
        let count = "  \(history.visible.count) of \(state.digest.rows.count)"
        if let field = history.filterField {
            let room = max(1, row.width - 2 - DisplayWidth.of(count))
            let view = field.visible(width: room)
            buffer.write(view.text, x: x, y: y, maxWidth: room, style: .underlined)
            buffer.write(count, x: x + room, y: y, maxWidth: row.width - x - room, style: .dim)
            buffer.cursor = Buffer.Position(x: x + view.cursorColumn, y: y)
        } else {
            x += buffer.write(TextLayout.truncate(history.filter, to: row.width / 2, glyphs: state.glyphs), x: x, y: y, style: .bold)
            buffer.write(count + " entries, Esc clears", x: x, y: y, maxWidth: row.width - x, style: .dim)
        }
    }

    private static func drawHeader(_ columns: Columns, in row: Rect, into buffer: inout Buffer) {
        var x = 1
        let y = row.y
        func head(_ text: String, _ width: Int) {
            guard width > 0 else { return }
            buffer.write(TextLayout.pad(text, to: width), x: x, y: y, style: .heading)
            x += width + 1
        }
        head("Date", 10)
        head("Time", 5)
        head("Pain", columns.bar > 0 ? columns.bar + 3 : 4)
        head(columns.symptoms >= 10 ? "Symptoms" : "Sym", columns.symptoms)
        head("Care", columns.care)
        if x < row.width { buffer.write("Note", x: x, y: y, style: .heading) }
    }

    private static func drawRow(_ state: AppState, row: Int, columns: Columns, x left: Int, y: Int, width: Int, into buffer: inout Buffer) {
        let g = state.glyphs
        var x = left + 1
        let end = left + width - 1
        switch state.digest.rows[row] {
        case .checkIn(let i):
            let c = state.journal.checkIns[i]
            buffer.write(c.date.description, x: x, y: y)
            x += 11
            buffer.write(c.at.clockTime, x: x, y: y, style: .dim)
            x += 6
            if columns.bar > 0 {
                PainBar.draw(c.pain, width: columns.bar, glyphs: g, x: x, y: y, into: &buffer)
                x += columns.bar
            }
            let painWidth = columns.bar > 0 ? 3 : 4
            buffer.write(
                TextLayout.padLeft(String(c.pain), to: painWidth), x: x, y: y, style: Style(foreground: PainBar.color(for: c.pain), attributes: .bold)
            )
            x += painWidth + 1
            drawSymptoms(matchesFirst(c.symptoms, filter: state.history.filter), width: columns.symptoms, glyphs: g, x: x, y: y, into: &buffer)
            x += columns.symptoms + 1
            if columns.care > 0 {
                buffer.write(
                    TextLayout.truncate(c.care.map(\.label).joined(separator: ", "), to: columns.care, glyphs: g),
                    x: x, y: y, style: Style(foreground: .green))
                x += columns.care + 1
            }
            if end - x > 0 {
                // Too narrow for symptom names: the ones a filter matched lead the note, so the row says why it is listed.
                let matched = columns.symptoms < 10 ? matchedSymptoms(c.symptoms, filter: state.history.filter) : []
                var nx = x
                if !matched.isEmpty {
                    let names = matched.map(\.label).joined(separator: ", ") + (c.note.isEmpty ? "" : " " + String(g.dot) + " ")
                    nx += buffer.write(TextLayout.truncate(names, to: end - nx, glyphs: g), x: nx, y: y, style: .bold)
                }
                if end - nx > 0, !c.note.isEmpty {
                    buffer.write(TextLayout.truncate(oneLine(c.note), to: end - nx, glyphs: g), x: nx, y: y, style: .dim)
                }
            }
        case .session(let i):
            let s = state.journal.sessions[i]
            buffer.write(s.at.localDate.description, x: x, y: y, style: .session)
            x += 11
            buffer.write(s.at.clockTime, x: x, y: y, style: .session)
            x += 6
            var parts = [s.kind]
            if let m = s.minutes { parts.append("\(m) min") }
            if let r = s.rpe { parts.append("RPE \(r)") }
            if s.suddenPain { parts.append("sudden sharp pain") }
            if !s.note.isEmpty { parts.append(oneLine(s.note)) }
            let text = String(g.sessionRow) + " " + parts.joined(separator: " " + String(g.dot) + " ")
            buffer.write(TextLayout.truncate(text, to: end - x, glyphs: g), x: x, y: y, style: s.suddenPain ? .warning : .session)
        }
    }

    /// Warning signs before the rest, and the symptoms a filter matched before both, so a
    /// filtered row visibly says why it is there.
    private static func matchesFirst(_ symptoms: [Symptom], filter: String) -> [Symptom] {
        let ordered = symptoms.filter(\.isWarningSign) + symptoms.filter { !$0.isWarningSign }
        let matched = matchedSymptoms(ordered, filter: filter)
        return matched + ordered.filter { !matched.contains($0) }
    }

    /// The symptoms whose name or key holds a word of `filter`.
    private static func matchedSymptoms(_ symptoms: [Symptom], filter: String) -> [Symptom] {
        let words = filter.lowercased().split(separator: " ")
        guard !words.isEmpty else { return [] }
        return symptoms.filter { s in words.contains { s.label.lowercased().contains($0) || s.rawValue.contains($0) } }
    }

    /// Line breaks in a note would break the row: show them as spaces.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The symptoms in the order given, warning signs marked, cut with a mark; at narrow widths
    /// just counts ("!2 +1").
    private static func drawSymptoms(_ symptoms: [Symptom], width: Int, glyphs: Glyphs, x: Int, y: Int, into buffer: inout Buffer) {
        guard width > 0, !symptoms.isEmpty else { return }
        if width < 10 {
            let red = symptoms.filter(\.isWarningSign)
            let other = symptoms.filter { !$0.isWarningSign }
            var text = ""
            if !red.isEmpty { text += String(glyphs.warning) + String(red.count) }
            if !other.isEmpty { text += (text.isEmpty ? "" : " ") + "+" + String(other.count) }
            buffer.write(TextLayout.truncate(text, to: width), x: x, y: y, style: red.isEmpty ? .plain : .warning)
            return
        }
        // Warning signs are marked and red wherever they fall in the list.
        var cx = x
        let end = x + width
        for (i, symptom) in symptoms.enumerated() {
            let text = (i == 0 ? "" : ", ") + (symptom.isWarningSign ? String(glyphs.warning) : "") + symptom.label
            let rest = symptoms.count - i - 1
            let room = end - cx
            if DisplayWidth.of(text) <= room - (rest > 0 ? DisplayWidth.of(glyphs.cut) : 0) || (rest == 0 && DisplayWidth.of(text) <= room) {
                cx += buffer.write(text, x: cx, y: y, style: symptom.isWarningSign ? Style(foreground: .red) : .plain)
            } else {
                buffer.write(
                    TextLayout.truncate(text, to: room, glyphs: glyphs), x: cx, y: y,
                    style: symptom.isWarningSign ? Style(foreground: .red) : .plain)
                break
            }
        }
    }

    // MARK: Detail

    /// The selected entry whole: every answer, the care and the note wrapped.
    static func detailLines(_ state: AppState, entry: Journal.Entry, width: Int) -> [[Span]] {
        let g = state.glyphs
        let labelWidth = 10
        let textWidth = max(8, width - labelWidth - 1)
        var lines: [[Span]] = []
        func field(_ label: String, _ text: String, _ style: Style = .plain) {
            guard !text.isEmpty else { return }
            for (i, line) in TextLayout.wrap(text, width: textWidth).enumerated() {
                lines.append([Span(TextLayout.pad(i == 0 ? label : "", to: labelWidth) + " ", .bold), Span(line, style)])
            }
        }
        switch entry {
        case .checkIn(let c):
            lines.append([
                Span("Check-in ", .heading), Span("\(c.date.description) \(c.at.clockTime)", .bold),
                Span("  \(c.date.shortDescription)", .dim),
            ])
            lines.append([])
            field(
                "Pain", "\(c.pain)/10" + (c.worst.map { ", worst \($0)/10" } ?? ""),
                Style(foreground: PainBar.color(for: c.pain), attributes: .bold))
            let yesWarning = c.symptoms.filter(\.isWarningSign)
            let yesOther = c.symptoms.filter { !$0.isWarningSign }
            field("Said yes", yesWarning.map { String(g.warning) + $0.label }.joined(separator: ", "), Style(foreground: .red, attributes: .bold))
            field(yesWarning.isEmpty ? "Symptoms" : "", yesOther.map(\.label).joined(separator: ", "))
            field("Said no", c.denied.map(\.label).joined(separator: ", "), .dim)
            if c.symptoms.isEmpty, c.denied.isEmpty { field("Symptoms", "none logged", .dim) }
            field("Care", c.care.map(\.label).joined(separator: ", "), Style(foreground: .green))
            field("Note", c.note)
            lines.append([])
            field("Logged", c.at.description + (c.revision > 1 ? " (changed \(c.revision - 1)\u{00D7})" : ""), .dim)
        case .session(let s):
            lines.append([
                Span("Session ", .heading), Span("\(s.at.localDate.description) \(s.at.clockTime)", .bold),
                Span("  \(s.at.localDate.shortDescription)", .dim),
            ])
            lines.append([])
            field("Kind", s.kind, .session)
            field("Minutes", s.minutes.map(String.init) ?? "")
            field("Effort", s.rpe.map { "RPE \($0)/10" } ?? "")
            if s.suddenPain { field("Pain", "sudden sharp pain during the session", .warning) }
            field("Note", s.note)
        }
        return lines
    }

    private static func drawDetail(_ state: AppState, entry: Journal.Entry, in rect: Rect, into buffer: inout Buffer) {
        let (body, footer) = rect.splitBottom(1)
        let lines = detailLines(state, entry: entry, width: body.width - 2)
        let offset = min(state.history.detailScroll, max(0, lines.count - body.height))
        buffer.draw(lines, in: Rect(x: body.x + 1, y: body.y, width: body.width - 2, height: body.height), offset: offset)
        ScrollHint.draw(offset: offset, visible: body.height, total: lines.count, in: body, glyphs: state.glyphs, into: &buffer)
        let position = "\(state.history.selected + 1) of \(state.history.visible.count)"
        buffer.write(position, x: footer.right - DisplayWidth.of(position) - 1, y: footer.y, style: .dim)
    }
}

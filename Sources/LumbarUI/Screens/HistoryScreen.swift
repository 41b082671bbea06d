import LumbarCore

/// Every check-in and session, newest first: date, pain bar and number, symptom markers,
/// self-care and the note cut to fit.
enum HistoryScreen {
    /// Column widths for a screen width.
    struct Columns {
        var bar: Int
        var symptoms: Int
        var care: Int

        init(width: Int) {
            bar = width >= 70 ? 10 : 5
            let rest = width - 2 - 10 - 1 - bar - 3 - 1
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

    /// Rows for the list (below the header, above the filter line).
    static func listHeight(_ state: AppState) -> Int {
        let filterLine = state.history.filterField != nil || !state.history.filter.isEmpty ? 1 : 0
        return max(0, AppView.contentHeight(state) - 1 - filterLine)
    }

    static func render(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let history = state.history
        let showFilter = history.filterField != nil || !history.filter.isEmpty
        let (headerRow, rest) = rect.splitTop(1)
        let (list, filterRow) = rest.splitBottom(showFilter ? 1 : 0)
        let columns = Columns(width: rect.width)
        drawHeader(columns, in: headerRow, into: &buffer)

        if state.digest.rows.isEmpty {
            buffer.write("Nothing logged yet. Press t to check in.", x: 2, y: list.y + 1, style: .dim)
        }
        for row in 0..<list.height {
            let index = history.offset + row
            guard index < history.visible.count else { break }
            let y = list.y + row
            let selected = index == history.selected
            drawRow(state, row: history.visible[index], columns: columns, x: list.x, y: y, width: list.width, into: &buffer)
            if selected {
                buffer.applyStyle(Style(attributes: .reverse), to: Rect(x: list.x, y: y, width: list.width, height: 1))
                buffer.write(state.glyphs.isUnicode ? "›" : ">", x: list.x, y: y, style: Style(foreground: .cyan, attributes: [.bold, .reverse]))
            }
        }
        ScrollHint.draw(offset: history.offset, visible: list.height, total: history.visible.count, in: list,
                        glyphs: state.glyphs, into: &buffer)

        if showFilter, !filterRow.isEmpty {
            let y = filterRow.y
            var x = buffer.write("/", x: 0, y: y, style: .accent)
            if let field = history.filterField {
                let view = field.visible(width: filterRow.width - 2)
                buffer.write(view.text, x: x, y: y, maxWidth: filterRow.width - 2, style: .underlined)
                buffer.cursor = Buffer.Position(x: x + view.cursorColumn, y: y)
            } else {
                x += buffer.write(history.filter, x: x, y: y, maxWidth: filterRow.width / 2, style: .bold)
                buffer.write("  \(history.visible.count) of \(state.digest.rows.count) entries, Esc clears", x: x, y: y,
                             maxWidth: filterRow.width - x, style: .dim)
            }
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
        head("Pain", columns.bar + 3)
        head(columns.symptoms >= 10 ? "Symptoms" : "Sym", columns.symptoms)
        head("Care", columns.care)
        if x < row.width { buffer.write("Note", x: x, y: y, style: .heading) }
    }

    private static func drawRow(_ state: AppState, row: Int, columns: Columns, x left: Int, y: Int, width: Int, into buffer: inout Buffer) {
        let g = state.glyphs
        var x = left + 1
        switch state.digest.rows[row] {
        case .checkIn(let i):
            let c = state.journal.checkIns[i]
            buffer.write(c.date.description, x: x, y: y)
            x += 11
            PainBar.draw(c.pain, width: columns.bar, glyphs: g, x: x, y: y, into: &buffer)
            x += columns.bar
            buffer.write(TextLayout.padLeft(String(c.pain), to: 3), x: x, y: y, style: Style(foreground: PainBar.color(for: c.pain), attributes: .bold))
            x += 4
            drawSymptoms(c.symptoms, width: columns.symptoms, glyphs: g, x: x, y: y, into: &buffer)
            x += columns.symptoms + 1
            if columns.care > 0 {
                buffer.write(TextLayout.truncate(c.care.map(\.label).joined(separator: ", "), to: columns.care, ellipsis: g.ellipsis),
                             x: x, y: y, style: Style(foreground: .green))
                x += columns.care + 1
            }
            let room = left + width - x - 1
            if room > 0 {
                buffer.write(TextLayout.truncate(c.note, to: room, ellipsis: g.ellipsis), x: x, y: y, style: .dim)
            }
        case .session(let i):
            let s = state.journal.sessions[i]
            buffer.write(s.at.localDate.description, x: x, y: y, style: .session)
            x += 11
            var parts = [s.at.clockTime, s.kind]
            if let m = s.minutes { parts.append("\(m) min") }
            if let r = s.rpe { parts.append("RPE \(r)") }
            let text = String(g.arrow) + " " + parts.joined(separator: " " + String(g.dot) + " ")
            x += buffer.write(TextLayout.truncate(text, to: left + width - x - 1, ellipsis: g.ellipsis), x: x, y: y, style: .session)
            if s.suddenPain, x + 2 < left + width {
                buffer.write(TextLayout.truncate("  sudden sharp pain", to: left + width - x - 1, ellipsis: g.ellipsis), x: x, y: y, style: .warning)
            }
        }
    }

    /// Red flags first with a marker, then the rest; at narrow widths just counts ("!2 +1").
    private static func drawSymptoms(_ symptoms: [Symptom], width: Int, glyphs: Glyphs, x: Int, y: Int, into buffer: inout Buffer) {
        guard width > 0, !symptoms.isEmpty else { return }
        let red = symptoms.filter(\.isWarningSign)
        let other = symptoms.filter { !$0.isWarningSign }
        if width < 10 {
            var text = ""
            if !red.isEmpty { text += String(glyphs.warning) + String(red.count) }
            if !other.isEmpty { text += (text.isEmpty ? "" : " ") + "+" + String(other.count) }
            buffer.write(TextLayout.truncate(text, to: width), x: x, y: y, style: red.isEmpty ? .plain : .warning)
            return
        }
        var cx = x
        let end = x + width
        if !red.isEmpty {
            cx += buffer.write(String(glyphs.warning), x: cx, y: y, style: .warning)
            let text = red.map(\.label).joined(separator: ", ")
            cx += buffer.write(TextLayout.truncate(text, to: end - cx, ellipsis: glyphs.ellipsis), x: cx, y: y, style: Style(foreground: .red))
        }
        if !other.isEmpty, end - cx > 2 {
            let text = (red.isEmpty ? "" : ", ") + other.map(\.label).joined(separator: ", ")
            buffer.write(TextLayout.truncate(text, to: end - cx, ellipsis: glyphs.ellipsis), x: cx, y: y)
        }
    }
}

import LumbarCore
import LumbarText

/// Choosing a report's period and format, and where the last one went.
enum ReportScreen {
    static func render(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let form = state.reportForm
        let g = state.glyphs
        let x = rect.x + 1
        let width = rect.width - 2
        let (body, footer) = rect.splitBottom(1)
        var y = rect.y
        func line(_ text: String, _ style: Style = .plain) {
            for piece in TextLayout.wrap(text, width: width) where y < body.bottom {
                buffer.write(piece, x: x, y: y, style: style)
                y += 1
            }
        }
        line("Report for a doctor or physiotherapist", .bold)
        if rect.height >= 16 {
            line("One page: the episode, the pain trend, the flags, your answers, care, sessions and notes.", .dim)
        }
        if rect.height >= 14 { y += 1 }

        let labelWidth = 8
        let period = form.period(today: state.today, journal: state.journal, now: state.now, timeZone: state.timeZone)
        for row in form.rows {
            guard y < body.bottom else { break }
            let focused = row == form.focus
            let marker = focused ? String(g.cursor) + " " : "  "
            let label: String
            let value: String
            var valueStyle: Style = .plain
            switch row {
            case .period:
                label = "Period"
                if form.usesDefaultPeriod, case .success(let p) = period {
                    value = (width >= 60 ? "last 30 days or the episode: " : "") + "\(p.first) to \(p.last)"
                } else {
                    value = form.usesDefaultPeriod ? "the default" : "chosen dates"
                }
            case .from:
                label = "From"
                value = form.from.isEmpty ? (focused ? "" : "YYYY-MM-DD") : form.from
                valueStyle = form.from.isEmpty ? .dim : .underlined
            case .to:
                label = "To"
                value = form.to.isEmpty ? (focused ? "" : "today") : form.to
                valueStyle = form.to.isEmpty ? .dim : .underlined
            case .format:
                label = "Format"
                value = form.format.title
            }
            buffer.write(marker + TextLayout.pad(label, to: labelWidth), x: x, y: y, style: focused ? .accent : .bold)
            let vx = x + 2 + labelWidth
            buffer.write(TextLayout.truncate(value, to: x + width - vx, glyphs: g), x: vx, y: y, style: valueStyle)
            if focused, row == .from || row == .to {
                buffer.cursor = Buffer.Position(x: vx + DisplayWidth.of(row == .from ? form.from : form.to), y: y)
            }
            y += 1
        }
        if rect.height >= 12 { y += 1 }
        if case .success(let p) = period {
            line(
                "Enter writes " + (form.format == .md ? "a Markdown" : "an HTML") + " file for \(p.first) to \(p.last) in the current directory.",
                .dim)
        } else if case .failure(let problem) = period, !form.usesDefaultPeriod, !form.from.isEmpty {
            line(problem.text, Style(foreground: .yellow))
        }
        if let path = form.lastWritten {
            line("Last written: " + path, Style(foreground: .green))
        }
        Disclaimer.draw(in: footer, into: &buffer)
    }
}

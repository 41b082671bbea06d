import LumbarCore
import LumbarText

/// One month as a calendar, each day shaded by its highest pain; a blank column between
/// days keeps a number from running into the next day's shade.
enum CalendarHeatMap {
    /// Four columns a day (two for the number, one shade, one blank), less the last blank.
    static let width = 27

    static func draw(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let g = state.glyphs
        var year = state.today.year
        var month = state.today.month - state.chart.monthsBack
        while month < 1 { month += 12; year -= 1 }
        guard let firstOfMonth = LocalDate(year: year, month: month, day: 1) else { return }
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let title = "\(names[month - 1]) \(year)"
        buffer.write(title, x: rect.x + (rect.width - DisplayWidth.of(title)) / 2, y: rect.y, style: .bold)
        let week = state.preferences.weekStart
        buffer.write(week.dayInitials.joined(separator: "  "), x: rect.x, y: rect.y + 1, maxWidth: rect.width, style: .dim)
        let lead = week.column(of: firstOfMonth)
        let days = LocalDate.daysIn(month: month, year: year)
        for day in 1...days {
            let slot = lead + day - 1
            let x = rect.x + (slot % 7) * 4
            let y = rect.y + 2 + slot / 7
            guard let date = LocalDate(year: year, month: month, day: day) else { continue }
            let summary = state.digest.day(date)
            let isToday = date == state.today
            buffer.write(
                TextLayout.padLeft(String(day), to: 2), x: x, y: y,
                style: isToday ? Style(attributes: [.bold, .underline]) : (date > state.today ? .dim : .plain))
            if let pain = summary.pain {
                buffer.write(String(g.heat(for: pain)), x: x + 2, y: y, style: Style(foreground: PainBar.color(for: pain), attributes: .bold))
            }
        }
        let legendY = rect.y + 8
        let legend = [
            Span(String(g.heat[0]), Style(attributes: .bold)), Span(" 0  "),
            Span(String(g.heat[1]), Style(foreground: .green, attributes: .bold)), Span(" 1-3  "),
            Span(String(g.heat[2]), Style(foreground: .yellow, attributes: .bold)), Span(" 4-6  "),
            Span(String(g.heat[3]), Style(foreground: .red, attributes: .bold)), Span(" 7+"),
        ]
        buffer.draw(legend, x: rect.x, y: legendY, width: rect.width)
        // Plain words: "[ ]" alone reads as an empty checkbox.
        buffer.write("[ earlier month  ] later", x: rect.x, y: legendY + 1, maxWidth: rect.width, style: .dim)
    }
}

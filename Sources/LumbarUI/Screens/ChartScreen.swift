import LumbarCore

/// Pain over 14 days, 90 days, a year or everything: daily highest pain as bars, the 7-day
/// average, sessions, the current episode's 72 h / 96 h and day 14 / 28 marks, and a
/// month calendar heat map beside or below.
enum ChartScreen {
    static let calendarWidth = 21
    static let calendarHeight = 10

    static func render(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        var chartArea = rect
        var calendarArea: Rect?
        if rect.width >= 72 && rect.height >= calendarHeight {
            let split = rect.splitLeft(rect.width - calendarWidth - 3)
            chartArea = split.left
            calendarArea = Rect(x: split.rest.x + 2, y: rect.y + 2, width: calendarWidth, height: calendarHeight)
        } else if rect.height >= 12 + calendarHeight {
            let split = rect.splitBottom(calendarHeight)
            chartArea = split.rest
            calendarArea = Rect(x: rect.x + 4, y: split.bottom.y, width: calendarWidth, height: calendarHeight)
        }
        drawChart(state, in: chartArea, into: &buffer)
        if let calendarArea { CalendarHeatMap.draw(state, in: calendarArea, into: &buffer) }
    }

    /// The days a range covers, ending today.
    static func span(_ state: AppState) -> (first: LocalDate, days: Int) {
        let today = state.today
        if let days = state.chart.range.days { return (today.adding(days: -(days - 1)), days) }
        let first = min(state.digest.firstDate, today)
        return (first, max(1, first.days(to: today) + 1))
    }

    private static func drawChart(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let g = state.glyphs
        let (first, dayCount) = span(state)
        let today = state.today
        // Title and range keys.
        var x = rect.x + 1
        x += buffer.write("Pain, ", x: x, y: rect.y, style: .bold)
        x += buffer.write(state.chart.range == .all ? "all time" : "last " + state.chart.range.title, x: x, y: rect.y, style: .accent)
        x += 2
        for range in ChartState.Range.allCases {
            let label = "\(range.rawValue + 1):" + range.shortTitle
            guard rect.right - x > DisplayWidth.of(label) else { break }
            let style: Style = range == state.chart.range ? Style(attributes: [.bold, .reverse]) : .dim
            x += buffer.write(label, x: x, y: rect.y, maxWidth: rect.right - x, style: style) + 1
        }
        let legend = [Span(String(g.full), Style(foreground: .yellow)), Span(" daily highest  "),
                      Span(String(g.average), Style(foreground: .cyan, attributes: .bold)), Span(" 7-day avg  "),
                      Span(String(g.session), .session), Span(" session  "),
                      Span(String(g.mark), Style(foreground: .magenta)), Span(" episode")]
        buffer.draw(legend, x: rect.x + 1, y: rect.y + 1, width: rect.width - 2)

        let axisWidth = 3
        let plotHeight = rect.height - 6
        let plotWidth = rect.width - axisWidth - 2
        guard plotHeight >= 2, plotWidth >= 8 else { return }
        let plotTop = rect.y + 2
        let plotLeft = rect.x + axisWidth + 1
        let baseline = plotTop + plotHeight  // the axis row

        // Columns: several per day when days are few, several days per column when many.
        let daysPerColumn = max(1, (dayCount + plotWidth - 1) / plotWidth)
        let columnsPerDay = daysPerColumn == 1 ? max(1, min(8, plotWidth / dayCount)) : 1
        // Leave a gap between days whenever a day has more than one column.
        let barWidth = columnsPerDay >= 2 ? columnsPerDay - 1 : 1
        let bucketCount = (dayCount + daysPerColumn - 1) / daysPerColumn

        // Axis.
        for (label, value) in [("10", 10), (" 5", 5), (" 0", 0)] {
            let row = plotTop + plotHeight - 1 - Int((Double(value) / 10 * Double(plotHeight - 1)).rounded())
            buffer.write(label, x: rect.x, y: row, style: .dim)
        }
        for row in plotTop..<baseline { buffer.write(String(g.vertical), x: plotLeft - 1, y: row, style: .dim) }
        buffer.write(g.isUnicode ? "└" : "+", x: plotLeft - 1, y: baseline, style: .dim)
        let usedWidth = min(plotWidth, bucketCount * columnsPerDay)
        buffer.fill(Rect(x: plotLeft, y: baseline, width: usedWidth, height: 1), with: g.rule, style: .dim)

        func columnX(_ date: LocalDate) -> Int? {
            let offset = first.days(to: date)
            guard offset >= 0, offset < dayCount else { return nil }
            return plotLeft + (offset / daysPerColumn) * columnsPerDay
        }

        // Episode marks first, so bars and averages draw over them.
        var marks: [(Int, String)] = []
        if let episode = state.status.episode {
            let tz = state.timeZone
            if let trigger = episode.trigger {
                for hours in [72.0, 96.0] {
                    let date = trigger.at.adding(hours: hours).converted(to: tz).localDate
                    if let cx = columnX(date) { marks.append((cx, "\(Int(hours))h")) }
                }
            }
            for day in [14, 28] {
                if let cx = columnX(episode.onset.date.adding(days: day)) { marks.append((cx, "d\(day)")) }
            }
        }
        for (cx, _) in marks {
            for row in plotTop..<baseline { buffer.write(String(g.mark), x: cx, y: row, style: Style(foreground: .magenta)) }
        }

        // Bars, averages, sessions.
        let markRow = baseline + 1
        let sessionRow = baseline + 2
        let dateRow = baseline + 3
        let eighthsTotal = plotHeight * 8
        for bucket in 0..<bucketCount {
            let cx = plotLeft + bucket * columnsPerDay
            guard cx + barWidth <= plotLeft + plotWidth else { break }
            var pain: Int?
            var sessions = 0
            var sudden = false
            var lastDay = first
            for d in 0..<daysPerColumn {
                let index = bucket * daysPerColumn + d
                guard index < dayCount else { break }
                let date = first.adding(days: index)
                lastDay = date
                let day = state.digest.day(date)
                if let p = day.pain { pain = max(pain ?? 0, p) }
                sessions += day.sessions
                sudden = sudden || day.suddenPain
            }
            if let pain {
                let height = max(1, Int((Double(pain) / 10 * Double(eighthsTotal)).rounded()))
                let style = Style(foreground: pain == 0 ? .green : PainBar.color(for: pain))
                for level in 0..<plotHeight {
                    let fill = min(8, height - level * 8)
                    guard fill > 0 else { break }
                    let symbol = String(g.eighths[fill - 1])
                    for w in 0..<barWidth { buffer.write(symbol, x: cx + w, y: baseline - 1 - level, style: style) }
                }
            }
            if let average = state.digest.average(on: lastDay), lastDay <= today {
                let level = min(plotHeight - 1, Int(average / 10 * Double(plotHeight - 1) + 0.5))
                buffer.write(String(g.average), x: cx + (barWidth - 1) / 2, y: baseline - 1 - level, style: Style(foreground: .cyan, attributes: .bold))
            }
            if sessions > 0 {
                buffer.write(String(g.session), x: cx + (barWidth - 1) / 2, y: sessionRow, style: sudden ? .warning : .session)
            }
        }
        // Mark labels, left to right without overlapping.
        var free = plotLeft
        for (cx, label) in marks.sorted(by: { $0.0 < $1.0 }) where cx >= free {
            free = cx + buffer.write(label, x: cx, y: markRow, style: Style(foreground: .magenta)) + 1
        }
        // Date labels at both ends (and the middle when there is room).
        let long = dayCount > 120
        func label(_ date: LocalDate) -> String {
            long ? "\(date.monthAbbreviation) \(date.year)" : "\(date.day) \(date.monthAbbreviation)"
        }
        let startLabel = label(first)
        buffer.write(startLabel, x: plotLeft, y: dateRow, style: .dim)
        let endLabel = label(today)
        let endX = plotLeft + usedWidth - DisplayWidth.of(endLabel)
        if endX > plotLeft + DisplayWidth.of(startLabel) + 1 { buffer.write(endLabel, x: endX, y: dateRow, style: .dim) }
        let middle = first.adding(days: dayCount / 2)
        let midLabel = label(middle)
        if let mx = columnX(middle), mx - DisplayWidth.of(midLabel) / 2 > plotLeft + DisplayWidth.of(startLabel) + 2,
           mx + DisplayWidth.of(midLabel) < endX - 2 {
            buffer.write(midLabel, x: mx - DisplayWidth.of(midLabel) / 2, y: dateRow, style: .dim)
        }
        if state.digest.rows.isEmpty {
            buffer.write("No check-ins yet. Press t to log one.", x: plotLeft + 2, y: plotTop + plotHeight / 2, style: .dim)
        }
    }
}

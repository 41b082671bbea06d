import LumbarCore
import LumbarText

/// Pain over 14 days, 90 days, a year or everything: the highest pain of each day (or week)
/// as bars, the 7-day average as a line beside them, sessions, the current episode's
/// 72 h / 96 h and day 14 / 28 marks, and a month calendar heat map beside or below.
enum ChartScreen {
    static let calendarWidth = CalendarHeatMap.width
    static let calendarHeight = 10

    static func render(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        var chartArea = rect
        var calendarArea: Rect?
        // A year of weeks needs the width more than a month needs a calendar, below 120 columns.
        let long = state.chart.range == .year || state.chart.range == .all
        if rect.width >= 72 && rect.height >= calendarHeight && (!long || rect.width >= 120) {
            let split = rect.splitLeft(rect.width - calendarWidth - 3)
            chartArea = split.left
            calendarArea = Rect(x: split.rest.x + 2, y: rect.y + 2, width: calendarWidth, height: calendarHeight)
        } else if rect.height >= (long ? 18 : 12) + calendarHeight {
            let split = rect.splitBottom(calendarHeight)
            chartArea = split.rest
            calendarArea = Rect(x: rect.x + 2, y: split.bottom.y, width: calendarWidth, height: calendarHeight)
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

    /// How the days are grouped into bars: one day each when two columns a day fit, else
    /// whole weeks (several weeks when even a week a column is too many).
    struct Buckets {
        /// The first day of the first bucket.
        var first: LocalDate
        var daysPerBucket: Int
        var count: Int
        /// Whether each bucket has a bar and a gap for the line (otherwise a bar a column).
        var hasGaps: Bool
        var plotLeft: Int
        var plotWidth: Int

        init(days: Int, ending today: LocalDate, plotLeft: Int, plotWidth: Int) {
            var perBucket = 1
            if days * 2 > plotWidth {
                perBucket = 7
                while (days + perBucket - 1) / perBucket > plotWidth, perBucket < days { perBucket += 7 }
            }
            count = (days + perBucket - 1) / perBucket
            daysPerBucket = perBucket
            // Buckets end today, so the last bar is the week (or day) that holds today.
            first = today.adding(days: -(count * perBucket - 1))
            hasGaps = count * 2 <= plotWidth
            self.plotLeft = plotLeft
            self.plotWidth = plotWidth
        }

        /// The column a bucket starts at: buckets are spread over the whole plot.
        func x(_ bucket: Int) -> Int { plotLeft + bucket * plotWidth / count }
        /// The bar's width in a bucket (less the gap the line is drawn in, when there is one).
        func barWidth(_ bucket: Int) -> Int { max(1, x(bucket + 1) - x(bucket) - (hasGaps ? 1 : 0)) }
        var usedWidth: Int { plotWidth }

        func bucket(of date: LocalDate) -> Int? {
            let offset = first.days(to: date)
            guard offset >= 0 else { return nil }
            let b = offset / daysPerBucket
            return b < count ? b : nil
        }
    }

    /// Where the plot sits inside the chart's rectangle, and the days its buckets draw.
    private struct PlotFrame {
        var top: Int
        var left: Int
        var height: Int
        var width: Int
        var buckets: Buckets
        /// The first day drawn: a bucket may start before the span does.
        var first: LocalDate
        /// The axis row.
        var baseline: Int { top + height }

        /// The column of the bucket that holds `date`, when the plot shows that day.
        func columnX(_ date: LocalDate) -> Int? {
            guard date >= first, let b = buckets.bucket(of: date) else { return nil }
            return buckets.x(b)
        }
    }

    /// What the plot ended up showing, so the legend names only that.
    private struct DrawnParts {
        var bar = false
        var line = false
        var session = false
    }

    /// One bucket's days taken together: the highest pain, the sessions, and the last day drawn.
    private struct BucketSummary {
        var pain: Int?
        var sessions = 0
        var sudden = false
        var lastDay: LocalDate
    }

    /// The 7-day average line's style, shared by the plot and the legend.
    private static let lineStyle = Style(foreground: .cyan, attributes: .bold)

    /// The chart without the calendar: title, legend, axis, episode marks, bars, the line and date labels.
    private static func drawChart(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let (spanFirst, dayCount) = span(state)
        drawTitle(state, in: rect, into: &buffer)

        let axisWidth = 3
        let plotHeight = rect.height - 6
        let plotWidth = rect.width - axisWidth - 2
        guard plotHeight >= 2, plotWidth >= 8 else { return }
        let plotLeft = rect.x + axisWidth + 1
        let buckets = Buckets(days: dayCount, ending: state.today, plotLeft: plotLeft, plotWidth: plotWidth)
        let plot = PlotFrame(
            top: rect.y + 2, left: plotLeft, height: plotHeight, width: plotWidth, buckets: buckets,
            first: max(buckets.first, spanFirst.adding(days: -(buckets.daysPerBucket - 1))))
        drawAxis(plot, labelX: rect.x, glyphs: state.glyphs, into: &buffer)

        // Episode marks first, so bars and the line draw over them.
        let marks = episodeMarks(state, plot: plot)
        for (cx, _) in marks {
            for row in plot.top..<plot.baseline {
                buffer.write(String(state.glyphs.mark), x: cx, y: row, style: Style(foreground: .magenta))
            }
        }
        let drawn = drawBuckets(state, plot: plot, into: &buffer)
        drawLegend(
            drawn, hasMarks: !marks.isEmpty, daysPerBucket: buckets.daysPerBucket, glyphs: state.glyphs,
            in: rect, into: &buffer)
        drawMarkLabels(marks, plot: plot, into: &buffer)
        drawDateLabels(plot, today: state.today, long: dayCount > 120, into: &buffer)
        if state.digest.rows.isEmpty {
            buffer.write(
                TextLayout.truncate("No check-ins yet. Press t to log one.", to: plotWidth - 2, glyphs: state.glyphs),
                x: plotLeft + 2, y: plot.top + plotHeight / 2, style: .dim)
        }
    }

    /// The title and the range keys along the chart's top row.
    private static func drawTitle(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
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
    }

    /// The pain scale on the left and the axis lines.
    private static func drawAxis(_ plot: PlotFrame, labelX: Int, glyphs g: Glyphs, into buffer: inout Buffer) {
        for (label, value) in [("10", 10), (" 5", 5), (" 0", 0)] {
            let row = plot.top + plot.height - 1 - Int((Double(value) / 10 * Double(plot.height - 1)).rounded())
            buffer.write(label, x: labelX, y: row, style: .dim)
        }
        for row in plot.top..<plot.baseline { buffer.write(String(g.vertical), x: plot.left - 1, y: row, style: .dim) }
        buffer.write(g.isUnicode ? "└" : "+", x: plot.left - 1, y: plot.baseline, style: .dim)
        buffer.fill(Rect(x: plot.left, y: plot.baseline, width: plot.buckets.usedWidth, height: 1), with: g.rule, style: .dim)
    }

    /// The current episode's marks the plot shows, as columns and labels ("72h", "d14").
    private static func episodeMarks(_ state: AppState, plot: PlotFrame) -> [(Int, String)] {
        var marks: [(Int, String)] = []
        guard let episode = state.status.episode else { return marks }
        // Hour marks only when a session started the episode; the six-week mark is left to reports.
        for mark in episode.marks(in: state.timeZone) where mark.kind != .day42 {
            let label: String?
            if let hours = mark.kind.hours {
                label = episode.trigger == nil ? nil : "\(hours)h"
            } else {
                label = mark.kind.day.map { "d\($0)" }
            }
            if let label, let cx = plot.columnX(mark.at.localDate) { marks.append((cx, label)) }
        }
        return marks
    }

    /// Each bucket's bar, its point of the average line, and its session mark.
    private static func drawBuckets(_ state: AppState, plot: PlotFrame, into buffer: inout Buffer) -> DrawnParts {
        let buckets = plot.buckets
        let sessionRow = plot.baseline + 2
        var drawn = DrawnParts()
        for bucket in 0..<buckets.count {
            let cx = buckets.x(bucket)
            let barWidth = buckets.barWidth(bucket)
            let summary = summarize(bucket, state: state, plot: plot)
            var barEighths = 0
            if let pain = summary.pain {
                drawn.bar = true
                barEighths = drawBar(pain, x: cx, width: barWidth, plot: plot, glyphs: state.glyphs, into: &buffer)
            }
            let lastDay = summary.lastDay
            if let average = state.digest.average(on: lastDay), lastDay <= state.today, lastDay >= plot.first {
                drawn.line = true
                drawAverage(average, x: cx, barWidth: barWidth, barEighths: barEighths, plot: plot, glyphs: state.glyphs, into: &buffer)
            }
            if summary.sessions > 0 {
                drawn.session = true
                buffer.write(
                    String(state.glyphs.session), x: cx + (barWidth - 1) / 2, y: sessionRow,
                    style: summary.sudden ? .warning : .session)
            }
        }
        return drawn
    }

    /// The days of one bucket that the plot shows, taken together.
    private static func summarize(_ bucket: Int, state: AppState, plot: PlotFrame) -> BucketSummary {
        let buckets = plot.buckets
        var summary = BucketSummary(lastDay: plot.first)
        for d in 0..<buckets.daysPerBucket {
            let date = buckets.first.adding(days: bucket * buckets.daysPerBucket + d)
            guard date >= plot.first, date <= state.today else { continue }
            summary.lastDay = date
            let day = state.digest.day(date)
            if let p = day.pain { summary.pain = max(summary.pain ?? 0, p) }
            summary.sessions += day.sessions
            summary.sudden = summary.sudden || day.suddenPain
        }
        return summary
    }

    /// A bar in eighths of a row; returns its height in eighths.
    private static func drawBar(
        _ pain: Int, x cx: Int, width barWidth: Int, plot: PlotFrame, glyphs g: Glyphs,
        into buffer: inout Buffer
    ) -> Int {
        let barEighths = max(1, Int((Double(pain) / 10 * Double(plot.height * 8)).rounded()))
        let style = Style(foreground: pain == 0 ? .green : PainBar.color(for: pain))
        for level in 0..<plot.height {
            let fill = min(8, barEighths - level * 8)
            guard fill > 0 else { break }
            let symbol = String(g.eighths[fill - 1])
            for w in 0..<barWidth { buffer.write(symbol, x: cx + w, y: plot.baseline - 1 - level, style: style) }
        }
        return barEighths
    }

    /// One bucket's point of the 7-day average line, in the gap beside the bar or over it.
    private static func drawAverage(
        _ average: Double, x cx: Int, barWidth: Int, barEighths: Int, plot: PlotFrame,
        glyphs g: Glyphs, into buffer: inout Buffer
    ) {
        // Half a row of precision: the lower or the upper half of a cell.
        let halves = min(plot.height * 2 - 1, Int(average / 10 * Double(plot.height * 2 - 1) + 0.5))
        let level = halves / 2
        let y = plot.baseline - 1 - level
        let glyph = String(halves % 2 == 0 ? g.lineLow : g.lineHigh)
        if plot.buckets.hasGaps {
            buffer.write(glyph, x: cx + barWidth, y: y, style: lineStyle)
        } else if barEighths > level * 8 {
            // Inside a bar with no gap beside it the line recolours the cells, so the bar keeps its height.
            buffer.applyStyle(Style(foreground: .cyan), to: Rect(x: cx, y: y, width: barWidth, height: 1))
        } else {
            for w in 0..<barWidth { buffer.write(glyph, x: cx + w, y: y, style: lineStyle) }
        }
    }

    /// The legend under the title, naming only what the plot shows, in the longest wording that fits.
    private static func drawLegend(
        _ drawn: DrawnParts, hasMarks: Bool, daysPerBucket: Int, glyphs g: Glyphs,
        in rect: Rect, into buffer: inout Buffer
    ) {
        let per = daysPerBucket == 1 ? "daily" : (daysPerBucket == 7 ? "weekly" : "\(daysPerBucket / 7)-week")
        // Three wordings, longest first; the first that fits is drawn.
        func legend(_ terse: Int) -> [Span] {
            var spans: [Span] = []
            let bar = [" \(per) highest  ", " \(per) max  ", " max  "][terse]
            if drawn.bar { spans += [Span(String(g.full), Style(foreground: .yellow)), Span(bar)] }
            if drawn.line { spans += [Span(String(g.lineLow), lineStyle), Span([" 7-day avg  ", " 7-day  ", " avg  "][terse])] }
            if drawn.session { spans += [Span(String(g.session), .session), Span(" session  ")] }
            if hasMarks { spans += [Span(String(g.mark), Style(foreground: .magenta)), Span(" episode")] }
            return spans
        }
        let wordings = (0...2).map(legend)
        let chosen = wordings.first { $0.reduce(0) { $0 + DisplayWidth.of($1.text) } <= rect.width - 2 } ?? wordings[2]
        buffer.draw(chosen, x: rect.x + 1, y: rect.y + 1, width: rect.width - 2)
    }

    /// The episode marks' labels under the axis, left to right without overlapping.
    private static func drawMarkLabels(_ marks: [(Int, String)], plot: PlotFrame, into buffer: inout Buffer) {
        var free = plot.left
        for (cx, label) in marks.sorted(by: { $0.0 < $1.0 }) where cx >= free {
            free = cx + buffer.write(label, x: cx, y: plot.baseline + 1, style: Style(foreground: .magenta)) + 1
        }
    }

    /// Date labels at both ends of the plot (and the middle when there is room).
    private static func drawDateLabels(_ plot: PlotFrame, today: LocalDate, long: Bool, into buffer: inout Buffer) {
        let dateRow = plot.baseline + 3
        let first = plot.first
        func label(_ date: LocalDate) -> String {
            long ? "\(date.monthAbbreviation) \(date.year)" : "\(date.day) \(date.monthAbbreviation)"
        }
        let startLabel = label(first)
        buffer.write(startLabel, x: plot.left, y: dateRow, style: .dim)
        let endLabel = label(today)
        let endX = plot.left + plot.buckets.usedWidth - DisplayWidth.of(endLabel)
        if endX > plot.left + DisplayWidth.of(startLabel) + 1 { buffer.write(endLabel, x: endX, y: dateRow, style: .dim) }
        let middle = first.adding(days: first.days(to: today) / 2)
        let midLabel = label(middle)
        if let mx = plot.columnX(middle), mx - DisplayWidth.of(midLabel) / 2 > plot.left + DisplayWidth.of(startLabel) + 2,
            mx + DisplayWidth.of(midLabel) < endX - 2
        {
            buffer.write(midLabel, x: mx - DisplayWidth.of(midLabel) / 2, y: dateRow, style: .dim)
        }
    }
}

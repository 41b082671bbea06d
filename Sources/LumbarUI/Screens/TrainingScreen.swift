#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization
import LumbarCore

/// Whether to train today and why, 12 weeks of load with the weekly pain drawn over the bars,
/// and how the back has answered each kind of session: facts from the log, never a risk score.
enum TrainingScreen {
    static func render(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        guard rect.width > 2, rect.height > 1 else { return }
        let report = TrainingReportCache.shared.report(for: state)
        let (main, footer) = rect.splitBottom(1)
        let width = min(rect.width - 2, 100)
        let plan = layout(report, glyphs: state.glyphs, width: width, height: main.height)
        var y = main.y
        for line in plan.top {
            buffer.draw(line, x: main.x + 1, y: y, width: width)
            y += 1
        }
        if plan.chartHeight > 0 {
            LoadChart.draw(report.weeks, glyphs: state.glyphs, in: Rect(x: main.x + 1, y: y, width: width, height: plan.chartHeight), into: &buffer)
            y += plan.chartHeight
        }
        for line in plan.bottom {
            buffer.draw(line, x: main.x + 1, y: y, width: width)
            y += 1
        }
        Disclaimer.draw(in: footer, into: &buffer)
    }

    /// The lines above the chart, the chart's height (0 when it does not fit) and the lines below;
    /// with ASCII glyphs the core's typography (×, –, →) is written in ASCII too.
    static func layout(_ report: TrainingReport, glyphs: Glyphs, width: Int, height: Int) -> (top: [[Span]], chartHeight: Int, bottom: [[Span]]) {
        let parts = unicodeLayout(report, glyphs: glyphs, width: width, height: height)
        guard !glyphs.isUnicode else { return parts }
        func ascii(_ lines: [[Span]]) -> [[Span]] { lines.map { $0.map { Span(asciiText($0.text), $0.style) } } }
        return (ascii(parts.top), parts.chartHeight, ascii(parts.bottom))
    }

    /// `text` with the few non-ASCII signs lumbar's own wording uses spelled in ASCII.
    static func asciiText(_ text: String) -> String {
        text.replacing("×", with: "x").replacing("–", with: "-")
            .replacing("→", with: "->").replacing("…", with: "~")
    }

    private static func unicodeLayout(_ report: TrainingReport, glyphs: Glyphs, width: Int, height: Int) -> (top: [[Span]], chartHeight: Int, bottom: [[Span]]) {
        let answer = report.today.answer
        let lead = [Span(" " + answer.label + " ", style(answer)), Span(" ")]
        var headline = SpanLayout.wrapped(width >= 60 ? answer.headline : answer.shortHeadline, width: width, lead: lead, indent: 2, style: .bold)
        var reasons = report.today.reasons.flatMap {
            SpanLayout.wrapped($0, width: width, lead: [Span("  " + String(glyphs.bullet) + " ", .dim)], indent: 4)
        }
        let load = loadLine(report.week, width: width)
        let kinds = kindLines(report.kinds, width: width)
        // Priority: the answer, its first reason, the load, the table's head, the chart; then the rest.
        var remaining = height
        headline = Array(headline.prefix(max(1, min(2, remaining))))
        remaining -= headline.count
        let tableMinimum = min(kinds.count, 2)
        let chartMinimum = 4
        let reserved = 1 + tableMinimum + (remaining - 1 - tableMinimum - 1 >= chartMinimum ? chartMinimum : 0)
        reasons = Array(reasons.prefix(max(min(1, remaining - 1), remaining - reserved)))
        remaining -= reasons.count
        let loadLines = remaining > 0 ? [load] : []
        remaining -= loadLines.count
        // The table gets up to seven rows before the chart grows past its minimum.
        let tableWanted = min(kinds.count, 7)
        let chartHeight = remaining - tableMinimum >= chartMinimum
            ? min(12, remaining - tableMinimum, max(chartMinimum, remaining - tableWanted)) : 0
        remaining -= chartHeight
        let table = Array(kinds.prefix(max(0, remaining)))
        return (headline + reasons + loadLines, chartHeight, table)
    }

    /// The answer's colours: the status banner's for not-until-checked, calmer ones for the rest.
    static func style(_ answer: TrainingAnswer) -> Style {
        switch answer {
        case .notUntilChecked: return Banner.style(.seeDoctor)
        case .rest: return Style(foreground: .black, background: .yellow, attributes: .bold)
        case .light: return Style(foreground: .black, background: .cyan, attributes: .bold)
        case .train: return Style(foreground: .black, background: .green, attributes: .bold)
        }
    }

    /// "Load  this week 2,150, 60 % above your usual 1,340".
    static func loadLine(_ week: LoadWeek, width: Int) -> [Span] {
        let text = LoadText.week(week)
        let wide = width >= 60 && week.sessionsWithoutLoad > 0
        return [Span("Load ", .bold), Span(text + (wide ? " (\(week.sessionsWithoutLoad) without a load)" : ""))]
    }

    /// The per-kind table: a header and one row per kind, or one line when no session is logged.
    static func kindLines(_ kinds: [KindSummary], width: Int) -> [[Span]] {
        guard !kinds.isEmpty else {
            return SpanLayout.wrapped("No sessions yet: log them on Today or with 'lumbar session'.", width: width, indent: 0, style: .dim)
        }
        let wide = width >= 60
        let titles = wide ? ["sessions", "median load", "flared", "began episode", "sudden"] : ["n", "load", "flared", "ep", "sud"]
        let numberWidths = titles.map { max(DisplayWidth.of($0), wide ? 6 : 3) }
        let kindWidth = max(4, width - numberWidths.reduce(0, +) - numberWidths.count)
        func row(_ first: String, _ cells: [String], _ style: Style) -> [Span] {
            var text = TextLayout.pad(first, to: kindWidth)
            for (cell, cellWidth) in zip(cells, numberWidths) { text += " " + TextLayout.padLeft(cell, to: cellWidth) }
            return [Span(text, style)]
        }
        var lines = [row("kind", titles, .heading)]
        for kind in kinds {
            let median = kind.medianLoad.map { LoadText.number(Int($0.rounded())) } ?? "–"
            let flared = wide ? "\(kind.flared)/\(kind.judged)" : String(kind.flared)
            lines.append(row(kind.kind, [String(kind.sessions), median, flared, String(kind.triggers), String(kind.suddenTriggers)], .plain))
        }
        return lines
    }
}

/// Weekly load as bars, oldest week on the left, with each week's highest pain (x) and mean
/// pain (the average glyph) placed on a 0–10 scale over the bars.
enum LoadChart {
    static func draw(_ weeks: [WeekBar], glyphs: Glyphs, in rect: Rect, into buffer: inout Buffer) {
        guard rect.height >= 3, !weeks.isEmpty else { return }
        let plotHeight = rect.height - 2
        let highest = weeks.map(\.load).max() ?? 0
        let axis = rect.width >= 60 ? 7 : 0
        let column = max(1, min(5, (rect.width - axis) / weeks.count))
        let barWidth = column >= 3 ? column - 1 : column
        let plotX = rect.x + axis
        if axis > 0, highest > 0 {
            buffer.write(TextLayout.padLeft(LoadText.number(highest), to: axis - 1), x: rect.x, y: rect.y, style: .dim)
            buffer.write(TextLayout.padLeft("0", to: axis - 1), x: rect.x, y: rect.y + plotHeight - 1, style: .dim)
        }
        for (index, week) in weeks.enumerated() {
            let x = plotX + index * column
            // Bar height in eighths of a row, at least one eighth for any load so a light week shows.
            let eighths = highest > 0 ? max(week.load > 0 ? 1 : 0, Int((Double(week.load) / Double(highest) * Double(plotHeight * 8)).rounded())) : 0
            for row in 0..<plotHeight {
                let filled = eighths - row * 8
                guard filled > 0 else { break }
                let glyph = filled >= 8 ? glyphs.full : glyphs.eighths[filled - 1]
                buffer.write(String(repeating: String(glyph), count: barWidth), x: x, y: rect.y + plotHeight - 1 - row, style: .session)
            }
            if let mean = week.meanPain {
                let y = painRow(Int(mean.rounded()), plotHeight: plotHeight, top: rect.y)
                buffer.write(String(glyphs.average), x: x + barWidth / 2, y: y, style: Style(foreground: PainBar.color(for: Int(mean.rounded())), attributes: .bold))
            }
            if let pain = week.highestPain {
                buffer.write("x", x: x + barWidth / 2, y: painRow(pain, plotHeight: plotHeight, top: rect.y),
                             style: Style(foreground: PainBar.color(for: pain), attributes: .bold))
            }
        }
        let labelY = rect.y + plotHeight
        let plotWidth = column * weeks.count
        let left = plotWidth >= 40 ? "\(weeks.count) weeks ago" : "\(weeks.count) wk ago"
        let right = plotWidth >= 40 ? "this week" : "now"
        buffer.write(left, x: plotX, y: labelY, maxWidth: plotWidth, style: .dim)
        buffer.write(right, x: plotX + plotWidth - DisplayWidth.of(right) - (column - barWidth), y: labelY, style: .dim)
        let legend = rect.width >= 60
            ? "bars: weekly load (min × RPE)   x: highest pain   \(glyphs.average): mean pain (0–10 upward)"
            : "bars load; x top pain, \(glyphs.average) mean (0-10)"
        let text = glyphs.isUnicode ? legend : TrainingScreen.asciiText(legend)
        buffer.write(TextLayout.truncate(text, to: rect.width, ellipsis: glyphs.ellipsis), x: rect.x, y: labelY + 1, style: .dim)
    }

    /// The row a pain value sits on: 0 at the bottom row of the plot, 10 at the top.
    static func painRow(_ pain: Int, plotHeight: Int, top: Int) -> Int {
        let fromBottom = Int((Double(min(10, max(0, pain))) / 10 * Double(plotHeight - 1)).rounded())
        return top + plotHeight - 1 - fromBottom
    }
}

/// The last Training report drawn and what it was computed from, so that keys pressed on the
/// screen redraw it without recomputing the history (a year's report is milliseconds; keys can
/// arrive faster than that, and a paste is thousands of them).
///
/// Rendering stays a function of the state: the report is reused only for an equal journal,
/// clock, zone and status. Comparing journals is cheap when they share storage, as unchanged
/// states do.
final class TrainingReportCache: Sendable {
    static let shared = TrainingReportCache()

    /// What a report was computed from, and the report.
    private struct Entry {
        var journal: Journal
        var now: Date
        var timeZone: ZoneInfo
        var status: Status
        var report: TrainingReport
    }

    /// A few entries, latest first: one app has one state, but tests draw several at once.
    private static let capacity = 4
    private let entries = Mutex<[Entry]>([])

    /// The report for `state`, from the cache when nothing it depends on changed.
    func report(for state: AppState) -> TrainingReport {
        entries.withLock { entries in
            if let index = entries.firstIndex(where: {
                $0.now == state.now && $0.timeZone == state.timeZone && $0.status == state.status && $0.journal == state.journal
            }) {
                let entry = entries.remove(at: index)
                entries.insert(entry, at: 0)
                return entry.report
            }
            // The status is the one the state evaluated at the same minute, so it is not evaluated twice.
            let report = TrainingReport.make(state.journal, now: state.now, timeZone: state.timeZone, status: state.status,
                                             clock: state.preferences.clock)
            entries.insert(Entry(journal: state.journal, now: state.now, timeZone: state.timeZone, status: state.status, report: report), at: 0)
            if entries.count > Self.capacity { entries.removeLast() }
            return report
        }
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization
import LumbarCore
import LumbarText

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

    private static func unicodeLayout(
        _ report: TrainingReport, glyphs: Glyphs, width: Int, height: Int
    ) -> (top: [[Span]], chartHeight: Int, bottom: [[Span]]) {
        let answer = report.today.answer
        let lead = [Span(" " + answer.label + " ", style(answer)), Span(" ")]
        var headline = SpanLayout.wrapped(width >= 60 ? answer.headline : answer.shortHeadline, width: width, lead: lead, indent: 2, style: .bold)
        var reasons = report.today.reasons.flatMap {
            SpanLayout.wrapped($0.text, width: width, lead: [Span("  " + String(glyphs.bullet) + " ", .dim)], indent: 4)
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
        let chartHeight =
            remaining - tableMinimum >= chartMinimum
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

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// Renders a `Report` as one self-contained HTML page: inline CSS and SVG, no scripts, no fonts,
/// images or links to fetch, laid out to print on A4.
///
/// The markup is also well-formed XML (void elements closed, only XML's own named entities),
/// so tests can parse it with a strict parser.
public enum HTMLReport {
    /// The page, ending with a newline.
    public static func render(_ report: Report) -> String {
        var body = [header(report), summary(report)]
        body.append(contentsOf: dayByDay(report))
        body.append("<footer><p>" + esc(ReportContent.footer) + "</p></footer>")
        let title = ReportContent.title + ", " + ReportContent.longDate(report.firstDay) + " \u{2013} " + ReportContent.longDate(report.lastDay)
        return page(title: title, body: body.joined(separator: "\n"))
    }

    /// The document around `body`: head, inline style sheet and `<main>`.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="referrer" content="no-referrer"/>
        <title>\(esc(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// The page header: title, what the report is, the period and the patient's facts.
    static func header(_ report: Report) -> String {
        var out: [String] = []
        out.append("<header>")
        out.append("<h1>" + esc(ReportContent.title) + "</h1>")
        out.append("<p class=\"nature\"><strong>" + esc(ReportContent.nature) + "</strong> " + esc(ReportContent.natureDetail) + "</p>")
        // The period and why read across the page; the shorter facts sit two to a row.
        let header = ReportContent.headerFacts(report)
        out.append(facts(Array(header.prefix(2)), className: "facts period"))
        out.append(facts(Array(header.dropFirst(2)), className: "facts header"))
        out.append("</header>")
        return out.joined(separator: "\n")
    }

    /// Page 1: everything a clinician reads first; the print style sheet breaks the page after it.
    static func summary(_ report: Report) -> String {
        var summary: [String] = []
        summary.append(
            section(
                ReportContent.episodeHeading, id: "episode",
                [facts(ReportContent.episodeFacts(report), className: "facts")]))
        if let svg = PainChart.svg(report) {
            summary.append("<figure id=\"chart\">\n" + svg + "\n" + legend(report) + "\n</figure>")
        }
        summary.append(warningSigns(report))
        let flags =
            ReportContent.flagsTable(report).map { table($0, className: "flags") }
            ?? "<p>" + esc(ReportContent.noFlags) + "</p>"
        summary.append(section("Flags over time", id: "flags", [flags]))
        summary.append(careAndAssessments(report))
        return "<div class=\"summary\">\n" + summary.joined(separator: "\n") + "\n</div>"
    }

    /// The warning-signs section: signs answered yes read across the page; the documented negatives sit in two columns.
    static func warningSigns(_ report: Report) -> String {
        let signs = ReportContent.warningSignTable(report)
        let yesCount = report.warningSigns.filter(\.wasReported).count
        let negatives = Array(signs.rows.dropFirst(yesCount))
        let half = (negatives.count + 1) / 2
        let halves = [Array(negatives.prefix(half)), Array(negatives.dropFirst(half))].filter { !$0.isEmpty }
        var signBlocks: [String] = []
        if yesCount > 0 {
            signBlocks.append(table(ReportTable(columns: signs.columns, rows: Array(signs.rows.prefix(yesCount))), className: "answers yes"))
        }
        signBlocks.append(
            "<div class=\"columns\">\n"
                + halves.map {
                    "<div>" + table(ReportTable(columns: signs.columns, rows: $0), className: "answers") + "</div>"
                }.joined(separator: "\n") + "\n</div>")
        return section("Warning signs", id: "warning-signs", signBlocks, note: ReportContent.warningSignExplanation)
    }

    /// The self-care and assessments sections, side by side.
    static func careAndAssessments(_ report: Report) -> String {
        let assessments = ReportContent.assessmentLines(report)
        let care =
            ReportContent.careTable(report).map {
                table($0, className: "care") + "\n<p class=\"small\">" + esc(ReportContent.careExplanation) + "</p>"
            } ?? "<p>" + esc(ReportContent.noCare) + "</p>"
        return "<div class=\"pair\">\n" + section("Self-care", id: "care", [care]) + "\n"
            + section(
                "Assessments", id: "assessments",
                [
                    assessments.isEmpty
                        ? "<p>" + esc(ReportContent.noAssessments) + "</p>"
                        : "<ul class=\"notes\">\n" + assessments.map { "<li>" + line($0) + "</li>" }.joined(separator: "\n") + "\n</ul>"
                ])
            + "\n</div>"
    }

    /// The pages after the summary: the daily table, flags in detail (when any), sessions and notes.
    static func dayByDay(_ report: Report) -> [String] {
        var out: [String] = []
        out.append(
            section(
                "Day by day", id: "days",
                [
                    "<p class=\"small\">" + esc(ReportContent.trendExplanation + " " + ReportContent.redFlagLegend) + "</p>",
                    table(ReportContent.dailyTable(report), className: "days"),
                ]))
        if let detail = ReportContent.flagDetailTable(report) {
            out.append(
                section(
                    "Flags in detail", id: "flag-detail",
                    [
                        table(detail, className: "flag-detail"), "<p class=\"small\">" + esc(ReportContent.flagsExplanation) + "</p>",
                    ]))
        }
        let sessions =
            ReportContent.sessionsTable(report).map { table($0, className: "sessions") }
            ?? "<p>" + esc(ReportContent.noSessions) + "</p>"
        out.append(section("Sessions", id: "sessions", [sessions]))
        let notes = ReportContent.noteLines(report)
        out.append(
            section(
                "Notes", id: "notes",
                [
                    notes.isEmpty
                        ? "<p>" + esc(ReportContent.noNotes) + "</p>"
                        : "<ul class=\"notes\">\n" + notes.map { "<li>" + line($0) + "</li>" }.joined(separator: "\n") + "\n</ul>"
                ]))
        return out
    }

    /// The body text size: small enough for the six-week story's summary to fit one A4 page
    /// at full scale (the printed-report test checks nothing is shrunk to fit).
    static let bodyFontPoints = 8.0

    /// The page's style sheet: screen and A4 print, nothing loaded from elsewhere.
    static let style = """
        @page { size: A4; margin: 10mm 11mm 10mm 11mm; }
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; background: #f3f4f6; color: #111827;
          font: \(bodyFontPoints)pt/1.25 "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
        main { width: 100%; max-width: 190mm; margin: 8mm auto; padding: 10mm 12mm; background: #fff;
          box-shadow: 0 1px 4px rgba(0,0,0,0.12); }
        h1 { font-size: 13pt; margin: 0 0 2pt; letter-spacing: -0.01em; }
        h2 { font-size: 9.5pt; margin: 8pt 0 2pt; padding-bottom: 1pt; border-bottom: 1.5px solid #d1d5db;
          break-after: avoid; page-break-after: avoid; }
        p { margin: 3pt 0; }
        .nature { margin: 2pt 0 3pt; padding: 2pt 6pt; background: #fff7ed; border-left: 3pt solid #ea580c; }
        .small { font-size: 7pt; color: #4b5563; }
        dl.facts { display: grid; grid-template-columns: 17mm 1fr; gap: 0.5pt 8pt; margin: 3pt 0; }
        dl.period { margin-bottom: 0; }
        dl.header { grid-template-columns: 17mm 1fr 17mm 1fr; margin-top: 0; }
        dl.facts dt { font-weight: bold; color: #374151; }
        dl.facts dd { margin: 0; }
        .wide { overflow-x: auto; }
        table { width: 100%; border-collapse: collapse; font-size: 7pt; margin: 2pt 0; }
        thead { display: table-header-group; }
        th, td { padding: 0.5pt 3pt; border-bottom: 0.75pt solid #e5e7eb; text-align: left; vertical-align: top; }
        th { background: #f3f4f6; font-weight: bold; color: #374151; border-bottom: 1pt solid #d1d5db; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        tr.muted td { color: #6b7280; }
        table.days td:first-child, table.answers td:first-child { white-space: nowrap; }
        table.flags td:first-child { width: 82mm; }
        table.answers td:first-child { width: 36mm; }
        table.answers.yes { margin-bottom: 0; }
        table.flag-detail td:first-child { width: 30mm; }
        .under { font-size: 0.92em; color: #6b7280; font-weight: normal; }
        td .under { margin-top: 1pt; font-style: italic; }
        .lv { display: inline-block; padding: 0 3pt; border-radius: 2pt; font-weight: bold; font-size: 0.95em;
          white-space: nowrap; }
        .lv-none { background: #eef0f3; color: #4b5563; font-weight: normal; }
        .lv-info { background: #dbeafe; color: #1e3a8a; }
        .lv-watch { background: #fef3c7; color: #78350f; }
        .lv-see-doctor { background: #fed7aa; color: #7c2d12; }
        .lv-urgent { background: #fecaca; color: #7f1d1d; }
        .lv-emergency { background: #7f1d1d; color: #fff; }
        .rf { color: #b91c1c; font-weight: bold; }
        code { font: 0.9em "DejaVu Sans Mono", Menlo, Consolas, monospace; color: #4b5563; }
        figure { margin: 2pt 0 0; break-inside: avoid; page-break-inside: avoid; }
        svg.chart { display: block; width: 100%; height: auto; }
        svg.chart text { font-family: "DejaVu Sans", Arial, sans-serif; }
        svg.chart .axis { font-size: 9px; fill: #4b5563; }
        svg.chart .band { font-size: 8.5px; fill: #b91c1c; }
        svg.chart .mark { font-size: 9.5px; font-weight: bold; }
        svg.chart .rf { font-size: 10px; font-weight: bold; fill: #b91c1c; }
        .legend { display: flex; flex-wrap: wrap; gap: 1pt 9pt; font-size: 7pt; color: #374151; margin: 2pt 0; }
        .legend span { white-space: nowrap; }
        .key { display: inline-block; width: 14pt; height: 0; vertical-align: middle; margin-right: 3pt; border-top: 2pt solid; }
        .key.dashed { border-top-style: dashed; }
        .swatch { display: inline-block; width: 9pt; height: 7pt; vertical-align: middle; margin-right: 3pt; }
        .pair { display: grid; grid-template-columns: 3fr 2fr; gap: 10pt; align-items: start; }
        .pair section { break-inside: avoid; page-break-inside: avoid; }
        .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 10pt; align-items: start; }
        .summary h2 { margin-top: 5pt; }
        h2 .aside { font-size: 7pt; font-weight: normal; color: #4b5563; margin-left: 6pt; }
        .dot { display: inline-block; width: 6pt; height: 6pt; border-radius: 50%; background: #111827;
          vertical-align: middle; margin-right: 3pt; }
        .flagkey { display: inline-block; min-width: 10pt; height: 10pt; border-radius: 50%; text-align: center;
          font-size: 7pt; line-height: 10pt; font-weight: bold; margin-right: 3pt; border: 0.5pt solid #374151; }
        svg.chart .flagnum { font-size: 8px; font-weight: bold; }
        #days { break-before: page; page-break-before: always; }
        ul.notes { margin: 3pt 0; padding-left: 14pt; }
        ul.notes li { margin: 1.5pt 0; break-inside: avoid; page-break-inside: avoid; }
        footer { margin-top: 10pt; padding-top: 4pt; border-top: 1px solid #d1d5db; font-size: 7.5pt; color: #4b5563; }
        @media screen and (max-width: 640px) {
          main { margin: 0; padding: 5mm; box-shadow: none; }
          dl.header { grid-template-columns: max-content 1fr; }
          .pair, .columns, dl.facts { grid-template-columns: 1fr; }
          table.answers td, .legend span { white-space: normal; }
          table.flags td:first-child { width: 40%; }
          dl.facts dd { margin-bottom: 3pt; }
          table.days { min-width: 150mm; }
        }
        @media print {
          body { background: #fff; }
          main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
        }
        """

    // MARK: Pieces

    /// The chart's key: every line, mark and colour the chart draws, named.
    static func legend(_ report: Report) -> String {
        var items = [
            "<span><span class=\"key\" style=\"border-color:#374151\"></span>pain at each check-in</span>",
            "<span><span class=\"key dashed\" style=\"border-color:#2563eb\"></span>7-day average</span>",
            "<span><span class=\"dot\"></span>check-in (red: 7 or more)</span>",
            "<span><strong class=\"rf\">!</strong> warning sign answered yes</span>",
            "<span>\u{25B2} exercise session</span>",
        ]
        if report.episode != nil {
            items.append("<span><span class=\"swatch\" style=\"background:\(PainChart.episodeFill)\"></span>main episode</span>")
        }
        // One entry per kind of line: the trigger, the hour marks together, the day marks together.
        let kinds = PainChart.drawnMarks(report).map(\.kind)
        let groups: [(kinds: [EpisodeMark.Kind], meaning: String)] = [
            ([.trigger], "trigger session"), ([.hours72, .hours96], "after the trigger session"),
            ([.day14, .day28, .day42], "of the episode (2, 4, 6 weeks)"),
        ]
        for group in groups {
            let drawn = group.kinds.filter(kinds.contains)
            guard let first = drawn.first else { continue }
            let dashed = first == .trigger ? "" : " dashed"
            let names = drawn.map { $0 == .trigger ? PainChart.triggerLabel(report) : $0.label }.joined(separator: ", ")
            items.append(
                "<span><span class=\"key\(dashed)\" style=\"border-color:\(PainChart.color(of: first))\"></span><strong>"
                    + esc(names) + "</strong> " + esc(group.meaning) + "</span>")
        }
        for (index, (number, flag)) in PainChart.drawnFlags(report).enumerated() {
            let lead = index == 0 ? "flags, first raised: " : ""
            items.append(
                "<span>" + lead + "<span class=\"flagkey\" style=\"background:\(PainChart.color(of: flag.highestLevel))\">\(number)</span>"
                    + "<code>" + esc(flag.rule.rawValue) + "</code> " + esc(flag.firstFired.shortDescription) + "</span>")
        }
        items.append(
            "<span>level at each day\u{2019}s end: "
                + Level.allCases.map {
                    "<span class=\"swatch\" style=\"background:\(PainChart.color(of: $0))\"></span>\($0.key)"
                }.joined(separator: " ") + "</span>")
        return "<div class=\"legend\">" + items.joined() + "</div>"
    }

    /// A titled section.
    static func section(_ title: String, id: String, _ blocks: [String], note: String? = nil) -> String {
        let aside = note.map { " <span class=\"aside\">" + esc($0) + "</span>" } ?? ""
        return "<section id=\"\(id)\">\n<h2>" + esc(title) + aside + "</h2>\n" + blocks.joined(separator: "\n") + "\n</section>"
    }

    /// A definition list of label/value facts.
    static func facts(_ facts: [(String, ReportLine)], className: String) -> String {
        "<dl class=\"\(className)\">" + facts.map { "<dt>" + esc($0.0) + "</dt><dd>" + line($0.1) + "</dd>" }.joined() + "</dl>"
    }

    /// A table with a header row; numeric columns right-aligned.
    static func table(_ table: ReportTable, className: String) -> String {
        // The wrapper lets a wide table scroll on its own on a narrow screen instead of the whole page.
        var out = "<div class=\"wide\"><table class=\"\(className)\">\n<thead><tr>"
        for (index, column) in table.columns.enumerated() where !column.underPrevious {
            var title = esc(column.title)
            if let next = table.columns.dropFirst(index + 1).first, next.underPrevious {
                title += " <span class=\"under\">\u{00B7} " + esc(next.title.lowercased()) + "</span>"
            }
            out += (column.numeric ? "<th class=\"num\">" : "<th>") + title + "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += row.muted ? "<tr class=\"muted\">" : "<tr>"
            var cells: [(numeric: Bool, html: String)] = []
            for (index, column) in table.columns.enumerated() {
                let cell = index < row.cells.count ? line(row.cells[index]) : ""
                if column.underPrevious, let last = cells.indices.last {
                    cells[last].html += cell.isEmpty ? "" : "<div class=\"under\">" + cell + "</div>"
                } else {
                    cells.append((column.numeric, cell))
                }
            }
            for cell in cells {
                out += (cell.numeric ? "<td class=\"num\">" : "<td>") + cell.html + "</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table></div>"
    }

    /// HTML for `spans`; all text escaped.
    static func line(_ spans: ReportLine) -> String {
        spans.map { span in
            switch span {
            case .text(let text): return esc(text)
            case .strong(let text): return "<strong>" + esc(text) + "</strong>"
            case .redFlag(let text): return "<strong class=\"rf\">!" + esc(text) + "</strong>"
            case .level(let level): return "<span class=\"lv lv-\(level.key)\">" + level.key + "</span>"
            case .code(let text): return "<code>" + esc(text) + "</code>"
            case .lineBreak: return "<br/>"
            }
        }.joined()
    }

    /// Escaped text.
    static func esc(_ text: String) -> String { HTMLText.escape(text) }
}

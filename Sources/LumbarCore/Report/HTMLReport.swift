import Foundation

/// Renders a `Report` as one self-contained HTML page: inline CSS and SVG, no scripts, no fonts,
/// images or links to fetch, laid out to print on A4.
///
/// The markup is also well-formed XML (void elements closed, only XML's own named entities),
/// so tests can parse it with a strict parser.
public enum HTMLReport {
    /// The page, ending with a newline.
    public static func render(_ report: Report) -> String {
        var body: [String] = []
        body.append("<header>")
        body.append("<h1>" + esc(ReportContent.title) + "</h1>")
        body.append("<p class=\"nature\"><strong>" + esc(ReportContent.nature) + "</strong> " + esc(ReportContent.natureDetail) + "</p>")
        body.append(facts(ReportContent.headerFacts(report), className: "facts header"))
        body.append("</header>")

        body.append(section(ReportContent.episodeHeading(report), id: "episode",
                            [facts(ReportContent.episodeFacts(report), className: "facts")]))

        var trend: [String] = []
        if let svg = PainChart.svg(report) {
            trend.append("<figure>\n" + svg + "\n</figure>")
            trend.append(legend(report))
        }
        trend.append("<p class=\"small\">" + esc(ReportContent.trendExplanation) + "</p>")
        body.append(section("Pain trend", id: "trend", trend))

        let flags = ReportContent.flagsTable(report).map { table($0, className: "flags") }
            ?? "<p>" + esc(ReportContent.noFlags) + "</p>"
        body.append(section("Flags raised in the period", id: "flags",
                            [flags, "<p class=\"small\">" + esc(ReportContent.flagsExplanation) + "</p>"]))

        body.append(section("Red-flag questions", id: "red-flags", [table(ReportContent.redFlagTable(report), className: "answers")]))

        body.append(section("Day by day", id: "days", [
            table(ReportContent.dailyTable(report), className: "days"),
            "<p class=\"small\">" + esc(ReportContent.redFlagLegend) + "</p>",
        ]))

        let care = ReportContent.careTable(report).map { table($0, className: "care") } ?? "<p>" + esc(ReportContent.noCare) + "</p>"
        let sessions = ReportContent.sessionsTable(report).map { table($0, className: "sessions") }
            ?? "<p>" + esc(ReportContent.noSessions) + "</p>"
        body.append(section("Self-care and sessions", id: "care", ["<div class=\"pair\">\n<div>" + care + "</div>\n<div>" + sessions + "</div>\n</div>"]))

        let notes = ReportContent.noteLines(report)
        body.append(section("Notes", id: "notes", [notes.isEmpty
            ? "<p>" + esc(ReportContent.noNotes) + "</p>"
            : "<ul class=\"notes\">\n" + notes.map { "<li>" + line($0) + "</li>" }.joined(separator: "\n") + "\n</ul>"]))

        body.append("<footer><p>" + esc(ReportContent.footer) + "</p></footer>")

        let title = ReportContent.title + ", " + ReportContent.longDate(report.firstDay) + " \u{2013} " + ReportContent.longDate(report.lastDay)
        return """
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
            \(body.joined(separator: "\n"))
            </main>
            </body>
            </html>

            """
    }

    /// The page's style sheet: screen and A4 print, nothing loaded from elsewhere.
    static let style = """
        @page { size: A4; margin: 12mm 12mm 13mm 12mm; }
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; background: #f3f4f6; color: #111827;
          font: 9.5pt/1.38 "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 190mm; margin: 8mm auto; padding: 10mm 12mm; background: #fff;
          box-shadow: 0 1px 4px rgba(0,0,0,0.12); }
        h1 { font-size: 16pt; margin: 0 0 4pt; letter-spacing: -0.01em; }
        h2 { font-size: 11pt; margin: 11pt 0 4pt; padding-bottom: 2pt; border-bottom: 1.5px solid #d1d5db;
          break-after: avoid; page-break-after: avoid; }
        p { margin: 3pt 0; }
        .nature { margin: 2pt 0 4pt; padding: 4pt 8pt; background: #fff7ed; border-left: 3pt solid #ea580c; }
        .small { font-size: 8pt; color: #4b5563; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 4pt 0; }
        dl.header { grid-template-columns: max-content 1fr max-content 1fr; }
        dl.facts dt { font-weight: bold; color: #374151; }
        dl.facts dd { margin: 0; }
        .wide { overflow-x: auto; }
        table { width: 100%; border-collapse: collapse; font-size: 8pt; margin: 3pt 0; }
        thead { display: table-header-group; }
        th, td { padding: 1.5pt 4pt; border-bottom: 0.75pt solid #e5e7eb; text-align: left; vertical-align: top; }
        th { background: #f3f4f6; font-weight: bold; color: #374151; border-bottom: 1pt solid #d1d5db; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        tr.muted td { color: #6b7280; }
        table.days td:first-child, table.flags td:nth-child(3), table.flags td:nth-child(4) { white-space: nowrap; }
        table.flags td:first-child { width: 30mm; }
        table.flags td:nth-child(2) { width: 22mm; }
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
        .legend { display: flex; flex-wrap: wrap; gap: 2pt 12pt; font-size: 7.5pt; color: #374151; margin: 2pt 0; }
        .legend span { white-space: nowrap; }
        .key { display: inline-block; width: 14pt; height: 0; vertical-align: middle; margin-right: 3pt; border-top: 2pt solid; }
        .key.dashed { border-top-style: dashed; }
        .swatch { display: inline-block; width: 9pt; height: 7pt; vertical-align: middle; margin-right: 3pt; }
        .pair { display: grid; grid-template-columns: 2fr 3fr; gap: 10pt; align-items: start; }
        ul.notes { margin: 3pt 0; padding-left: 14pt; }
        ul.notes li { margin: 1.5pt 0; break-inside: avoid; page-break-inside: avoid; }
        footer { margin-top: 10pt; padding-top: 4pt; border-top: 1px solid #d1d5db; font-size: 7.5pt; color: #4b5563; }
        @media screen and (max-width: 640px) {
          main { margin: 0; padding: 5mm; box-shadow: none; }
          dl.header { grid-template-columns: max-content 1fr; }
          .pair { grid-template-columns: 1fr; }
          table.flags, table.days { min-width: 150mm; }
        }
        @media print {
          body { background: #fff; }
          main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
        }
        """

    // MARK: Pieces

    /// The chart's key: lines, marks and level colours.
    static func legend(_ report: Report) -> String {
        var items = [
            "<span><span class=\"key\" style=\"border-color:#374151\"></span>pain at each check-in</span>",
            "<span><span class=\"key dashed\" style=\"border-color:#2563eb\"></span>7-day average</span>",
        ]
        if report.episode?.trigger != nil {
            items.append("<span><span class=\"key\" style=\"border-color:#111827\"></span>trigger session</span>")
            items.append("<span><span class=\"key dashed\" style=\"border-color:#c2410c\"></span>72 h / 96 h after it</span>")
        }
        if report.episode != nil {
            items.append("<span><span class=\"key dashed\" style=\"border-color:#6d28d9\"></span>day 14 / day 28 of the episode</span>")
        }
        for level in Level.allCases {
            items.append("<span><span class=\"swatch\" style=\"background:\(PainChart.color(of: level))\"></span>\(level.key)</span>")
        }
        return "<div class=\"legend\">" + items.joined() + "</div>"
    }

    /// A titled section.
    static func section(_ title: String, id: String, _ blocks: [String]) -> String {
        "<section id=\"\(id)\">\n<h2>" + esc(title) + "</h2>\n" + blocks.joined(separator: "\n") + "\n</section>"
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

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// Renders a `Report` as Markdown (CommonMark with GitHub tables), readable as plain text too.
public enum MarkdownReport {
    /// The report as one Markdown document, ending with a newline.
    public static func render(_ report: Report) -> String {
        var out: [String] = []
        out.append("# " + ReportContent.title)
        out.append("")
        out.append("**" + ReportContent.nature + "** " + ReportContent.natureDetail)
        out.append("")
        out.append(contentsOf: facts(ReportContent.headerFacts(report)))

        section(&out, ReportContent.episodeHeading)
        out.append(contentsOf: facts(ReportContent.episodeFacts(report)))
        out.append("")
        out.append(
            "Daily pain, the highest each day from \(report.firstDay.shortDescription) to \(report.lastDay.shortDescription) "
                + "(\u{00B7} = no check-in): " + ReportContent.dailyPainLine(report))

        section(&out, "Warning signs")
        out.append(contentsOf: table(ReportContent.warningSignTable(report)))
        out.append("")
        out.append(ReportContent.warningSignExplanation)

        section(&out, "Flags over time")
        if let table = ReportContent.flagsTable(report) {
            out.append(contentsOf: self.table(table))
        } else {
            out.append(ReportContent.noFlags)
        }

        section(&out, "Assessments")
        let assessments = ReportContent.assessmentLines(report)
        if assessments.isEmpty {
            out.append(ReportContent.noAssessments)
        } else {
            out.append(contentsOf: assessments.map { "- " + line($0, continuation: "  ") })
        }

        section(&out, "Self-care")
        if let care = ReportContent.careTable(report) {
            out.append(contentsOf: table(care))
            out.append("")
            out.append(ReportContent.careExplanation)
        } else {
            out.append(ReportContent.noCare)
        }

        out.append("")
        out.append("---")
        section(&out, "Day by day")
        out.append(ReportContent.trendExplanation + " " + ReportContent.redFlagLegend)
        out.append("")
        out.append(contentsOf: table(ReportContent.dailyTable(report)))

        if let detail = ReportContent.flagDetailTable(report) {
            section(&out, "Flags in detail")
            out.append(contentsOf: table(detail))
            out.append("")
            out.append(ReportContent.flagsExplanation)
        }

        section(&out, "Sessions")
        if let sessions = ReportContent.sessionsTable(report) {
            out.append(contentsOf: table(sessions))
        } else {
            out.append(ReportContent.noSessions)
        }

        section(&out, "Notes")
        let notes = ReportContent.noteLines(report)
        if notes.isEmpty {
            out.append(ReportContent.noNotes)
        } else {
            out.append(contentsOf: notes.map { "- " + line($0, continuation: "  ") })
        }

        out.append("")
        out.append("---")
        out.append("")
        out.append("_" + ReportContent.footer + "_")
        return out.joined(separator: "\n") + "\n"
    }

    /// A blank line, a second-level heading and a blank line.
    static func section(_ out: inout [String], _ title: String) {
        out.append("")
        out.append("## " + MarkdownText.inline(title))
        out.append("")
    }

    /// "- **Label:** value" lines.
    static func facts(_ facts: [(String, ReportLine)]) -> [String] {
        facts.map { "- **" + MarkdownText.inline($0.0) + ":** " + line($0.1, continuation: "  ") }
    }

    /// A pipe table; cells never hold a raw `|` or line break.
    static func table(_ table: ReportTable) -> [String] {
        var lines = ["| " + table.columns.map { MarkdownText.inline($0.title) }.joined(separator: " | ") + " |"]
        lines.append("|" + table.columns.map { $0.numeric ? " ---: |" : " --- |" }.joined())
        for row in table.rows {
            let cells = table.columns.indices.map { index in
                index < row.cells.count ? line(row.cells[index], continuation: nil) : ""
            }
            lines.append("|" + cells.map { $0.isEmpty ? " |" : " " + $0 + " |" }.joined())
        }
        return lines
    }

    /// Inline Markdown for `spans`; a line break becomes a hard break followed by `continuation`
    /// (indentation inside a list item), or a space inside a table cell (`nil`).
    static func line(_ spans: ReportLine, continuation: String?) -> String {
        var out = ""
        var atLineStart = false
        for span in spans {
            switch span {
            case .text(let text):
                out += atLineStart ? MarkdownText.lineStart(text) : MarkdownText.inline(text)
            case .strong(let text):
                let trimmed = text.trimmingSpaces()
                let lead = text.prefix { $0 == " " }
                out += lead + "**" + MarkdownText.inline(trimmed) + "**"
            case .redFlag(let text):
                out += "**!" + MarkdownText.inline(text) + "**"
            case .level(let level):
                out += level >= .seeDoctor ? "**" + level.key + "**" : level.key
            case .code(let text):
                out += "`" + text.replacing("`", with: "'") + "`"
            case .lineBreak:
                out += continuation.map { "\\\n" + $0 } ?? " "
            }
            if case .lineBreak = span { atLineStart = continuation != nil } else { atLineStart = false }
        }
        return out
    }
}

import Foundation
import Testing
@testable import LumbarCore
@testable import LumbarText

@Suite struct MarkdownReportTests {
    /// The number of `|` not preceded by a backslash: the cell separators a Markdown table sees.
    func separators(_ line: String) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if character == "|", !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }

    @Test func everyTableRowHasAsManyCellsAsItsHeader() {
        var journal = ReportFixture.journal
        journal.upsert(ReportFixture.session("2026-03-19 07:00", "bench | press\nheavy", minutes: 20))
        let report = Report(
            journal: journal, from: LocalDate("2026-02-18")!, through: LocalDate("2026-03-20")!,
            now: ReportFixture.now, timeZone: ReportFixture.zone)
        let lines = MarkdownReport.render(report).components(separatedBy: "\n")
        var header: Int?
        var rows = 0
        for line in lines {
            guard line.hasPrefix("|") else { header = nil; continue }
            if let header {
                #expect(separators(line) == header, "\(line)")
                rows += 1
            } else {
                header = separators(line)
            }
        }
        #expect(rows > 40)
        #expect(lines.contains { $0.contains("bench \\| press heavy") })
    }

    @Test func notesAreLiteralTextWhateverTheyContain() {
        var journal = Journal()
        let note = "**not bold** <script>x</script> [link](https://example.com) `code` &amp;\n- not a list\n1. not a list either\n# not a heading"
        journal.upsert(ReportFixture.checkIn("2026-03-19 10:00", pain: 2, note: note))
        let report = Report(
            journal: journal, from: LocalDate("2026-03-19")!, through: LocalDate("2026-03-20")!,
            now: ReportFixture.now, timeZone: ReportFixture.zone)
        let markdown = MarkdownReport.render(report)
        let expected = """
            - **Thu 19 Mar 10:00** (check-in, pain 2): \\*\\*not bold\\*\\* \\<script\\>x\\</script\\> \\[link\\](https://example.com) \\`code\\` \\&amp;\\
              \\- not a list\\
              1\\. not a list either\\
              \\# not a heading
            """
        #expect(markdown.contains(expected), "\(markdown)")
        #expect(!markdown.contains("<script>"))
    }

    @Test func theReportSaysWhatItIsAndWhatItIsNot() {
        let markdown = MarkdownReport.render(ReportFixture.report)
        #expect(markdown.hasPrefix("# Self-tracked lower back pain log\n"))
        #expect(markdown.contains("**A self-tracked log, not a diagnosis.**"))
        #expect(markdown.contains(StatusFormatter.disclaimer))
        #expect(markdown.contains("- **Onset:** Tue 3 Mar 08:00, pain 5/10"))
        #expect(
            markdown.contains("| \(RuleID.severe72to96h.title) (`severe-72-96h`) | watch Thu 5 Mar → **see-doctor** Fri 6 Mar → cleared Sun 8 Mar |"))
    }

    @Test(arguments: [
        ("a|b", "a\\|b"), ("5 * 3", "5 \\* 3"), ("snake_case", "snake_case"), ("_x_", "\\_x\\_"), ("<b>", "\\<b\\>"),
        ("heat & ice", "heat & ice"), ("&lt;", "\\&lt;"), ("two\nlines", "two lines"), ("tab\there", "tab here"),
        ("bell\u{07}", "bell"), ("sore 😣", "sore 😣"),
    ])
    func inlineEscaping(input: String, expected: String) {
        #expect(MarkdownText.inline(input) == expected)
    }

    @Test(arguments: [("- x", "\\- x"), ("+ x", "\\+ x"), ("12. x", "12\\. x"), ("3) x", "3\\) x"), ("2026 was", "2026 was"), ("= x", "\\= x")])
    func lineStartEscaping(input: String, expected: String) {
        #expect(MarkdownText.lineStart(input) == expected)
    }
}

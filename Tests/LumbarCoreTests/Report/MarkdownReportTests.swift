import Foundation
import Testing
@testable import LumbarCore

@Suite struct MarkdownReportTests {
    @Test func theFixedJournalMatchesTheGoldenReport() throws {
        try Golden.check(MarkdownReport.render(ReportFixture.report), against: "report.md")
    }
}

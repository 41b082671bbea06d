import Foundation
import LumbarCore
import Testing
@testable import LumbarUI
import LumbarTestSupport

/// The Report screen: the period and the format chosen, the file written 0600 and named.
@Suite struct ReportScreenTests {
    func render(_ state: AppState) -> String { AppView.render(state).lines.joined(separator: "\n") }

    @Test func goldenScreens() {
        for glyphs in [Glyphs.unicode, .ascii] {
            let suffix = glyphs.isUnicode ? "" : "-ascii"
            for (w, h) in [(80, 24), (40, 12)] {
                var state = Fixtures.state(Fixtures.episode, width: w, height: h, screen: .report, glyphs: glyphs)
                for key in [Key.character(" "), .down] + Key.typing("2026-02-20") + [.down, .down, .character(" ")] {
                    _ = state.update(.key(key))
                }
                Golden.check(render(state), named: "report-chosen\(suffix)-\(w)x\(h)")
                _ = state.update(.reportWritten(ReportFile(name: "r.html", text: "", summary: "the HTML report"), path: "/home/me/r.html"))
                Golden.check(render(state), named: "report-written\(suffix)-\(w)x\(h)")
            }
        }
    }

    @Test func enterWritesTheDefaultPeriodInMarkdownAndSaysWhere() throws {
        var d = Driver(Fixtures.episode)
        d.type("r")
        #expect(d.state.screen == .report)
        d.press(.enter)
        let file = try #require(d.writtenReports.last)
        let first = ReportPeriod.standard(
            through: LocalDate(year: 2026, month: 3, day: 5)!, journal: Fixtures.episode,
            now: Fixtures.now, timeZone: Fixtures.zone
        ).first
        #expect(file.name == "lumbar-report-\(first)-to-2026-03-05.md")
        #expect(file.text.contains("deadlift"))
        #expect(d.screen.contains("Wrote /reports/lumbar-report-"))
        #expect(d.screen.contains("Last written: /reports/\(file.name)"))
    }

    @Test func chosenDatesAndHTML() throws {
        var d = Driver(Fixtures.episode)
        d.type("r")
        d.type(" ")  // chosen dates
        d.press(.down)
        d.type("2026-03-01")
        d.press(.down)
        d.type("2026-03-04")
        d.press(.down)
        d.press(.right)
        d.press(.enter)
        let file = try #require(d.writtenReports.last)
        #expect(file.name == "lumbar-report-2026-03-01-to-2026-03-04.html")
        #expect(file.text.contains("<html"))
    }

    @Test func badDatesAreRefusedWithoutWriting() {
        var d = Driver(Fixtures.episode)
        d.type("r ")
        d.press(.down)
        d.type("2026-13-01")
        d.press(.enter)
        #expect(d.writtenReports.isEmpty)
        #expect(d.screen.contains("is not a date; type it as YYYY-MM-DD"))
        d.press(.backspace, .backspace, .backspace, .backspace, .backspace)
        d.type("03-05")
        d.press(.down)
        d.type("2026-03-01")
        d.press(.enter)
        #expect(d.writtenReports.isEmpty)
        #expect(d.screen.contains("From 2026-03-05 is after 2026-03-01"))
    }
}

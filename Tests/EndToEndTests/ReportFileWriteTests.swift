import Foundation
import LumbarTestSupport
import LumbarUI
import Testing
@testable import lumbar

/// The TUI's report effect writes a private file and never replaces an earlier report.
@Suite struct ReportFileWriteTests {
    @Test func theFileIsPrivateAndNeverReplacesAnEarlierOne() throws {
        let scratch = TemporaryDirectory("report")
        let dir = scratch.path
        let file = ReportFile(name: "lumbar-report.md", text: "# one", summary: "the report")
        guard case .reportWritten(_, let first) = file.write(in: dir) else { Issue.record("not written"); return }
        guard case .reportWritten(_, let second) = ReportFile(name: "lumbar-report.md", text: "# two", summary: "").write(in: dir) else {
            Issue.record("not written"); return
        }
        #expect(first == dir + "/lumbar-report.md")
        #expect(second == dir + "/lumbar-report-2.md")
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "# one")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: first)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        guard case .reportFailed = file.write(in: dir + "/missing/\u{0}bad") else { Issue.record("a bad path was not reported"); return }
    }
}

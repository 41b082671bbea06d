import Foundation
import Testing

/// Golden files: expected output kept beside the tests, re-recorded with `LUMBAR_RECORD=1`.
/// The folder is excluded from the test target in Package.swift, so SwiftPM does not compile it.
enum Golden {
    /// The folder holding the golden files.
    static func url(_ name: String, filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
    }

    /// Compares `actual` with the golden file `name`, or rewrites the file when recording.
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = url(name)
        if ProcessInfo.processInfo.environment["LUMBAR_RECORD"] == "1" {
            // A recording run fails wherever it changed a file, so it can never pass as a check.
            let previous = try? String(contentsOf: url, encoding: .utf8)
            guard previous != actual else { return }
            try Data(actual.utf8).write(to: url)
            Issue.record("re-recorded \(name) (\(previous == nil ? "new" : "it differed")); read `git diff` and run again without LUMBAR_RECORD=1",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual == expected { return }
        let actualLines = actual.components(separatedBy: "\n")
        let expectedLines = expected.components(separatedBy: "\n")
        let index = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let got = index < actualLines.count ? actualLines[index] : "<end>"
        let want = index < expectedLines.count ? expectedLines[index] : "<end>"
        Issue.record("\(name) differs at line \(index + 1):\n  expected: \(want)\n  actual:   \(got)\n(re-record with LUMBAR_RECORD=1 if the change is intended)",
                     sourceLocation: sourceLocation)
    }
}

import Foundation
import Testing

/// Golden text files under Tests/LumbarUITests/Golden/; `LUMBAR_RECORD=1` rewrites the ones that
/// differ and fails for each, so a recording run can never pass as a check.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Golden")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["LUMBAR_RECORD"] == "1" }

    /// Compares `text` with the golden file `name`.txt (or records it).
    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let content = text + "\n"
        if isRecording {
            let previous = try? String(contentsOf: url, encoding: .utf8)
            guard previous != content else { return }
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do { try content.write(to: url, atomically: true, encoding: .utf8) } catch {
                Issue.record("could not record \(url.path): \(error)", sourceLocation: sourceLocation)
                return
            }
            Issue.record("re-recorded \(name).txt (\(previous == nil ? "new" : "it differed")); read `git diff` and run again without LUMBAR_RECORD=1",
                         sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name).txt; run LUMBAR_RECORD=1 swift test --filter LumbarUITests to record it", sourceLocation: sourceLocation)
            return
        }
        if content != expected {
            let got = content.components(separatedBy: "\n")
            let want = expected.components(separatedBy: "\n")
            let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            let wanted = line < want.count ? want[line] : "<end>"
            let found = line < got.count ? got[line] : "<end>"
            Issue.record("""
                \(name) differs from its golden file at line \(line + 1):
                  expected: \(wanted)
                  actual:   \(found)
                Whole screen:
                \(text)
                (LUMBAR_RECORD=1 re-records after a deliberate change.)
                """, sourceLocation: sourceLocation)
        }
    }
}

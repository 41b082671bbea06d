import Foundation
import Testing

/// Golden files: expected output kept beside the tests and compared byte for byte.
///
/// `LUMBAR_RECORD=1` writes every file that differs and then fails for each, with the
/// difference, so a recording run can never pass as a check: read `git diff`, run again.
public struct GoldenFiles: Sendable {
    /// The folder holding the files.
    public let directory: URL

    /// Files in `directory`.
    public init(directory: URL) { self.directory = directory }

    /// Files in the folder `name` beside the calling test file (`#filePath`).
    public init(folder name: String, besides filePath: String = #filePath) {
        directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Whether this run records instead of checking.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["LUMBAR_RECORD"] == "1" }

    /// Compares `actual` with the file `name` (or records it), reporting the first difference
    /// with the lines around it.
    public func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        let previous = try? String(contentsOf: url, encoding: .utf8)
        if Self.isRecording {
            guard previous != actual else { return }
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
            } catch {
                Issue.record("could not record \(url.path): \(error)", sourceLocation: sourceLocation)
                return
            }
            let change = previous.map { Self.difference(expected: $0, actual: actual) } ?? "(new file)"
            Issue.record(
                "re-recorded \(name): \(change)\nRead `git diff` and run again without LUMBAR_RECORD=1.",
                sourceLocation: sourceLocation)
            return
        }
        guard let expected = previous else {
            Issue.record("no golden file \(url.path); record it with LUMBAR_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let change = Self.difference(expected: expected, actual: actual)
            Issue.record(
                Comment(rawValue: "\(name) differs from its golden file: \(change)\n(LUMBAR_RECORD=1 re-records after a deliberate change.)"),
                sourceLocation: sourceLocation)
        }
    }

    /// The first differing line of two texts, with two lines of context, as `-`/`+` lines.
    public static func difference(expected: String, actual: String) -> String {
        let want = expected.components(separatedBy: "\n")
        let got = actual.components(separatedBy: "\n")
        let first = zip(want, got).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(want.count, got.count)
        var lines = ["at line \(first + 1):"]
        for n in max(0, first - 2)..<first where n < want.count { lines.append("  " + want[n]) }
        for n in first..<min(want.count, first + 3) { lines.append("- " + want[n]) }
        for n in first..<min(got.count, first + 3) { lines.append("+ " + got[n]) }
        return lines.joined(separator: "\n")
    }
}

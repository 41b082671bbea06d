import Foundation
import Testing
import LumbarTestSupport

/// The report goldens in Tests/LumbarTextTests/Report/Golden/, checked and recorded by the
/// shared `GoldenFiles`. The folder is excluded from the test target in Package.swift.
enum Golden {
    static let files = GoldenFiles(folder: "Golden")

    /// The golden file `name`.
    static func url(_ name: String) -> URL { files.directory.appendingPathComponent(name) }

    /// Compares `actual` with the golden file `name`, or rewrites the file when recording.
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        files.check(actual, named: name, sourceLocation: sourceLocation)
    }
}

import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// Checks shared by `session` and `edit`.
enum SessionFields {
    /// A non-empty, single-line kind.
    static func kind(_ text: String) throws -> String {
        let kind = text.trimmingWhitespace()
        guard !kind.isEmpty else { throw CLIError.usage("--kind must name the exercise, e.g. --kind deadlift") }
        guard !kind.contains(where: \.isNewline) else { throw CLIError.usage("--kind must be one line") }
        return kind
    }
}

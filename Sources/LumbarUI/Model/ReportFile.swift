#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// A rendered report on its way to a file in the current directory.
public struct ReportFile: Hashable, Sendable {
    /// The file name wanted, relative to the current directory.
    public var name: String
    /// The report's text.
    public var text: String
    /// "the Markdown report for 2026-02-04 to 2026-03-05", for the message bar.
    public var summary: String

    /// A report file.
    public init(name: String, text: String, summary: String) {
        self.name = name
        self.text = text
        self.summary = summary
    }
}

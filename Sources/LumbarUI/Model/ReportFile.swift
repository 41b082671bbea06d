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

    /// Writes the file (0600, complete or not at all) without replacing an existing one:
    /// "report.md" becomes "report-2.md" when taken. Returns the message for the update loop.
    public func write(in directory: String = FileManager.default.currentDirectoryPath) -> Message {
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        let base = dot.map { String(name[..<$0]) } ?? name
        let ext = dot.map { String(name[name.index(after: $0)...]) } ?? ""
        var path = StorePath.joining(directory, name)
        var n = 2
        // A report is a copy to hand over; overwriting the last one the person handed over would surprise.
        while FileManager.default.fileExists(atPath: path), n < 1000 {
            path = StorePath.joining(directory, ext.isEmpty ? "\(base)-\(n)" : "\(base)-\(n).\(ext)")
            n += 1
        }
        do {
            try PrivateFile.write(Array(text.utf8), to: path)
            return .reportWritten(self, path: path)
        } catch {
            return .reportFailed(self, reason: "\(error)")
        }
    }
}

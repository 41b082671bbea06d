#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarUI

/// The TUI's report effect: the file is written here, with the executable's other effects, so
/// that LumbarUI stays free of file I/O.
extension ReportFile {
    /// Writes the file (0600, complete or not at all) without replacing an existing one:
    /// "report.md" becomes "report-2.md" when taken. Returns the message for the update loop.
    func write(in directory: String = FileManager.default.currentDirectoryPath) -> Message {
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

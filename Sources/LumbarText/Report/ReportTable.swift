#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// A table both renderers lay out: a header row and rows of cells.
struct ReportTable: Hashable, Sendable {
    /// One column: its title, whether it holds numbers (right-aligned), and whether HTML shows it
    /// in small type under the previous column's cell instead of as a column of its own.
    struct Column: Hashable, Sendable {
        var title: String
        var numeric = false
        var underPrevious = false
    }

    /// One row: its cells, and whether it is a quiet row (a run of days without entries).
    struct Row: Hashable, Sendable {
        var cells: [ReportLine]
        var muted = false
    }

    /// The columns.
    var columns: [Column]
    /// The rows.
    var rows: [Row]
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// Fixed-width text columns: the first left-aligned, the rest right-aligned, cut to fit.
enum TextColumns {
    static func row(_ cells: [String], widths: [Int]) -> String {
        var line = ""
        for (index, (cell, width)) in zip(cells, widths).enumerated() {
            let fitted = cell.count > width ? String(cell.prefix(max(0, width - 1))) + "…" : cell
            let pad = String(repeating: " ", count: max(0, width - fitted.count))
            line += index == 0 ? fitted + pad : " " + pad + fitted
        }
        return line
    }
}

import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// Days from `first` to `last`, both included; a nil bound is open.
struct DateRange: Equatable {
    /// The first day, or nil for the beginning of the journal.
    var first: LocalDate?
    /// The last day, or nil for no end.
    var last: LocalDate?

    /// Whether `date` lies in the range.
    func contains(_ date: LocalDate) -> Bool {
        (first.map { date >= $0 } ?? true) && (last.map { date <= $0 } ?? true)
    }

    /// The range as a person reads it back: "Mon 2026-11-30 to Tue 2026-12-01", "from Mon 2026-11-30".
    var description: String {
        func day(_ d: LocalDate) -> String { "\(d.weekdayAbbreviation) \(d)" }
        switch (first, last) {
        case let (first?, last?): return first == last ? "on \(day(first))" : "\(day(first)) to \(day(last))"
        case let (first?, nil): return "from \(day(first))"
        case let (nil, last?): return "up to \(day(last))"
        case (nil, nil): return "all days"
        }
    }
}

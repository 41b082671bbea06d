#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Binary searches over arrays kept in `at` order (the journal's sessions and check-ins).
enum ChronologicalSearch {
    /// The index of the first element whose time is after `milliseconds` (so `0..<index` is "up to then").
    static func end<C: RandomAccessCollection>(of array: C, upTo milliseconds: Int64, by time: KeyPath<C.Element, Timestamp>) -> Int
    where C.Index == Int {
        var low = array.startIndex
        var high = array.endIndex
        while low < high {
            let mid = (low + high) / 2
            if array[mid][keyPath: time].epochMilliseconds <= milliseconds { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The index of the first element whose time is at or after `milliseconds`.
    static func start<C: RandomAccessCollection>(of array: C, from milliseconds: Int64, by time: KeyPath<C.Element, Timestamp>) -> Int
    where C.Index == Int {
        var low = array.startIndex
        var high = array.endIndex
        while low < high {
            let mid = (low + high) / 2
            if array[mid][keyPath: time].epochMilliseconds < milliseconds { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Milliseconds in one real hour.
    static let hour: Int64 = 3_600_000
}

extension ChronologicalSearch {
    /// `date` in whole milliseconds, rounded to the nearest so that a `Date` made from milliseconds maps back exactly.
    static func milliseconds(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}

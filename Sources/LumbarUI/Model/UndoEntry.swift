#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// A saved change that `u` can reverse.
struct UndoEntry: Hashable, Sendable {
    var changes: [JournalChange]
    var summary: String
    /// Each touched entry as the save left it (`nil`: deleted), so that undo can tell when
    /// someone else changed it since and leave their edit alone.
    var expected: [UUID: Journal.Entry?] = [:]
}

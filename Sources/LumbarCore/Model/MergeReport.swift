#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a merge or import did, entry by entry.
public struct MergeReport: Hashable, Sendable, CustomStringConvertible {
    /// Entries that were not here before.
    public var added = 0
    /// Entries that replaced an older version of themselves.
    public var updated = 0
    /// Entries already here in the same or a newer version.
    public var skipped = 0
    /// The entries removed because the other side deleted a version at least as new.
    public var deletions: [Deletion] = []
    /// Entries the other side changed without saying which version it changed (a CSV row with
    /// an id and no revision) while this side holds different content: left as they are here.
    public var conflicts: [UUID] = []

    /// An empty report.
    public init() {}

    /// How many entries the merge deleted.
    public var deleted: Int { deletions.count }

    /// Whether the merge changed anything.
    public var changedSomething: Bool { added + updated + deleted > 0 }

    /// Whether a person must confirm the merge first: it deletes more than
    /// `MergeReport.deletionsWithoutAsking` entries, or an entry edited after the deletion
    /// was recorded (by the clocks), which may be a deletion nobody meant to keep.
    public var needsConfirmation: Bool {
        deletions.count > MergeReport.deletionsWithoutAsking || deletions.contains { $0.editedAfterDeletion }
    }

    /// How many deletions a merge may apply without asking.
    public static let deletionsWithoutAsking = 3

    public var description: String {
        var parts = ["\(added) added", "\(updated) updated", "\(skipped) unchanged"]
        if deleted > 0 { parts.append("\(deleted) deleted") }
        if !conflicts.isEmpty { parts.append("\(conflicts.count) kept as they are here (changed there without a revision)") }
        return parts.joined(separator: ", ")
    }

    /// One entry a merge deletes.
    public struct Deletion: Hashable, Sendable {
        /// The deleted entry's id.
        public var id: UUID
        /// "session", "checkIn" or "assessment".
        public var kind: String
        /// When the entry took place.
        public var at: Timestamp
        /// Whether this side last wrote the entry after the other side deleted it, by the clocks.
        public var editedAfterDeletion: Bool
    }
}

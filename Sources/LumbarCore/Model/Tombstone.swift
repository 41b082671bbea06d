#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A record that an entry was deleted, so that a merge or import does not bring it back, and
/// what the entry held, so that the deletion can be undone.
public struct Tombstone: Hashable, Sendable {
    /// The id of the deleted session, check-in or assessment.
    public var id: UUID
    /// When it was deleted (shown to people; `revision` decides merges).
    public var deletedAt: Timestamp
    /// One more than the revision of the entry it deleted: a copy of the entry at a lower
    /// revision is deleted by it, one edited to this revision or beyond wins over it.
    public var revision: Int
    /// What was deleted: "session", "checkIn" or "assessment"; `nil` when not recorded.
    public var kind: String?
    /// The deleted entry as stored, so it can be recovered; `nil` when not recorded.
    public var entry: JSONObject?

    /// A tombstone.
    public init(id: UUID, deletedAt: Timestamp, revision: Int = 2, kind: String? = nil, entry: JSONObject? = nil) {
        self.id = id
        self.deletedAt = deletedAt
        self.revision = revision
        self.kind = kind
        self.entry = entry
    }
}

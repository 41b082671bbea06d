#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One exercise session: the workout a later back pain might be traced to.
public struct Session: Identifiable, Hashable, Sendable {
    /// Stable identity, kept across edits, exports and merges.
    public var id: UUID
    /// When the session took place, with the offset it was logged in.
    public var at: Timestamp
    /// What was done, in the person's words ("deadlift", "run").
    public var kind: String
    /// The kind as every output names it: "deadlift", or "session" when the kind was left empty.
    public var kindName: String {
        let trimmed = kind.trimmingWhitespace()
        return trimmed.isEmpty ? "session" : trimmed
    }
    /// How long it lasted, in minutes.
    public var minutes: Int?
    /// Rate of perceived exertion, 1...10.
    public var rpe: Int?
    /// Sharp pain began during or right after the session.
    public var suddenPain: Bool
    /// Free text.
    public var note: String
    /// When the entry was last written (shown to people; `revision` decides merges).
    public var updatedAt: Timestamp
    /// How many times the entry has been written: 1 when logged, one more at each edit.
    public var revision: Int
    /// Fields written by a newer lumbar, kept as they were.
    public var unknownFields: JSONObject

    /// A session.
    public init(
        id: UUID = UUID(), at: Timestamp, kind: String, minutes: Int? = nil, rpe: Int? = nil,
        suddenPain: Bool = false, note: String = "", updatedAt: Timestamp, revision: Int = 1,
        unknownFields: JSONObject = JSONObject()
    ) {
        self.id = id
        self.at = at
        self.kind = kind
        self.minutes = minutes
        self.rpe = rpe
        self.suddenPain = suddenPain
        self.note = note
        self.updatedAt = updatedAt
        self.revision = revision
        self.unknownFields = unknownFields
    }
}

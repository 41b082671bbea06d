import Foundation

/// One check-in: how the back feels now, what was noticed, and what was done for it.
public struct CheckIn: Identifiable, Hashable, Sendable {
    /// Stable identity, kept across edits, exports and merges.
    public var id: UUID
    /// The local calendar date the check-in belongs to, fixed when it was logged.
    public var date: LocalDate
    /// When it was logged, with the offset it was logged in.
    public var at: Timestamp
    /// Pain now, 0 (none) ... 10 (worst imaginable).
    public var pain: Int
    /// Worst pain since the last check-in, 0...10.
    public var worst: Int?
    /// What was noticed, without duplicates, in the order given.
    public var symptoms: [Symptom]
    /// Self-care done, without duplicates, in the order given.
    public var care: [SelfCare]
    /// Free text, any UTF-8.
    public var note: String
    /// When the entry was last written; the newer one wins in imports and merges.
    public var updatedAt: Timestamp
    /// Fields written by a newer lumbar, kept as they were.
    public var unknownFields: JSONObject

    /// A check-in. Duplicated symptoms and care actions are dropped.
    public init(id: UUID = UUID(), date: LocalDate, at: Timestamp, pain: Int, worst: Int? = nil,
                symptoms: [Symptom] = [], care: [SelfCare] = [], note: String = "",
                updatedAt: Timestamp, unknownFields: JSONObject = JSONObject()) {
        self.id = id
        self.date = date
        self.at = at
        self.pain = pain
        self.worst = worst
        self.symptoms = symptoms.uniqued()
        self.care = care.uniqued()
        self.note = note
        self.updatedAt = updatedAt
        self.unknownFields = unknownFields
    }

    /// Whether the check-in reports `symptom`.
    public func has(_ symptom: Symptom) -> Bool { symptoms.contains(symptom) }
}

/// The person's profile: what the rules need beyond the log.
public struct Profile: Hashable, Sendable {
    /// Year of birth, for the age factor of the six-week rule.
    public var birthYear: Int?
    /// Fields written by a newer lumbar, kept as they were.
    public var unknownFields: JSONObject

    /// A profile.
    public init(birthYear: Int? = nil, unknownFields: JSONObject = JSONObject()) {
        self.birthYear = birthYear
        self.unknownFields = unknownFields
    }
}

/// A record that an entry was deleted, so that a merge or import does not bring it back.
public struct Tombstone: Hashable, Sendable {
    /// The id of the deleted session or check-in.
    public var id: UUID
    /// When it was deleted; an entry updated after this wins over the deletion.
    public var deletedAt: Timestamp

    /// A tombstone.
    public init(id: UUID, deletedAt: Timestamp) {
        self.id = id
        self.deletedAt = deletedAt
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, first occurrence kept.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A record that a clinician assessed the person: which flags it covers, at the level each had.
///
/// Final once stored: entries backfilled later do not change which flags it names.
public struct Assessment: Identifiable, Hashable, Sendable {
    /// One flag an assessment covers: its rule id and the level it had when assessed.
    public struct CoveredRule: Hashable, Sendable {
        /// The rule id as the contract spells it ("nerve-signs"); kept as text so an id from a
        /// newer lumbar survives.
        public var rule: String
        /// The flag's level when it was assessed.
        public var level: Level

        /// A covered rule.
        public init(rule: String, level: Level) {
            self.rule = rule
            self.level = level
        }
    }

    /// Stable identity, kept across exports and merges.
    public var id: UUID
    /// When the assessment took place.
    public var at: Timestamp
    /// The flags it covers, each with its level at `at`.
    public var rules: [CoveredRule]
    /// Free text: who assessed it and what they said.
    public var note: String
    /// When the entry was last written.
    public var updatedAt: Timestamp
    /// How many times the entry has been written: 1 when recorded, one more at each edit.
    public var revision: Int
    /// Fields written by a newer lumbar, kept as they were.
    public var unknownFields: JSONObject

    /// An assessment.
    public init(
        id: UUID = UUID(), at: Timestamp, rules: [CoveredRule], note: String = "",
        updatedAt: Timestamp, revision: Int = 1, unknownFields: JSONObject = JSONObject()
    ) {
        self.id = id
        self.at = at
        self.rules = rules
        self.note = note
        self.updatedAt = updatedAt
        self.revision = revision
        self.unknownFields = unknownFields
    }

    /// The stored level for `rule`, or `nil` when the assessment does not name it.
    public func level(of rule: String) -> Level? { rules.first { $0.rule == rule }?.level }
}

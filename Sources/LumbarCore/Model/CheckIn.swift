#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    /// What was noticed: the questions answered yes, without duplicates, in the order given.
    public var symptoms: [Symptom]
    /// Warning-sign questions answered an explicit no, without duplicates; never also in `symptoms`.
    ///
    /// A question in neither list was not answered: it leaves an earlier yes standing.
    public var denied: [Symptom]
    /// Self-care done, without duplicates, in the order given.
    public var care: [SelfCare]
    /// Free text, any UTF-8.
    public var note: String
    /// When the entry was last written (shown to people; `revision` decides merges).
    public var updatedAt: Timestamp
    /// How many times the entry has been written: 1 when logged, one more at each edit.
    public var revision: Int
    /// Fields written by a newer lumbar, kept as they were.
    public var unknownFields: JSONObject

    /// A check-in. Duplicated symptoms and care actions are dropped, and so is a no answer
    /// to a question the same check-in answers yes.
    public init(
        id: UUID = UUID(), date: LocalDate, at: Timestamp, pain: Int, worst: Int? = nil,
        symptoms: [Symptom] = [], denied: [Symptom] = [], care: [SelfCare] = [], note: String = "",
        updatedAt: Timestamp, revision: Int = 1, unknownFields: JSONObject = JSONObject()
    ) {
        self.id = id
        self.date = date
        self.at = at
        self.pain = pain
        self.worst = worst
        let yes = symptoms.uniqued()
        self.symptoms = yes
        self.denied = denied.uniqued().filter { !yes.contains($0) }
        self.care = care.uniqued()
        self.note = note
        self.updatedAt = updatedAt
        self.revision = revision
        self.unknownFields = unknownFields
    }

    /// Whether the check-in answers `symptom` yes.
    public func has(_ symptom: Symptom) -> Bool { symptoms.contains(symptom) }

    /// The check-in's answer to a question: `true` for yes, `false` for no, `nil` when not answered.
    public func answer(to symptom: Symptom) -> Bool? {
        if symptoms.contains(symptom) { return true }
        if denied.contains(symptom) { return false }
        return nil
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, first occurrence kept.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

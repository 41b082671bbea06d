#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// The Status screen's "a clinician assessed this" dialog: which of the flags raised now were
/// assessed, and a note.
///
/// Flags at see-doctor start ticked (the contract's default); an urgent or emergency flag is
/// covered only when the person says a doctor assessed it, so it starts unanswered.
struct AssessmentForm: Hashable, Sendable {
    /// The flags raised when the dialog opened, most urgent first.
    let flags: [RuleFlag]
    /// Whether each flag is covered; `nil` for an urgent or emergency flag not answered yet.
    var covered: [Bool?]
    /// Who assessed it and what they said.
    var note = TextField(limit: 280)
    /// Index of the focused row: the flags, then the note.
    var focus = 0

    /// A dialog for the flags raised now.
    init(flags: [RuleFlag]) {
        self.flags = flags
        covered = flags.map { $0.level >= .urgent ? nil : $0.level == .seeDoctor }
    }

    /// The row of the note field.
    var noteRow: Int { flags.count }

    /// Whether `flag` needs an explicit answer (a doctor, not a default).
    static func asksForDoctor(_ flag: RuleFlag) -> Bool { flag.level >= .urgent }

    /// The rule ids to record.
    var chosenRules: [RuleID] {
        zip(flags, covered).compactMap { $1 == true ? $0.rule : nil }
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// One change to the journal that the TUI asks the store to make, and can undo.
public enum JournalChange: Hashable, Sendable {
    /// Replaces the profile (birth year and history).
    case setProfile(Profile)
    /// Adds or replaces a check-in.
    case upsertCheckIn(CheckIn)
    /// Adds or replaces a session.
    case upsertSession(Session)
    /// Deletes the entry with this id (leaving a tombstone).
    case delete(UUID)
    /// Puts a deleted entry back.
    case restore(Journal.Entry)
    /// Adds or replaces an assessment.
    case upsertAssessment(Assessment)
    /// Deletes an assessment (leaving a tombstone).
    case deleteAssessment(UUID)

    /// The check-in or session the change writes, if it writes one.
    public var entryID: UUID? {
        switch self {
        case .upsertCheckIn(let c): return c.id
        case .upsertSession(let s): return s.id
        case .delete(let id): return id
        case .restore(let entry): return entry.id
        default: return nil
        }
    }

    /// Applies the change to `journal` as it is now, stamping written entries with `time`, and
    /// returns the change that undoes it (`nil` when nothing changed).
    public func apply(to journal: inout Journal, at time: Timestamp) -> JournalChange? {
        switch self {
        case .setProfile(let profile):
            let previous = journal.profile
            guard previous != profile else { return nil }
            journal.profile = profile
            return .setProfile(previous)
        case .upsertCheckIn(var checkIn):
            let previous = journal.checkIn(id: checkIn.id)
            checkIn.updatedAt = time
            // Replacing a stored entry is an edit: one revision above it, so it wins merges against older copies.
            if previous == nil { journal.upsert(checkIn) } else { journal.edit(checkIn) }
            return previous.map { .upsertCheckIn($0) } ?? .delete(checkIn.id)
        case .upsertSession(var session):
            let previous = journal.session(id: session.id)
            session.updatedAt = time
            // Replacing a stored entry is an edit: one revision above it, so it wins merges against older copies.
            if previous == nil { journal.upsert(session) } else { journal.edit(session) }
            return previous.map { .upsertSession($0) } ?? .delete(session.id)
        case .delete(let id):
            return journal.delete(id: id, at: time).map { .restore($0) }
        case .restore(let entry):
            switch entry {
            case .checkIn(var c):
                c.updatedAt = time
                journal.restore(.checkIn(c))
            case .session(var s):
                s.updatedAt = time
                journal.restore(.session(s))
            }
            return .delete(entry.id)
        case .upsertAssessment(var assessment):
            let previous = journal.assessment(id: assessment.id)
            assessment.updatedAt = time
            // Replacing a stored entry is an edit: one revision above it, so it wins merges against older copies.
            if previous == nil { journal.upsert(assessment) } else { journal.edit(assessment) }
            return previous.map { .upsertAssessment($0) } ?? .deleteAssessment(assessment.id)
        case .deleteAssessment(let id):
            return journal.deleteAssessment(id: id, at: time).map { .upsertAssessment($0) }
        }
    }
}

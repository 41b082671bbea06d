#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// A group of changes saved together (a check-in with its session, a delete, an undo).
public struct Transaction: Hashable, Sendable {
    /// Why the changes are made, which decides what the screen does once they are saved.
    public enum Purpose: Hashable, Sendable {
        /// Changing the profile on the Profile screen.
        case profile
        /// A check-in and/or session from the Today form.
        case checkIn
        /// Deleting an entry from History.
        case delete
        /// Undoing the last change.
        case undo
        /// Recording a clinician's assessment from the Status screen.
        case assessment
    }

    /// The changes, applied in order.
    public var changes: [JournalChange]
    /// Why.
    public var purpose: Purpose
    /// One line for the message bar once saved ("Check-in saved for Thu 5 Mar.").
    public var summary: String

    /// A transaction.
    public init(changes: [JournalChange], purpose: Purpose, summary: String) {
        self.changes = changes
        self.purpose = purpose
        self.summary = summary
    }

    /// Applies every change and returns the changes that undo them, in undo order.
    public func apply(to journal: inout Journal, at time: Timestamp) -> [JournalChange] {
        var inverse: [JournalChange] = []
        for change in changes {
            if let undo = change.apply(to: &journal, at: time) { inverse.append(undo) }
        }
        return inverse.reversed()
    }
}

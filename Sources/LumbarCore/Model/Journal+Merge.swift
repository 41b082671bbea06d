import Foundation

/// What a merge or import did, entry by entry.
public struct MergeReport: Hashable, Sendable, CustomStringConvertible {
    /// Entries that were not here before.
    public var added = 0
    /// Entries that replaced an older version of themselves.
    public var updated = 0
    /// Entries already here in the same or a newer version.
    public var skipped = 0
    /// Entries removed because the other side deleted them later than they were last edited.
    public var deleted = 0

    /// An empty report.
    public init() {}

    /// Whether the merge changed anything.
    public var changedSomething: Bool { added + updated + deleted > 0 }

    public var description: String {
        var parts = ["\(added) added", "\(updated) updated", "\(skipped) unchanged"]
        if deleted > 0 { parts.append("\(deleted) deleted") }
        return parts.joined(separator: ", ")
    }
}

extension Journal {
    /// Folds `other` into this journal by id: the newer `updatedAt` wins, a deletion wins over
    /// an edit made before it, and a profile field is taken only where this one has none.
    ///
    /// Merging the same journal twice changes nothing the second time.
    @discardableResult
    public mutating func merge(_ other: Journal) -> MergeReport {
        var report = MergeReport()
        var tombstoneByID: [UUID: Tombstone] = [:]
        for t in tombstones { tombstoneByID[t.id] = t }
        var ownCheckIns: [UUID: CheckIn] = [:]
        for c in checkIns { ownCheckIns[c.id] = c }
        var ownSessions: [UUID: Session] = [:]
        for s in sessions { ownSessions[s.id] = s }

        for theirs in other.tombstones {
            if let mine = tombstoneByID[theirs.id], mine.deletedAt >= theirs.deletedAt { continue }
            let editedAfter = (ownCheckIns[theirs.id]?.updatedAt).map { $0 > theirs.deletedAt }
                ?? (ownSessions[theirs.id]?.updatedAt).map { $0 > theirs.deletedAt } ?? false
            if editedAfter { continue }
            if delete(id: theirs.id, at: theirs.deletedAt) != nil { report.deleted += 1 }
            tombstones.removeAll { $0.id == theirs.id }
            tombstones.append(theirs)
            tombstoneByID[theirs.id] = theirs
            ownCheckIns[theirs.id] = nil
            ownSessions[theirs.id] = nil
        }

        func decide(_ id: UUID, theirs: Timestamp, mine: Timestamp?) -> Bool {
            if let dead = tombstoneByID[id], dead.deletedAt >= theirs { report.skipped += 1; return false }
            guard let mine else { report.added += 1; return true }
            if theirs > mine { report.updated += 1; return true }
            report.skipped += 1
            return false
        }
        for c in other.checkIns where decide(c.id, theirs: c.updatedAt, mine: ownCheckIns[c.id]?.updatedAt) {
            upsert(c)
        }
        for s in other.sessions where decide(s.id, theirs: s.updatedAt, mine: ownSessions[s.id]?.updatedAt) {
            upsert(s)
        }
        if profile.birthYear == nil, let year = other.profile.birthYear { profile.birthYear = year }
        return report
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Journal {
    /// Folds `other` into this journal by id, deletions included.
    ///
    /// Who wins never depends on a clock: the higher `revision` wins; at equal revisions with
    /// different content the version whose canonical encoding sorts higher wins, so two
    /// machines merging each other's copies end up with the same journal. A tombstone deletes
    /// an entry whose revision is lower than its own (the deleter had seen that version); an
    /// entry edited to the tombstone's revision or beyond survives it. Entries in `unrevised`
    /// (CSV rows with an id and no revision) are added when new but never replace an entry here
    /// that differs; they are listed in `conflicts`. The profile's birth year is taken only
    /// where this one has none, and history items are united.
    ///
    /// Merging the same journal twice changes nothing the second time.
    @discardableResult
    public mutating func merge(_ other: Journal, unrevised: Set<UUID> = []) -> MergeReport {
        var report = MergeReport()
        var index = MergeIndex(self)
        for theirs in other.tombstones { mergeTombstone(theirs, index: &index, report: &report) }
        mergeEntries(of: other, index: index, unrevised: unrevised, report: &report)
        if profile.birthYear == nil, let year = other.profile.birthYear { profile.birthYear = year }
        for item in other.profile.history where !profile.history.contains(item) { profile.history.append(item) }
        return report
    }

    /// This journal's tombstones and live entries by id, as the merge goes along.
    private struct MergeIndex {
        var tombstoneByID: [UUID: Tombstone] = [:]
        var ownCheckIns: [UUID: CheckIn] = [:]
        var ownSessions: [UUID: Session] = [:]
        var ownAssessments: [UUID: Assessment] = [:]

        init(_ journal: Journal) {
            for t in journal.tombstones { tombstoneByID[t.id] = t }
            for c in journal.checkIns { ownCheckIns[c.id] = c }
            for s in journal.sessions { ownSessions[s.id] = s }
            for a in journal.assessments { ownAssessments[a.id] = a }
        }
    }

    /// Folds one of the other side's tombstones in: it replaces this side's tombstone when it wins,
    /// and deletes this side's entry unless that entry was edited beyond the deletion.
    private mutating func mergeTombstone(_ theirs: Tombstone, index: inout MergeIndex, report: inout MergeReport) {
        let mine = index.tombstoneByID[theirs.id]
        if let mine, !Journal.wins(theirs, over: mine) { return }
        let own: (revision: Int, updatedAt: Timestamp, at: Timestamp, kind: String, json: JSONValue)?
        if let c = index.ownCheckIns[theirs.id] {
            own = (c.revision, c.updatedAt, c.at, "checkIn", JournalCodec.json(c))
        } else if let s = index.ownSessions[theirs.id] {
            own = (s.revision, s.updatedAt, s.at, "session", JournalCodec.json(s))
        } else if let a = index.ownAssessments[theirs.id] {
            own = (a.revision, a.updatedAt, a.at, "assessment", JournalCodec.json(a))
        } else {
            own = nil
        }
        var tombstone = theirs
        if tombstone.entry == nil, let kept = mine?.entry {
            // A deletion that does not say what it deleted never loses what this side kept.
            tombstone.kind = mine?.kind
            tombstone.entry = kept
        }
        if let own {
            // An edit the deleter had not seen outlives the deletion.
            guard theirs.revision > own.revision else { return }
            if own.kind == "assessment" { deleteAssessment(id: theirs.id, at: theirs.deletedAt) } else { delete(id: theirs.id, at: theirs.deletedAt) }
            report.deletions.append(
                .init(
                    id: theirs.id, kind: own.kind, at: own.at,
                    editedAfterDeletion: own.updatedAt > theirs.deletedAt))
            // Keep what this side had, so the deletion can be undone here too.
            if tombstone.entry == nil {
                tombstone.kind = own.kind
                tombstone.entry = own.json.objectValue
            }
        }
        tombstones.removeAll { $0.id == theirs.id }
        tombstones.append(tombstone)
        index.tombstoneByID[theirs.id] = tombstone
        index.ownCheckIns[theirs.id] = nil
        index.ownSessions[theirs.id] = nil
        index.ownAssessments[theirs.id] = nil
    }

    /// Folds the other side's check-ins, sessions and assessments in, each version that wins.
    private mutating func mergeEntries(of other: Journal, index: MergeIndex, unrevised: Set<UUID>, report: inout MergeReport) {
        for c in other.checkIns {
            let own = index.ownCheckIns[c.id]
            let mine = own.map { m in (m.revision, { Journal.canonicalBytes(JournalCodec.json(m)) }) }
            let same = { own.map { Journal.sameContent(c, $0) } ?? false }
            if Journal.takes(
                c.id, revision: c.revision, theirs: { Journal.canonicalBytes(JournalCodec.json(c)) }, mine: mine,
                sameContent: same, index: index, unrevised: unrevised, report: &report)
            {
                upsert(c)
            }
        }
        for s in other.sessions {
            let mine = index.ownSessions[s.id].map { m in (m.revision, { Journal.canonicalBytes(JournalCodec.json(m)) }) }
            if Journal.takes(
                s.id, revision: s.revision, theirs: { Journal.canonicalBytes(JournalCodec.json(s)) }, mine: mine,
                sameContent: { false }, index: index, unrevised: unrevised, report: &report)
            {
                upsert(s)
            }
        }
        for a in other.assessments {
            let mine = index.ownAssessments[a.id].map { m in (m.revision, { Journal.canonicalBytes(JournalCodec.json(m)) }) }
            if Journal.takes(
                a.id, revision: a.revision, theirs: { Journal.canonicalBytes(JournalCodec.json(a)) }, mine: mine,
                sameContent: { false }, index: index, unrevised: unrevised, report: &report)
            {
                upsert(a)
            }
        }
    }

    /// Whether the other side's version of entry `id` replaces this side's (or is added), counted in `report`.
    private static func takes(
        _ id: UUID, revision: Int, theirs: () -> [UInt8], mine: (revision: Int, bytes: () -> [UInt8])?,
        sameContent: () -> Bool, index: MergeIndex, unrevised: Set<UUID>,
        report: inout MergeReport
    ) -> Bool {
        if let dead = index.tombstoneByID[id], dead.revision > revision { report.skipped += 1; return false }
        guard let mine else { report.added += 1; return true }
        if unrevised.contains(id) {
            if !sameContent() { report.conflicts.append(id) }
            report.skipped += 1
            return false
        }
        if revision > mine.revision || (revision == mine.revision && mine.bytes().lexicographicallyPrecedes(theirs())) {
            report.updated += 1
            return true
        }
        report.skipped += 1
        return false
    }

    /// Whether tombstone `a` replaces `b` for the same id: the higher revision, then the one
    /// that keeps the deleted entry, then the canonical bytes (never the clock).
    static func wins(_ a: Tombstone, over b: Tombstone) -> Bool {
        if a.revision != b.revision { return a.revision > b.revision }
        if (a.entry == nil) != (b.entry == nil) { return a.entry != nil }
        let left = canonicalBytes(JournalCodec.json(a)), right = canonicalBytes(JournalCodec.json(b))
        return left != right && !left.lexicographicallyPrecedes(right)
    }

    /// Whether two versions of a check-in say the same, whenever and however often written.
    static func sameContent(_ a: CheckIn, _ b: CheckIn) -> Bool {
        var a = a
        a.updatedAt = b.updatedAt
        a.revision = b.revision
        return a == b
    }

    /// A value's compact encoding.
    static func canonicalBytes(_ value: JSONValue) -> [UInt8] {
        var w = JSONWriter(capacity: 256)
        w.write(value)
        return w.bytes
    }

    // MARK: Recovering deleted entries

    /// The tombstones that still hold the entry they deleted, newest deletion first.
    public var recoverableDeletions: [Tombstone] {
        tombstones.filter { $0.entry != nil && $0.kind != nil }.sorted { $0.deletedAt > $1.deletedAt }
    }

    /// Brings back the entry a tombstone holds, as a new revision above the deletion so that
    /// the recovery also wins a merge against copies that still have the tombstone.
    /// - Returns: the kind of entry recovered, or `nil` when there is nothing to recover.
    /// - Throws: `JournalFormatError` when the kept entry cannot be read.
    @discardableResult
    public mutating func undelete(id: UUID) throws(JournalFormatError) -> String? {
        guard let tombstone = tombstones.first(where: { $0.id == id }), let entry = tombstone.entry,
            let kind = tombstone.kind
        else { return nil }
        let path = "tombstones[\(id.uuidString.lowercased())].entry"
        switch kind {
        case "checkIn":
            var c = try JournalCodec.decodeCheckIn(.object(entry), path: path)
            c.revision = tombstone.revision + 1
            upsert(c)
        case "session":
            var s = try JournalCodec.decodeSession(.object(entry), path: path)
            s.revision = tombstone.revision + 1
            upsert(s)
        case "assessment":
            var a = try JournalCodec.decodeAssessment(.object(entry), path: path)
            a.revision = tombstone.revision + 1
            upsert(a)
        default:
            return nil
        }
        return kind
    }
}

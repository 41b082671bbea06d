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
        var tombstoneByID: [UUID: Tombstone] = [:]
        for t in tombstones { tombstoneByID[t.id] = t }
        var ownCheckIns: [UUID: CheckIn] = [:]
        for c in checkIns { ownCheckIns[c.id] = c }
        var ownSessions: [UUID: Session] = [:]
        for s in sessions { ownSessions[s.id] = s }
        var ownAssessments: [UUID: Assessment] = [:]
        for a in assessments { ownAssessments[a.id] = a }

        for theirs in other.tombstones {
            let mine = tombstoneByID[theirs.id]
            if let mine, !Journal.wins(theirs, over: mine) { continue }
            let own: (revision: Int, updatedAt: Timestamp, at: Timestamp, kind: String, json: JSONValue)?
            if let c = ownCheckIns[theirs.id] {
                own = (c.revision, c.updatedAt, c.at, "checkIn", JournalCodec.json(c))
            } else if let s = ownSessions[theirs.id] {
                own = (s.revision, s.updatedAt, s.at, "session", JournalCodec.json(s))
            } else if let a = ownAssessments[theirs.id] {
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
                guard theirs.revision > own.revision else { continue }
                if own.kind == "assessment" { deleteAssessment(id: theirs.id, at: theirs.deletedAt) } else { delete(id: theirs.id, at: theirs.deletedAt) }
                report.deletions.append(.init(id: theirs.id, kind: own.kind, at: own.at,
                                              editedAfterDeletion: own.updatedAt > theirs.deletedAt))
                // Keep what this side had, so the deletion can be undone here too.
                if tombstone.entry == nil {
                    tombstone.kind = own.kind
                    tombstone.entry = own.json.objectValue
                }
            }
            tombstones.removeAll { $0.id == theirs.id }
            tombstones.append(tombstone)
            tombstoneByID[theirs.id] = tombstone
            ownCheckIns[theirs.id] = nil
            ownSessions[theirs.id] = nil
            ownAssessments[theirs.id] = nil
        }

        func decide(_ id: UUID, revision: Int, theirs: () -> [UInt8], mine: (revision: Int, bytes: () -> [UInt8])?,
                    sameContent: () -> Bool) -> Bool {
            if let dead = tombstoneByID[id], dead.revision > revision { report.skipped += 1; return false }
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
        for c in other.checkIns {
            let own = ownCheckIns[c.id]
            let mine = own.map { m in (m.revision, { Journal.canonicalBytes(JournalCodec.json(m)) }) }
            let same = { own.map { Journal.sameContent(c, $0) } ?? false }
            if decide(c.id, revision: c.revision, theirs: { Journal.canonicalBytes(JournalCodec.json(c)) }, mine: mine, sameContent: same) {
                upsert(c)
            }
        }
        for s in other.sessions {
            let mine = ownSessions[s.id].map { m in (m.revision, { Journal.canonicalBytes(JournalCodec.json(m)) }) }
            if decide(s.id, revision: s.revision, theirs: { Journal.canonicalBytes(JournalCodec.json(s)) }, mine: mine, sameContent: { false }) {
                upsert(s)
            }
        }
        for a in other.assessments {
            let mine = ownAssessments[a.id].map { m in (m.revision, { Journal.canonicalBytes(JournalCodec.json(m)) }) }
            if decide(a.id, revision: a.revision, theirs: { Journal.canonicalBytes(JournalCodec.json(a)) }, mine: mine, sameContent: { false }) {
                upsert(a)
            }
        }
        if profile.birthYear == nil, let year = other.profile.birthYear { profile.birthYear = year }
        for item in other.profile.history where !profile.history.contains(item) { profile.history.append(item) }
        return report
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
              let kind = tombstone.kind else { return nil }
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

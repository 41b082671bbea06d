#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Everything lumbar stores: the profile, exercise sessions, check-ins and deletion records.
///
/// Sessions and check-ins are kept ordered by `at`; entries with the same `at` stay in the
/// order they were logged (the contract's tie-break), so readers never need to sort.
public struct Journal: Hashable, Sendable {
    /// The newest layout this build reads and writes.
    public static let currentSchemaVersion = 2

    /// The layout version the journal was read with (or will be written with).
    public var schemaVersion: Int
    /// The profile.
    public var profile: Profile
    /// Exercise sessions, ordered by `at`, ties in logging order.
    public private(set) var sessions: [Session]
    /// Check-ins, ordered by `at`, ties in logging order.
    public private(set) var checkIns: [CheckIn]
    /// The warning-sign questions that some check-in answers, yes or no: a standing answer is
    /// looked for only among these, so a question never asked (a version-1 journal never asked
    /// the four new ones) does not make every evaluation read the whole history.
    public private(set) var answeredWarningSigns: Set<Symptom> = []
    /// Clinicians' assessments, ordered by `at`, ties in recording order.
    public private(set) var assessments: [Assessment]
    /// Deleted entries' ids, so merges do not bring them back.
    public internal(set) var tombstones: [Tombstone]
    /// Top-level fields written by a newer lumbar, kept as they were.
    public var unknownFields: JSONObject

    /// An empty journal.
    public init() {
        self.init(
            schemaVersion: Journal.currentSchemaVersion, profile: Profile(), sessions: [], checkIns: [],
            assessments: [], tombstones: [])
    }

    /// A journal from its parts; entries are put in `at` order (stable, so ties keep their order).
    public init(
        schemaVersion: Int = Journal.currentSchemaVersion, profile: Profile = Profile(),
        sessions: [Session], checkIns: [CheckIn], assessments: [Assessment] = [],
        tombstones: [Tombstone] = [], unknownFields: JSONObject = JSONObject()
    ) {
        self.schemaVersion = schemaVersion
        self.profile = profile
        self.sessions = Journal.stablySorted(sessions) { $0.at.epochMilliseconds }
        self.checkIns = Journal.stablySorted(checkIns) { $0.at.epochMilliseconds }
        answeredWarningSigns = Journal.answeredWarningSigns(in: self.checkIns)
        self.assessments = Journal.stablySorted(assessments) { $0.at.epochMilliseconds }
        self.tombstones = tombstones
        self.unknownFields = unknownFields
    }

    /// Whether the journal holds no entries and no profile.
    public var isEmpty: Bool { sessions.isEmpty && checkIns.isEmpty && assessments.isEmpty && profile.isEmpty }

    // MARK: Lookup

    /// The check-in with this id.
    public func checkIn(id: UUID) -> CheckIn? { checkIns.first { $0.id == id } }

    /// The session with this id.
    public func session(id: UUID) -> Session? { sessions.first { $0.id == id } }

    /// Ids that match `prefix` (case-insensitive) among sessions and check-ins, for short ids on the command line.
    public func ids(matchingPrefix prefix: String) -> [UUID] {
        let needle = prefix.lowercased()
        return (checkIns.map(\.id) + sessions.map(\.id)).filter { $0.uuidString.lowercased().hasPrefix(needle) }
    }

    // MARK: Changes

    /// Adds or replaces (by id) a check-in, keeping `at` order; a replaced entry moves to its new time.
    public mutating func upsert(_ checkIn: CheckIn) {
        let replaced = checkIns.contains { $0.id == checkIn.id }
        checkIns.removeAll { $0.id == checkIn.id }
        tombstones.removeAll { $0.id == checkIn.id }
        Journal.insert(checkIn, into: &checkIns) { $0.at.epochMilliseconds }
        if replaced {
            answeredWarningSigns = Journal.answeredWarningSigns(in: checkIns)
        } else {
            answeredWarningSigns.formUnion(Journal.answeredWarningSigns(in: [checkIn]))
        }
    }

    /// Replaces a check-in after a person's edit: its revision becomes one more than the stored
    /// one's, so the edit wins a merge against every copy made before it (`upsert` keeps the
    /// revision it is given, as a merge must).
    public mutating func edit(_ checkIn: CheckIn) {
        var edited = checkIn
        edited.revision = max(self.checkIn(id: checkIn.id)?.revision ?? 0, checkIn.revision - 1) + 1
        upsert(edited)
    }

    /// Replaces a session after a person's edit, one revision above the stored one.
    public mutating func edit(_ session: Session) {
        var edited = session
        edited.revision = max(self.session(id: session.id)?.revision ?? 0, session.revision - 1) + 1
        upsert(edited)
    }

    /// Replaces an assessment after a person's edit, one revision above the stored one.
    public mutating func edit(_ assessment: Assessment) {
        var edited = assessment
        edited.revision = max(self.assessment(id: assessment.id)?.revision ?? 0, assessment.revision - 1) + 1
        upsert(edited)
    }

    /// Adds or replaces (by id) a session, keeping `at` order.
    public mutating func upsert(_ session: Session) {
        sessions.removeAll { $0.id == session.id }
        tombstones.removeAll { $0.id == session.id }
        Journal.insert(session, into: &sessions) { $0.at.epochMilliseconds }
    }

    /// Adds or replaces (by id) an assessment, keeping `at` order.
    public mutating func upsert(_ assessment: Assessment) {
        assessments.removeAll { $0.id == assessment.id }
        tombstones.removeAll { $0.id == assessment.id }
        Journal.insert(assessment, into: &assessments) { $0.at.epochMilliseconds }
    }

    /// The assessment with this id.
    public func assessment(id: UUID) -> Assessment? { assessments.first { $0.id == id } }

    /// Removes the assessment with `id` and records a tombstone; returns what was removed.
    @discardableResult
    public mutating func deleteAssessment(id: UUID, at time: Timestamp) -> Assessment? {
        guard let index = assessments.firstIndex(where: { $0.id == id }) else { return nil }
        let removed = assessments.remove(at: index)
        tombstones.removeAll { $0.id == id }
        tombstones.append(
            Tombstone(
                id: id, deletedAt: time, revision: removed.revision + 1, kind: "assessment",
                entry: JournalCodec.json(removed).objectValue))
        return removed
    }

    /// Removes the entry with `id` and records a tombstone; returns what was removed.
    @discardableResult
    public mutating func delete(id: UUID, at time: Timestamp) -> Entry? {
        var removed: Entry?
        var tombstone: Tombstone?
        if let index = checkIns.firstIndex(where: { $0.id == id }) {
            let c = checkIns.remove(at: index)
            answeredWarningSigns = Journal.answeredWarningSigns(in: checkIns)
            removed = .checkIn(c)
            tombstone = Tombstone(
                id: id, deletedAt: time, revision: c.revision + 1, kind: "checkIn",
                entry: JournalCodec.json(c).objectValue)
        } else if let index = sessions.firstIndex(where: { $0.id == id }) {
            let s = sessions.remove(at: index)
            removed = .session(s)
            tombstone = Tombstone(
                id: id, deletedAt: time, revision: s.revision + 1, kind: "session",
                entry: JournalCodec.json(s).objectValue)
        }
        if let tombstone {
            tombstones.removeAll { $0.id == id }
            tombstones.append(tombstone)
        }
        return removed
    }

    /// Forgets every deletion record (an export carries none, so an import must not apply any).
    public mutating func removeTombstones() { tombstones.removeAll() }

    /// Puts back a deleted entry (undo), dropping its tombstone; the entry comes back one
    /// revision above the deletion, so copies that already hold the deletion take it back too.
    public mutating func restore(_ entry: Entry) {
        let above = (tombstones.first { $0.id == entry.id }?.revision).map { $0 + 1 }
        switch entry {
        case .checkIn(var c):
            c.revision = max(c.revision, above ?? 0)
            upsert(c)
        case .session(var s):
            s.revision = max(s.revision, above ?? 0)
            upsert(s)
        }
    }

    /// A session or a check-in.
    public enum Entry: Hashable, Sendable {
        /// A check-in.
        case checkIn(CheckIn)
        /// An exercise session.
        case session(Session)

        /// The entry's id.
        public var id: UUID {
            switch self {
            case .checkIn(let c): return c.id
            case .session(let s): return s.id
            }
        }

        /// When the entry was last written.
        public var updatedAt: Timestamp {
            switch self {
            case .checkIn(let c): return c.updatedAt
            case .session(let s): return s.updatedAt
            }
        }
    }

    // MARK: Answered questions

    /// The warning signs answered by any of `checkIns`.
    static func answeredWarningSigns(in checkIns: [CheckIn]) -> Set<Symptom> {
        var answered = Set<Symptom>()
        for checkIn in checkIns {
            for symptom in checkIn.symptoms where symptom.isWarningSign { answered.insert(symptom) }
            for symptom in checkIn.denied { answered.insert(symptom) }
        }
        return answered
    }

    // MARK: Ordering

    /// Inserts after every element whose key is ≤ the new one's, so equal keys keep logging order.
    static func insert<T>(_ element: T, into array: inout [T], by key: (T) -> Int64) {
        let value = key(element)
        if let last = array.last, key(last) > value {
            var low = 0
            var high = array.count
            while low < high {
                let mid = (low + high) / 2
                if key(array[mid]) <= value { low = mid + 1 } else { high = mid }
            }
            array.insert(element, at: low)
        } else {
            array.append(element)
        }
    }

    /// `array` ordered by `key`, equal keys in their original order; O(n) when already ordered.
    // Closures rather than key paths: key-path reads cost about 8 M instructions per 10-year load.
    static func stablySorted<T>(_ array: [T], by key: (T) -> Int64) -> [T] {
        var sorted = true
        var previous = Int64.min
        for element in array {
            let k = key(element)
            if k < previous { sorted = false; break }
            previous = k
        }
        if sorted { return array }
        return array.enumerated().sorted {
            let l = key($0.element)
            let r = key($1.element)
            return l != r ? l < r : $0.offset < $1.offset
        }.map(\.element)
    }
}

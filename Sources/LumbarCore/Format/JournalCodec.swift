#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Converts journals to and from their JSON form (the store layout and the interchange shape).
public enum JournalCodec {
    // MARK: Decoding

    /// Reads a journal from JSON bytes.
    ///
    /// A well-formed journal is read straight from the bytes into the model in one pass
    /// (`JournalReader`). Anything that pass does not handle — an error of any kind, an escape
    /// in a member name, an unusual number or time — is read again by the general path (parse
    /// to a `JSONValue` tree, then `decode(_:)`), which gives the same journal or the precise
    /// error, so both paths accept exactly the same files and report exactly the same faults.
    /// - Throws: `JSONSyntaxError` or `JournalFormatError`.
    public static func decode(_ bytes: [UInt8]) throws -> Journal {
        if let journal = bytes.withUnsafeBufferPointer({ JournalReader.read($0) }) { return journal }
        return try decodeByTree(bytes)
    }

    /// Reads a journal from JSON bytes and keeps what a later `encode(_:reusing:)` needs to copy
    /// the text of unchanged entries; the source is `nil` when the general path had to read it.
    static func decodeKeepingSource(_ bytes: [UInt8]) throws -> (Journal, ParsedJournalFile?) {
        if let (journal, source) = JournalReader.readKeepingSource(bytes) { return (journal, source) }
        return (try decodeByTree(bytes), nil)
    }

    /// The general path: the whole document as a `JSONValue` tree, then the journal from the tree.
    static func decodeByTree(_ bytes: [UInt8]) throws -> Journal {
        let value = try JSONParser.parse(bytes)
        return try decode(value)
    }

    /// Reads a journal from a parsed JSON document.
    public static func decode(_ value: JSONValue) throws(JournalFormatError) -> Journal {
        guard let root = value.objectValue else {
            throw JournalFormatError(
                field: "",
                problem: "the document must be a JSON object with \"schemaVersion\", \"sessions\" and \"checkIns\", found \(value.typeDescription)")
        }
        var reader = MemberReader(root, path: "")
        guard let version = try reader.int(JournalKey.schemaVersion.name, range: JournalSchema.schemaVersionRange, optional: false) else {
            throw JournalFormatError(field: JournalKey.schemaVersion.name, problem: "is missing")
        }
        var profile = Profile()
        if let object = try reader.object(JournalKey.profile.name) { profile = try decodeProfile(object, path: JournalKey.profile.name) }
        var sessions: [Session] = []
        for (i, v) in try reader.array(JournalKey.sessions.name).enumerated() {
            sessions.append(try decodeSession(v, path: "\(JournalKey.sessions.name)[\(i)]"))
        }
        var checkIns: [CheckIn] = []
        for (i, v) in try reader.array(JournalKey.checkIns.name).enumerated() {
            checkIns.append(try decodeCheckIn(v, path: "\(JournalKey.checkIns.name)[\(i)]"))
        }
        var assessments: [Assessment] = []
        for (i, v) in try reader.array(JournalKey.assessments.name).enumerated() {
            assessments.append(try decodeAssessment(v, path: "\(JournalKey.assessments.name)[\(i)]"))
        }
        var tombstones: [Tombstone] = []
        for (i, v) in try reader.array(JournalKey.tombstones.name).enumerated() {
            tombstones.append(try decodeTombstone(v, path: "\(JournalKey.tombstones.name)[\(i)]"))
        }
        if version < 2 { upgradeFromVersion1(&checkIns) }
        return Journal(
            schemaVersion: version, profile: profile, sessions: sessions, checkIns: checkIns,
            assessments: assessments, tombstones: tombstones, unknownFields: reader.unknown)
    }

    /// A version-1 check-in answered every version-1 warning sign: each one it does not list
    /// as yes is an answer of no. The questions new in version 2 stay unanswered.
    static func upgradeFromVersion1(_ checkIns: inout [CheckIn]) {
        for i in checkIns.indices {
            checkIns[i].denied = Symptom.version1WarningSigns.filter { !checkIns[i].symptoms.contains($0) }
        }
    }

    static func decodeProfile(_ object: JSONObject, path: String) throws(JournalFormatError) -> Profile {
        var r = MemberReader(object, path: path)
        let year = try r.int(ProfileKey.birthYear.name, range: JournalSchema.birthYearRange, optional: true)
        let history = try r.keys(ProfileKey.history.name).map(HistoryItem.init(rawValue:))
        return Profile(birthYear: year, history: history, unknownFields: r.unknown)
    }

    static func decodeSession(_ value: JSONValue, path: String) throws(JournalFormatError) -> Session {
        guard let object = value.objectValue else {
            throw JournalFormatError(field: path, problem: "must be an object, found \(value.typeDescription)")
        }
        var r = MemberReader(object, path: path)
        typealias K = SessionKey
        let id = try r.uuid(K.id.name)
        let at = try r.timestamp(K.at.name)
        let kind = try r.string(K.kind.name) ?? ""
        let minutes = try r.int(K.minutes.name, range: JournalSchema.storedMinutesRange, optional: true)
        let rpe = try r.int(K.rpe.name, range: JournalSchema.rpeRange, optional: true)
        let sudden = try r.bool(K.suddenPain.name) ?? false
        let note = try r.string(K.note.name) ?? ""
        let updatedAt = try r.optionalTimestamp(K.updatedAt.name) ?? at
        let revision = try r.int(K.revision.name, range: JournalSchema.revisionRange, optional: true) ?? 1
        return Session(
            id: id, at: at, kind: kind, minutes: minutes, rpe: rpe, suddenPain: sudden, note: note,
            updatedAt: updatedAt, revision: revision, unknownFields: r.unknown)
    }

    static func decodeCheckIn(_ value: JSONValue, path: String) throws(JournalFormatError) -> CheckIn {
        guard let object = value.objectValue else {
            throw JournalFormatError(field: path, problem: "must be an object, found \(value.typeDescription)")
        }
        var r = MemberReader(object, path: path)
        typealias K = CheckInKey
        let id = try r.uuid(K.id.name)
        let at = try r.timestamp(K.at.name)
        let date = try r.date(K.date.name) ?? at.localDate
        guard let pain = try r.int(K.pain.name, range: JournalSchema.painRange, optional: false) else {
            throw r.fail(K.pain.name, "is missing")
        }
        let worst = try r.int(K.worst.name, range: JournalSchema.painRange, optional: true)
        let symptoms = try r.keys(K.symptoms.name).map(Symptom.init(rawValue:))
        let denied = try r.keys(K.denied.name).map(Symptom.init(rawValue:))
        if let problem = deniedProblem(symptoms: symptoms, denied: denied) {
            throw r.fail("\(K.denied.name)[\(problem.index)]", problem.text)
        }
        let care = try r.keys(K.care.name).map(SelfCare.init(rawValue:))
        let note = try r.string(K.note.name) ?? ""
        let updatedAt = try r.optionalTimestamp(K.updatedAt.name) ?? at
        let revision = try r.int(K.revision.name, range: JournalSchema.revisionRange, optional: true) ?? 1
        return CheckIn(
            id: id, date: date, at: at, pain: pain, worst: worst, symptoms: symptoms, denied: denied, care: care,
            note: note, updatedAt: updatedAt, revision: revision, unknownFields: r.unknown)
    }

    /// Why a check-in's no answers cannot be read, if they cannot: a no to a question it also
    /// answers yes, or to a known key that is not a warning sign (a key this build does not
    /// know may be a newer lumbar's warning sign, and is kept).
    static func deniedProblem(symptoms: [Symptom], denied: [Symptom]) -> (index: Int, text: String)? {
        for (i, key) in denied.enumerated() {
            if symptoms.contains(key) {
                return (i, "\"\(key.rawValue.escapingControlCharacters)\" is answered both yes (in symptoms) and no; keep it in one of the two")
            }
            if key.isKnown && !key.isWarningSign {
                return (i, "\"\(key.rawValue)\" is not a warning-sign question, so it cannot be answered no; remove it")
            }
        }
        return nil
    }

    static func decodeAssessment(_ value: JSONValue, path: String) throws(JournalFormatError) -> Assessment {
        guard let object = value.objectValue else {
            throw JournalFormatError(field: path, problem: "must be an object, found \(value.typeDescription)")
        }
        var r = MemberReader(object, path: path)
        typealias K = AssessmentKey
        let id = try r.uuid(K.id.name)
        let at = try r.timestamp(K.at.name)
        var rules: [Assessment.CoveredRule] = []
        for (i, element) in try r.array(K.rules.name).enumerated() {
            let rulePath = "\(path).\(K.rules.name)[\(i)]"
            guard let ruleObject = element.objectValue else {
                throw JournalFormatError(field: rulePath, problem: "must be an object {\"id\", \"level\"}, found \(element.typeDescription)")
            }
            var ruleFields = MemberReader(ruleObject, path: rulePath)
            guard let rule = try ruleFields.string(CoveredRuleKey.id.name), !rule.isEmpty else {
                throw ruleFields.fail(CoveredRuleKey.id.name, "must be a non-empty string")
            }
            guard let levelKey = try ruleFields.string(CoveredRuleKey.level.name), let level = Level(key: levelKey) else {
                throw ruleFields.fail(CoveredRuleKey.level.name, "must be one of \(Level.allCases.map(\.key).joined(separator: ", "))")
            }
            rules.append(Assessment.CoveredRule(rule: rule, level: level))
        }
        let note = try r.string(K.note.name) ?? ""
        let updatedAt = try r.optionalTimestamp(K.updatedAt.name) ?? at
        let revision = try r.int(K.revision.name, range: JournalSchema.revisionRange, optional: true) ?? 1
        return Assessment(
            id: id, at: at, rules: rules, note: note, updatedAt: updatedAt, revision: revision,
            unknownFields: r.unknown)
    }

    static func decodeTombstone(_ value: JSONValue, path: String) throws(JournalFormatError) -> Tombstone {
        guard let object = value.objectValue else {
            throw JournalFormatError(field: path, problem: "must be an object, found \(value.typeDescription)")
        }
        var r = MemberReader(object, path: path)
        typealias K = TombstoneKey
        let id = try r.uuid(K.id.name)
        let deletedAt = try r.timestamp(K.deletedAt.name)
        let revision = try r.int(K.revision.name, range: JournalSchema.revisionRange, optional: true) ?? 2
        let kind = try r.string(K.kind.name)
        let entry = try r.object(K.entry.name)
        return Tombstone(id: id, deletedAt: deletedAt, revision: revision, kind: kind, entry: entry)
    }

    /// Typed access to an object's members that remembers which keys were consumed.
    struct MemberReader {
        let object: JSONObject
        let path: String
        var consumed: Set<String> = []

        init(_ object: JSONObject, path: String) {
            self.object = object
            self.path = path
        }

        var unknown: JSONObject { object.removingKeys(consumed) }

        func fail(_ key: String, _ problem: String) -> JournalFormatError {
            JournalFormatError(field: path.isEmpty ? key : "\(path).\(key)", problem: problem)
        }

        mutating func take(_ key: String) -> JSONValue? {
            consumed.insert(key)
            guard let value = object[key] else { return nil }
            if case .null = value { return nil }
            return value
        }

        mutating func int(_ key: String, range: ClosedRange<Int>, optional: Bool) throws(JournalFormatError) -> Int? {
            guard let value = take(key) else {
                if optional { return nil }
                throw fail(key, "is missing")
            }
            guard let n = value.intValue else {
                throw fail(
                    key,
                    "must be a whole number from \(range.lowerBound)\(range.upperBound == Int.max ? " up" : " to \(range.upperBound)"), found \(Self.show(value))"
                )
            }
            guard range.contains(n) else {
                throw fail(key, "must be from \(range.lowerBound)\(range.upperBound == Int.max ? " up" : " to \(range.upperBound)"), found \(n)")
            }
            return n
        }

        mutating func string(_ key: String) throws(JournalFormatError) -> String? {
            guard let value = take(key) else { return nil }
            guard let s = value.stringValue else { throw fail(key, "must be a string, found \(value.typeDescription)") }
            return s
        }

        mutating func bool(_ key: String) throws(JournalFormatError) -> Bool? {
            guard let value = take(key) else { return nil }
            guard let b = value.boolValue else { throw fail(key, "must be true or false, found \(Self.show(value))") }
            return b
        }

        mutating func uuid(_ key: String) throws(JournalFormatError) -> UUID {
            guard let value = take(key) else { throw fail(key, "is missing") }
            guard let s = value.stringValue, let id = UUID(uuidString: s) else {
                throw fail(key, "must be a UUID string, found \(Self.show(value))")
            }
            return id
        }

        mutating func optionalTimestamp(_ key: String) throws(JournalFormatError) -> Timestamp? {
            guard let value = take(key) else { return nil }
            guard let s = value.stringValue, case .success(let t) = Timestamp.parse(s, localTimeZone: .gmt),
                s.utf8.count > 16, Self.hasOffset(s)
            else {
                throw fail(key, "must be an ISO 8601 time with an offset such as \"2026-03-02T18:00:00+01:00\", found \(Self.show(value))")
            }
            return t
        }

        mutating func timestamp(_ key: String) throws(JournalFormatError) -> Timestamp {
            guard let t = try optionalTimestamp(key) else { throw fail(key, "is missing") }
            return t
        }

        mutating func date(_ key: String) throws(JournalFormatError) -> LocalDate? {
            guard let value = take(key) else { return nil }
            guard let s = value.stringValue, let d = LocalDate(s) else {
                throw fail(key, "must be a date as \"YYYY-MM-DD\", found \(Self.show(value))")
            }
            return d
        }

        mutating func keys(_ key: String) throws(JournalFormatError) -> [String] {
            guard let value = take(key) else { return [] }
            guard let array = value.arrayValue else { throw fail(key, "must be an array of strings, found \(value.typeDescription)") }
            var keys: [String] = []
            keys.reserveCapacity(array.count)
            for (i, element) in array.enumerated() {
                guard let s = element.stringValue, !s.isEmpty else {
                    throw fail("\(key)[\(i)]", "must be a non-empty string, found \(Self.show(element))")
                }
                keys.append(s)
            }
            return keys
        }

        mutating func array(_ key: String) throws(JournalFormatError) -> [JSONValue] {
            guard let value = take(key) else { return [] }
            guard let array = value.arrayValue else { throw fail(key, "must be an array, found \(value.typeDescription)") }
            return array
        }

        mutating func object(_ key: String) throws(JournalFormatError) -> JSONObject? {
            guard let value = take(key) else { return nil }
            guard let object = value.objectValue else { throw fail(key, "must be an object, found \(value.typeDescription)") }
            return object
        }

        static func hasOffset(_ s: String) -> Bool {
            guard let last = s.utf8.last else { return false }
            if last == UInt8(ascii: "Z") || last == UInt8(ascii: "z") { return true }
            let tail = s.utf8.suffix(6)
            return tail.contains(UInt8(ascii: "+")) || tail.contains(UInt8(ascii: "-"))
        }

        static func show(_ value: JSONValue) -> String {
            switch value {
            case .string(let s): return "\"" + (s.count > 40 ? String(s.prefix(40)) + "…" : s).escapingControlCharacters + "\""
            case .number(let n): return n.count > 40 ? String(n.prefix(40)) + "…" : n
            case .bool(let b): return b ? "true" : "false"
            case .null: return "null"
            default: return value.typeDescription
            }
        }
    }

    // MARK: Encoding

    /// The JSON object of a session (known fields first, then unknown ones).
    public static func json(_ s: Session) -> JSONValue {
        var o = JSONObject(distinct: [
            (SessionKey.id.name, .string(text(s.id))),
            (SessionKey.at.name, .string(text(s.at))),
            (SessionKey.kind.name, .string(s.kind)),
            (SessionKey.minutes.name, s.minutes.map(JSONValue.int) ?? .null),
            (SessionKey.rpe.name, s.rpe.map(JSONValue.int) ?? .null),
            (SessionKey.suddenPain.name, .bool(s.suddenPain)),
            (SessionKey.note.name, .string(s.note)),
            (SessionKey.updatedAt.name, .string(text(s.updatedAt))),
            (SessionKey.revision.name, .int(s.revision)),
        ])
        for member in s.unknownFields where o[member.key] == nil { o[member.key] = member.value }
        return .object(o)
    }

    /// The JSON object of a check-in (known fields first, then unknown ones).
    public static func json(_ c: CheckIn) -> JSONValue {
        var o = JSONObject(distinct: [
            (CheckInKey.id.name, .string(text(c.id))),
            (CheckInKey.date.name, .string(text(c.date))),
            (CheckInKey.at.name, .string(text(c.at))),
            (CheckInKey.pain.name, .int(c.pain)),
            (CheckInKey.worst.name, c.worst.map(JSONValue.int) ?? .null),
            (CheckInKey.symptoms.name, .array(c.symptoms.map { .string($0.rawValue) })),
            (CheckInKey.denied.name, .array(c.denied.map { .string($0.rawValue) })),
            (CheckInKey.care.name, .array(c.care.map { .string($0.rawValue) })),
            (CheckInKey.note.name, .string(c.note)),
            (CheckInKey.updatedAt.name, .string(text(c.updatedAt))),
            (CheckInKey.revision.name, .int(c.revision)),
        ])
        for member in c.unknownFields where o[member.key] == nil { o[member.key] = member.value }
        return .object(o)
    }

    /// The JSON object of a profile.
    public static func json(_ p: Profile) -> JSONValue {
        var o = JSONObject([
            (ProfileKey.birthYear.name, p.birthYear.map(JSONValue.int) ?? .null),
            (ProfileKey.history.name, .array(p.history.map { .string($0.rawValue) })),
        ])
        for member in p.unknownFields where o[member.key] == nil { o[member.key] = member.value }
        return .object(o)
    }

    /// The JSON object of an assessment (known fields first, then unknown ones).
    public static func json(_ a: Assessment) -> JSONValue {
        var o = JSONObject(distinct: [
            (AssessmentKey.id.name, .string(text(a.id))),
            (AssessmentKey.at.name, .string(text(a.at))),
            (
                AssessmentKey.rules.name,
                .array(
                    a.rules.map { rule in
                        .object(
                            JSONObject(distinct: [(CoveredRuleKey.id.name, .string(rule.rule)), (CoveredRuleKey.level.name, .string(rule.level.key))])
                        )
                    })
            ),
            (AssessmentKey.note.name, .string(a.note)),
            (AssessmentKey.updatedAt.name, .string(text(a.updatedAt))),
            (AssessmentKey.revision.name, .int(a.revision)),
        ])
        for member in a.unknownFields where o[member.key] == nil { o[member.key] = member.value }
        return .object(o)
    }

    /// The JSON object of a tombstone.
    public static func json(_ t: Tombstone) -> JSONValue {
        typealias K = TombstoneKey
        var members: [(String, JSONValue)] = [
            (K.id.name, .string(text(t.id))), (K.deletedAt.name, .string(text(t.deletedAt))),
            (K.revision.name, .int(t.revision)),
        ]
        if let kind = t.kind { members.append((K.kind.name, .string(kind))) }
        if let entry = t.entry { members.append((K.entry.name, .object(entry))) }
        return .object(JSONObject(distinct: members))
    }

    /// The whole journal as one JSON value.
    public static func json(_ journal: Journal, includeTombstones: Bool = true) -> JSONValue {
        var o = JSONObject([
            (JournalKey.schemaVersion.name, .int(journal.schemaVersion)),
            (JournalKey.profile.name, json(journal.profile)),
            (JournalKey.sessions.name, .array(journal.sessions.map(json))),
            (JournalKey.checkIns.name, .array(journal.checkIns.map(json))),
            (JournalKey.assessments.name, .array(journal.assessments.map(json))),
        ])
        if includeTombstones { o[JournalKey.tombstones.name] = .array(journal.tombstones.map(json)) }
        for member in journal.unknownFields where o[member.key] == nil { o[member.key] = member.value }
        return .object(o)
    }

    /// The store layout: one entry per line, so the file stays readable, diffable and quick to write.
    ///
    /// Entries are written straight from the model (no `JSONValue` tree); the bytes are the
    /// same as writing `json(_:)` of each part compactly.
    public static func encode(_ journal: Journal) -> [UInt8] {
        encode(journal, reusing: nil)
    }

    /// `encode(journal)`, copying the text of each entry that is unchanged since `source` was
    /// read and was written there exactly as `write(_:to:)` writes it, so a save costs a copy
    /// for all but the entries that changed. The bytes are the same as without a source.
    static func encode(_ journal: Journal, reusing source: ParsedJournalFile?) -> [UInt8] {
        encodeWithLayout(journal, reusing: source).bytes
    }

    /// `encode(_:reusing:)`, with where the entry arrays end in the bytes (for `JournalLayout`).
    static func encodeWithLayout(_ journal: Journal, reusing source: ParsedJournalFile?) -> (bytes: [UInt8], layout: JournalLayout) {
        var w = JSONWriter(capacity: (source?.bytes.count ?? 0) + 240 * journal.checkIns.count + 200 * journal.sessions.count + 1024)
        w.raw("{\"schemaVersion\":")
        w.int(journal.schemaVersion)
        w.raw(",\n\"profile\":")
        write(journal.profile, to: &w)
        w.raw(",\n\"sessions\":[")
        writeLines(journal.sessions, reusing: source, originals: { $0.sessions }, spans: { $0.sessionSpans }, to: &w) { write($0, to: &$1) }
        let sessionsEnd = w.count
        w.raw("\n],\n\"checkIns\":[")
        writeLines(journal.checkIns, reusing: source, originals: { $0.checkIns }, spans: { $0.checkInSpans }, to: &w) { write($0, to: &$1) }
        let checkInsEnd = w.count
        w.raw("\n],\n\"assessments\":[")
        for (i, a) in journal.assessments.enumerated() {
            w.raw(i == 0 ? "\n" : ",\n")
            w.write(json(a))
        }
        w.raw("\n],\n\"tombstones\":[")
        for (i, t) in journal.tombstones.enumerated() {
            w.raw(i == 0 ? "\n" : ",\n")
            write(t, to: &w)
        }
        w.raw("\n]")
        for member in journal.unknownFields {
            w.raw(",\n")
            w.string(member.key)
            w.raw(":")
            w.write(member.value)
        }
        w.raw("\n}\n")
        let layout = JournalLayout(
            sessionsEnd: sessionsEnd, checkInsEnd: checkInsEnd,
            lastSessionAt: journal.sessions.last?.at.epochMilliseconds, lastCheckInAt: journal.checkIns.last?.at.epochMilliseconds)
        return (w.bytes, layout)
    }

    /// Writes `entries` as the lines of a journal array, copying the text of each one that is
    /// unchanged since `source` was read (`ParsedJournalFile.span`) and writing the others.
    private static func writeLines<Entry: Identifiable & Equatable>(
        _ entries: [Entry], reusing source: ParsedJournalFile?, originals: (ParsedJournalFile) -> [Entry],
        spans: (ParsedJournalFile) -> [Range<Int>?], to w: inout JSONWriter, writing write: (Entry, inout JSONWriter) -> Void
    ) where Entry.ID == UUID {
        // An array that is still the very one the source was read into holds exactly the source's
        // entries, so each one's span is used without comparing it (re-encoding an unchanged
        // journal, as the status cache does to learn whether the file is laid out as lumbar writes).
        let read = source.map { (file: $0, originals: originals($0), spans: spans($0)) }
        let same = read.map { ParsedJournalFile.sharesStorage(entries, $0.originals) } ?? false
        var next = 0
        // Entries are looked at in place (through buffer pointers), not copied one by one.
        entries.withUnsafeBufferPointer { entries in
            for i in entries.indices {
                w.raw(i == 0 ? "\n" : ",\n")
                let span: Range<Int>?
                if let read {
                    span = same ? read.spans[i] : read.file.span(of: entries[i], among: read.originals, spans: read.spans, next: &next)
                } else {
                    span = nil
                }
                if let read, let span { w.append(read.file.bytes[span]) } else { write(entries[i], &w) }
            }
        }
    }

    /// The member names `json(_:)` writes for each kind of object;
    /// The member names `json(_:)` writes for each kind of object; an unknown field that
    /// reuses one of them is not written (the known field wins).
    static let sessionKeys = JournalSchema.names(JournalSchema.session)
    static let checkInKeys = JournalSchema.names(JournalSchema.checkIn)
    static let profileKeys = JournalSchema.names(JournalSchema.profile)

    /// The line `encode` writes for `session` in the journal's `sessions` array.
    static func line(of session: Session) -> [UInt8] {
        var w = JSONWriter(capacity: 512)
        write(session, to: &w)
        return w.bytes
    }

    /// The line `encode` writes for `checkIn` in the journal's `checkIns` array.
    static func line(of checkIn: CheckIn) -> [UInt8] {
        var w = JSONWriter(capacity: 512)
        write(checkIn, to: &w)
        return w.bytes
    }

    /// Writes `json(s)` compactly.
    static func write(_ s: Session, to w: inout JSONWriter) {
        w.raw("{\"id\":")
        write(s.id, to: &w)
        w.raw(",\"at\":")
        write(s.at, to: &w)
        w.raw(",\"kind\":")
        w.string(s.kind)
        w.raw(",\"minutes\":")
        write(s.minutes, to: &w)
        w.raw(",\"rpe\":")
        write(s.rpe, to: &w)
        w.raw(s.suddenPain ? ",\"suddenPain\":true,\"note\":" : ",\"suddenPain\":false,\"note\":")
        w.string(s.note)
        w.raw(",\"updatedAt\":")
        write(s.updatedAt, to: &w)
        w.raw(",\"revision\":")
        w.int(s.revision)
        write(s.unknownFields, skipping: sessionKeys, to: &w)
        w.byte(UInt8(ascii: "}"))
    }

    /// Writes `json(c)` compactly.
    static func write(_ c: CheckIn, to w: inout JSONWriter) {
        w.raw("{\"id\":")
        write(c.id, to: &w)
        w.raw(",\"date\":")
        write(c.date, to: &w)
        w.raw(",\"at\":")
        write(c.at, to: &w)
        w.raw(",\"pain\":")
        w.int(c.pain)
        w.raw(",\"worst\":")
        write(c.worst, to: &w)
        w.raw(",\"symptoms\":[")
        writeKeys(c.symptoms, to: &w)
        w.raw("],\"denied\":[")
        writeKeys(c.denied, to: &w)
        w.raw("],\"care\":[")
        writeKeys(c.care, to: &w)
        w.raw("],\"note\":")
        w.string(c.note)
        w.raw(",\"updatedAt\":")
        write(c.updatedAt, to: &w)
        w.raw(",\"revision\":")
        w.int(c.revision)
        write(c.unknownFields, skipping: checkInKeys, to: &w)
        w.byte(UInt8(ascii: "}"))
    }

    /// Writes the keys' raw values as the elements of a JSON array (the brackets are the caller's).
    private static func writeKeys<Key: RawRepresentable>(_ keys: [Key], to w: inout JSONWriter) where Key.RawValue == String {
        for (i, key) in keys.enumerated() {
            if i > 0 { w.byte(UInt8(ascii: ",")) }
            w.string(key.rawValue)
        }
    }

    /// Writes `json(p)` compactly.
    static func write(_ p: Profile, to w: inout JSONWriter) {
        w.raw("{\"birthYear\":")
        write(p.birthYear, to: &w)
        w.raw(",\"history\":[")
        writeKeys(p.history, to: &w)
        w.byte(UInt8(ascii: "]"))
        write(p.unknownFields, skipping: profileKeys, to: &w)
        w.byte(UInt8(ascii: "}"))
    }

    /// Writes `json(t)` compactly.
    static func write(_ t: Tombstone, to w: inout JSONWriter) {
        w.write(json(t))
    }

    /// Writes the members of `fields` whose names are not in `known`, each after a comma.
    static func write(_ fields: JSONObject, skipping known: [String], to w: inout JSONWriter) {
        for member in fields where !known.contains(member.key) {
            w.byte(UInt8(ascii: ","))
            w.string(member.key)
            w.byte(UInt8(ascii: ":"))
            w.write(member.value)
        }
    }

    /// Writes an optional integer, `null` when absent.
    static func write(_ value: Int?, to w: inout JSONWriter) {
        if let value { w.int(value) } else { w.raw("null") }
    }

    /// Writes `id.uuidString.lowercased()` as a JSON string.
    static func write(_ id: UUID, to w: inout JSONWriter) {
        w.byte(UInt8(ascii: "\""))
        writeText(of: id, to: &w)
        w.byte(UInt8(ascii: "\""))
    }

    /// Appends `id.uuidString.lowercased()` (no quotes).
    static func writeText(of id: UUID, to w: inout JSONWriter) {
        withUnsafeBytes(of: id.uuid) { raw in
            var i = 0
            while i < raw.count {
                if i == 4 || i == 6 || i == 8 || i == 10 { w.byte(UInt8(ascii: "-")) }
                w.byte(hexDigit(raw[i] >> 4))
                w.byte(hexDigit(raw[i] & 0x0F))
                i += 1
            }
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Writes `date.description` as a JSON string.
    static func write(_ date: LocalDate, to w: inout JSONWriter) {
        guard (0..<10_000).contains(date.year) else { w.string(date.description); return }
        w.byte(UInt8(ascii: "\""))
        writeText(of: date, to: &w)
        w.byte(UInt8(ascii: "\""))
    }

    private static func writeText(of date: LocalDate, to w: inout JSONWriter) {
        w.digits(date.year, width: 4)
        w.byte(UInt8(ascii: "-"))
        w.twoDigits(date.month)
        w.byte(UInt8(ascii: "-"))
        w.twoDigits(date.day)
    }

    /// Writes `t.description` as a JSON string.
    static func write(_ t: Timestamp, to w: inout JSONWriter) {
        guard isPlain(t) else { w.string(t.description); return }
        w.byte(UInt8(ascii: "\""))
        writeText(of: t, to: &w)
        w.byte(UInt8(ascii: "\""))
    }

    /// Whether `writeText(of:)` spells `t` (years 0–9999, offsets under 100 hours); other
    /// values only come from hand-made timestamps, and `description` spells them.
    private static func isPlain(_ t: Timestamp) -> Bool {
        t.utcOffsetSeconds > -360_000 && t.utcOffsetSeconds < 360_000 && (0..<10_000).contains(t.localDate.year)
    }

    private static func writeText(of t: Timestamp, to w: inout JSONWriter) {
        let p = t.localParts
        writeText(of: p.date, to: &w)
        w.byte(UInt8(ascii: "T"))
        w.twoDigits(p.hour)
        w.byte(UInt8(ascii: ":"))
        w.twoDigits(p.minute)
        w.byte(UInt8(ascii: ":"))
        w.twoDigits(p.second)
        if p.millisecond != 0 {
            w.byte(UInt8(ascii: "."))
            w.digits(p.millisecond, width: 3)
        }
        if t.utcOffsetSeconds == 0 {
            w.byte(UInt8(ascii: "Z"))
        } else {
            w.byte(t.utcOffsetSeconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let minutes = abs(t.utcOffsetSeconds) / 60
            w.twoDigits(minutes / 60)
            w.byte(UInt8(ascii: ":"))
            w.twoDigits(minutes % 60)
        }
    }

    // MARK: Text of times, dates and ids

    /// Appends `t.description` (no quotes).
    static func writeCellText(of t: Timestamp, to w: inout JSONWriter) {
        if isPlain(t) { writeText(of: t, to: &w) } else { w.text(t.description) }
    }

    /// Appends `date.description` (no quotes).
    static func writeCellText(of date: LocalDate, to w: inout JSONWriter) {
        if (0..<10_000).contains(date.year) { writeText(of: date, to: &w) } else { w.text(date.description) }
    }

    /// `t.description`, spelled without the intermediate strings `description` builds.
    static func text(_ t: Timestamp) -> String {
        guard isPlain(t) else { return t.description }
        var w = JSONWriter(capacity: 32)
        writeText(of: t, to: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// `date.description`, spelled without intermediate strings.
    static func text(_ date: LocalDate) -> String {
        guard (0..<10_000).contains(date.year) else { return date.description }
        var w = JSONWriter(capacity: 16)
        writeText(of: date, to: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// `id.uuidString.lowercased()`, spelled without Foundation.
    static func text(_ id: UUID) -> String {
        var w = JSONWriter(capacity: 36)
        writeText(of: id, to: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

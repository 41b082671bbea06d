import Foundation

/// Why a JSON document is not a journal: the field at fault and what is wrong with it.
public struct JournalFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where in the document, e.g. `checkIns[12].pain`.
    public var field: String
    /// What is wrong, e.g. "must be a whole number from 0 to 10, found \"x\"".
    public var problem: String

    public var description: String { field.isEmpty ? problem : "\(field) \(problem)" }
}

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
    static func decodeKeepingSource(_ bytes: [UInt8]) throws -> (Journal, JournalSource?) {
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
            throw JournalFormatError(field: "", problem: "the document must be a JSON object with \"schemaVersion\", \"sessions\" and \"checkIns\", found \(value.typeDescription)")
        }
        var reader = Fields(root, path: "")
        guard let version = try reader.int("schemaVersion", range: 1...Int.max, optional: false) else {
            throw JournalFormatError(field: "schemaVersion", problem: "is missing")
        }
        var profile = Profile()
        if let object = try reader.object("profile") { profile = try decodeProfile(object, path: "profile") }
        var sessions: [Session] = []
        for (i, v) in try reader.array("sessions").enumerated() {
            sessions.append(try decodeSession(v, path: "sessions[\(i)]"))
        }
        var checkIns: [CheckIn] = []
        for (i, v) in try reader.array("checkIns").enumerated() {
            checkIns.append(try decodeCheckIn(v, path: "checkIns[\(i)]"))
        }
        var tombstones: [Tombstone] = []
        for (i, v) in try reader.array("tombstones").enumerated() {
            tombstones.append(try decodeTombstone(v, path: "tombstones[\(i)]"))
        }
        return Journal(schemaVersion: version, profile: profile, sessions: sessions, checkIns: checkIns,
                       tombstones: tombstones, unknownFields: reader.unknown)
    }

    static func decodeProfile(_ object: JSONObject, path: String) throws(JournalFormatError) -> Profile {
        var r = Fields(object, path: path)
        let year = try r.int("birthYear", range: 1000...9999, optional: true)
        return Profile(birthYear: year, unknownFields: r.unknown)
    }

    static func decodeSession(_ value: JSONValue, path: String) throws(JournalFormatError) -> Session {
        guard let object = value.objectValue else { throw JournalFormatError(field: path, problem: "must be an object, found \(value.typeDescription)") }
        var r = Fields(object, path: path)
        let id = try r.uuid("id")
        let at = try r.timestamp("at")
        let kind = try r.string("kind") ?? ""
        let minutes = try r.int("minutes", range: 0...100_000, optional: true)
        let rpe = try r.int("rpe", range: 1...10, optional: true)
        let sudden = try r.bool("suddenPain") ?? false
        let note = try r.string("note") ?? ""
        let updatedAt = try r.optionalTimestamp("updatedAt") ?? at
        return Session(id: id, at: at, kind: kind, minutes: minutes, rpe: rpe, suddenPain: sudden, note: note,
                       updatedAt: updatedAt, unknownFields: r.unknown)
    }

    static func decodeCheckIn(_ value: JSONValue, path: String) throws(JournalFormatError) -> CheckIn {
        guard let object = value.objectValue else { throw JournalFormatError(field: path, problem: "must be an object, found \(value.typeDescription)") }
        var r = Fields(object, path: path)
        let id = try r.uuid("id")
        let at = try r.timestamp("at")
        let date = try r.date("date") ?? at.localDate
        guard let pain = try r.int("pain", range: 0...10, optional: false) else {
            throw JournalFormatError(field: path + ".pain", problem: "is missing")
        }
        let worst = try r.int("worst", range: 0...10, optional: true)
        let symptoms = try r.keys("symptoms").map(Symptom.init(rawValue:))
        let care = try r.keys("care").map(SelfCare.init(rawValue:))
        let note = try r.string("note") ?? ""
        let updatedAt = try r.optionalTimestamp("updatedAt") ?? at
        return CheckIn(id: id, date: date, at: at, pain: pain, worst: worst, symptoms: symptoms, care: care,
                       note: note, updatedAt: updatedAt, unknownFields: r.unknown)
    }

    static func decodeTombstone(_ value: JSONValue, path: String) throws(JournalFormatError) -> Tombstone {
        guard let object = value.objectValue else { throw JournalFormatError(field: path, problem: "must be an object, found \(value.typeDescription)") }
        var r = Fields(object, path: path)
        return Tombstone(id: try r.uuid("id"), deletedAt: try r.timestamp("deletedAt"))
    }

    /// Typed access to an object's members that remembers which keys were consumed.
    struct Fields {
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
                throw fail(key, "must be a whole number from \(range.lowerBound)\(range.upperBound == Int.max ? " up" : " to \(range.upperBound)"), found \(Self.show(value))")
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
                  s.utf8.count > 16, Self.hasOffset(s) else {
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
            case .string(let s): return "\"" + (s.count > 40 ? String(s.prefix(40)) + "…" : s) + "\""
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
        var o = JSONObject([
            ("id", .string(s.id.uuidString.lowercased())),
            ("at", .string(s.at.description)),
            ("kind", .string(s.kind)),
            ("minutes", s.minutes.map(JSONValue.int) ?? .null),
            ("rpe", s.rpe.map(JSONValue.int) ?? .null),
            ("suddenPain", .bool(s.suddenPain)),
            ("note", .string(s.note)),
            ("updatedAt", .string(s.updatedAt.description)),
        ])
        for member in s.unknownFields where o[member.key] == nil { o[member.key] = member.value }
        return .object(o)
    }

    /// The JSON object of a check-in (known fields first, then unknown ones).
    public static func json(_ c: CheckIn) -> JSONValue {
        var o = JSONObject([
            ("id", .string(c.id.uuidString.lowercased())),
            ("date", .string(c.date.description)),
            ("at", .string(c.at.description)),
            ("pain", .int(c.pain)),
            ("worst", c.worst.map(JSONValue.int) ?? .null),
            ("symptoms", .array(c.symptoms.map { .string($0.rawValue) })),
            ("care", .array(c.care.map { .string($0.rawValue) })),
            ("note", .string(c.note)),
            ("updatedAt", .string(c.updatedAt.description)),
        ])
        for member in c.unknownFields where o[member.key] == nil { o[member.key] = member.value }
        return .object(o)
    }

    /// The JSON object of a profile.
    public static func json(_ p: Profile) -> JSONValue {
        var o = JSONObject([("birthYear", p.birthYear.map(JSONValue.int) ?? .null)])
        for member in p.unknownFields where o[member.key] == nil { o[member.key] = member.value }
        return .object(o)
    }

    /// The JSON object of a tombstone.
    public static func json(_ t: Tombstone) -> JSONValue {
        .object(JSONObject([("id", .string(t.id.uuidString.lowercased())), ("deletedAt", .string(t.deletedAt.description))]))
    }

    /// The whole journal as one JSON value.
    public static func json(_ journal: Journal, includeTombstones: Bool = true) -> JSONValue {
        var o = JSONObject([
            ("schemaVersion", .int(journal.schemaVersion)),
            ("profile", json(journal.profile)),
            ("sessions", .array(journal.sessions.map(json))),
            ("checkIns", .array(journal.checkIns.map(json))),
        ])
        if includeTombstones { o["tombstones"] = .array(journal.tombstones.map(json)) }
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
    static func encode(_ journal: Journal, reusing source: JournalSource?) -> [UInt8] {
        var w = JSONWriter(capacity: (source?.bytes.count ?? 0) + 240 * journal.checkIns.count + 200 * journal.sessions.count + 1024)
        var nextSession = 0, nextCheckIn = 0
        w.raw("{\"schemaVersion\":")
        w.int(journal.schemaVersion)
        w.raw(",\n\"profile\":")
        write(journal.profile, to: &w)
        w.raw(",\n\"sessions\":[")
        for (i, s) in journal.sessions.enumerated() {
            w.raw(i == 0 ? "\n" : ",\n")
            if let source, let span = source.span(of: s, among: source.sessions, spans: source.sessionSpans, next: &nextSession) {
                w.append(source.bytes[span])
            } else {
                write(s, to: &w)
            }
        }
        w.raw("\n],\n\"checkIns\":[")
        for (i, c) in journal.checkIns.enumerated() {
            w.raw(i == 0 ? "\n" : ",\n")
            if let source, let span = source.span(of: c, among: source.checkIns, spans: source.checkInSpans, next: &nextCheckIn) {
                w.append(source.bytes[span])
            } else {
                write(c, to: &w)
            }
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
        return w.bytes
    }

    /// The member names `json(_:)` writes for each kind of object; an unknown field that
    /// reuses one of them is not written (the known field wins).
    static let sessionKeys = ["id", "at", "kind", "minutes", "rpe", "suddenPain", "note", "updatedAt"]
    static let checkInKeys = ["id", "date", "at", "pain", "worst", "symptoms", "care", "note", "updatedAt"]
    static let profileKeys = ["birthYear"]

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
        for (i, symptom) in c.symptoms.enumerated() {
            if i > 0 { w.byte(UInt8(ascii: ",")) }
            w.string(symptom.rawValue)
        }
        w.raw("],\"care\":[")
        for (i, care) in c.care.enumerated() {
            if i > 0 { w.byte(UInt8(ascii: ",")) }
            w.string(care.rawValue)
        }
        w.raw("],\"note\":")
        w.string(c.note)
        w.raw(",\"updatedAt\":")
        write(c.updatedAt, to: &w)
        write(c.unknownFields, skipping: checkInKeys, to: &w)
        w.byte(UInt8(ascii: "}"))
    }

    /// Writes `json(p)` compactly.
    static func write(_ p: Profile, to w: inout JSONWriter) {
        w.raw("{\"birthYear\":")
        write(p.birthYear, to: &w)
        write(p.unknownFields, skipping: profileKeys, to: &w)
        w.byte(UInt8(ascii: "}"))
    }

    /// Writes `json(t)` compactly.
    static func write(_ t: Tombstone, to w: inout JSONWriter) {
        w.raw("{\"id\":")
        write(t.id, to: &w)
        w.raw(",\"deletedAt\":")
        write(t.deletedAt, to: &w)
        w.byte(UInt8(ascii: "}"))
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
        withUnsafeBytes(of: id.uuid) { raw in
            for (i, byte) in raw.enumerated() {
                if i == 4 || i == 6 || i == 8 || i == 10 { w.byte(UInt8(ascii: "-")) }
                w.byte(hexDigit(byte >> 4))
                w.byte(hexDigit(byte & 0x0F))
            }
        }
        w.byte(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Writes `date.description` as a JSON string.
    static func write(_ date: LocalDate, to w: inout JSONWriter) {
        guard (0..<10_000).contains(date.year) else { w.string(date.description); return }
        w.byte(UInt8(ascii: "\""))
        writeDigits(of: date, to: &w)
        w.byte(UInt8(ascii: "\""))
    }

    private static func writeDigits(of date: LocalDate, to w: inout JSONWriter) {
        w.digits(date.year, width: 4)
        w.byte(UInt8(ascii: "-"))
        w.twoDigits(date.month)
        w.byte(UInt8(ascii: "-"))
        w.twoDigits(date.day)
    }

    /// Writes `t.description` as a JSON string.
    static func write(_ t: Timestamp, to w: inout JSONWriter) {
        let p = t.localParts
        // Years past 9999 and offsets of 100 hours or more only come from hand-made values;
        // `description` spells them.
        guard (0..<10_000).contains(p.date.year), t.utcOffsetSeconds > -360_000, t.utcOffsetSeconds < 360_000 else {
            w.string(t.description)
            return
        }
        w.byte(UInt8(ascii: "\""))
        writeDigits(of: p.date, to: &w)
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
        w.byte(UInt8(ascii: "\""))
    }
}

// MARK: - Reading straight from bytes

/// Reads a journal from bytes straight into the model, in one pass and without a `JSONValue` tree.
///
/// It handles the files lumbar writes and anything close to them (members in any order, white
/// space, `null` for an absent field, unknown fields, escapes in values). At the first thing it
/// does not handle — including every kind of error — it gives up and returns `nil`, and
/// `JournalCodec.decode` reads the file by the general path, which either gives the same journal
/// or the precise error. So this type never has to phrase an error, and cannot disagree with the
/// general path about what a journal is.
struct JournalReader {
    /// Why the fast path gave up; never shown to anyone.
    struct Unsupported: Error {}

    private var cursor: JSONCursor
    /// Whether the entry being read is spelled exactly as `JournalCodec.write` spells it: members
    /// in lumbar's order, no white space, canonical times and ids, plain strings.
    private var canonical = true
    /// Each session and check-in as read, in file order, with the span of its text when canonical.
    private var sessions: [Session] = [], sessionSpans: [Range<Int>?] = []
    private var checkIns: [CheckIn] = [], checkInSpans: [Range<Int>?] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        cursor = JSONCursor(bytes: bytes, maximumDepth: JSONParser.defaultMaximumDepth)
    }

    /// The journal in `bytes`, or `nil` when the general path must read it.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Journal? {
        var reader = JournalReader(bytes)
        return try? reader.journal()
    }

    /// The journal in `bytes` with where its canonically written entries are, or `nil` when the
    /// general path must read it.
    static func readKeepingSource(_ bytes: [UInt8]) -> (Journal, JournalSource)? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JournalReader(buffer)
            guard let journal = try? reader.journal() else { return nil }
            return (journal, JournalSource(bytes: bytes, sessions: reader.sessions, sessionSpans: reader.sessionSpans,
                                           checkIns: reader.checkIns, checkInSpans: reader.checkInSpans))
        }
    }

    // MARK: The journal's shape

    private mutating func journal() throws(Unsupported) -> Journal {
        cursor.skipWhitespace()
        var version: Int?
        var profile = Profile()
        var tombstones: [Tombstone] = []
        // Room for as many entries as the file could hold, so the arrays never move while they
        // fill (capacity that is never touched costs no memory pages).
        let room = cursor.bytes.count / 128
        sessions.reserveCapacity(room)
        sessionSpans.reserveCapacity(room)
        checkIns.reserveCapacity(room)
        checkInSpans.reserveCapacity(room)
        var unknown = JSONObject()
        var seen = Members()
        var more = try beginObject()
        while more {
            let name = try memberName()
            if seen.isRepeated(name, known: Self.journalNames, in: cursor) {
                throw Unsupported()
            }
            switch seen.lastKnown {
            case 0: version = try int(1...Int.max)
            case 1: if !cursor.consumeNull() { profile = try self.profile() }
            case 2: try array { (r: inout JournalReader) throws(Unsupported) in try r.session() }
            case 3: try array { (r: inout JournalReader) throws(Unsupported) in try r.checkIn() }
            case 4: try array { (r: inout JournalReader) throws(Unsupported) in tombstones.append(try r.tombstone()) }
            default: try unknownMember(name, depth: 1, into: &unknown)
            }
            more = try endMember()
        }
        cursor.skipWhitespace()
        guard let version, cursor.index == cursor.bytes.count else { throw Unsupported() }
        return Journal(schemaVersion: version, profile: profile, sessions: sessions, checkIns: checkIns,
                       tombstones: tombstones, unknownFields: unknown)
    }

    private mutating func profile() throws(Unsupported) -> Profile {
        var birthYear: Int?
        var unknown = JSONObject()
        var seen = Members()
        var more = try beginObject()
        while more {
            let name = try memberName()
            if seen.isRepeated(name, known: Self.profileNames, in: cursor) { throw Unsupported() }
            switch seen.lastKnown {
            case 0: birthYear = try int(1000...9999)
            default: try unknownMember(name, depth: 2, into: &unknown)
            }
            more = try endMember()
        }
        return Profile(birthYear: birthYear, unknownFields: unknown)
    }

    /// Reads one session into `sessions`.
    private mutating func session() throws(Unsupported) {
        var id: UUID?, at: Timestamp?, updatedAt: Timestamp?
        var kind = "", note = ""
        var minutes: Int?, rpe: Int?
        var sudden = false
        var unknown = JSONObject()
        var seen = Members()
        let start = cursor.index
        canonical = true
        var position = 0
        var more = try beginObject()
        while more {
            let name = try memberName()
            if seen.isRepeated(name, known: Self.sessionNames, in: cursor) {
                throw Unsupported()
            }
            if seen.lastKnown != position { canonical = false }
            position += 1
            switch seen.lastKnown {
            case 0: id = try uuid()
            case 1: at = try timestamp()
            case 2: kind = try string() ?? ""
            case 3: minutes = try int(0...100_000)
            case 4: rpe = try int(1...10)
            case 5: sudden = try bool() ?? false
            case 6: note = try string() ?? ""
            case 7: updatedAt = try timestamp()
            default: try unknownMember(name, depth: 3, into: &unknown)
            }
            more = try endMember()
        }
        guard let id, let at else { throw Unsupported() }
        sessions.append(Session(id: id, at: at, kind: kind, minutes: minutes, rpe: rpe, suddenPain: sudden, note: note,
                                updatedAt: updatedAt ?? at, unknownFields: unknown))
        sessionSpans.append(canonical && position == Self.sessionNames.count ? start..<cursor.index : nil)
    }

    /// Reads one check-in into `checkIns`.
    private mutating func checkIn() throws(Unsupported) {
        var id: UUID?, at: Timestamp?, updatedAt: Timestamp?
        var date: LocalDate?
        var pain: Int?, worst: Int?
        var symptoms: [Symptom] = [], care: [SelfCare] = []
        var note = ""
        var unknown = JSONObject()
        var seen = Members()
        let start = cursor.index
        canonical = true
        var position = 0
        var more = try beginObject()
        while more {
            let name = try memberName()
            if seen.isRepeated(name, known: Self.checkInNames, in: cursor) {
                throw Unsupported()
            }
            if seen.lastKnown != position { canonical = false }
            position += 1
            switch seen.lastKnown {
            case 0: id = try uuid()
            case 1: date = try self.date()
            case 2: at = try timestamp()
            case 3: pain = try int(0...10)
            case 4: worst = try int(0...10)
            case 5: symptoms = try keys(Self.symptomTable)
            case 6: care = try keys(Self.careTable)
            case 7: note = try string() ?? ""
            case 8: updatedAt = try timestamp()
            default: try unknownMember(name, depth: 3, into: &unknown)
            }
            more = try endMember()
        }
        guard let id, let at, let pain else { throw Unsupported() }
        // Built without symptoms and care, then given them: the initialiser's duplicate removal
        // hashes every key, and a check-in almost never repeats one.
        var checkIn = CheckIn(id: id, date: date ?? at.localDate, at: at, pain: pain, worst: worst, note: note,
                              updatedAt: updatedAt ?? at, unknownFields: unknown)
        checkIn.symptoms = Self.firstOccurrences(symptoms)
        checkIn.care = Self.firstOccurrences(care)
        if checkIn.symptoms.count != symptoms.count || checkIn.care.count != care.count { canonical = false }
        checkIns.append(checkIn)
        checkInSpans.append(canonical && position == Self.checkInNames.count ? start..<cursor.index : nil)
    }

    private mutating func tombstone() throws(Unsupported) -> Tombstone {
        var id: UUID?, deletedAt: Timestamp?
        var ignored = JSONObject()
        var seen = Members()
        var more = try beginObject()
        while more {
            let name = try memberName()
            if seen.isRepeated(name, known: Self.tombstoneNames, in: cursor) { throw Unsupported() }
            switch seen.lastKnown {
            case 0: id = try uuid()
            case 1: deletedAt = try timestamp()
            // A tombstone keeps no unknown fields, but they must still be valid and not repeated.
            default: try unknownMember(name, depth: 3, into: &ignored)
            }
            more = try endMember()
        }
        guard let id, let deletedAt else { throw Unsupported() }
        return Tombstone(id: id, deletedAt: deletedAt)
    }

    /// `elements` without repeats, first occurrence kept (as `CheckIn.init` does), without hashing.
    static func firstOccurrences<T: Hashable>(_ elements: [T]) -> [T] {
        var i = 1
        while i < elements.count {
            var j = 0
            while j < i {
                if elements[j] == elements[i] { return elements.uniqued() }
                j += 1
            }
            i += 1
        }
        return elements
    }

    // MARK: Structure

    /// The member names each object may have, in the order lumbar writes them (the order the
    /// `case` numbers in the readers above follow).
    static let journalNames: [ShortName] = ["schemaVersion", "profile", "sessions", "checkIns", "tombstones"].map(ShortName.init)
    static let profileNames: [ShortName] = ["birthYear"].map(ShortName.init)
    static let sessionNames: [ShortName] = ["id", "at", "kind", "minutes", "rpe", "suddenPain", "note", "updatedAt"].map(ShortName.init)
    static let checkInNames: [ShortName] = ["id", "date", "at", "pain", "worst", "symptoms", "care", "note", "updatedAt"].map(ShortName.init)
    static let tombstoneNames: [ShortName] = ["id", "deletedAt"].map(ShortName.init)

    /// The member names of one object seen so far: a bit per known name.
    private struct Members {
        var bits: UInt32 = 0
        /// The position in `known` of the name last checked, or -1 for an unknown name.
        var lastKnown = -1

        /// Records `name` (a byte range in the cursor); true when a known name comes again.
        /// An unknown name's repeat is caught when it is added to the unknown fields.
        mutating func isRepeated(_ name: Range<Int>, known: [ShortName], in cursor: JSONCursor) -> Bool {
            let key = cursor.shortName(name)
            // Try the name that follows the last one in lumbar's order first: in a file lumbar
            // wrote, that is a hit every time.
            let count = known.count
            var position = lastKnown + 1
            for _ in 0..<count {
                if position == count { position = 0 }
                if key == known[position] {
                    lastKnown = position
                    let bit: UInt32 = 1 << UInt32(position)
                    defer { bits |= bit }
                    return bits & bit != 0
                }
                position += 1
            }
            lastKnown = -1
            return false
        }
    }

    /// Consumes `{`; true when a member follows, false for `{}`.
    private mutating func beginObject() throws(Unsupported) -> Bool {
        guard cursor.consume(UInt8(ascii: "{")) else { throw Unsupported() }
        skipSpace()
        return !cursor.consume(UInt8(ascii: "}"))
    }

    /// Skips white space; an entry with white space inside is not spelled as lumbar spells it.
    private mutating func skipSpace() {
        let before = cursor.index
        cursor.skipWhitespace()
        if cursor.index != before { canonical = false }
    }

    /// A member name (printable ASCII without escapes, else the general path reads the file) and its `:`.
    private mutating func memberName() throws(Unsupported) -> Range<Int> {
        skipSpace()
        guard let name = cursor.plainString() else { throw Unsupported() }
        skipSpace()
        guard cursor.consume(UInt8(ascii: ":")) else { throw Unsupported() }
        skipSpace()
        return name
    }

    /// After a member's value: true at `,`, false at `}`.
    private mutating func endMember() throws(Unsupported) -> Bool {
        skipSpace()
        if cursor.consume(UInt8(ascii: ",")) { return true }
        guard cursor.consume(UInt8(ascii: "}")) else { throw Unsupported() }
        return false
    }

    /// Reads an array (or `null`, as an empty one), calling `element` for each element.
    private mutating func array(_ element: (inout JournalReader) throws(Unsupported) -> Void) throws(Unsupported) {
        if cursor.consumeNull() {
            canonical = false
            return
        }
        guard cursor.consume(UInt8(ascii: "[")) else { throw Unsupported() }
        skipSpace()
        if cursor.consume(UInt8(ascii: "]")) { return }
        while true {
            skipSpace()
            try element(&self)
            skipSpace()
            if cursor.consume(UInt8(ascii: ",")) { continue }
            guard cursor.consume(UInt8(ascii: "]")) else { throw Unsupported() }
            return
        }
    }

    /// Keeps a member this build does not know, as the general parser would read it.
    private mutating func unknownMember(_ name: Range<Int>, depth: Int, into fields: inout JSONObject) throws(Unsupported) {
        canonical = false
        let key = String(decoding: cursor.buffer(name), as: UTF8.self)
        if fields.members.contains(where: { $0.key == key }) { throw Unsupported() }
        do {
            fields.appendUnchecked(key, try cursor.parseValue(depth: depth))
        } catch {
            throw Unsupported()
        }
    }

    // MARK: Values

    /// An integer in `range`, or `nil` for `null`.
    private mutating func int(_ range: ClosedRange<Int>) throws(Unsupported) -> Int? {
        if cursor.consumeNull() { return nil }
        // "-0" reads as 0, which lumbar writes as "0".
        if cursor.index < cursor.bytes.count, cursor.bytes[cursor.index] == UInt8(ascii: "-") { canonical = false }
        guard let value = cursor.plainInteger(), value >= range.lowerBound, value <= range.upperBound else { throw Unsupported() }
        return value
    }

    /// `true` or `false`, or `nil` for `null`.
    private mutating func bool() throws(Unsupported) -> Bool? {
        if cursor.consumeNull() {
            canonical = false
            return nil
        }
        do {
            if cursor.index < cursor.bytes.count, cursor.bytes[cursor.index] == UInt8(ascii: "t") {
                try cursor.expectLiteral("true")
                return true
            }
            try cursor.expectLiteral("false")
            return false
        } catch {
            throw Unsupported()
        }
    }

    /// A string, or `nil` for `null`.
    private mutating func string() throws(Unsupported) -> String? {
        if cursor.consumeNull() {
            canonical = false
            return nil
        }
        if let range = cursor.plainString() { return text(range) }
        return try escapedString()
    }

    /// A string the plain scan declined (escapes, non-ASCII): the parser's own string reader.
    private mutating func escapedString() throws(Unsupported) -> String {
        canonical = false
        guard cursor.index < cursor.bytes.count, cursor.bytes[cursor.index] == UInt8(ascii: "\"") else { throw Unsupported() }
        do {
            return try cursor.parseString()
        } catch {
            throw Unsupported()
        }
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: cursor.buffer(range), as: UTF8.self)
    }

    /// A UUID string (required).
    private mutating func uuid() throws(Unsupported) -> UUID {
        if let range = cursor.plainString() {
            if let (id, lowercase) = Self.uuid(cursor.bytes, range) {
                if !lowercase { canonical = false }
                return id
            }
            canonical = false
            guard let id = UUID(uuidString: text(range)) else { throw Unsupported() }
            return id
        }
        guard let id = UUID(uuidString: try escapedString()) else { throw Unsupported() }
        return id
    }

    /// A time with an offset, or `nil` for `null`; the canonical spellings are read here, the
    /// rest by `Timestamp.parse` with the general path's checks.
    private mutating func timestamp() throws(Unsupported) -> Timestamp? {
        if cursor.consumeNull() {
            canonical = false
            return nil
        }
        let spelled: String
        if let range = cursor.plainString() {
            if let (t, canonicalSpelling) = Self.timestamp(cursor.bytes, range) {
                if !canonicalSpelling { canonical = false }
                return t
            }
            canonical = false
            spelled = text(range)
        } else {
            spelled = try escapedString()
        }
        guard case .success(let t) = Timestamp.parse(spelled, localTimeZone: .gmt), spelled.utf8.count > 16,
              JournalCodec.Fields.hasOffset(spelled) else { throw Unsupported() }
        return t
    }

    /// A `YYYY-MM-DD` date, or `nil` for `null`.
    private mutating func date() throws(Unsupported) -> LocalDate? {
        if cursor.consumeNull() {
            canonical = false
            return nil
        }
        let spelled: String
        if let range = cursor.plainString() {
            if range.count == 10, let date = Self.date(cursor.bytes, range.lowerBound) { return date }
            canonical = false
            spelled = text(range)
        } else {
            spelled = try escapedString()
        }
        guard let date = LocalDate(spelled) else { throw Unsupported() }
        return date
    }

    /// An array of non-empty key strings (or `null`, as none); known keys share one string each.
    private mutating func keys<Key>(_ table: KeyTable<Key>) throws(Unsupported) -> [Key] {
        var keys: [Key] = []
        try array { (r: inout JournalReader) throws(Unsupported) in
            if let range = r.cursor.plainString() {
                if let known = table.key(spelled: range, in: r.cursor) {
                    keys.append(known)
                    return
                }
                guard !range.isEmpty else { throw Unsupported() }
                r.canonical = false
                keys.append(table.make(r.text(range)))
            } else {
                let key = try r.escapedString()
                guard !key.isEmpty else { throw Unsupported() }
                keys.append(table.make(key))
            }
        }
        return keys
    }

    /// Known keys by their short-name keys, so a key read from the file can reuse the known value.
    struct KeyTable<Key>: Sendable where Key: Sendable {
        let names: [ShortName]
        /// The spellings, to confirm a match on a key longer than a short name covers.
        let spellings: [[UInt8]]
        let keys: [Key]
        /// Makes a key this build does not know from its text.
        let make: @Sendable (String) -> Key

        init(_ known: [Key], spelling: (Key) -> String, make: @escaping @Sendable (String) -> Key) {
            spellings = known.map { Array(spelling($0).utf8) }
            names = spellings.map { $0.withUnsafeBufferPointer(ShortName.init) }
            keys = known
            self.make = make
        }

        func key(spelled range: Range<Int>, in cursor: JSONCursor) -> Key? {
            let name = cursor.shortName(range)
            var index = 0
            while index < names.count && names[index] != name { index += 1 }
            guard index < names.count else { return nil }
            if range.count > 16 && !spellings[index].elementsEqual(cursor.buffer(range)) { return nil }
            return keys[index]
        }
    }

    static let symptomTable = KeyTable(Symptom.known, spelling: \.rawValue, make: Symptom.init(rawValue:))
    static let careTable = KeyTable(SelfCare.known, spelling: \.rawValue, make: SelfCare.init(rawValue:))

    // MARK: Canonical spellings

    /// The value of the two ASCII digits at `start`, or `nil`.
    @inline(__always)
    private static func twoDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        let tens = bytes[start] &- UInt8(ascii: "0"), ones = bytes[start + 1] &- UInt8(ascii: "0")
        guard tens < 10, ones < 10 else { return nil }
        return Int(tens) * 10 + Int(ones)
    }

    /// The value of the three ASCII digits at `start`, or `nil`.
    private static func threeDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        let hundreds = bytes[start] &- UInt8(ascii: "0")
        guard hundreds < 10, let rest = twoDigits(bytes, start + 1) else { return nil }
        return Int(hundreds) * 100 + rest
    }

    /// `YYYY-MM-DD` at `start` (10 bytes known to be there), or `nil`.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> LocalDate? {
        guard bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
              let century = twoDigits(bytes, start), let yearOfCentury = twoDigits(bytes, start + 2),
              let month = twoDigits(bytes, start + 5), let day = twoDigits(bytes, start + 8) else { return nil }
        return LocalDate(year: century * 100 + yearOfCentury, month: month, day: day)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.mmm](Z|±HH:MM)`, as lumbar writes times, or `nil` for any other spelling.
    ///
    /// Computes exactly what `Timestamp.parse` computes for these spellings, and whether the
    /// spelling is the one `Timestamp.description` gives (no `.000`, `Z` rather than `+00:00`).
    static func timestamp(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (Timestamp, canonical: Bool)? {
        let length = range.count
        guard length == 20 || length == 24 || length == 25 || length == 29 else { return nil }
        let s = range.lowerBound
        guard let date = date(bytes, s), bytes[s + 10] == UInt8(ascii: "T"),
              bytes[s + 13] == UInt8(ascii: ":"), bytes[s + 16] == UInt8(ascii: ":"),
              let hour = twoDigits(bytes, s + 11), let minute = twoDigits(bytes, s + 14),
              let second = twoDigits(bytes, s + 17), hour < 24, minute < 60, second < 60 else { return nil }
        var i = s + 19
        var millisecond = 0
        if length == 24 || length == 29 {
            guard bytes[i] == UInt8(ascii: "."), let fraction = threeDigits(bytes, i + 1) else { return nil }
            millisecond = fraction
            i += 4
        }
        var offset = 0
        if bytes[i] == UInt8(ascii: "Z") {
            guard i + 1 == range.upperBound else { return nil }
        } else if bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            guard i + 6 == range.upperBound, bytes[i + 3] == UInt8(ascii: ":"),
                  let hours = twoDigits(bytes, i + 1), let minutes = twoDigits(bytes, i + 4),
                  hours <= 18, minutes < 60 else { return nil }
            offset = (bytes[i] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        let localMs = Int64(date.dayNumber) * 86_400_000 + Int64(hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond)
        let canonical = (length == 24 || length == 29 ? millisecond != 0 : true) && (length == 25 || length == 29 ? offset != 0 : true)
        return (Timestamp(epochMilliseconds: localMs - Int64(offset) * 1000, utcOffsetSeconds: offset), canonical)
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hex digits of either case, and whether every
    /// letter was lowercase (as lumbar writes ids), or `nil`.
    static func uuid(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (UUID, lowercase: Bool)? {
        guard range.count == 36 else { return nil }
        // The 16 bytes, big-endian, in two words.
        var first: UInt64 = 0, second: UInt64 = 0
        var lowercase = true
        var i = range.lowerBound
        var n = 0
        while n < 16 {
            if n == 4 || n == 6 || n == 8 || n == 10 {
                guard bytes[i] == UInt8(ascii: "-") else { return nil }
                i += 1
            }
            let high = hexValue(bytes[i]), low = hexValue(bytes[i + 1])
            guard high | low < 16 else { return nil }
            if isUppercaseHex(bytes[i]) || isUppercaseHex(bytes[i + 1]) { lowercase = false }
            if n < 8 {
                first = first << 8 | UInt64(high << 4 | low)
            } else {
                second = second << 8 | UInt64(high << 4 | low)
            }
            i += 2
            n += 1
        }
        func byte(_ word: UInt64, _ index: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: word >> (56 - 8 * index)) }
        let raw: uuid_t = (byte(first, 0), byte(first, 1), byte(first, 2), byte(first, 3),
                           byte(first, 4), byte(first, 5), byte(first, 6), byte(first, 7),
                           byte(second, 0), byte(second, 1), byte(second, 2), byte(second, 3),
                           byte(second, 4), byte(second, 5), byte(second, 6), byte(second, 7))
        return (UUID(uuid: raw), lowercase)
    }

    /// The value of a hex digit, or 16 or more for any other byte.
    @inline(__always)
    private static func hexValue(_ byte: UInt8) -> UInt8 {
        let digit = byte &- UInt8(ascii: "0")
        if digit < 10 { return digit }
        let letter = (byte | 0x20) &- UInt8(ascii: "a")
        return letter < 6 ? letter + 10 : 16
    }

    @inline(__always)
    private static func isUppercaseHex(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F")
    }
}

// MARK: - Copying unchanged entries on save

/// The bytes a journal was read from, with the entries as read (in file order) and the span of
/// the text of each entry that `JournalCodec.write` would spell exactly the same way.
struct JournalSource: Sendable {
    /// The file's bytes.
    let bytes: [UInt8]
    /// The sessions in file order, and where each canonically written one's text is.
    let sessions: [Session], sessionSpans: [Range<Int>?]
    /// The check-ins in file order, and where each canonically written one's text is.
    let checkIns: [CheckIn], checkInSpans: [Range<Int>?]

    /// Where the text of `entry` is, if it is unchanged and was written canonically.
    ///
    /// The journal being saved and the source are both in time order, so the entry is looked
    /// for at `next` (unchanged) and just after it (the one at `next` was deleted or moved);
    /// `next` moves past a match. An entry not found there is simply written anew.
    func span<Entry: Identifiable & Equatable>(of entry: Entry, among originals: [Entry], spans: [Range<Int>?],
                                               next: inout Int) -> Range<Int>? where Entry.ID == UUID {
        for candidate in next..<min(next + 2, originals.count) where originals[candidate].id == entry.id {
            next = candidate + 1
            return originals[candidate] == entry ? spans[candidate] : nil
        }
        return nil
    }
}

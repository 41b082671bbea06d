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
    public static func decode(_ bytes: [UInt8]) throws -> Journal {
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
    public static func encode(_ journal: Journal) -> [UInt8] {
        var w = JSONWriter(capacity: 256 * (journal.checkIns.count + journal.sessions.count) + 1024)
        w.raw("{\"schemaVersion\":")
        w.int(journal.schemaVersion)
        w.raw(",\n\"profile\":")
        w.write(json(journal.profile))
        w.raw(",\n\"sessions\":[")
        for (i, s) in journal.sessions.enumerated() {
            w.raw(i == 0 ? "\n" : ",\n")
            w.write(json(s))
        }
        w.raw("\n],\n\"checkIns\":[")
        for (i, c) in journal.checkIns.enumerated() {
            w.raw(i == 0 ? "\n" : ",\n")
            w.write(json(c))
        }
        w.raw("\n],\n\"tombstones\":[")
        for (i, t) in journal.tombstones.enumerated() {
            w.raw(i == 0 ? "\n" : ",\n")
            w.write(json(t))
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
}

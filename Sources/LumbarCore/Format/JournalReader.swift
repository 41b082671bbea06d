#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    static func readKeepingSource(_ bytes: [UInt8]) -> (Journal, ParsedJournalFile)? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JournalReader(buffer)
            guard let journal = try? reader.journal() else { return nil }
            return (
                journal,
                ParsedJournalFile(
                    bytes: bytes, sessions: reader.sessions, sessionSpans: reader.sessionSpans,
                    checkIns: reader.checkIns, checkInSpans: reader.checkInSpans)
            )
        }
    }

    // MARK: The journal's shape

    private mutating func journal() throws(Unsupported) -> Journal {
        cursor.skipWhitespace()
        var version: Int?
        var profile = Profile()
        var assessments: [Assessment] = []
        var tombstones: [Tombstone] = []
        // Room for as many entries as a file this size holds when lumbar wrote it (no entry is
        // under 128 bytes), so the arrays do not move while they fill; capacity that is never
        // touched costs no memory pages.
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
            switch JournalKey(rawValue: seen.lastKnown) {
            case .schemaVersion: version = try int(JournalSchema.schemaVersionRange)
            case .profile: if !cursor.consumeNull() { profile = try self.profile() }
            case .sessions: try array { (r: inout JournalReader) throws(Unsupported) in try r.session() }
            case .checkIns: try array { (r: inout JournalReader) throws(Unsupported) in try r.checkIn() }
            case .assessments:
                try array { (r: inout JournalReader) throws(Unsupported) in
                    assessments.append(try r.byTree(depth: 2, JournalCodec.decodeAssessment))
                }
            case .tombstones:
                try array { (r: inout JournalReader) throws(Unsupported) in
                    tombstones.append(try r.byTree(depth: 2, JournalCodec.decodeTombstone))
                }
            case nil: try unknownMember(name, depth: 1, into: &unknown)
            }
            more = try endMember()
        }
        cursor.skipWhitespace()
        guard let version, cursor.index == cursor.bytes.count else { throw Unsupported() }
        if version < 2 { JournalCodec.upgradeFromVersion1(&checkIns) }
        return Journal(
            schemaVersion: version, profile: profile, sessions: sessions, checkIns: checkIns,
            assessments: assessments, tombstones: tombstones, unknownFields: unknown)
    }

    /// The profile, read by the general path: there is one, so speed does not matter, and the
    /// two paths then cannot disagree about it.
    private mutating func profile() throws(Unsupported) -> Profile {
        let start = cursor.index
        do {
            guard let object = try cursor.parseValue(depth: 1).objectValue else { throw Unsupported() }
            return try JournalCodec.decodeProfile(object, path: "profile")
        } catch {
            cursor.index = start
            throw Unsupported()
        }
    }

    /// One element of a rarely long array (assessments, tombstones), read by the general path.
    private mutating func byTree<T>(depth: Int, _ decode: (JSONValue, String) throws(JournalFormatError) -> T) throws(Unsupported) -> T {
        do {
            return try decode(try cursor.parseValue(depth: depth), "")
        } catch {
            throw Unsupported()
        }
    }

    /// Reads one session into `sessions`.
    private mutating func session() throws(Unsupported) {
        var id: UUID?, at: Timestamp?, updatedAt: Timestamp?
        var kind = "", note = ""
        var minutes: Int?, rpe: Int?
        var sudden = false
        var revision = 1
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
            switch SessionKey(rawValue: seen.lastKnown) {
            case .id: id = try uuid()
            case .at: at = try timestamp()
            case .kind: kind = try string() ?? ""
            case .minutes: minutes = try int(JournalSchema.storedMinutesRange)
            case .rpe: rpe = try int(JournalSchema.rpeRange)
            case .suddenPain: sudden = try bool() ?? false
            case .note: note = try string() ?? ""
            case .updatedAt: updatedAt = try timestamp()
            case .revision: revision = try int(JournalSchema.revisionRange) ?? 1
            case nil: try unknownMember(name, depth: 3, into: &unknown)
            }
            more = try endMember()
        }
        guard let id, let at else { throw Unsupported() }
        sessions.append(
            Session(
                id: id, at: at, kind: kind, minutes: minutes, rpe: rpe, suddenPain: sudden, note: note,
                updatedAt: updatedAt ?? at, revision: revision, unknownFields: unknown))
        sessionSpans.append(canonical && position == Self.sessionNames.count ? start..<cursor.index : nil)
    }

    /// Reads one check-in into `checkIns`.
    private mutating func checkIn() throws(Unsupported) {
        var id: UUID?, at: Timestamp?, updatedAt: Timestamp?
        var date: LocalDate?
        var pain: Int?, worst: Int?
        var symptoms: [Symptom] = [], denied: [Symptom] = [], care: [SelfCare] = []
        var note = ""
        var revision = 1
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
            switch CheckInKey(rawValue: seen.lastKnown) {
            case .id: id = try uuid()
            case .date: date = try self.date()
            case .at: at = try timestamp()
            case .pain: pain = try int(JournalSchema.painRange)
            case .worst: worst = try int(JournalSchema.painRange)
            case .symptoms: symptoms = try keys(Self.symptomTable)
            case .denied: denied = try keys(Self.symptomTable)
            case .care: care = try keys(Self.careTable)
            case .note: note = try string() ?? ""
            case .updatedAt: updatedAt = try timestamp()
            case .revision: revision = try int(JournalSchema.revisionRange) ?? 1
            case nil: try unknownMember(name, depth: 3, into: &unknown)
            }
            more = try endMember()
        }
        guard let id, let at, let pain else { throw Unsupported() }
        if !denied.isEmpty, JournalCodec.deniedProblem(symptoms: symptoms, denied: denied) != nil { throw Unsupported() }
        // Built without symptoms and care, then given them: the initialiser's duplicate removal
        // hashes every key, and a check-in almost never repeats one.
        var checkIn = CheckIn(
            id: id, date: date ?? at.localDate, at: at, pain: pain, worst: worst, note: note,
            updatedAt: updatedAt ?? at, revision: revision, unknownFields: unknown)
        checkIn.symptoms = Self.firstOccurrences(symptoms)
        checkIn.denied = Self.firstOccurrences(denied)
        checkIn.care = Self.firstOccurrences(care)
        if checkIn.symptoms.count != symptoms.count || checkIn.denied.count != denied.count
            || checkIn.care.count != care.count
        {
            canonical = false
        }
        checkIns.append(checkIn)
        checkInSpans.append(canonical && position == Self.checkInNames.count ? start..<cursor.index : nil)
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

    /// The member names each object may have, in the order lumbar writes them (the order of the
    /// key enums the readers above switch on).
    static let journalNames: [PackedMemberName] = JournalSchema.names(JournalSchema.journal).map(PackedMemberName.init)
    static let sessionNames: [PackedMemberName] = JournalSchema.names(JournalSchema.session).map(PackedMemberName.init)
    static let checkInNames: [PackedMemberName] = JournalSchema.names(JournalSchema.checkIn).map(PackedMemberName.init)

    /// The member names of one object seen so far: a bit per known name.
    private struct Members {
        var bits: UInt32 = 0
        /// The position in `known` of the name last checked, or -1 for an unknown name.
        var lastKnown = -1

        /// Records `name` (a byte range in the cursor); true when a known name comes again.
        /// An unknown name's repeat is caught when it is added to the unknown fields.
        mutating func isRepeated(_ name: Range<Int>, known: [PackedMemberName], in cursor: JSONCursor) -> Bool {
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
            JournalCodec.MemberReader.hasOffset(spelled)
        else { throw Unsupported() }
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
        let names: [PackedMemberName]
        /// The spellings, to confirm a match on a key longer than a short name covers.
        let spellings: [[UInt8]]
        let keys: [Key]
        /// Makes a key this build does not know from its text.
        let make: @Sendable (String) -> Key

        init(_ known: [Key], spelling: (Key) -> String, make: @escaping @Sendable (String) -> Key) {
            spellings = known.map { Array(spelling($0).utf8) }
            names = spellings.map { $0.withUnsafeBufferPointer(PackedMemberName.init) }
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
            let month = twoDigits(bytes, start + 5), let day = twoDigits(bytes, start + 8)
        else { return nil }
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
            let second = twoDigits(bytes, s + 17), hour < 24, minute < 60, second < 60
        else { return nil }
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
                hours <= 18, minutes < 60
            else { return nil }
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
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        // Every hex digit has bit 0x20 set except the uppercase letters; any other byte makes
        // `invalid` 16 or more.
        var invalid: UInt8 = 0
        var uppercase: UInt8 = 0
        let dashes = withUnsafeMutableBytes(of: &raw) { out -> Bool in
            var i = range.lowerBound
            var n = 0
            while n < 16 {
                if n == 4 || n == 6 || n == 8 || n == 10 {
                    guard bytes[i] == UInt8(ascii: "-") else { return false }
                    i += 1
                }
                let first = bytes[i], second = bytes[i + 1]
                let high = hexValue(first), low = hexValue(second)
                invalid |= high | low
                uppercase |= ~(first & second) & 0x20
                out[n] = high << 4 | low
                i += 2
                n += 1
            }
            return true
        }
        guard dashes, invalid < 16 else { return nil }
        return (UUID(uuid: raw), uppercase == 0)
    }

    /// The value of a hex digit, or 16 or more for any other byte.
    @inline(__always)
    private static func hexValue(_ byte: UInt8) -> UInt8 {
        let digit = byte &- UInt8(ascii: "0")
        if digit < 10 { return digit }
        let letter = (byte | 0x20) &- UInt8(ascii: "a")
        return letter < 6 ? letter + 10 : 16
    }
}

/// The indented JSON of `lumbar export` and `history --json`, written straight from the model.
///
/// The bytes are exactly those of `JSONWriter.writePretty` applied to `JournalCodec.json(_:)`,
/// but no `JSONValue` tree is built for sessions and check-ins: times, dates and ids are
/// spelled into the buffer and strings copied in runs. Output goes to `sink` in chunks of about
/// `chunkSize` bytes, so memory stays one chunk however long the journal is.
public enum PrettyJSON {
    /// The default chunk handed to a sink: large enough that a ten-year history is two writes.
    public static let defaultChunkSize = 1 << 20

    /// `{"checkIns": [...], "sessions": [...]}` and a final newline, as `history --json` prints it.
    public static func history(
        checkIns: [CheckIn], sessions: [Session], chunkSize: Int = defaultChunkSize,
        into sink: ([UInt8]) -> Void
    ) {
        var w = JSONWriter(capacity: min(chunkSize, 512 * (checkIns.count + sessions.count)) + 1024)
        w.raw("{\n  \"checkIns\": ")
        entries(checkIns, indent: 2, chunkSize: chunkSize, to: &w, sink: sink) { writeEntry($0, indent: $1, to: &$2) }
        w.raw(",\n  \"sessions\": ")
        entries(sessions, indent: 2, chunkSize: chunkSize, to: &w, sink: sink) { writeEntry($0, indent: $1, to: &$2) }
        w.raw("\n}\n")
        w.drain(into: sink)
    }

    /// The export shape `{"schemaVersion", "profile", "sessions", "checkIns", "assessments"}` and
    /// a final newline: `JournalCodec.json(journal, includeTombstones: false)`, indented.
    public static func export(_ journal: Journal, chunkSize: Int = defaultChunkSize, into sink: ([UInt8]) -> Void) {
        var w = JSONWriter(capacity: min(chunkSize, 512 * (journal.checkIns.count + journal.sessions.count)) + 4096)
        w.raw("{\n  \"schemaVersion\": ")
        w.int(journal.schemaVersion)
        w.raw(",\n  \"profile\": ")
        w.writePretty(JournalCodec.json(journal.profile), indent: 2)
        w.raw(",\n  \"sessions\": ")
        entries(journal.sessions, indent: 2, chunkSize: chunkSize, to: &w, sink: sink) { writeEntry($0, indent: $1, to: &$2) }
        w.raw(",\n  \"checkIns\": ")
        entries(journal.checkIns, indent: 2, chunkSize: chunkSize, to: &w, sink: sink) { writeEntry($0, indent: $1, to: &$2) }
        w.raw(",\n  \"assessments\": ")
        entries(journal.assessments, indent: 2, chunkSize: chunkSize, to: &w, sink: sink) { a, indent, w in
            w.writePretty(JournalCodec.json(a), indent: indent)
        }
        // As `json(_:)` adds them: the first of each name, and none that a known member has.
        var extra = JSONObject()
        for member in journal.unknownFields where extra[member.key] == nil && !exportKeys.contains(member.key) {
            extra[member.key] = member.value
        }
        for member in extra {
            w.raw(",\n  ")
            w.string(member.key)
            w.raw(": ")
            w.writePretty(member.value, indent: 2)
        }
        w.raw("\n}\n")
        w.drain(into: sink)
    }

    /// The top-level members of an export, which an unknown field of the same name never replaces.
    private static let exportKeys: Set<String> = [
        JournalKey.schemaVersion.name, JournalKey.profile.name, JournalKey.sessions.name,
        JournalKey.checkIns.name, JournalKey.assessments.name,
    ]

    /// A JSON array of entries at `indent`, as `writePretty` lays out an array (`[]` when empty).
    private static func entries<Entry>(
        _ list: [Entry], indent: Int, chunkSize: Int, to w: inout JSONWriter,
        sink: ([UInt8]) -> Void, _ write: (Entry, Int, inout JSONWriter) -> Void
    ) {
        guard !list.isEmpty else { w.raw("[]"); return }
        w.raw("[\n")
        let last = list.count - 1
        for (i, entry) in list.enumerated() {
            w.pad(indent + 2)
            write(entry, indent + 2, &w)
            w.raw(i < last ? ",\n" : "\n")
            w.drain(ifAtLeast: chunkSize, into: sink)
        }
        w.pad(indent)
        w.byte(UInt8(ascii: "]"))
    }

    /// `writePretty(JournalCodec.json(c), indent:)`.
    static func writeEntry(_ c: CheckIn, indent: Int, to w: inout JSONWriter) {
        // Unknown fields (a newer lumbar's) are rare: the tree spells them and their order.
        guard c.unknownFields.isEmpty else { w.writePretty(JournalCodec.json(c), indent: indent); return }
        let m = indent + 2
        w.raw("{\n")
        w.pad(m); w.raw("\"id\": "); JournalCodec.write(c.id, to: &w)
        w.raw(",\n"); w.pad(m); w.raw("\"date\": "); JournalCodec.write(c.date, to: &w)
        w.raw(",\n"); w.pad(m); w.raw("\"at\": "); JournalCodec.write(c.at, to: &w)
        w.raw(",\n"); w.pad(m); w.raw("\"pain\": "); w.int(c.pain)
        w.raw(",\n"); w.pad(m); w.raw("\"worst\": "); JournalCodec.write(c.worst, to: &w)
        w.raw(",\n"); w.pad(m); w.raw("\"symptoms\": "); keys(c.symptoms, indent: m, to: &w)
        w.raw(",\n"); w.pad(m); w.raw("\"denied\": "); keys(c.denied, indent: m, to: &w)
        w.raw(",\n"); w.pad(m); w.raw("\"care\": "); keys(c.care, indent: m, to: &w)
        w.raw(",\n"); w.pad(m); w.raw("\"note\": "); w.string(c.note)
        w.raw(",\n"); w.pad(m); w.raw("\"updatedAt\": "); JournalCodec.write(c.updatedAt, to: &w)
        w.raw(",\n"); w.pad(m); w.raw("\"revision\": "); w.int(c.revision)
        w.byte(0x0A)
        w.pad(indent)
        w.byte(UInt8(ascii: "}"))
    }

    /// `writePretty(JournalCodec.json(s), indent:)`.
    static func writeEntry(_ s: Session, indent: Int, to w: inout JSONWriter) {
        guard s.unknownFields.isEmpty else { w.writePretty(JournalCodec.json(s), indent: indent); return }
        let m = indent + 2
        w.raw("{\n")
        w.pad(m); w.raw("\"id\": "); JournalCodec.write(s.id, to: &w)
        w.raw(",\n"); w.pad(m); w.raw("\"at\": "); JournalCodec.write(s.at, to: &w)
        w.raw(",\n"); w.pad(m); w.raw("\"kind\": "); w.string(s.kind)
        w.raw(",\n"); w.pad(m); w.raw("\"minutes\": "); JournalCodec.write(s.minutes, to: &w)
        w.raw(",\n"); w.pad(m); w.raw("\"rpe\": "); JournalCodec.write(s.rpe, to: &w)
        w.raw(",\n"); w.pad(m); w.raw(s.suddenPain ? "\"suddenPain\": true" : "\"suddenPain\": false")
        w.raw(",\n"); w.pad(m); w.raw("\"note\": "); w.string(s.note)
        w.raw(",\n"); w.pad(m); w.raw("\"updatedAt\": "); JournalCodec.write(s.updatedAt, to: &w)
        w.raw(",\n"); w.pad(m); w.raw("\"revision\": "); w.int(s.revision)
        w.byte(0x0A)
        w.pad(indent)
        w.byte(UInt8(ascii: "}"))
    }

    /// An array of keys at `indent`, one per line (`[]` when empty).
    private static func keys<Key: RawRepresentable>(_ keys: [Key], indent: Int, to w: inout JSONWriter) where Key.RawValue == String {
        guard !keys.isEmpty else { w.raw("[]"); return }
        w.raw("[\n")
        let last = keys.count - 1
        for (i, key) in keys.enumerated() {
            w.pad(indent + 2)
            w.string(key.rawValue)
            w.raw(i < last ? ",\n" : "\n")
        }
        w.pad(indent)
        w.byte(UInt8(ascii: "]"))
    }
}

/// The journal's members, declared once: every object's member names in the order lumbar writes
/// them, with what each holds.
///
/// The one-pass reader's name lists, the writer's key order, the list of known names that unknown
/// fields may not reuse, and the test that `docs/store-format.md` documents every member all read
/// these tables, so adding a member starts here.
public enum JournalSchema {
    /// One member of a stored object.
    public struct Member: Hashable, Sendable {
        /// The member name as stored.
        public let name: String
        /// What the value is, as the docs table says it ("integer 0–10").
        public let kind: String
        /// Whether a file without it is refused (otherwise a default is used).
        public let isRequired: Bool

        init(_ name: String, _ kind: String, required: Bool = false) {
            self.name = name
            self.kind = kind
            self.isRequired = required
        }
    }

    /// The top-level object.
    public static let journal: [Member] = [
        Member("schemaVersion", "integer ≥ 1", required: true),
        Member("profile", "object"),
        Member("sessions", "array of sessions"),
        Member("checkIns", "array of check-ins"),
        Member("assessments", "array of assessments"),
        Member("tombstones", "array of tombstones"),
    ]

    /// `profile`.
    public static let profile: [Member] = [
        Member("birthYear", "integer 1000–9999 or null"),
        Member("history", "array of keys"),
    ]

    /// `sessions[]`.
    public static let session: [Member] = [
        Member("id", "UUID string", required: true),
        Member("at", "ISO 8601 with offset", required: true),
        Member("kind", "string"),
        Member("minutes", "integer 0–100000 or null"),
        Member("rpe", "integer 1–10 or null"),
        Member("suddenPain", "boolean"),
        Member("note", "string"),
        Member("updatedAt", "ISO 8601 with offset"),
        Member("revision", "integer ≥ 1"),
    ]

    /// `checkIns[]`.
    public static let checkIn: [Member] = [
        Member("id", "UUID string", required: true),
        Member("date", "YYYY-MM-DD"),
        Member("at", "ISO 8601 with offset", required: true),
        Member("pain", "integer 0–10", required: true),
        Member("worst", "integer 0–10 or null"),
        Member("symptoms", "array of keys"),
        Member("denied", "array of warning-sign keys"),
        Member("care", "array of keys"),
        Member("note", "string"),
        Member("updatedAt", "ISO 8601 with offset"),
        Member("revision", "integer ≥ 1"),
    ]

    /// `assessments[]`.
    public static let assessment: [Member] = [
        Member("id", "UUID string", required: true),
        Member("at", "ISO 8601 with offset", required: true),
        Member("rules", "array of {id, level}"),
        Member("note", "string"),
        Member("updatedAt", "ISO 8601 with offset"),
        Member("revision", "integer ≥ 1"),
    ]

    /// `assessments[].rules[]`.
    public static let coveredRule: [Member] = [
        Member("id", "non-empty string", required: true),
        Member("level", "level key", required: true),
    ]

    /// `tombstones[]`.
    public static let tombstone: [Member] = [
        Member("id", "UUID string", required: true),
        Member("deletedAt", "ISO 8601 with offset", required: true),
        Member("revision", "integer ≥ 1"),
        Member("kind", "\"session\", \"checkIn\" or \"assessment\""),
        Member("entry", "object"),
    ]

    /// Every table with the path prefix the docs use for its members ("checkIns[].").
    public static let tables: [(prefix: String, members: [Member])] = [
        ("", journal), ("profile.", profile), ("sessions[].", session), ("checkIns[].", checkIn),
        ("assessments[].", assessment), ("assessments[].rules[].", coveredRule), ("tombstones[].", tombstone),
    ]

    /// The names of a table, in order.
    static func names(_ members: [Member]) -> [String] { members.map(\.name) }
}

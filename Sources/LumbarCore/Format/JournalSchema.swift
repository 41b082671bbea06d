/// The journal's members, declared once: every object's member names in the order lumbar writes
/// them, with what each holds.
///
/// The key enums below are the declarations. The tree reader, `json(_:)` and the one-pass
/// reader's cases use them; the tables here, the one-pass reader's name lists, the CSV columns
/// and the list of names unknown fields may not reuse come from them; and tests check that the
/// compact writer (which spells names as literals, for speed) and `docs/store-format.md` agree.
/// So adding a member starts with one enum case.
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
    public static let journal: [Member] = JournalKey.allCases.map(\.member)

    /// `profile`.
    public static let profile: [Member] = ProfileKey.allCases.map(\.member)

    /// `sessions[]`.
    public static let session: [Member] = SessionKey.allCases.map(\.member)

    /// `checkIns[]`.
    public static let checkIn: [Member] = CheckInKey.allCases.map(\.member)

    /// `assessments[]`.
    public static let assessment: [Member] = AssessmentKey.allCases.map(\.member)

    /// `assessments[].rules[]`.
    public static let coveredRule: [Member] = CoveredRuleKey.allCases.map(\.member)

    /// `tombstones[]`.
    public static let tombstone: [Member] = TombstoneKey.allCases.map(\.member)

    /// Every table with the path prefix the docs use for its members ("checkIns[].").
    public static let tables: [(prefix: String, members: [Member])] = [
        ("", journal), ("profile.", profile), ("sessions[].", session), ("checkIns[].", checkIn),
        ("assessments[].", assessment), ("assessments[].rules[].", coveredRule), ("tombstones[].", tombstone),
    ]

    /// The names of a table, in order.
    static func names(_ members: [Member]) -> [String] { members.map(\.name) }

    // MARK: Ranges both readers check

    /// `pain` and `worst`.
    static let painRange = 0...10
    /// `minutes` as stored (older builds wrote up to 100,000; new entries keep `EntryRules.minutes`).
    static let storedMinutesRange = 0...100_000
    /// `rpe`.
    static let rpeRange = 1...10
    /// `revision`.
    static let revisionRange = 1...Int.max
    /// `schemaVersion`.
    static let schemaVersionRange = 1...Int.max
    /// `profile.birthYear`.
    static let birthYearRange = 1000...9999
}

/// The members of the top-level object, in the order lumbar writes them; the one-pass reader
/// switches on these.
enum JournalKey: Int, CaseIterable {
    case schemaVersion, profile, sessions, checkIns, assessments, tombstones

    /// The member's name and what it holds.
    var member: JournalSchema.Member {
        switch self {
        case .schemaVersion: return .init(name, "integer ≥ 1", required: true)
        case .profile: return .init(name, "object")
        case .sessions: return .init(name, "array of sessions")
        case .checkIns: return .init(name, "array of check-ins")
        case .assessments: return .init(name, "array of assessments")
        case .tombstones: return .init(name, "array of tombstones")
        }
    }

    /// The member's name as stored.
    var name: String {
        switch self {
        case .schemaVersion: return "schemaVersion"
        case .profile: return "profile"
        case .sessions: return "sessions"
        case .checkIns: return "checkIns"
        case .assessments: return "assessments"
        case .tombstones: return "tombstones"
        }
    }
}

/// The members of a session, in the order lumbar writes them.
enum SessionKey: Int, CaseIterable {
    case id, at, kind, minutes, rpe, suddenPain, note, updatedAt, revision

    /// The member's name and what it holds.
    var member: JournalSchema.Member {
        switch self {
        case .id: return .init(name, "UUID string", required: true)
        case .at: return .init(name, "ISO 8601 with offset", required: true)
        case .kind: return .init(name, "string")
        case .minutes: return .init(name, "integer 0–100000 or null")
        case .rpe: return .init(name, "integer 1–10 or null")
        case .suddenPain: return .init(name, "boolean")
        case .note: return .init(name, "string")
        case .updatedAt: return .init(name, "ISO 8601 with offset")
        case .revision: return .init(name, "integer ≥ 1")
        }
    }

    /// The member's name as stored.
    var name: String {
        switch self {
        case .id: return "id"
        case .at: return "at"
        case .kind: return "kind"
        case .minutes: return "minutes"
        case .rpe: return "rpe"
        case .suddenPain: return "suddenPain"
        case .note: return "note"
        case .updatedAt: return "updatedAt"
        case .revision: return "revision"
        }
    }
}

/// The members of a check-in, in the order lumbar writes them.
enum CheckInKey: Int, CaseIterable {
    case id, date, at, pain, worst, symptoms, denied, care, note, updatedAt, revision

    /// The member's name and what it holds.
    var member: JournalSchema.Member {
        switch self {
        case .id: return .init(name, "UUID string", required: true)
        case .date: return .init(name, "YYYY-MM-DD")
        case .at: return .init(name, "ISO 8601 with offset", required: true)
        case .pain: return .init(name, "integer 0–10", required: true)
        case .worst: return .init(name, "integer 0–10 or null")
        case .symptoms: return .init(name, "array of keys")
        case .denied: return .init(name, "array of warning-sign keys")
        case .care: return .init(name, "array of keys")
        case .note: return .init(name, "string")
        case .updatedAt: return .init(name, "ISO 8601 with offset")
        case .revision: return .init(name, "integer ≥ 1")
        }
    }

    /// The member's name as stored.
    var name: String {
        switch self {
        case .id: return "id"
        case .date: return "date"
        case .at: return "at"
        case .pain: return "pain"
        case .worst: return "worst"
        case .symptoms: return "symptoms"
        case .denied: return "denied"
        case .care: return "care"
        case .note: return "note"
        case .updatedAt: return "updatedAt"
        case .revision: return "revision"
        }
    }
}

/// The members of the profile, in the order lumbar writes them.
enum ProfileKey: Int, CaseIterable {
    case birthYear, history

    /// The member's name and what it holds.
    var member: JournalSchema.Member {
        switch self {
        case .birthYear: return .init(name, "integer 1000–9999 or null")
        case .history: return .init(name, "array of keys")
        }
    }

    /// The member's name as stored.
    var name: String {
        switch self {
        case .birthYear: return "birthYear"
        case .history: return "history"
        }
    }
}

/// The members of an assessment, in the order lumbar writes them.
enum AssessmentKey: Int, CaseIterable {
    case id, at, rules, note, updatedAt, revision

    /// The member's name and what it holds.
    var member: JournalSchema.Member {
        switch self {
        case .id: return .init(name, "UUID string", required: true)
        case .at: return .init(name, "ISO 8601 with offset", required: true)
        case .rules: return .init(name, "array of {id, level}")
        case .note: return .init(name, "string")
        case .updatedAt: return .init(name, "ISO 8601 with offset")
        case .revision: return .init(name, "integer ≥ 1")
        }
    }

    /// The member's name as stored.
    var name: String {
        switch self {
        case .id: return "id"
        case .at: return "at"
        case .rules: return "rules"
        case .note: return "note"
        case .updatedAt: return "updatedAt"
        case .revision: return "revision"
        }
    }
}

/// The members of one rule an assessment covers.
enum CoveredRuleKey: Int, CaseIterable {
    case id, level

    /// The member's name and what it holds.
    var member: JournalSchema.Member {
        switch self {
        case .id: return .init(name, "non-empty string", required: true)
        case .level: return .init(name, "level key", required: true)
        }
    }

    /// The member's name as stored.
    var name: String {
        switch self {
        case .id: return "id"
        case .level: return "level"
        }
    }
}

/// The members of a tombstone, in the order lumbar writes them.
enum TombstoneKey: Int, CaseIterable {
    case id, deletedAt, revision, kind, entry

    /// The member's name and what it holds.
    var member: JournalSchema.Member {
        switch self {
        case .id: return .init(name, "UUID string", required: true)
        case .deletedAt: return .init(name, "ISO 8601 with offset", required: true)
        case .revision: return .init(name, "integer ≥ 1")
        case .kind: return .init(name, "\"session\", \"checkIn\" or \"assessment\"")
        case .entry: return .init(name, "object")
        }
    }

    /// The member's name as stored.
    var name: String {
        switch self {
        case .id: return "id"
        case .deletedAt: return "deletedAt"
        case .revision: return "revision"
        case .kind: return "kind"
        case .entry: return "entry"
        }
    }
}

import Foundation
@testable import LumbarCore

/// Builds journals for rule tests from local wall-clock times ("2026-03-02 18:00") in one zone,
/// dating each check-in the way the command line does (the local date of its `at`).
struct JournalBuilder {
    let zone: ZoneInfo
    private(set) var sessions: [Session] = []
    private(set) var checkIns: [CheckIn] = []
    private(set) var assessments: [Assessment] = []
    var birthYear: Int?
    var history: [HistoryItem] = []

    init(_ zoneID: String = "Europe/Stockholm") {
        zone = ZoneInfo(identifier: zoneID)!
    }

    /// A local wall-clock time ("2026-03-02 18:00") or any ISO 8601 text with an offset.
    func time(_ text: String) -> Timestamp {
        try! Timestamp.parse(text, localTimeZone: zone).get()
    }

    /// `text` moved by `hours` and `minutes` of real time.
    func time(_ text: String, plusHours hours: Int, minutes: Int = 0) -> Timestamp {
        time(text).adding(hours: Double(hours) + Double(minutes) / 60)
    }

    @discardableResult
    mutating func session(_ at: String, _ kind: String = "deadlift", suddenPain: Bool = false) -> Session {
        session(time(at), kind, suddenPain: suddenPain)
    }

    @discardableResult
    mutating func session(_ at: Timestamp, _ kind: String = "deadlift", suddenPain: Bool = false) -> Session {
        let session = Session(at: at.converted(to: zone), kind: kind, suddenPain: suddenPain, updatedAt: at)
        sessions.append(session)
        return session
    }

    @discardableResult
    mutating func checkIn(_ at: String, pain: Int, _ symptoms: [Symptom] = [], no denied: [Symptom] = [],
                          care: [SelfCare] = []) -> CheckIn {
        checkIn(time(at), pain: pain, symptoms, no: denied, care: care)
    }

    @discardableResult
    mutating func checkIn(_ at: Timestamp, pain: Int, _ symptoms: [Symptom] = [], no denied: [Symptom] = [],
                          care: [SelfCare] = []) -> CheckIn {
        let local = at.converted(to: zone)
        let checkIn = CheckIn(date: local.localDate, at: local, pain: pain, symptoms: symptoms, denied: denied, care: care,
                              updatedAt: local)
        checkIns.append(checkIn)
        return checkIn
    }

    /// Records an assessment at `at` covering `rules` at the given levels (as stored, final).
    @discardableResult
    mutating func assessed(_ at: String, _ rules: [(RuleID, Level)]) -> Assessment {
        let assessment = Assessment(at: time(at), rules: rules.map { Assessment.CoveredRule(rule: $0.0.rawValue, level: $0.1) },
                                    updatedAt: time(at))
        assessments.append(assessment)
        return assessment
    }

    /// Records the assessment `lumbar assessed` would build at `at` (the default, or the named rules).
    @discardableResult
    mutating func assessed(_ at: String, naming rules: [RuleID]? = nil) throws(AssessmentError) -> Assessment {
        let assessment = try EscalationEngine.assessment(of: journal, at: time(at).date, timeZone: zone, rules: rules,
                                                         note: "", id: UUID(), updatedAt: time(at))
        assessments.append(assessment)
        return assessment
    }

    var journal: Journal {
        Journal(profile: Profile(birthYear: birthYear, history: history), sessions: sessions, checkIns: checkIns,
                assessments: assessments)
    }

    func rules(at now: String) -> [RuleID] { status(at: now).flags.map(\.rule) }

    func status(at now: String) -> Status { status(at: time(now)) }

    func status(at now: Timestamp) -> Status {
        EscalationEngine.evaluate(journal, now: now.date, timeZone: zone)
    }

    func flag(_ rule: RuleID, at now: String) -> Flag? { flag(rule, at: time(now)) }

    func flag(_ rule: RuleID, at now: Timestamp) -> Flag? {
        status(at: now).flags.first { $0.rule == rule }
    }

    /// The level `rule` fires at, or `nil` when it does not fire.
    func level(_ rule: RuleID, at now: String) -> Level? { flag(rule, at: now)?.level }

    func level(_ rule: RuleID, at now: Timestamp) -> Level? { flag(rule, at: now)?.level }
}

/// A small deterministic random source, so generated journals are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

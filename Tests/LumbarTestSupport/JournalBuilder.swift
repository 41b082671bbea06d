import Foundation
import LumbarCore

/// Builds journals for rule tests from local wall-clock times ("2026-03-02 18:00") in one zone,
/// dating each check-in the way the command line does (the local date of its `at`).
public struct JournalBuilder {
    /// The zone every wall-clock time is read in.
    public let zone: ZoneInfo
    /// The sessions so far.
    public private(set) var sessions: [Session] = []
    /// The check-ins so far.
    public private(set) var checkIns: [CheckIn] = []
    /// The assessments so far.
    public private(set) var assessments: [Assessment] = []
    /// The profile's birth year.
    public var birthYear: Int?
    /// The profile's history.
    public var history: [HistoryItem] = []

    /// A builder for times in the zone `zoneID`.
    public init(_ zoneID: String = "Europe/Stockholm") {
        zone = ZoneInfo(identifier: zoneID)!
    }

    /// A local wall-clock time ("2026-03-02 18:00") or any ISO 8601 text with an offset.
    public func time(_ text: String) -> Timestamp {
        try! Timestamp.parse(text, localTimeZone: zone).get()
    }

    /// `text` moved by `hours` and `minutes` of real time.
    public func time(_ text: String, plusHours hours: Int, minutes: Int = 0) -> Timestamp {
        time(text).adding(hours: Double(hours) + Double(minutes) / 60)
    }

    @discardableResult
    public mutating func session(_ at: String, _ kind: String = "deadlift", suddenPain: Bool = false) -> Session {
        session(time(at), kind, suddenPain: suddenPain)
    }

    @discardableResult
    public mutating func session(_ at: Timestamp, _ kind: String = "deadlift", suddenPain: Bool = false) -> Session {
        let session = Session(at: at.converted(to: zone), kind: kind, suddenPain: suddenPain, updatedAt: at)
        sessions.append(session)
        return session
    }

    @discardableResult
    public mutating func checkIn(
        _ at: String, pain: Int, _ symptoms: [Symptom] = [], no denied: [Symptom] = [],
        care: [SelfCare] = []
    ) -> CheckIn {
        checkIn(time(at), pain: pain, symptoms, no: denied, care: care)
    }

    @discardableResult
    public mutating func checkIn(
        _ at: Timestamp, pain: Int, _ symptoms: [Symptom] = [], no denied: [Symptom] = [],
        care: [SelfCare] = []
    ) -> CheckIn {
        let local = at.converted(to: zone)
        let checkIn = CheckIn(
            date: local.localDate, at: local, pain: pain, symptoms: symptoms, denied: denied, care: care,
            updatedAt: local)
        checkIns.append(checkIn)
        return checkIn
    }

    /// Records an assessment at `at` covering `rules` at the given levels (as stored, final).
    @discardableResult
    public mutating func assessed(_ at: String, _ rules: [(RuleID, Level)]) -> Assessment {
        let assessment = Assessment(
            at: time(at), rules: rules.map { Assessment.CoveredRule(rule: $0.0.rawValue, level: $0.1) },
            updatedAt: time(at))
        assessments.append(assessment)
        return assessment
    }

    /// Records the assessment `lumbar assessed` would build at `at` (the default, or the named rules).
    @discardableResult
    public mutating func assessed(_ at: String, naming rules: [RuleID]? = nil) throws(AssessmentError) -> Assessment {
        let assessment = try EscalationEngine.assessment(
            of: journal, at: time(at).date, timeZone: zone, rules: rules,
            note: "", id: UUID(), updatedAt: time(at))
        assessments.append(assessment)
        return assessment
    }

    /// The journal built so far.
    public var journal: Journal {
        Journal(
            profile: Profile(birthYear: birthYear, history: history), sessions: sessions, checkIns: checkIns,
            assessments: assessments)
    }

    public func rules(at now: String) -> [RuleID] { status(at: now).flags.map(\.rule) }

    public func status(at now: String) -> Status { status(at: time(now)) }

    public func status(at now: Timestamp) -> Status {
        EscalationEngine.evaluate(journal, now: now.date, timeZone: zone)
    }

    public func flag(_ rule: RuleID, at now: String) -> RuleFlag? { flag(rule, at: time(now)) }

    public func flag(_ rule: RuleID, at now: Timestamp) -> RuleFlag? {
        status(at: now).flags.first { $0.rule == rule }
    }

    /// The level `rule` fires at, or `nil` when it does not fire.
    public func level(_ rule: RuleID, at now: String) -> Level? { flag(rule, at: now)?.level }

    public func level(_ rule: RuleID, at now: Timestamp) -> Level? { flag(rule, at: now)?.level }
}

import Foundation
@testable import LumbarCore
import LumbarTestSupport

/// Builds journals for training tests: sessions with minutes and RPE, check-ins through
/// `JournalBuilder` (local wall-clock times in one zone, dated as the command line dates them).
struct TrainingBuilder {
    var base: JournalBuilder
    private(set) var sessions: [Session] = []

    init(_ zoneID: String = "Europe/Stockholm") { base = JournalBuilder(zoneID) }

    var zone: ZoneInfo { base.zone }

    func time(_ text: String) -> Timestamp { base.time(text) }

    func time(_ text: String, plusMinutes minutes: Int) -> Timestamp { base.time(text, plusHours: 0, minutes: minutes) }

    @discardableResult
    mutating func session(_ at: String, _ kind: String = "deadlift", minutes: Int? = 60, rpe: Int? = 5, sudden: Bool = false) -> Session {
        session(time(at), kind, minutes: minutes, rpe: rpe, sudden: sudden)
    }

    @discardableResult
    mutating func session(_ at: Timestamp, _ kind: String = "deadlift", minutes: Int? = 60, rpe: Int? = 5, sudden: Bool = false) -> Session {
        let local = at.converted(to: zone)
        let session = Session(at: local, kind: kind, minutes: minutes, rpe: rpe, suddenPain: sudden, updatedAt: local)
        sessions.append(session)
        return session
    }

    @discardableResult
    mutating func checkIn(_ at: String, pain: Int, _ symptoms: [Symptom] = []) -> CheckIn {
        base.checkIn(at, pain: pain, symptoms)
    }

    @discardableResult
    mutating func checkIn(_ at: Timestamp, pain: Int, _ symptoms: [Symptom] = []) -> CheckIn {
        base.checkIn(at, pain: pain, symptoms)
    }

    var journal: Journal { Journal(sessions: sessions, checkIns: base.checkIns) }

    func pain(of session: Session, at now: String) -> SessionPain {
        SessionPain.of(session, checkIns: journal.checkIns, now: time(now).date)
    }

    func week(at now: Timestamp) -> LoadWeek { LoadWeek.ending(at: now, sessions: journal.sessions) }

    /// Today's answer with no escalation flag standing, so a table tests the training rules
    /// alone (the escalation rules decide their own levels; `todayWithEngine` reads them).
    func today(at now: String) -> TrainingToday { today(at: time(now)) }

    func today(at now: Timestamp) -> TrainingToday {
        TrainingToday.evaluate(
            journal, now: now.date, timeZone: zone, week: week(at: now),
            status: Status(now: now, level: .none, flags: [], episode: nil))
    }

    /// Today's answer with the escalation engine's status at the same now.
    func todayWithEngine(at now: String) -> TrainingToday {
        let now = time(now)
        return TrainingToday.evaluate(journal, now: now.date, timeZone: zone, week: week(at: now))
    }

    func report(at now: String) -> TrainingReport { TrainingReport.make(journal, now: time(now).date, timeZone: zone) }
}

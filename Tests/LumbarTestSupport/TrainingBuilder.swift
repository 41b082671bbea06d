import Foundation
import LumbarCore

/// Builds journals for training tests: sessions with minutes and RPE, check-ins through
/// `JournalBuilder` (local wall-clock times in one zone, dated as the command line dates them).
public struct TrainingBuilder {
    /// The check-ins, and the zone every wall-clock time is read in.
    public var base: JournalBuilder
    /// The sessions so far.
    public private(set) var sessions: [Session] = []

    /// An empty builder reading times in `zoneID`.
    public init(_ zoneID: String = "Europe/Stockholm") { base = JournalBuilder(zoneID) }

    /// The zone every wall-clock time is read in.
    public var zone: ZoneInfo { base.zone }

    /// The instant of the wall-clock time `text` ("2026-03-02 18:00").
    public func time(_ text: String) -> Timestamp { base.time(text) }

    /// `text` plus `minutes`.
    public func time(_ text: String, plusMinutes minutes: Int) -> Timestamp { base.time(text, plusHours: 0, minutes: minutes) }

    /// Adds a session at the wall-clock time `at`.
    @discardableResult
    public mutating func session(
        _ at: String, _ kind: String = "deadlift", minutes: Int? = 60, rpe: Int? = 5, sudden: Bool = false
    ) -> Session {
        session(time(at), kind, minutes: minutes, rpe: rpe, sudden: sudden)
    }

    /// Adds a session at the instant `at`.
    @discardableResult
    public mutating func session(
        _ at: Timestamp, _ kind: String = "deadlift", minutes: Int? = 60, rpe: Int? = 5, sudden: Bool = false
    ) -> Session {
        let local = at.converted(to: zone)
        let session = Session(at: local, kind: kind, minutes: minutes, rpe: rpe, suddenPain: sudden, updatedAt: local)
        sessions.append(session)
        return session
    }

    /// Adds a check-in at the wall-clock time `at`.
    @discardableResult
    public mutating func checkIn(_ at: String, pain: Int, _ symptoms: [Symptom] = []) -> CheckIn {
        base.checkIn(at, pain: pain, symptoms)
    }

    /// Adds a check-in at the instant `at`.
    @discardableResult
    public mutating func checkIn(_ at: Timestamp, pain: Int, _ symptoms: [Symptom] = []) -> CheckIn {
        base.checkIn(at, pain: pain, symptoms)
    }

    /// The sessions and check-ins as a journal.
    public var journal: Journal { Journal(sessions: sessions, checkIns: base.checkIns) }

    /// The pain around `session`, judged at the wall-clock time `now`.
    public func pain(of session: Session, at now: String) -> SessionPain {
        SessionPain.of(session, checkIns: journal.checkIns, now: time(now).date)
    }

    /// The load week ending at `now`.
    public func week(at now: Timestamp) -> LoadWeek { LoadWeek.ending(at: now, sessions: journal.sessions) }

    /// Today's answer with no escalation flag standing, so a table tests the training rules
    /// alone (the escalation rules decide their own levels; `todayWithEngine` reads them).
    public func today(at now: String) -> TrainingToday { today(at: time(now)) }

    /// Today's answer at the instant `now`, with no escalation flag standing.
    public func today(at now: Timestamp) -> TrainingToday {
        TrainingToday.evaluate(
            journal, now: now.date, timeZone: zone, week: week(at: now),
            status: Status(now: now, level: .none, flags: [], episode: nil))
    }

    /// Today's answer with the escalation engine's status at the same now.
    public func todayWithEngine(at now: String) -> TrainingToday {
        let now = time(now)
        return TrainingToday.evaluate(journal, now: now.date, timeZone: zone, week: week(at: now))
    }

    /// The whole training report at the wall-clock time `now`.
    public func report(at now: String) -> TrainingReport { TrainingReport.make(journal, now: time(now).date, timeZone: zone) }

    /// Three episodes: after a sudden deadlift in a heavy week, after a run 60 h before the
    /// onset with a deadlift 80 h before (outside 72 h), and with no session before it.
    public static func threeEpisodes() -> TrainingBuilder {
        var b = TrainingBuilder()
        for day in ["2026-01-01", "2026-01-08", "2026-01-15", "2026-01-22"] { b.session("\(day) 18:00", "run", minutes: 10, rpe: 10) }
        b.checkIn("2026-01-29 08:00", pain: 0)
        b.session("2026-01-29 18:00", "deadlift", minutes: 60, rpe: 9, sudden: true)  // 540: week 540 vs usual 100
        b.checkIn("2026-01-30 08:00", pain: 5)
        b.checkIn("2026-02-01 08:00", pain: 0)
        b.checkIn("2026-02-02 08:00", pain: 0)
        b.session("2026-02-06 18:00", "deadlift", minutes: 10, rpe: 5)
        b.session("2026-02-07 14:00", "run", minutes: 20, rpe: 5)
        b.checkIn("2026-02-10 02:00", pain: 3)  // 80 h after the deadlift, 60 h after the run
        b.checkIn("2026-02-11 08:00", pain: 0)
        b.checkIn("2026-02-12 08:00", pain: 0)
        b.checkIn("2026-02-25 08:00", pain: 2)
        return b
    }
}

import Foundation
@testable import LumbarCore

/// The fixed journal the report tests read: a deadlift strain that escalates and then eases.
///
/// Stockholm, winter time (+01:00). A short episode in February closes; the current one opens the
/// morning after a deadlift with sharp pain on Mon 2 Mar, is severe past 72 and 96 h with nerve
/// signs, and is easing but not gone on day 17 (Fri 20 Mar), when the report is made.
enum ReportFixture {
    static let zone = ZoneInfo(identifier: "Europe/Stockholm")!
    static let nowText = "2026-03-20T09:00:00+01:00"
    static var now: Date { time("2026-03-20 09:00").date }

    static func time(_ text: String) -> Timestamp {
        try! Timestamp.parse(text, localTimeZone: zone).get()
    }

    static func checkIn(
        _ at: String, pain: Int, worst: Int? = nil, _ symptoms: [Symptom] = [], care: [SelfCare] = [],
        note: String = ""
    ) -> CheckIn {
        let t = time(at)
        return CheckIn(date: t.localDate, at: t, pain: pain, worst: worst, symptoms: symptoms, care: care, note: note, updatedAt: t)
    }

    static func session(
        _ at: String, _ kind: String, minutes: Int? = nil, rpe: Int? = nil, suddenPain: Bool = false,
        note: String = ""
    ) -> Session {
        let t = time(at)
        return Session(at: t, kind: kind, minutes: minutes, rpe: rpe, suddenPain: suddenPain, note: note, updatedAt: t)
    }

    static var journal: Journal {
        Journal(
            sessions: [
                session("2026-02-15 10:00", "run", minutes: 40, rpe: 6),
                session(
                    "2026-03-02 18:00", "deadlift", minutes: 50, rpe: 9, suddenPain: true,
                    note: "New 1RM attempt | 140 kg; felt a twinge on the last rep"),
                session("2026-03-10 12:00", "walk", minutes: 30, rpe: 3),
            ],
            checkIns: [
                checkIn("2026-02-16 08:00", pain: 0),
                checkIn("2026-02-17 08:00", pain: 2, [.dullAche]),
                checkIn("2026-02-18 08:00", pain: 0),
                checkIn("2026-02-19 08:00", pain: 0),
                checkIn(
                    "2026-03-03 08:00", pain: 5, worst: 6, [.stiffness, .sharpPain], care: [.heat],
                    note: "Stiff getting out of bed.\nBetter after a short walk."),
                checkIn("2026-03-03 20:00", pain: 4, care: [.active]),
                checkIn("2026-03-04 08:00", pain: 7, worst: 8, [.spasm], care: [.rest, .ice, .painRelief]),
                checkIn("2026-03-05 20:00", pain: 7, worst: 7, [.radiatingPain, .tingling], care: [.heat]),
                checkIn(
                    "2026-03-06 21:00", pain: 8, worst: 9, [.radiatingPain, .nightPain], care: [.painRelief],
                    note: "<b>Woke at 3am</b> & couldn't settle; *sharp* down the left leg"),
                checkIn("2026-03-08 10:00", pain: 6, care: [.stretching, .active]),
                checkIn("2026-03-09 09:00", pain: 5),
                checkIn("2026-03-10 20:00", pain: 5, care: [.active]),
                checkIn("2026-03-13 08:00", pain: 4, care: [.stretching]),
                checkIn("2026-03-15 09:00", pain: 4, care: [.coreExercise, .stretching]),
                checkIn("2026-03-17 08:00", pain: 4),
                checkIn("2026-03-18 18:00", pain: 3, care: [.physio], note: "Physio session: exercises given, review in 2 weeks."),
                checkIn("2026-03-20 08:00", pain: 4, [.tingling]),
            ])
    }

    /// The report on the 31 days from Wed 18 Feb through Fri 20 Mar, made at `now`.
    static var report: Report {
        Report(journal: journal, from: LocalDate("2026-02-18")!, through: LocalDate(instant: now, in: zone), now: now, timeZone: zone)
    }
}

import Foundation
@testable import LumbarCore

/// Six weeks after a deadlift injury, as a physiotherapist would be shown them (Europe/Stockholm,
/// across the end of summer time on 25 Oct): the strain on Sat 17 Oct, three weeks of recovery with
/// a physio visit, a day of tingling after a long drive, a week of rest, a light return to training;
/// the episode closes on Sun 29 Nov, and a pain-1 blip after a run is open when the report is made.
enum SixWeekStory {
    static let zone = ReportFixture.zone
    static var now: Date { time("2026-12-01 09:00").date }
    static var today: LocalDate { LocalDate(instant: now, in: zone) }

    static func time(_ text: String) -> Timestamp { ReportFixture.time(text) }

    /// A check-in that answers every warning-sign question: yes to `yes`, no to the rest.
    static func asked(
        _ at: String, pain: Int, worst: Int? = nil, _ symptoms: [Symptom] = [], care: [SelfCare] = [],
        note: String = ""
    ) -> CheckIn {
        var checkIn = ReportFixture.checkIn(at, pain: pain, worst: worst, symptoms, care: care, note: note)
        checkIn.denied = Symptom.warningSigns.filter { !symptoms.contains($0) }
        return checkIn
    }

    static var journal: Journal {
        Journal(
            profile: Profile(birthYear: 1984),
            sessions: [
                ReportFixture.session(
                    "2026-10-17 10:00", "deadlift", minutes: 60, rpe: 9, suddenPain: true,
                    note: "Third rep at 150 kg: a sharp catch low on the right."),
                ReportFixture.session("2026-11-16 18:00", "light deadlift", minutes: 30, rpe: 5, note: "Half the weight; nothing hurt."),
                ReportFixture.session("2026-11-21 11:00", "rowing", minutes: 40, rpe: 6),
                ReportFixture.session("2026-11-30 18:00", "run", minutes: 30, rpe: 6),
            ],
            checkIns: [
                asked(
                    "2026-10-17 20:00", pain: 6, worst: 8, [.sharpPain, .spasm], care: [.rest, .ice, .painRelief],
                    note: "Could hardly straighten up after the gym."),
                asked("2026-10-18 09:00", pain: 7, worst: 8, [.spasm, .stiffness], care: [.rest, .painRelief, .heat]),
                asked("2026-10-19 09:00", pain: 7, worst: 7, [.stiffness], care: [.heat, .walking]),
                asked("2026-10-20 20:00", pain: 7, worst: 7, [.stiffness], care: [.heat, .walking]),
                asked("2026-10-21 09:00", pain: 6, care: [.walking, .stretching], note: "Booked a physio appointment."),
                asked("2026-10-22 09:00", pain: 5, care: [.walking, .stretching]),
                // Backfilled without the questions: the two "not asked" check-ins.
                ReportFixture.checkIn(
                    "2026-10-23 21:00", pain: 5, care: [.physio],
                    note: "Physio: muscle strain, reflexes and leg strength normal; walk daily, start core work."),
                asked("2026-10-24 09:00", pain: 4, care: [.walking, .coreExercise]),
                asked("2026-10-26 09:00", pain: 4, care: [.walking, .coreExercise]),
                asked("2026-10-27 09:00", pain: 3, care: [.walking]),
                asked("2026-10-29 09:00", pain: 3, care: [.coreExercise]),
                asked("2026-10-31 09:00", pain: 3, care: [.walking, .coreExercise]),
                asked("2026-11-02 09:00", pain: 2, care: [.walking]),
                asked("2026-11-04 09:00", pain: 2, care: [.coreExercise]),
                asked("2026-11-06 09:00", pain: 1, care: [.walking]),
                asked("2026-11-07 09:00", pain: 1),
                asked(
                    "2026-11-08 10:00", pain: 4, worst: 5, [.tingling], care: [.rest],
                    note: "Pins and needles down the right calf after a long drive."),
                asked("2026-11-09 09:00", pain: 3, care: [.rest, .walking]),
                asked("2026-11-10 09:00", pain: 3, care: [.rest, .walking]),
                asked("2026-11-11 09:00", pain: 2, care: [.rest, .walking]),
                asked("2026-11-12 09:00", pain: 2, care: [.walking]),
                asked("2026-11-13 09:00", pain: 2, care: [.walking, .stretching]),
                ReportFixture.checkIn("2026-11-14 09:00", pain: 1, care: [.walking]),
                asked("2026-11-15 09:00", pain: 1, care: [.walking, .coreExercise]),
                asked("2026-11-16 20:00", pain: 1),
                asked("2026-11-18 09:00", pain: 2, care: [.stretching]),
                asked("2026-11-20 09:00", pain: 1, care: [.coreExercise]),
                asked("2026-11-22 09:00", pain: 1),
                asked("2026-11-24 09:00", pain: 1, care: [.walking]),
                asked("2026-11-26 09:00", pain: 1),
                asked("2026-11-28 09:00", pain: 0),
                asked("2026-11-29 09:00", pain: 0, note: "No pain two days running."),
                asked("2026-12-01 08:00", pain: 1),
            ],
            assessments: [
                Assessment(
                    at: time("2026-10-23 15:00"), rules: [.init(rule: "severe-72-96h", level: .seeDoctor)],
                    note: "Physiotherapist: lumbar muscle strain, no nerve involvement found.", updatedAt: time("2026-10-23 21:00"))
            ])
    }

    /// The report `lumbar report` makes on Tue 1 Dec 2026 09:00 with the default period.
    static var report: Report {
        Report(
            journal: journal, period: ReportPeriod.standard(through: today, journal: journal, now: now, timeZone: zone),
            now: now, timeZone: zone)
    }

    /// A journal without pain: check-ins at 0 with every question answered, and some training.
    static var calmJournal: Journal {
        Journal(
            sessions: [
                ReportFixture.session("2026-11-10 18:00", "run", minutes: 35, rpe: 6),
                ReportFixture.session("2026-11-20 18:00", "squat", minutes: 45, rpe: 7),
            ],
            checkIns: [
                asked("2026-11-11 09:00", pain: 0),
                asked("2026-11-21 09:00", pain: 0, [.stiffness], care: [.stretching]),
                asked("2026-11-30 09:00", pain: 0),
            ])
    }

    /// The report on `calmJournal` with the default period.
    static var calmReport: Report {
        Report(
            journal: calmJournal, period: ReportPeriod.standard(through: today, journal: calmJournal, now: now, timeZone: zone),
            now: now, timeZone: zone)
    }

    /// The story made crowded: a medical history, a bad day with four warning signs and four GP
    /// visits, so the summary holds more flags, answers and assessments than one A4 page takes.
    static var crowdedJournal: Journal {
        var journal = journal
        journal.profile = Profile(birthYear: 1950, history: [.osteoporosis, .steroids, .cancer])
        for (visit, at) in ["2026-10-25 10:00", "2026-11-02 10:00", "2026-11-09 10:00", "2026-11-20 10:00"].enumerated() {
            journal.upsert(
                Assessment(
                    at: time(at), rules: [.init(rule: "nerve-signs", level: .seeDoctor), .init(rule: "pain-2-4-weeks", level: .watch)],
                    note: "GP visit \(visit + 1): examined, reflexes normal; keep walking, review in two weeks if no better.",
                    updatedAt: time(at)))
        }
        journal.upsert(
            asked(
                "2026-11-03 12:00", pain: 5, [.nightPain, .numbness, .legWeakness, .fever], care: [.massage, .ice],
                note: "Bad day."))
        return journal
    }

    /// The report on `crowdedJournal` with the default period.
    static var crowdedReport: Report {
        Report(
            journal: crowdedJournal, period: ReportPeriod.standard(through: today, journal: crowdedJournal, now: now, timeZone: zone),
            now: now, timeZone: zone)
    }
}

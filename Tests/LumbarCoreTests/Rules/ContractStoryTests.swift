import Foundation
import Testing
@testable import LumbarCore
@testable import LumbarText
import LumbarTestSupport

/// The stories of issue #10, each of which version 1 got wrong, as the core sees them.
@Suite("Contract stories")
struct ContractStoryTests {
    @Test("a week after bladder trouble and saddle numbness were logged, the status is still an emergency")
    func bladderAWeekLater() {
        var b = JournalBuilder()
        b.checkIn("2026-03-02 09:00", pain: 5, [.bladderBowel, .saddleNumbness])
        for day in 3...9 { b.checkIn("2026-03-0\(day) 09:00", pain: 4) }
        let status = b.status(at: "2026-03-09 20:00")
        #expect(status.level == .emergency)
        #expect(status.flags.first?.headline.text.hasPrefix("Still trouble controlling your bladder or bowels?") == true)
        #expect(StatusFormatter.text(status, timeZone: b.zone, color: false).contains(StatusFormatter.calmLine) == false)
    }

    @Test("trouble passing urine, sexual problems with it, and both legs are emergencies")
    func caudaEquinaQuestions() {
        var b = JournalBuilder()
        b.checkIn("2026-03-02 09:00", pain: 4, [.urinaryDifficulty, .sexualDysfunction, .bothLegs])
        let status = b.status(at: "2026-03-02 10:00")
        #expect(status.flags.filter { $0.level == .emergency }.map(\.rule) == [.urinaryDifficulty, .sexualDysfunction, .bothLegs])
    }

    @Test("a sudden injury is not hidden by a missed day or by an easy walk logged after the heavy session")
    func suddenInjuryNotHidden() {
        var b = JournalBuilder()
        // An old episode: pain, one pain-free day, then a missed day and more.
        b.checkIn("2026-02-20 09:00", pain: 3)
        b.checkIn("2026-02-21 09:00", pain: 0)
        b.session("2026-03-02 18:00", "deadlift", suddenPain: true)
        b.session("2026-03-03 07:00", "walk")
        b.checkIn("2026-03-03 08:00", pain: 8)
        let status = b.status(at: "2026-03-03 09:00")
        #expect(status.episodeDay == 0)
        #expect(status.episode?.trigger?.kind == "walk")
        let flag = status.flags.first { $0.rule == .acuteInjury }
        #expect(flag?.level == .seeDoctor)
        #expect(flag?.evidence.first?.text.contains("deadlift") == true)
    }

    @Test("8/10 for 13 days without any session is see-doctor, not watch")
    func severeWithoutSession() {
        var b = JournalBuilder()
        for day in 0...13 { b.checkIn("\(LocalDate("2026-03-01")!.adding(days: day)) 09:00", pain: 8) }
        let status = b.status(at: "2026-03-14 10:00")
        #expect(status.level == .seeDoctor)
        #expect(status.flags.first { $0.rule == .severe72to96h }?.level == .seeDoctor)
        #expect(status.flags.first { $0.rule == .notImproving }?.level == .watch)
    }

    @Test("fever or weight loss means a doctor today, not a physiotherapist within days", arguments: [Symptom.fever, .weightLoss])
    func systemicUrgent(symptom: Symptom) {
        var b = JournalBuilder()
        b.checkIn("2026-03-02 09:00", pain: 4, [symptom])
        let flag = b.flag(.systemicSigns, at: "2026-03-02 10:00")
        #expect(flag?.level == .urgent)
        #expect(flag?.action.text.contains("Contact a doctor today") == true)
        #expect(flag?.action.text.contains("111 in England") == true)
        #expect(flag?.action.text.contains("not a physiotherapist") == true)
    }

    @Test("no reassurance beside an emergency, and the emergency line on every status")
    func safetyNet() {
        var b = JournalBuilder()
        b.session("2026-03-02 18:00")
        b.checkIn("2026-03-03 09:00", pain: 3)
        let calm = b.status(at: "2026-03-03 10:00")
        #expect(calm.level == .info)
        b.checkIn("2026-03-03 11:00", pain: 3, [.saddleNumbness])
        let emergency = b.status(at: "2026-03-03 12:00")
        #expect(!emergency.flags.contains { $0.rule == .domsWindow })
        for status in [calm, emergency, JournalBuilder().status(at: "2026-03-03 12:00")] {
            let text = StatusFormatter.text(status, timeZone: b.zone, color: false)
            #expect(text.contains(Status.emergencyLine))
            #expect(status.safetyNet.contains("chest pain"))
            #expect(status.safetyNet.contains("both legs"))
            #expect(status.safetyNet.contains("serious accident"))
            #expect(StatusFormatter.json(status).objectValue?["safetyNet"]?.stringValue == Status.emergencyLine)
        }
    }

    @Test("when logging stops, an April twinge is a new episode, not day 85 of January's")
    func aprilTwinge() {
        var b = JournalBuilder()
        b.checkIn("2026-01-05 09:00", pain: 6)
        b.checkIn("2026-01-08 09:00", pain: 2)
        b.checkIn("2026-01-10 09:00", pain: 0)
        b.checkIn("2026-03-31 09:00", pain: 3)
        let status = b.status(at: "2026-03-31 10:00")
        #expect(status.episodeDay == 0)
        #expect(!status.flags.contains { $0.rule == .pain2to4Weeks || $0.rule == .sixWeekRisk })
    }

    @Test("chronic low pain can be recorded as assessed, and then stops counting")
    func chronicAssessed() throws {
        var b = JournalBuilder()
        for day in 0...40 { b.checkIn("\(LocalDate("2026-03-01")!.adding(days: day)) 09:00", pain: 2) }
        #expect(b.status(at: "2026-04-10 10:00").level == .seeDoctor)
        try b.assessed("2026-04-10 10:00")
        b.checkIn("2026-04-11 09:00", pain: 2)
        #expect(b.status(at: "2026-04-11 10:00").level == .none)
    }

    @Test("a sudden injury inside an episode that is still open (one missed day) is judged on its own")
    func suddenInjuryInOpenEpisode() {
        var b = JournalBuilder()
        b.session("2026-02-28 18:00", "run")
        b.checkIn("2026-03-01 09:00", pain: 3)
        b.checkIn("2026-03-02 09:00", pain: 2)
        b.session("2026-03-04 18:00", "deadlift", suddenPain: true)
        b.checkIn("2026-03-04 20:00", pain: 8)
        let status = b.status(at: "2026-03-04 21:00")
        #expect(status.episode?.trigger?.kind == "run")
        #expect(status.flags.first { $0.rule == .acuteInjury }?.level == .seeDoctor)
        #expect(status.level == .seeDoctor)
    }
}

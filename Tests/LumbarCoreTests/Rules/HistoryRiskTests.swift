import Foundation
import Testing
@testable import LumbarCore
import LumbarText
import LumbarTestSupport

/// `history-risk`: a medical history item with pain that lasts or is severe; the cancer branch.
@Suite("History risk")
struct HistoryRiskTests {
    static let onset = "2026-03-03 09:00"

    static func journal(
        _ history: [HistoryItem], onsetPain: Int = 4, latestDay: Int, latestPain: Int,
        _ symptoms: [Symptom] = []
    ) -> (JournalBuilder, String) {
        var b = JournalBuilder()
        b.history = history
        b.checkIn(onset, pain: onsetPain)
        let date = LocalDate("2026-03-03")!.adding(days: latestDay)
        b.checkIn("\(date) 09:00", pain: latestPain, symptoms)
        return (b, "\(date) 10:00")
    }

    @Test(
        "see-doctor: a history item, latest ≥ 1, and day ≥ 7 or latest ≥ 7",
        arguments: [
            (HistoryItem.osteoporosis, 6, 5, Level?.none), (.osteoporosis, 7, 5, .seeDoctor), (.steroids, 1, 7, .seeDoctor),
            (.steroids, 1, 6, nil), (.ivDrugs, 10, 0, nil), (.immunosuppression, 8, 1, .seeDoctor),
        ])
    func seeDoctor(item: HistoryItem, day: Int, pain: Int, expected: Level?) {
        let (b, now) = Self.journal([item], latestDay: day, latestPain: pain)
        #expect(b.level(.historyRisk, at: now) == expected)
    }

    @Test("no history, no flag")
    func noHistory() {
        let (b, now) = Self.journal([], latestDay: 20, latestPain: 8)
        #expect(b.level(.historyRisk, at: now) == nil)
    }

    @Test(
        "cancer: urgent on night pain, pain on coughing, a tender spine or severe pain, at any day",
        arguments: [
            ([Symptom.nightPain], 3, Level?.some(.urgent)), ([.coughSneezePain], 3, .urgent), ([.tenderToTap], 3, .urgent),
            ([], 7, .urgent), ([], 6, nil), ([.stiffness], 3, nil),
        ])
    func cancerUrgent(symptoms: [Symptom], pain: Int, expected: Level?) {
        let (b, now) = Self.journal([.cancer], onsetPain: pain, latestDay: 0, latestPain: pain, symptoms)
        #expect(b.level(.historyRisk, at: now) == expected)
    }

    @Test(
        "cancer: emergency on leg weakness or nerve signs, the highest that applies",
        arguments: [
            Symptom.legWeakness, .numbness, .tingling, .radiatingPain, .difficultyWalking,
        ])
    func cancerEmergency(symptom: Symptom) {
        let (b, now) = Self.journal([.cancer], latestDay: 1, latestPain: 2, [symptom, .nightPain])
        let flag = b.flag(.historyRisk, at: now)
        #expect(flag?.level == .emergency)
        #expect(flag?.headline.text.contains("NICE NG234") == true)
    }

    @Test("cancer: getting-worse raises it to urgent, assessed or not")
    func cancerGettingWorse() throws {
        var b = JournalBuilder()
        b.history = [.cancer]
        b.checkIn(Self.onset, pain: 2)
        b.checkIn("2026-03-07 09:00", pain: 2)
        b.checkIn("2026-03-08 09:00", pain: 5)
        #expect(b.level(.gettingWorse, at: "2026-03-08 10:00") == .seeDoctor)
        #expect(b.level(.historyRisk, at: "2026-03-08 10:00") == .urgent)
        try b.assessed("2026-03-08 10:00", naming: [.gettingWorse])
        #expect(b.flag(.gettingWorse, at: "2026-03-08 11:00")?.assessedAt != nil)
        #expect(b.level(.historyRisk, at: "2026-03-08 11:00") == .urgent)
    }

    @Test("cancer: needs latest pain ≥ 1")
    func cancerNeedsPain() {
        var b = JournalBuilder()
        b.history = [.cancer]
        b.checkIn(Self.onset, pain: 3, [.nightPain])
        b.checkIn("2026-03-04 09:00", pain: 0)
        #expect(b.level(.historyRisk, at: "2026-03-04 10:00") == nil)
        #expect(b.level(.nightPain, at: "2026-03-04 10:00") == .seeDoctor)
    }

    @Test("training soreness silences the see-doctor branch but never the cancer branch")
    func trainingSoreness() {
        var b = JournalBuilder()
        b.checkIn("2026-03-01 09:00", pain: 0)
        b.checkIn("2026-03-02 09:00", pain: 3)
        b.checkIn("2026-03-05 09:00", pain: 0)
        b.session("2026-03-08 18:00")
        b.checkIn("2026-03-09 09:00", pain: 2)
        b.checkIn("2026-03-10 09:00", pain: 2)
        var osteo = b
        osteo.history = [.osteoporosis]
        #expect(osteo.level(.historyRisk, at: "2026-03-09 10:00") == nil)
        // Past the 72 h after the session, the check-in is no longer training soreness.
        osteo.checkIn("2026-03-12 09:00", pain: 2)
        #expect(osteo.level(.historyRisk, at: "2026-03-12 10:00") == .seeDoctor)
        var cancer = b
        cancer.history = [.cancer]
        cancer.checkIn("2026-03-10 12:00", pain: 2, [.tenderToTap])
        #expect(cancer.level(.historyRisk, at: "2026-03-10 13:00") == .urgent)
    }
}

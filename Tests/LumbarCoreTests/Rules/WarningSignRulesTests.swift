import Foundation
import Testing
@testable import LumbarCore
import LumbarText
import LumbarTestSupport

/// The warning-sign rules read the standing answers: a yes stands until answered no.
@Suite("Warning-sign rules")
struct WarningSignRulesTests {
    static let now = "2026-03-10 12:00"

    /// Every warning-sign key the contract names, with the rule and level it must raise on its own.
    static let cases: [(Symptom, RuleID, Level)] = [
        (.bladderBowel, .bladderBowel, .emergency),
        (.urinaryDifficulty, .urinaryDifficulty, .emergency),
        (.saddleNumbness, .saddleNumbness, .emergency),
        (.sexualDysfunction, .sexualDysfunction, .urgent),
        (.bothLegs, .bothLegs, .emergency),
        (.legWeakness, .legWeakness, .urgent),
        (.afterFall, .afterFall, .urgent),
        (.fever, .systemicSigns, .urgent),
        (.weightLoss, .systemicSigns, .urgent),
        (.numbness, .nerveSigns, .seeDoctor),
        (.tingling, .nerveSigns, .seeDoctor),
        (.radiatingPain, .nerveSigns, .seeDoctor),
        (.coughSneezePain, .nerveSigns, .seeDoctor),
        (.difficultyWalking, .nerveSigns, .seeDoctor),
        (.nightPain, .nightPain, .seeDoctor),
        (.limitedMobility, .limitedMobility, .seeDoctor),
        (.spreadingPain, .spreadingPain, .seeDoctor),
    ]

    @Test(
        "each warning sign raises its rule at its level, with the date of the yes, no window, and how to answer no",
        arguments: cases)
    func fires(symptom: Symptom, rule: RuleID, level: Level) throws {
        var b = JournalBuilder()
        b.checkIn("2026-03-10 08:00", pain: 3, [symptom])
        let status = b.status(at: Self.now)
        let flag = try #require(status.flags.first { $0.rule == rule })
        #expect(flag.level == level)
        #expect(status.level == level)
        #expect(flag.evidence.map(\.text) == ["2026-03-10: pain 3, \(symptom.rawValue): yes, standing until answered no"])
        #expect(flag.evidenceDates == [LocalDate("2026-03-10")!])
        #expect(flag.window == nil)
        #expect(flag.sources == rule.sources)
        #expect(!flag.sources.isEmpty)
        #expect(flag.action.text.hasPrefix(level.action))
        #expect(flag.action.text.contains("lumbar checkin --no \(symptom.rawValue)"))
        #expect(flag.action.text.contains("key n"))
    }

    @Test("a yes answered without pain, outside any episode, still counts", arguments: cases)
    func firesWithoutPain(symptom: Symptom, rule: RuleID, level: Level) {
        var b = JournalBuilder()
        b.checkIn("2026-03-10 08:00", pain: 0, [symptom])
        #expect(b.status(at: Self.now).episode == nil)
        #expect(b.level(rule, at: Self.now) == level)
    }

    @Test(
        "ordinary soreness words and tender-to-tap alone raise nothing", arguments: [Symptom.stiffness, .spasm, .sharpPain, .dullAche, .tenderToTap])
    func soreness(symptom: Symptom) {
        var b = JournalBuilder()
        b.checkIn("2026-03-10 08:00", pain: 0, [symptom])
        #expect(b.status(at: Self.now).flags.isEmpty)
        #expect(b.status(at: Self.now).level == .none)
    }

    @Test("a yes stands across 30 days of check-ins that leave the question unanswered", arguments: cases)
    func standsThirtyDays(symptom: Symptom, rule: RuleID, level: Level) {
        var b = JournalBuilder()
        b.checkIn("2026-03-01 08:00", pain: 0, [symptom])
        var date = LocalDate("2026-03-02")!
        for _ in 0..<30 {
            b.checkIn("\(date) 08:00", pain: 0, [.stiffness])
            date = date.adding(days: 1)
        }
        let flag = b.flag(rule, at: "2026-03-31 12:00")
        #expect(flag?.level == level)
        #expect(flag?.evidenceDates == [LocalDate("2026-03-01")!])
        #expect(flag?.headline.text.hasPrefix("Still ") == true)
        #expect(flag?.headline.text.contains("You said yes on Sun 1 Mar.") == true)
    }

    @Test("a no clears the yes; a yes after the no raises it again", arguments: cases)
    func noClears(symptom: Symptom, rule: RuleID, level: Level) {
        var b = JournalBuilder()
        b.checkIn("2026-03-01 08:00", pain: 2, [symptom])
        b.checkIn("2026-03-02 08:00", pain: 1, no: [symptom])
        #expect(b.level(rule, at: "2026-03-02 07:59") == level)
        #expect(b.level(rule, at: "2026-03-02 08:00") == nil)
        b.checkIn("2026-03-05 08:00", pain: 1, [symptom])
        #expect(b.level(rule, at: "2026-03-05 08:00") == level)
    }

    @Test(
        "the question headline comes when the latest yes is more than 7 days (168 h) before now",
        arguments: [
            (168 * 60, false), (168 * 60 + 1, true),
        ])
    func staleHeadline(minutesLater: Int, isQuestion: Bool) {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 08:00", pain: 2, [.numbness, .tingling])
        let flag = b.flag(.nerveSigns, at: b.time("2026-03-03 08:00", plusHours: 0, minutes: minutesLater))
        let question = "Still numbness or tingling? You said yes on Tue 3 Mar."
        #expect(flag?.headline.text.hasPrefix(question) == isQuestion)
        #expect(flag?.headline.text.hasPrefix("You answered yes to numbness or tingling on Tue 3 Mar.") == !isQuestion)
    }

    @Test(
        "sexual-dysfunction is an emergency while a bladder, urinary, saddle or both-legs yes stands, urgent otherwise",
        arguments: [Symptom.bladderBowel, .urinaryDifficulty, .saddleNumbness, .bothLegs])
    func sexualDysfunction(companion: Symptom) {
        var b = JournalBuilder()
        b.checkIn("2026-03-08 08:00", pain: 2, [.sexualDysfunction, companion])
        #expect(b.level(.sexualDysfunction, at: Self.now) == .emergency)
        b.checkIn("2026-03-09 08:00", pain: 2, no: [companion])
        #expect(b.level(.sexualDysfunction, at: Self.now) == .urgent)
        #expect(b.flag(.sexualDysfunction, at: Self.now)?.headline.text.contains("GIRFT") == true)
        #expect(b.status(at: Self.now).level == .urgent)
    }

    @Test("after-fall says that after a serious accident emergency care is the place")
    func afterFall() {
        var b = JournalBuilder()
        b.checkIn("2026-03-10 08:00", pain: 5, [.afterFall])
        let flag = b.flag(.afterFall, at: Self.now)
        #expect(flag?.level == .urgent)
        #expect(flag?.action.text.contains("a serious accident (a road crash, a fall from a height), go to emergency care now") == true)
        #expect(flag?.sources.contains(.niceNG59) == true)
    }

    @Test("a check-in after now is ignored and counted")
    func afterNow() {
        var b = JournalBuilder()
        b.checkIn("2026-03-10 12:01", pain: 5, [.legWeakness])
        #expect(b.status(at: Self.now).flags.isEmpty)
        #expect(b.status(at: Self.now).ignoredFutureEntries == 1)
        #expect(b.level(.legWeakness, at: "2026-03-10 12:01") == .urgent)
        #expect(b.status(at: "2026-03-10 12:01").ignoredFutureEntries == 0)
    }

    @Test("nerve-signs and systemic-signs list every key that set them off, once each")
    func everyKey() {
        var b = JournalBuilder()
        b.checkIn("2026-03-08 08:00", pain: 4, [.numbness, .stiffness, .fever])
        b.checkIn("2026-03-09 08:00", pain: 5, [.tingling, .weightLoss])
        let status = b.status(at: Self.now)
        #expect(status.flags.filter { $0.rule == .nerveSigns }.count == 1)
        let nerve = status.flags.first { $0.rule == .nerveSigns }
        #expect(nerve?.headline.text.hasPrefix("You answered yes to numbness or tingling on Mon 9 Mar.") == true)
        #expect(
            nerve?.evidence.map(\.text) == [
                "2026-03-08: pain 4, numbness: yes, standing until answered no",
                "2026-03-09: pain 5, tingling: yes, standing until answered no",
            ])
        #expect(nerve?.action.text.contains("lumbar checkin --no numbness,tingling") == true)
        let systemic = status.flags.first { $0.rule == .systemicSigns }
        #expect(systemic?.action.text.contains("--no fever,weight-loss") == true)
        #expect(systemic?.level == .urgent)
    }

    @Test("flags come most urgent first, and the status level is the highest")
    func ordering() {
        var b = JournalBuilder()
        b.checkIn("2026-03-10 08:00", pain: 2, [.nightPain, .legWeakness, .saddleNumbness, .numbness])
        let status = b.status(at: Self.now)
        #expect(status.flags.map(\.rule) == [.saddleNumbness, .legWeakness, .nerveSigns, .nightPain])
        #expect(status.level == .emergency)
        let levels = status.flags.map(\.level)
        #expect(levels == levels.sorted(by: >))
    }

    @Test("the standing answer is the latest check-in's answer; ties go to the one logged last")
    func standingAnswerOrder() {
        var b = JournalBuilder()
        b.checkIn("2026-03-09 08:00", pain: 2, [.nightPain])
        b.checkIn("2026-03-09 08:00", pain: 2, no: [.nightPain])
        #expect(b.level(.nightPain, at: Self.now) == nil)
        var c = JournalBuilder()
        c.checkIn("2026-03-09 08:00", pain: 2, no: [.nightPain])
        c.checkIn("2026-03-09 08:00", pain: 2, [.nightPain])
        #expect(c.level(.nightPain, at: Self.now) == .seeDoctor)
    }

    @Test("a version-1 check-in answered every version-1 sign: one that does not list a yes clears it; the new keys stay standing")
    func versionOneAnswers() {
        var b = JournalBuilder()
        b.checkIn("2026-03-01 08:00", pain: 4, [.bladderBowel, .bothLegs])
        // As the reader gives a version-1 check-in: every version-1 key it does not list is a no.
        b.checkIn("2026-03-02 08:00", pain: 3, [.stiffness], no: Symptom.version1WarningSigns)
        let status = b.status(at: "2026-03-02 09:00")
        #expect(b.level(.bladderBowel, at: "2026-03-02 09:00") == nil)
        #expect(status.flags.map(\.rule) == [.bothLegs])
        #expect(status.level == .emergency)
    }
}

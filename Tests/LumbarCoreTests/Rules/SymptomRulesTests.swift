import Foundation
import Testing
@testable import LumbarCore

@Suite("Symptom rules")
struct SymptomRulesTests {
    static let now = "2026-03-10 12:00"

    /// Every symptom the contract names, with the rule and level it must raise.
    static let cases: [(Symptom, RuleID, Level)] = [
        (.bladderBowel, .bladderBowel, .emergency),
        (.saddleNumbness, .saddleNumbness, .emergency),
        (.legWeakness, .legWeakness, .urgent),
        (.numbness, .nerveSigns, .seeDoctor),
        (.tingling, .nerveSigns, .seeDoctor),
        (.radiatingPain, .nerveSigns, .seeDoctor),
        (.coughSneezePain, .nerveSigns, .seeDoctor),
        (.difficultyWalking, .nerveSigns, .seeDoctor),
        (.nightPain, .nightPain, .seeDoctor),
        (.limitedMobility, .limitedMobility, .seeDoctor),
        (.spreadingPain, .spreadingPain, .seeDoctor),
        (.fever, .systemicSigns, .seeDoctor),
        (.weightLoss, .systemicSigns, .seeDoctor),
    ]

    @Test("each warning symptom raises its rule at its level", arguments: cases)
    func fires(symptom: Symptom, rule: RuleID, level: Level) {
        var b = JournalBuilder()
        b.checkIn("2026-03-10 08:00", pain: 3, [symptom])
        let status = b.status(at: Self.now)
        let flag = status.flags.first { $0.rule == rule }
        #expect(flag?.level == level)
        #expect(status.level == level)
        #expect(flag?.evidence == ["2026-03-10: pain 3, \(symptom.label)"])
        #expect(flag?.evidenceDates == [LocalDate("2026-03-10")!])
        #expect(flag?.sources == rule.sources)
        #expect(flag?.sources.isEmpty == false)
    }

    @Test("a symptom reported without pain, outside any episode, still counts", arguments: cases)
    func firesWithoutPain(symptom: Symptom, rule: RuleID, level: Level) {
        var b = JournalBuilder()
        b.checkIn("2026-03-10 08:00", pain: 0, [symptom])
        let status = b.status(at: Self.now)
        #expect(status.episode == nil)
        #expect(b.level(rule, at: Self.now) == level)
    }

    @Test("ordinary soreness words raise nothing", arguments: [Symptom.stiffness, .spasm, .sharpPain, .dullAche, .tenderToTap])
    func soreness(symptom: Symptom) {
        var b = JournalBuilder()
        b.checkIn("2026-03-10 08:00", pain: 0, [symptom])
        #expect(b.status(at: Self.now).flags.isEmpty)
        #expect(b.status(at: Self.now).level == .none)
    }

    @Test("the week is 168 real hours, inclusive: at now − 168 h it counts, a minute earlier it does not")
    func weekBoundary() {
        var inside = JournalBuilder()
        inside.checkIn(inside.time(Self.now, plusHours: -168), pain: 0, [.numbness])
        #expect(inside.level(.nerveSigns, at: Self.now) == .seeDoctor)

        var outside = JournalBuilder()
        outside.checkIn(outside.time(Self.now, plusHours: -168, minutes: -1), pain: 0, [.numbness])
        #expect(outside.level(.nerveSigns, at: Self.now) == nil)
    }

    @Test("the week across the spring change is still 168 real hours (Stockholm, 29 Mar)")
    func weekAcrossDST() {
        var b = JournalBuilder("Europe/Stockholm")
        // 2026-03-25 12:00 CET is 11:00Z; 168 h later is 2026-04-01 11:00Z = 13:00 CEST.
        b.checkIn("2026-03-25 12:00", pain: 0, [.nightPain])
        #expect(b.level(.nightPain, at: "2026-04-01 13:00") == .seeDoctor)
        #expect(b.level(.nightPain, at: "2026-04-01 13:01") == nil)
        #expect(b.flag(.nightPain, at: "2026-04-01 13:00")?.window?.text == "7 days after the report of Wed 25 Mar 12:00 = Wed 1 Apr 13:00")
    }

    @Test("a check-in after now is ignored")
    func afterNow() {
        var b = JournalBuilder()
        b.checkIn("2026-03-10 12:01", pain: 5, [.legWeakness])
        #expect(b.status(at: Self.now).flags.isEmpty)
        #expect(b.level(.legWeakness, at: "2026-03-10 12:01") == .urgent)
    }

    @Test("nerve signs list every sign seen and every check-in, each rule once")
    func nerveSignsEvidence() {
        var b = JournalBuilder()
        b.checkIn("2026-03-08 08:00", pain: 4, [.numbness, .stiffness])
        b.checkIn("2026-03-09 08:00", pain: 5, [.tingling, .numbness])
        let status = b.status(at: Self.now)
        #expect(status.flags.filter { $0.rule == .nerveSigns }.count == 1)
        let flag = status.flags.first { $0.rule == .nerveSigns }
        #expect(flag?.headline == "Possible nerve signs were logged in the last 7 days: numbness, tingling.")
        #expect(flag?.evidence == ["2026-03-08: pain 4, numbness", "2026-03-09: pain 5, numbness, tingling"])
        #expect(flag?.evidenceDates.map(\.description) == ["2026-03-08", "2026-03-09"])
        #expect(flag?.window?.text == "7 days after the report of Mon 9 Mar 08:00 = Mon 16 Mar 08:00")
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

    @Test("emergency and urgent flags say to act now or today")
    func actions() {
        var b = JournalBuilder()
        b.checkIn("2026-03-10 08:00", pain: 2, [.bladderBowel, .legWeakness, .spreadingPain])
        let status = b.status(at: Self.now)
        #expect(status.flags.first { $0.rule == .bladderBowel }?.action == Level.emergency.action)
        #expect(status.flags.first { $0.rule == .legWeakness }?.action == Level.urgent.action)
        #expect(status.flags.first { $0.rule == .spreadingPain }?.action == Level.seeDoctor.action)
        #expect(Level.emergency.action.contains("emergency"))
    }
}

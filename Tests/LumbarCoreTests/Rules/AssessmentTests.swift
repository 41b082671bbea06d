import Foundation
import Testing
@testable import LumbarCore
@testable import LumbarText
import LumbarTestSupport

/// A clinician's assessment covers flags until new evidence raises them again.
@Suite("Assessments")
struct AssessmentTests {
    /// Night pain (see-doctor) and leg weakness (urgent) answered yes on Tue 3 Mar.
    static func signs() -> JournalBuilder {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 09:00", pain: 3, [.nightPain, .legWeakness])
        return b
    }

    @Test("the default covers every see-doctor flag raised at its time, at its level; urgent ones only by name")
    func defaultCover() throws {
        var b = Self.signs()
        let assessment = try b.assessed("2026-03-03 12:00")
        #expect(assessment.rules == [Assessment.CoveredRule(rule: "night-pain", level: .seeDoctor)])
        #expect(assessment.at == b.time("2026-03-03 12:00"))
        let status = b.status(at: "2026-03-04 12:00")
        #expect(status.flags.first { $0.rule == .nightPain }?.assessedAt == b.time("2026-03-03 12:00"))
        #expect(status.flags.first { $0.rule == .legWeakness }?.assessedAt == nil)
        #expect(status.level == .urgent)
        try b.assessed("2026-03-03 13:00", naming: [.legWeakness])
        let after = b.status(at: "2026-03-04 12:00")
        #expect(after.flags.allSatisfy { $0.assessedAt != nil })
        // A covered urgent flag holds the status at watch and says its own action applies if it gets worse.
        #expect(after.level == .watch)
        let leg = after.flags.first { $0.rule == .legWeakness }
        #expect(leg?.action.text.contains("If it gets worse, or another sign on the emergency line appears") == true)
        #expect(leg?.action.text.contains(Level.urgent.action) == true)
    }

    @Test("all covered see-doctor flags: level none, still listed")
    func allCovered() throws {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 09:00", pain: 3, [.nightPain])
        try b.assessed("2026-03-03 12:00")
        let status = b.status(at: "2026-03-04 12:00")
        #expect(status.level == .none)
        #expect(status.flags.map(\.rule) == [.nightPain])
        let json = StatusFormatter.json(status)
        let flag = json.objectValue?["flags"]?.arrayValue?.first?.objectValue
        #expect(flag?["assessedAt"]?.stringValue == "2026-03-03T12:00:00+01:00")
        #expect(StatusFormatter.text(status, timeZone: b.zone, color: false).contains("  Assessed: Tue 3 Mar 12:00"))
    }

    @Test("errors: a default with no see-doctor flag, or a named rule that was not raised")
    func errors() {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 09:00", pain: 3, [.legWeakness])
        #expect(throws: AssessmentError.nothingToCover(raised: [.legWeakness])) { try b.assessed("2026-03-03 12:00") }
        #expect(throws: AssessmentError.notRaised([.nightPain], raised: [.legWeakness])) {
            try b.assessed("2026-03-03 12:00", naming: [.nightPain, .legWeakness])
        }
        #expect(AssessmentError.nothingToCover(raised: [.legWeakness]).message.contains("--rule"))
        #expect(b.assessments.isEmpty)
    }

    @Test("flags already covered count as raised for a new assessment")
    func coveredCountAsRaised() throws {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 09:00", pain: 3, [.nightPain])
        try b.assessed("2026-03-03 12:00")
        let second = try b.assessed("2026-03-04 12:00")
        #expect(second.rules.map(\.rule) == ["night-pain"])
    }

    @Test("a warning sign is raised again by a key that was not yes at the assessment")
    func newKey() {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 09:00", pain: 3, [.numbness])
        b.assessed("2026-03-03 12:00", [(.nerveSigns, .seeDoctor)])
        b.checkIn("2026-03-04 09:00", pain: 3, [.numbness])
        #expect(b.flag(.nerveSigns, at: "2026-03-04 10:00")?.assessedAt != nil, "repeating the yes keeps it covered")
        b.checkIn("2026-03-05 09:00", pain: 3, [.tingling])
        #expect(b.flag(.nerveSigns, at: "2026-03-05 10:00")?.assessedAt == nil)
        #expect(b.status(at: "2026-03-05 10:00").level == .seeDoctor)
    }

    @Test("a no and then a yes again raises it")
    func noThenYes() {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 09:00", pain: 3, [.nightPain])
        b.assessed("2026-03-03 12:00", [(.nightPain, .seeDoctor)])
        b.checkIn("2026-03-04 09:00", pain: 3, no: [.nightPain])
        #expect(b.level(.nightPain, at: "2026-03-04 10:00") == nil)
        b.checkIn("2026-03-05 09:00", pain: 3, [.nightPain])
        #expect(b.flag(.nightPain, at: "2026-03-05 10:00")?.assessedAt == nil)
    }

    @Test("a check-in at exactly the assessment's time counts as before it", arguments: [(0, true), (1, false)])
    func sameInstant(minutesAfter: Int, covered: Bool) {
        var b = JournalBuilder()
        b.checkIn(b.time("2026-03-03 12:00", plusHours: 0, minutes: minutesAfter), pain: 3, [.nightPain])
        b.assessed("2026-03-03 12:00", [(.nightPain, .seeDoctor)])
        #expect((b.flag(.nightPain, at: "2026-03-03 13:00")?.assessedAt != nil) == covered)
    }

    @Test("a higher level raises it: sexual-dysfunction assessed as urgent turns emergency")
    func higherLevelWarningSign() {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 09:00", pain: 3, [.sexualDysfunction])
        b.assessed("2026-03-03 12:00", [(.sexualDysfunction, .urgent)])
        #expect(b.status(at: "2026-03-03 13:00").level == .watch)
        b.checkIn("2026-03-04 09:00", pain: 3, [.bothLegs])
        let status = b.status(at: "2026-03-04 10:00")
        #expect(status.flags.first { $0.rule == .sexualDysfunction }?.assessedAt == nil)
        #expect(status.level == .emergency)
    }

    @Test("an episode rule: covered in its episode up to its stored level, raised by a higher level or a new episode")
    func episodeRule() {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 09:00", pain: 8)
        b.assessed("2026-03-03 12:00", [(.intensePain, .watch)])
        #expect(b.flag(.intensePain, at: "2026-03-03 13:00")?.assessedAt != nil)
        var higher = b
        higher.checkIn("2026-03-04 09:00", pain: 9)
        #expect(higher.flag(.intensePain, at: "2026-03-04 10:00")?.assessedAt == nil)
        var again = b
        again.checkIn("2026-03-04 09:00", pain: 0)
        again.checkIn("2026-03-05 09:00", pain: 0)
        again.checkIn("2026-03-07 09:00", pain: 8)
        #expect(again.status(at: "2026-03-07 10:00").episodeDay == 0)
        #expect(again.flag(.intensePain, at: "2026-03-07 10:00")?.assessedAt == nil)
    }

    @Test(
        "persisting pain: a clinician's view holds across episodes for 12 weeks, up to the highest level stored",
        arguments: [
            (84 * 24 * 60, true), (84 * 24 * 60 + 1, false),
        ])
    func persistence(minutesAfter: Int, covered: Bool) {
        var b = JournalBuilder()
        b.checkIn("2026-01-01 09:00", pain: 5)
        b.checkIn("2026-01-15 09:00", pain: 5)
        b.assessed("2026-01-15 10:00", [(.pain2to4Weeks, .seeDoctor)])
        b.checkIn("2026-01-16 09:00", pain: 0)
        b.checkIn("2026-01-17 09:00", pain: 0)
        // A new episode from 1 Mar, 14 days old on 15 Mar.
        b.checkIn("2026-03-01 09:00", pain: 5)
        let now = b.time("2026-01-15 10:00", plusHours: 0, minutes: minutesAfter)
        b.checkIn("2026-03-20 09:00", pain: 5)
        b.checkIn(now.adding(hours: -1), pain: 5)
        let flag = b.flag(.pain2to4Weeks, at: now)
        #expect(flag?.level == .seeDoctor)
        #expect((flag?.assessedAt != nil) == covered)
        // not-improving is one of the three persistence rules, so it is covered too.
        #expect(b.flag(.notImproving, at: "2026-03-08 10:00")?.assessedAt != nil)
    }

    @Test("recurring-pain is covered while the assessment's date is one of the 28 dates")
    func recurring() {
        var b = RecurringPainTests.journal(painful: Array(13...20) + Array(0...5), painFree: [11, 12])
        b.assessed("2026-03-04 12:00", [(.recurringPain, .seeDoctor)])
        #expect(b.flag(.recurringPain, at: RecurringPainTests.now)?.assessedAt != nil)
        var old = RecurringPainTests.journal(painful: Array(13...20) + Array(0...5), painFree: [11, 12])
        old.assessed("2026-03-03 12:00", [(.nightPain, .seeDoctor)])
        #expect(old.flag(.recurringPain, at: RecurringPainTests.now)?.assessedAt == nil)
    }

    @Test("assessments after now are ignored")
    func afterNow() {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 09:00", pain: 3, [.nightPain])
        b.assessed("2026-03-05 12:00", [(.nightPain, .seeDoctor)])
        let status = b.status(at: "2026-03-04 12:00")
        #expect(status.flags.first?.assessedAt == nil)
        #expect(status.ignoredFutureEntries == 0)
    }
}

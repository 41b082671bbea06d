import Foundation
import Testing
@testable import LumbarCore
@testable import LumbarText
import LumbarTestSupport

/// Training soreness: ordinary soreness after each session in someone whose back recovers
/// between sessions; it silences the duration rules but nothing else.
@Suite("Training soreness")
struct TrainingSorenessTests {
    /// Lifting Mon/Wed/Fri at 18:00 from Mon 5 Jan 2026, a check-in every morning at 08:00:
    /// 3 the morning after a session, 2 the next, 0 on Monday (the weekend's second day is 2).
    static func lifter(days: Int, soreness: (first: Int, second: Int) = (3, 2)) -> JournalBuilder {
        var b = JournalBuilder()
        let first = LocalDate("2026-01-05")!
        for offset in 0..<days {
            let date = first.adding(days: offset)
            let weekday = offset % 7  // 0 = Monday
            let pain: Int
            switch weekday {
            case 0: pain = 0
            case 1, 3, 5: pain = offset == 0 ? 0 : soreness.first
            default: pain = soreness.second
            }
            b.checkIn("\(date) 08:00", pain: pain)
            if [0, 2, 4].contains(weekday) { b.session("\(date) 18:00", "deadlift") }
        }
        return b
    }

    @Test("the lifter's six months, day by day: never a see-doctor, and no duration rule at all")
    func lifterSixMonths() {
        let days = 182
        let b = Self.lifter(days: days)
        let first = LocalDate("2026-01-05")!
        var highest = Level.none
        var fired = Set<RuleID>()
        for offset in 0..<days {
            for hour in ["08:30", "20:00"] {
                let status = b.status(at: "\(first.adding(days: offset)) \(hour)")
                highest = max(highest, status.level)
                fired.formUnion(status.flags.map(\.rule))
            }
        }
        #expect(highest < .seeDoctor)
        #expect(fired.isDisjoint(with: [.notImproving, .pain2to4Weeks, .gettingWorse, .sixWeekRisk, .historyRisk, .recurringPain]))
        // The episode never closes (one pain-free date a week), so the duration rules were really asked.
        let end = b.status(at: "\(first.adding(days: days - 1)) 20:00")
        #expect((end.episodeDay ?? 0) > 170)
    }

    @Test("the same weeks at 4 then 3 are not training soreness: pain-2-4-weeks fires (the test can fail)")
    func lifterWithMorePain() {
        let b = Self.lifter(days: 30, soreness: (4, 3))
        #expect(b.level(.pain2to4Weeks, at: "2026-02-03 20:00") == .seeDoctor)
    }

    /// An episode from Fri 20 Feb (day 17 on Mon 9 Mar) with one pain-free date and a check-in on Thu 5 Mar.
    static func longEpisode(painFreeDate: String = "2026-03-02") -> JournalBuilder {
        var b = JournalBuilder()
        b.checkIn("2026-02-20 09:00", pain: 4)
        b.checkIn("2026-02-25 09:00", pain: 3)
        b.checkIn("\(painFreeDate) 09:00", pain: 0)
        b.checkIn("2026-03-05 09:00", pain: 3)
        return b
    }

    @Test(
        "training soreness needs a pain-free date among the 7 dates before",
        arguments: [
            ("2026-03-02", true), ("2026-03-01", false),
        ])
    func needsPainFreeDate(painFreeDate: String, silenced: Bool) {
        var b = Self.longEpisode(painFreeDate: painFreeDate)
        b.session("2026-03-08 18:00")
        b.checkIn("2026-03-09 09:00", pain: 2)
        #expect((b.level(.pain2to4Weeks, at: "2026-03-09 10:00") == nil) == silenced)
    }

    @Test(
        "training soreness: pain ≤ 3, within 72 h after a session (inclusive), no warning-sign yes in the check-in",
        arguments: [
            (3, 72 * 60, [Symptom](), true), (4, 60, [], false), (3, 72 * 60 + 1, [], false),
            (2, 60, [.nightPain], false), (2, 60, [.stiffness], true),
        ])
    func definition(pain: Int, minutesAfter: Int, symptoms: [Symptom], silenced: Bool) {
        var b = Self.longEpisode(painFreeDate: "2026-03-06")
        b.session("2026-03-08 18:00")
        let at = b.time("2026-03-08 18:00", plusHours: 0, minutes: minutesAfter)
        b.checkIn(at, pain: pain, symptoms)
        #expect((b.level(.pain2to4Weeks, at: at) == nil) == silenced)
    }

    @Test("a sudden session within 72 h before it makes it not training soreness")
    func suddenSession() {
        var b = Self.longEpisode()
        b.session("2026-03-07 18:00", suddenPain: true)
        b.session("2026-03-08 18:00")
        b.checkIn("2026-03-09 09:00", pain: 2)
        #expect(b.level(.pain2to4Weeks, at: "2026-03-09 10:00") == .watch)
    }

    @Test("training soreness does not silence the warning signs or intense pain")
    func notSilenced() {
        var b = Self.lifter(days: 30)
        b.checkIn("2026-02-03 09:00", pain: 2, [.numbness])
        #expect(b.level(.nerveSigns, at: "2026-02-03 10:00") == .seeDoctor)
        #expect(b.level(.pain2to4Weeks, at: "2026-02-03 10:00") == .seeDoctor)
    }

    // MARK: doms-window

    @Test("doms-window stays quiet beside any flag at watch or above, assessed ones included")
    func domsSuppressed() throws {
        var b = JournalBuilder()
        b.session("2026-03-02 18:00")
        b.checkIn("2026-03-03 09:00", pain: 4)
        #expect(b.level(.domsWindow, at: "2026-03-03 10:00") == .info)
        b.checkIn("2026-03-03 11:00", pain: 4, [.nightPain])
        #expect(b.level(.domsWindow, at: "2026-03-03 12:00") == nil)
        try b.assessed("2026-03-03 12:00")
        let status = b.status(at: "2026-03-03 13:00")
        #expect(status.flags.first { $0.rule == .nightPain }?.assessedAt != nil)
        #expect(status.level == .none)
        #expect(!status.flags.contains { $0.rule == .domsWindow })
    }

    @Test("doms-window needs a trigger that is not sudden")
    func domsNotSudden() {
        var b = JournalBuilder()
        b.session("2026-03-02 18:00")
        b.checkIn("2026-03-03 09:00", pain: 4, [.sharpPain])
        #expect(b.level(.domsWindow, at: "2026-03-03 10:00") == nil)
        #expect(b.level(.acuteInjury, at: "2026-03-03 10:00") == .watch)
    }

    @Test("reassurance never stands beside a flag at watch or above")
    func noReassuranceBesideWarning() {
        var b = JournalBuilder()
        b.session("2026-03-02 18:00")
        b.checkIn("2026-03-03 09:00", pain: 3, [.bladderBowel])
        let status = b.status(at: "2026-03-03 10:00")
        #expect(status.level == .emergency)
        let text = StatusFormatter.text(status, timeZone: b.zone, color: false)
        #expect(!text.contains("ordinary post-exercise soreness"))
        #expect(!text.contains("what is typical"))
    }
}

import Foundation
import Testing
@testable import LumbarCore
import LumbarText
import LumbarTestSupport

/// Today's answer, each rule with both sides of its boundaries. Stockholm, March 2026.
@Suite("Training: today's answer")
struct TrainingTodayTests {
    static let now = "2026-03-10 18:00"

    @Test(
        "pain alone: 0 train, 1–6 light, 7 or more rest",
        arguments: [
            (0, TrainingAnswer.train), (1, .light), (3, .light), (6, .light), (7, .rest), (10, .rest),
        ])
    func painBands(pain: Int, expected: TrainingAnswer) {
        var b = TrainingBuilder()
        b.checkIn("2026-03-10 08:00", pain: pain)
        let today = b.today(at: Self.now)
        #expect(today.answer == expected)
        #expect(today.painCheckIn?.pain == pain)
        #expect(today.reasons.first?.text.contains("Pain") == true)
    }

    @Test(
        "rest when the pain is up 2 or more from the last check-in in the 24 h before the latest session",
        arguments: [
            (1, 3, -60, TrainingAnswer.rest), (1, 2, -60, .light), (0, 2, -60, .rest), (0, 1, -60, .light),
            (1, 3, -24 * 60, .rest), (1, 3, -24 * 60 - 1, .light), (1, 3, 0, .rest),
        ])
    func riseSinceBeforeTheLatestSession(before: Int, now pain: Int, beforeMinutes: Int, expected: TrainingAnswer) {
        var b = TrainingBuilder()
        b.session("2026-03-09 18:00")
        b.checkIn(b.time("2026-03-09 18:00", plusMinutes: beforeMinutes), pain: before)
        b.checkIn("2026-03-10 08:00", pain: pain)
        #expect(b.today(at: Self.now).answer == expected)
    }

    @Test("the rise is measured from before the latest session, not an earlier one")
    func riseUsesLatestSession() {
        var b = TrainingBuilder()
        b.checkIn("2026-03-08 17:00", pain: 0)
        b.session("2026-03-08 18:00")
        b.checkIn("2026-03-09 17:00", pain: 3)
        b.session("2026-03-09 18:00")
        b.checkIn("2026-03-10 08:00", pain: 4)
        #expect(b.today(at: Self.now).answer == .light)
    }

    @Test(
        "rest within 48 h of a sudden session, both ends included",
        arguments: [
            (0, true, TrainingAnswer.rest), (48 * 60, true, .rest), (48 * 60 + 1, true, .train), (60, false, .train),
        ])
    func afterSuddenSession(minutesAfter: Int, sudden: Bool, expected: TrainingAnswer) {
        var b = TrainingBuilder()
        b.session("2026-03-08 18:00", sudden: sudden)
        let now = b.time("2026-03-08 18:00", plusMinutes: minutesAfter)
        b.checkIn(b.time("2026-03-08 18:00", plusMinutes: max(0, minutesAfter - 30)), pain: 0)
        let today = b.today(at: now)
        #expect(today.answer == expected)
        if expected == .rest { #expect(today.reasons.contains { $0.text.contains("48 h") }) }
    }

    @Test("a sharp-pain yes after a session makes it sudden for the 48 h rest")
    func sharpPainMakesSudden() {
        var b = TrainingBuilder()
        b.session("2026-03-09 18:00")
        b.checkIn("2026-03-09 18:30", pain: 2, [.sharpPain])
        b.checkIn("2026-03-10 08:00", pain: 2)
        #expect(b.today(at: Self.now).answer == .rest)
        #expect(b.today(at: "2026-03-11 18:01").answer == .light)
    }

    @Test(
        "a check-in older than 24 h still answers, and asks for a new one",
        arguments: [
            (24 * 60, false), (24 * 60 + 1, true),
        ])
    func staleCheckIn(minutesOld: Int, stale: Bool) {
        var b = TrainingBuilder()
        b.checkIn(b.time(Self.now, plusMinutes: -minutesOld), pain: 2)
        let today = b.today(at: Self.now)
        #expect(today.answer == .light)
        #expect(today.isStale == stale)
        #expect(today.reasons.contains { $0.text.contains("check in now") } == stale)
    }

    @Test("no check-in at all: light, asking for one")
    func noCheckIn() {
        let today = TrainingBuilder().today(at: Self.now)
        #expect(today.answer == .light)
        #expect(today.painCheckIn == nil)
        #expect(today.reasons.map(\.text) == ["No check-in yet: check in so the answer can read your pain."])
    }

    @Test("check-ins after now are not read")
    func futureIgnored() {
        var b = TrainingBuilder()
        b.checkIn("2026-03-10 08:00", pain: 0)
        b.checkIn("2026-03-10 18:01", pain: 9)
        #expect(b.today(at: Self.now).answer == .train)
    }

    @Test(
        "train adds the week's load change when the week is at least 1.5 × the usual",
        arguments: [
            (150, true), (149, false),
        ])
    func heavyWeekReason(weekLoad: Int, named: Bool) {
        var b = TrainingBuilder()
        for day in ["2026-02-10", "2026-02-17", "2026-02-24", "2026-03-02"] { b.session("\(day) 18:00", "run", minutes: 10, rpe: 10) }
        b.session("2026-03-09 18:00", "run", minutes: weekLoad, rpe: 1)
        b.checkIn("2026-03-10 08:00", pain: 0)
        let today = b.today(at: Self.now)
        #expect(today.answer == .train)
        #expect(today.reasons.contains { $0.text.contains("% above your usual 100") } == named)
    }

    /// A status with one flag at `level`, assessed or not.
    func status(_ level: Level, assessed: Bool, b: TrainingBuilder) -> Status {
        let now = b.time(Self.now)
        let flag = RuleFlag(
            rule: .nerveSigns, level: level, headline: "Numbness", action: Phrase(level.action), evidence: [],
            evidenceDates: [], window: nil, sources: [.shouldIBeWorried], assessedAt: assessed ? now.adding(hours: -1) : nil)
        return Status(now: now, level: level, flags: [flag], episode: nil)
    }

    @Test(
        "not until checked: a flag at see-doctor or above that no clinician has assessed",
        arguments: [
            (Level.seeDoctor, false, TrainingAnswer.notUntilChecked), (.urgent, false, .notUntilChecked), (.emergency, false, .notUntilChecked),
            (.seeDoctor, true, .train), (.emergency, true, .train), (.watch, false, .train), (.info, false, .train),
        ])
    func notUntilChecked(level: Level, assessed: Bool, expected: TrainingAnswer) {
        var b = TrainingBuilder()
        b.checkIn("2026-03-10 08:00", pain: 0)
        let now = b.time(Self.now)
        let today = TrainingToday.evaluate(
            b.journal, now: now.date, timeZone: b.zone, week: b.week(at: now),
            status: status(level, assessed: assessed, b: b))
        #expect(today.answer == expected)
        #expect(today.unassessedFlags.count == (expected == .notUntilChecked ? 1 : 0))
    }

    @Test("not until checked outranks rest, and reads the escalation engine")
    func notUntilCheckedFromTheEngine() {
        var b = TrainingBuilder()
        b.session("2026-03-09 18:00", sudden: true)
        b.checkIn("2026-03-10 08:00", pain: 8, [.numbness])
        #expect(b.today(at: Self.now).answer == .rest)
        let today = b.todayWithEngine(at: Self.now)
        #expect(today.answer == .notUntilChecked)
        #expect(today.reasons.contains { $0.text.contains("nerve-signs") })
    }

    @Test("every answer names its sources and a headline of its own")
    func sources() {
        for answer in TrainingAnswer.allCases {
            #expect(!answer.sources.isEmpty)
            #expect(!answer.headline.isEmpty)
        }
        #expect(Set(TrainingAnswer.allCases.map(\.key)) == ["not-until-checked", "rest", "light", "train"])
    }
}

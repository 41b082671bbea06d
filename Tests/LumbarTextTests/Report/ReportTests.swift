import Foundation
import Testing
@testable import LumbarCore
@testable import LumbarText
import LumbarTestSupport

@Suite struct ReportTests {
    let zone = ReportFixture.zone

    func date(_ text: String) -> LocalDate { LocalDate(text)! }

    // MARK: Period

    @Test func theDefaultPeriodStartsAtTheTriggerSessionOfTheWorstEpisode() {
        let period = ReportPeriod.standard(through: date("2026-03-20"), journal: ReportFixture.journal, now: ReportFixture.now, timeZone: zone)
        // The February episode (peak 2) is milder than the March one (peak 8), which began with the deadlift of Mon 2 Mar.
        #expect(period.first == date("2026-03-02"))
        #expect(period.last == date("2026-03-20"))
        guard case .episode(let onset, let trigger, let peak, let days, let isOpen, let clipped) = period.reason else {
            Issue.record("\(period.reason)")
            return
        }
        #expect((onset, trigger?.kind, peak, days, isOpen, clipped) == (date("2026-03-03"), "deadlift", 8, 17, true, false))
    }

    @Test func theSixWeekStoryIsReportedFromItsDeadliftNotFromTheBlipOpenNow() throws {
        let report = SixWeekStory.report
        #expect(report.firstDay == date("2026-10-17"))
        #expect(report.lastDay == date("2026-12-01"))
        let episode = try #require(report.episode)
        #expect(episode.trigger?.kind == "deadlift")
        #expect(episode.closeDate == date("2026-11-29"))
        #expect((episode.peak, report.episodeDay) == (7, 43))
        #expect(report.status.episode?.peak == 1)
        #expect(ReportContent.periodText(report) == "Sat 17 Oct 2026 \u{2013} Tue 1 Dec 2026 (46 days)")
        #expect(ReportContent.periodReason(report).hasPrefix("Starts at the deadlift session of Sat 17 Oct, which the worst episode"))
    }

    @Test(arguments: [(40, "2026-02-08"), (89, "2025-12-21"), (200, "2025-09-01")])
    func theDefaultPeriodReachesBackToAnOpenEpisodesOnset(daysAgo: Int, expected: String) {
        var builder = JournalBuilder()
        let today = date("2026-03-20")
        let onset = today.adding(days: -daysAgo)
        builder.checkIn("\(onset) 08:00", pain: 3)
        builder.checkIn("2026-03-19 08:00", pain: 2)
        let now = builder.time("2026-03-20 09:00").date
        #expect(ReportPeriod.standard(through: today, journal: builder.journal, now: now, timeZone: zone).first == date(expected))
    }

    @Test func anEpisodeThatClosedInsideTheLookBackStillChoosesThePeriod() {
        var builder = JournalBuilder()
        builder.session("2026-01-09 18:00", "squat")
        builder.checkIn("2026-01-10 08:00", pain: 3)
        builder.checkIn("2026-01-12 08:00", pain: 0)
        builder.checkIn("2026-01-13 08:00", pain: 0)
        builder.checkIn("2026-03-10 08:00", pain: 2)
        let now = builder.time("2026-03-20 09:00").date
        let period = ReportPeriod.standard(through: date("2026-03-20"), journal: builder.journal, now: now, timeZone: zone)
        #expect(period.first == date("2026-01-09"))
    }

    @Test func equalPeaksGoToTheLongerEpisode() {
        var builder = JournalBuilder()
        builder.checkIn("2026-02-01 08:00", pain: 4)
        builder.checkIn("2026-02-09 08:00", pain: 2)
        builder.checkIn("2026-02-10 08:00", pain: 0)
        builder.checkIn("2026-02-11 08:00", pain: 0)
        builder.checkIn("2026-03-01 08:00", pain: 4)
        builder.checkIn("2026-03-02 08:00", pain: 0)
        builder.checkIn("2026-03-03 08:00", pain: 0)
        let now = builder.time("2026-03-20 09:00").date
        #expect(ReportPeriod.standard(through: date("2026-03-20"), journal: builder.journal, now: now, timeZone: zone).first == date("2026-02-01"))
    }

    @Test func withoutAnEpisodeInTheLastNinetyDaysThePeriodIsTheLastThirtyDays() {
        var builder = JournalBuilder()
        builder.checkIn("2025-12-10 08:00", pain: 3)
        builder.checkIn("2025-12-12 08:00", pain: 0)
        builder.checkIn("2025-12-13 08:00", pain: 0)
        let now = builder.time("2026-03-20 09:00").date
        let period = ReportPeriod.standard(through: date("2026-03-20"), journal: builder.journal, now: now, timeZone: zone)
        #expect(period.first == date("2026-02-19"))
        #expect(period.reason == .recentDays(30))
    }

    @Test func thePeriodStopsAtTodayAndLeavesOutEntriesAfterNow() {
        var journal = ReportFixture.journal
        journal.upsert(ReportFixture.checkIn("2026-03-20 18:00", pain: 9, [.legWeakness], note: "later today"))
        journal.upsert(ReportFixture.checkIn("2026-03-22 08:00", pain: 9))
        let report = Report(
            journal: journal, from: date("2026-03-01"), through: date("2026-03-31"),
            now: ReportFixture.now, timeZone: zone)
        #expect(report.lastDay == date("2026-03-20"))
        #expect(report.days.count == 20)
        #expect(report.days.last?.checkIns.map(\.pain) == [4])
        #expect(report.asOf == report.generatedAt)
        #expect(!report.notes.contains { $0.text == "later today" })
        #expect(report.warningSigns.first { $0.symptom == .legWeakness }?.wasReported == false)
        #expect(report.status.level == .seeDoctor)
    }

    @Test func aPeriodEndingBeforeTodayIsReadAtTheEndOfItsLastDay() {
        let report = Report(
            journal: ReportFixture.journal, from: date("2026-03-01"), through: date("2026-03-06"),
            now: ReportFixture.now, timeZone: zone)
        #expect(report.asOf == date("2026-03-06").end(in: zone))
        #expect(report.episodeDay == 3)
        #expect(report.episode?.latest.pain == 8)
        #expect(report.status.flags.contains { $0.rule == .severe72to96h && $0.level == .seeDoctor })
    }

    // MARK: Days

    @Test func daysCarryTheirEntriesAndASevenDayAverageOfDailyHighs() throws {
        let report = ReportFixture.report
        #expect(report.days.count == 31)
        let day = { (text: String) in report.days.first { $0.date == self.date(text) } }
        // 18 Feb: 16 Feb (0), 17 Feb (2) and 18 Feb (0) are the logged days in the week, before the period included.
        let feb18Day = try #require(day("2026-02-18"))
        let feb18 = try #require(feb18Day.sevenDayAverage)
        #expect(abs(feb18 - 2.0 / 3.0) < 1e-9)
        let march3 = try #require(day("2026-03-03"))
        #expect(march3.pain == 5)
        #expect(march3.checkIns.map(\.pain) == [5, 4])
        #expect(march3.sevenDayAverage == 5)
        #expect(march3.care == [.active, .heat])
        #expect(try #require(day("2026-03-02")).sessions.map(\.kind) == ["deadlift"])
        // 6 Mar: 3 Mar (5), 4 Mar (7), 5 Mar (7), 6 Mar (8).
        #expect(try #require(day("2026-03-06")).sevenDayAverage == 6.75)
        #expect(try #require(day("2026-03-07")).isEmpty)
        #expect(try #require(day("2026-02-25")).sevenDayAverage == 0)
        #expect(try #require(day("2026-02-26")).sevenDayAverage == nil)
    }

    @Test func eachDayCarriesTheLevelTheRulesGaveAtItsEnd() {
        for day in ReportFixture.report.days {
            let end = day.date == date("2026-03-20") ? ReportFixture.now : day.date.end(in: zone).date
            #expect(day.level == EscalationEngine.evaluate(ReportFixture.journal, now: end, timeZone: zone).level, "\(day.date)")
        }
    }

    @Test func runsOfEmptyDaysFoldIntoOneRowButASingleEmptyDayStays() {
        let rows = ReportFixture.report.rows
        #expect(rows.contains(.gap(first: date("2026-02-20"), last: date("2026-03-01"), level: .none)))
        #expect(rows.contains(.gap(first: date("2026-03-11"), last: date("2026-03-12"), level: .seeDoctor)))
        #expect(rows.contains { if case .day(let day) = $0 { return day.date == date("2026-03-07") } else { return false } })
        let covered = rows.reduce(0) { total, row in
            switch row {
            case .day: return total + 1
            case .gap(let first, let last, _): return total + first.days(to: last) + 1
            }
        }
        #expect(covered == 31)
    }

    // MARK: Episode

    @Test func theCurrentEpisodeHasItsOnsetDayCountTriggerAndMarks() throws {
        let report = ReportFixture.report
        let episode = try #require(report.episode)
        #expect(episode.isOpen)
        #expect(episode.onset.at == ReportFixture.time("2026-03-03 08:00"))
        #expect(report.episodeDay == 17)
        #expect(episode.trigger?.kind == "deadlift")
        #expect(episode.peak == 8)
        #expect(report.episodePeakCheckIn?.date == date("2026-03-06"))
        #expect(episode.latest.date == date("2026-03-20"))
        #expect(report.episodeCheckIns.count == 13)
        let marks = episode.marks(in: report.timeZone)
        #expect(marks.map(\.kind) == [.trigger, .hours72, .hours96, .day14, .day28, .day42])
        #expect(
            marks.map(\.at) == [
                ReportFixture.time("2026-03-02 18:00"), ReportFixture.time("2026-03-05 18:00"), ReportFixture.time("2026-03-06 18:00"),
                ReportFixture.time("2026-03-17 00:00"), ReportFixture.time("2026-03-31 00:00"), ReportFixture.time("2026-04-14 00:00"),
            ])
    }

    @Test func withoutAnOpenEpisodeTheReportShowsTheLastOneInThePeriod() throws {
        let now = ReportFixture.time("2026-02-25 12:00").date
        let report = Report(journal: ReportFixture.journal, from: date("2026-02-10"), through: date("2026-02-25"), now: now, timeZone: zone)
        let episode = try #require(report.episode)
        #expect(!episode.isOpen)
        #expect(episode.onset.date == date("2026-02-17"))
        #expect(episode.closeDate == date("2026-02-19"))
        #expect(report.episodeDay == 2)
        #expect(episode.trigger?.kind == "run")
        #expect(report.status.episode == nil)
    }

    @Test func aPeriodWithoutPainHasNoEpisodeAndNoFlags() {
        let report = Report(
            journal: ReportFixture.journal, from: date("2026-02-20"), through: date("2026-03-01"),
            now: ReportFixture.now, timeZone: zone)
        #expect(report.episode == nil)
        #expect(report.flags.isEmpty)
        #expect(report.checkInCount == 0)
        #expect(report.rows == [.gap(first: date("2026-02-20"), last: date("2026-03-01"), level: .none)])
    }

    // MARK: Flags

    @Test func flagsCarryTheDayTheyFirstFiredAndHowFarTheyWent() throws {
        let flags = ReportFixture.report.flags
        func flag(_ rule: RuleID) throws -> ReportFlag { try #require(flags.first { $0.rule == rule }) }
        let acute = try flag(.acuteInjury)
        #expect((acute.firstFired, acute.firstLevel, acute.highestLevel) == (date("2026-03-03"), .watch, .seeDoctor))
        #expect(acute.isRaisedAtEnd)
        let severe = try flag(.severe72to96h)
        #expect((severe.firstFired, severe.firstLevel, severe.highestLevel) == (date("2026-03-05"), .watch, .seeDoctor))
        #expect(severe.lastSeen == date("2026-03-07"))
        #expect(!severe.isRaisedAtEnd)
        #expect(severe.latest.level == .seeDoctor)
        #expect(try flag(.nerveSigns).firstFired == date("2026-03-05"))
        #expect(try flag(.pain2to4Weeks).firstFired == date("2026-03-17"))
        #expect(try flag(.logToday).firstFired == date("2026-03-12"))
        #expect(flags.first { $0.rule == .gettingWorse } == nil)
        // Most urgent first.
        #expect(flags.map(\.highestLevel) == flags.map(\.highestLevel).sorted(by: >))
    }

    @Test func aFlagsFirstDayIsTheFirstEndOfDayAtWhichTheEngineRaisesIt() {
        let journal = ReportFixture.journal
        for flag in ReportFixture.report.flags {
            let before = EscalationEngine.evaluate(journal, now: flag.firstFired.adding(days: -1).end(in: zone).date, timeZone: zone)
            let on = EscalationEngine.evaluate(journal, now: flag.firstFired.end(in: zone).date, timeZone: zone)
            #expect(!before.flags.contains { $0.rule == flag.rule }, "\(flag.rule)")
            #expect(on.flags.first { $0.rule == flag.rule }?.level == flag.firstLevel, "\(flag.rule)")
        }
    }

    // MARK: Answers, care, notes

    @Test func warningSignAnswersCountYesNoAndNotAsked() throws {
        let answers = SixWeekStory.report.warningSigns
        #expect(answers.map(\.symptom) == Symptom.warningSigns)
        let tingling = try #require(answers.first { $0.symptom == .tingling })
        #expect(tingling.yesDates == [date("2026-11-08")])
        #expect((tingling.yesCount, tingling.noCount, tingling.notAskedCount) == (1, 30, 2))
        let bladder = try #require(answers.first { $0.symptom == .bladderBowel })
        #expect((bladder.yesCount, bladder.noCount, bladder.notAskedCount) == (0, 31, 2))
        #expect(ReportContent.answerLine(bladder) == [.text("no on 31 of 33 check-ins"), .text(", not asked on 2")])
        let always = WarningSignAnswer(symptom: .tingling, yesDates: [date("2026-11-08")], yesCount: 2, noCount: 0, notAskedCount: 0)
        #expect(
            ReportContent.answerLine(always) == [
                .strong("yes on Sun 8 Nov (2 check-ins)"), .text(", all 2 check-ins"),
                .strong("; still yes at the end"),
            ])
        #expect(tingling.noSince == date("2026-11-09"))
        #expect(
            ReportContent.answerLine(tingling) == [
                .strong("yes on Sun 8 Nov"), .text(", no on 30 of 33 check-ins"),
                .text(", not asked on 2"), .text("; no again since Mon 9 Nov"),
            ])
    }

    @Test func aYesLeftUnansweredStillStandsAndALaterYesUndoesAnEarlierNo() throws {
        var checkIns = [
            SixWeekStory.asked("2026-11-01 09:00", pain: 3, [.numbness]),
            SixWeekStory.asked("2026-11-02 09:00", pain: 3),
            SixWeekStory.asked("2026-11-03 09:00", pain: 3, [.numbness]),
            ReportFixture.checkIn("2026-11-04 09:00", pain: 2),
        ]
        var numbness = try #require(WarningSignAnswer.answers(checkIns).first { $0.symptom == .numbness })
        #expect(numbness.noSince == nil && numbness.standsAtEnd)
        #expect(ReportContent.answerLine(numbness).last == .strong("; still yes at the end"))
        checkIns.append(SixWeekStory.asked("2026-11-05 09:00", pain: 2))
        numbness = try #require(WarningSignAnswer.answers(checkIns).first { $0.symptom == .numbness })
        #expect(numbness.noSince == date("2026-11-05") && !numbness.standsAtEnd)
        #expect((numbness.yesCount, numbness.noCount, numbness.notAskedCount) == (2, 2, 1))
        #expect(numbness.yesDates == [date("2026-11-01"), date("2026-11-03")])
    }

    @Test func aQuestionNeverAnsweredSaysSoAndManyYesDaysGiveTheFirstAndLast() {
        let never = WarningSignAnswer(symptom: .fever, yesDates: [], yesCount: 0, noCount: 0, notAskedCount: 4)
        #expect(ReportContent.answerLine(never) == [.text("not asked on 4 of 4 check-ins")])
        let dates = (0..<3).map { date("2026-03-01").adding(days: 2 * $0) }
        let many = WarningSignAnswer(symptom: .tingling, yesDates: dates, yesCount: 4, noCount: 1, notAskedCount: 0)
        #expect(ReportContent.yesDays(many) == "on 3 days, first Sun 1 Mar, last Thu 5 Mar")
        #expect(
            ReportContent.yesDays(
                WarningSignAnswer(
                    symptom: .tingling, yesDates: Array(dates.prefix(2)), yesCount: 2,
                    noCount: 0, notAskedCount: 0)) == "on Sun 1 Mar and Tue 3 Mar")
    }

    @Test func careIsSummedByDayInChecklistOrder() {
        let care = ReportFixture.report.care
        #expect(care.map(\.care) == [.active, .rest, .ice, .heat, .painRelief, .stretching, .coreExercise, .physio])
        #expect(care.first?.dates == [date("2026-03-03"), date("2026-03-08"), date("2026-03-10")])
    }

    @Test func notesComeFromCheckInsAndSessionsInTimeOrder() {
        let notes = ReportFixture.report.notes
        #expect(
            notes.map(\.at) == [
                ReportFixture.time("2026-03-02 18:00"), ReportFixture.time("2026-03-03 08:00"),
                ReportFixture.time("2026-03-06 21:00"), ReportFixture.time("2026-03-18 18:00"),
            ])
        #expect(notes.first?.source == .session(kind: "deadlift"))
        #expect(notes[1].source == .checkIn(pain: 5))
        #expect(notes[1].text == "Stiff getting out of bed.\nBetter after a short walk.")
    }
}

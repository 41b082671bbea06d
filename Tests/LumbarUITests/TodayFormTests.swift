import Foundation
import LumbarCore
import LumbarText
import Testing
@testable import LumbarUI

/// The check-in form in one pass: usual items first, the warning-sign block answered yes, no
/// or left, a new check-in by default, and saves that never overwrite or undo someone else's edit.
@Suite struct TodayFormTests {
    /// Fri 6 Mar 19:00, the day after the fixture's last check-in (numbness and night pain said yes on 4 Mar).
    static let friday = Fixtures.stamp("2026-03-06T19:00:00+01:00").date

    @Test func usualItemsComeFirstMostUsedFirst() {
        let order = TodayForm.usualFirst(SelfCare.known, in: [[.heat], [.ice, .heat], [.physio]])
        #expect(Array(order.prefix(3)) == [.heat, .ice, .physio])
        #expect(order.count == SelfCare.known.count)
        #expect(TodayForm.usualFirst(Symptom.ordinary, in: []) == Symptom.ordinary)
    }

    @Test func standingYesQuestionsComeFirstWithNoAnswerPreselected() {
        var d = Driver(Fixtures.episode, now: Self.friday)
        let form = d.state.form
        #expect(Array(form.signOrder.prefix(2)) == [.numbness, .nightPain])
        #expect(Array(form.signOrder.dropFirst(2)) == Symptom.warningSigns.filter { $0 != .numbness && $0 != .nightPain })
        #expect(form.answers.isEmpty)
        d.press(.tab, .tab, .tab, .tab)
        #expect(d.state.form.focusedField == .sign(.numbness))
        #expect(d.screen.contains("[ - ] Still numbness? (you said yes on Wed 4 Mar)"))
        #expect(d.screen.contains("Unanswered is not \"no\""))
    }

    @Test func yesNoAndLeftAreSavedAsSymptomsDeniedAndNeither() {
        var d = Driver(Fixtures.episode, now: Self.friday)
        d.type("3")
        d.press(.down, until: { $0.form.focusedField == .sign(.nightPain) })
        d.type("y")  // yes stays on the question
        #expect(d.state.form.focusedField == .sign(.nightPain))
        d.press(.down)
        #expect(d.state.form.focusedField == .sign(.bladderBowel))
        d.type("n")  // no moves on
        #expect(d.state.form.focusedField == .sign(.urinaryDifficulty))
        d.type(" ")  // Space cycles: yes, no, unanswered
        d.type(" ")
        #expect(d.state.form.answers[.urinaryDifficulty] == false)
        d.type(" ")
        #expect(d.state.form.answers[.urinaryDifficulty] == nil)
        d.press(.down, .enter)  // Enter on a question neither saves nor answers
        #expect(d.stored.checkIns.count == Fixtures.episode.checkIns.count)
        #expect(d.screen.contains("Answer with y or n"))
        d.press(.down, until: { $0.form.focusedField == .save })
        d.press(.enter)
        let saved = try! #require(d.stored.checkIns.last)
        #expect(saved.symptoms == [.nightPain])
        #expect(saved.denied == [.bladderBowel])
        #expect(saved.answer(to: .numbness) == nil)  // left: the yes of 4 Mar still stands
    }

    @Test func capitalNAnswersNoToTheRestOnly() {
        var d = Driver(Fixtures.episode, now: Self.friday)
        d.type("2")
        d.press(.down, until: { $0.form.focusedField == .sign(.nightPain) })
        d.type("y")
        d.press(.down, .down)  // leave bladder-bowel unanswered
        d.type("N")
        #expect(d.state.form.focusedField == .note)
        d.press(.enter)
        let saved = try! #require(d.stored.checkIns.last)
        #expect(saved.symptoms == [.nightPain])
        #expect(saved.answer(to: .bladderBowel) == nil)
        #expect(saved.answer(to: .numbness) == nil)
        #expect(saved.denied == Symptom.warningSigns.filter { ![.numbness, .nightPain, .bladderBowel].contains($0) })
    }

    @Test func todayAddsASecondCheckInAndLeavesTheFirstAlone() {
        var d = Driver(Fixtures.episode)  // Thu 5 Mar 20:15; a check-in at 08:00 already
        #expect(d.state.screen == .status)
        d.type("t")
        #expect(d.state.form.original == nil)
        #expect(d.screen.contains("Another check-in today, Thu 5 Mar 2026"))
        #expect(d.screen.contains("1 check-in saved: 08:00"))
        d.type("6")
        d.press(.enter)
        let thursday = d.stored.checkIns.filter { $0.date == LocalDate(year: 2026, month: 3, day: 5) }
        #expect(thursday.map(\.pain) == [5, 6])
        #expect(d.stored.checkIn(id: Fixtures.id(6)) == Fixtures.episode.checkIn(id: Fixtures.id(6)))
    }

    @Test func onePauseZeroIsACorrectionNotTen() {
        var d = Driver(Journal())
        d.type("1")
        d.send(.tick(Fixtures.now.addingTimeInterval(2)))
        d.type("0")
        #expect(d.state.form.pain == 0)
        d.type("1")
        d.send(.tick(Fixtures.now.addingTimeInterval(2.3)))
        d.type("0")
        #expect(d.state.form.pain == 10)
    }

    @Test func worstBelowPainIsRefusedLikeTheCommandLine() {
        var d = Driver(Journal())
        d.type("6")
        d.press(.tab)
        d.type("4")
        d.press(.enter)
        #expect(d.stored.checkIns.isEmpty)
        #expect(d.state.form.focusedField == .worst)
        #expect(d.screen.contains("Worst pain (4) can't be below pain now (6)"))
        d.type("7")
        d.press(.enter)
        #expect(d.stored.checkIns.first?.worst == 7)
    }

    @Test func sameAsLastTimeCopiesSelfCareAndOrdinarySymptomsNeverAnswers() {
        // The last check-in (4 Mar) said yes to night pain and numbness, with spasm, heat and pain relief.
        let journal = Journal(
            profile: Fixtures.episode.profile, sessions: Fixtures.episode.sessions,
            checkIns: Array(Fixtures.episode.checkIns.prefix(5)))
        var d = Driver(journal)
        d.type("4")
        d.press(.tab, .tab)
        d.type("l")
        #expect(d.state.form.symptoms == [.spasm])
        #expect(d.state.form.care == [.heat, .painRelief])
        #expect(d.state.form.answers.isEmpty)
        #expect(d.screen.contains("copied from Wed 4 Mar 08:10 (not the warning signs)"))
    }

    @Test func thePaintFreeQuestionFillsUnloggedEpisodeDates() {
        // The episode began 3 Mar; nothing was logged on 4 and 5 Mar.
        let journal = Journal(
            profile: Fixtures.episode.profile, sessions: Fixtures.episode.sessions,
            checkIns: Array(Fixtures.episode.checkIns.prefix(4)))
        var d = Driver(journal, now: Self.friday)
        #expect(d.state.status.episode != nil)
        d.type("5")
        d.press(.enter)
        guard case .confirm(let question)? = d.state.overlay else {
            Issue.record("no question about the unlogged dates")
            return
        }
        #expect(question.question.contains("Nothing is logged on Wed 4 Mar, Thu 5 Mar. Was your back pain-free on those dates?"))
        #expect(d.screen.contains("back pain-free on those dates?"))
        d.type("y")
        let zeros = d.stored.checkIns.filter { $0.pain == 0 && $0.date >= LocalDate(year: 2026, month: 3, day: 4)! }
        #expect(zeros.map(\.date) == [LocalDate(year: 2026, month: 3, day: 4)!, LocalDate(year: 2026, month: 3, day: 5)!])
        #expect(zeros.allSatisfy { $0.at.clockTime == "12:00" })
    }

    @Test func noQuestionWithoutAGapOrForAPainFreeCheckIn() {
        var d = Driver(Fixtures.episode, now: Self.friday)
        d.type("5")
        d.press(.enter)
        #expect(d.state.overlay == nil)
        let gap = Journal(sessions: [], checkIns: Array(Fixtures.episode.checkIns.prefix(4)))
        var e = Driver(gap, now: Self.friday)
        e.type("0")
        e.press(.enter)
        #expect(e.state.overlay == nil)
    }

    @Test func anOutsideEditIsNeverSilentlyOverwritten() {
        var d = Driver(Fixtures.episode)
        d.type("h")
        d.type("e")  // edit today's check-in, pain 5
        d.type("2")
        var outside = d.stored
        var changed = try! #require(outside.checkIn(id: Fixtures.id(6)))
        changed.symptoms = [.numbness, .legWeakness]
        changed.revision = 2
        outside.upsert(changed)
        d.stored = outside
        d.send(.journalReloaded(outside))
        #expect(d.state.form.pain == 2)  // the draft is kept
        d.press(.enter)
        #expect(d.screen.contains("changed elsewhere"))
        #expect(d.stored.checkIn(id: Fixtures.id(6))?.symptoms == [.numbness, .legWeakness])
        d.type("n")
        #expect(d.stored.checkIn(id: Fixtures.id(6))?.pain == 5)
        #expect(d.state.form.pain == 2)
        d.press(.enter)
        d.type("y")
        #expect(d.stored.checkIn(id: Fixtures.id(6))?.pain == 2)
    }

    @Test func undoNeverRevertsALaterOutsideEdit() {
        var d = Driver(Journal())
        d.type("3")
        d.press(.enter)
        let saved = try! #require(d.stored.checkIns.first)
        var outside = d.stored
        var changed = saved
        changed.pain = 8
        changed.revision = 2
        outside.upsert(changed)
        d.stored = outside
        d.send(.journalReloaded(outside))
        d.type("h")  // undo belongs where the entry can be seen
        d.type("u")
        #expect(d.stored.checkIn(id: saved.id)?.pain == 8)
        #expect(d.screen.contains("Not undone"))
    }

    /// Keys other than the note's characters; the goal is ≤ 30 for a bad day and ≤ 12 for a typical one.
    @Test func aBadDayAndATypicalDayMeasuredInKeys() {
        let note = "deadlift yesterday, slept bad"  // 30 characters with the final period
        var bad = Driver(Fixtures.episode, now: Self.friday)
        var keys: [Key] = [.character("7"), .tab, .character("8"), .tab]
        keys += [.character(" "), .down, .character(" "), .down, .character(" "), .down, .character(" ")]  // four symptoms
        keys += [.tab, .character(" "), .down, .character(" ")]  // two usual self-care
        keys += [.tab, .character("N")]  // every warning sign no
        keys += [.enter]
        bad.press(Array(keys.dropLast()))
        bad.type(note + ".")
        bad.press(.enter)
        let badDay = try! #require(bad.stored.checkIns.last)
        #expect(badDay.date == LocalDate(year: 2026, month: 3, day: 6))
        #expect(badDay.pain == 7 && badDay.worst == 8)
        #expect(Set(badDay.symptoms) == Set(Symptom.ordinary))
        #expect(badDay.care == [.active, .heat])
        #expect(badDay.denied == Symptom.warningSigns)
        #expect(badDay.note.count == 30)
        print("bad day: \(keys.count) keys + \(note.count + 1) note characters")
        #expect(keys.count <= 30)

        var typical = Driver(Fixtures.episode, now: Self.friday)
        let typicalKeys: [Key] = [.character("2"), .tab, .tab, .character(" "), .tab, .character(" "), .tab, .character("N")]
        typical.press(typicalKeys)
        typical.type("fine")
        typical.press(.enter)
        let day = try! #require(typical.stored.checkIns.last)
        #expect(day.pain == 2 && day.symptoms == [.stiffness] && day.care == [.heat] && day.denied == Symptom.warningSigns)
        print("typical day: \(typicalKeys.count + 1) keys + the note")
        #expect(typicalKeys.count + 1 <= 12)
    }
}

/// Sessions from the Today screen: `S` goes straight to them, and the RPE shows its Borg CR-10 word.
@Suite struct SessionFormTests {
    @Test func capitalSJumpsToTheSessionAndASessionAloneSaves() {
        var d = Driver(Journal())
        d.type("S")
        #expect(d.state.form.focusedField == .kind)
        #expect(d.state.isInTextField)
        d.type("run")
        d.press(.tab, .tab)
        d.type("30")
        d.press(.tab)
        d.type("4")
        #expect(d.screen.contains("somewhat hard"))
        d.press(.enter)
        #expect(d.stored.checkIns.isEmpty)
        #expect(d.stored.sessions.first?.kind == "run")
        #expect(d.stored.sessions.first?.minutes == 30)
        #expect(d.stored.sessions.first?.rpe == 4)
    }

    @Test func theBorgWordsForEveryRPE() {
        let words = (0...10).map(TodayScreen.rpeWord)
        #expect(
            words == [
                "rest", "very easy", "easy", "moderate", "somewhat hard", "hard", "hard",
                "very hard", "very hard", "very hard", "maximal",
            ])
    }

    @Test func editingASessionFromHistoryKeepsItsIdentity() {
        var d = Driver(Fixtures.episode)
        d.type("h")
        d.press(.down, until: { if case .session? = $0.selectedEntry { return true } else { return false } })
        guard case .session(let session)? = d.state.selectedEntry else {
            Issue.record("no session row")
            return
        }
        d.type("e")  // edit the selected entry
        #expect(d.state.form.originalSession?.id == session.id)
        d.press(.tab, until: { $0.form.focusedField == .minutes })
        d.press(.control("u"))
        d.type("50")
        d.press(.enter)
        #expect(d.stored.session(id: session.id)?.minutes == 50)
        #expect(d.stored.sessions.count == Fixtures.episode.sessions.count)
        #expect(d.stored.checkIns.count == Fixtures.episode.checkIns.count)
    }
}

extension Driver {
    /// Presses `key` until `done` holds, at most `limit` times; records an issue when it never does.
    mutating func press(_ key: Key, until done: (AppState) -> Bool, limit: Int = 80, sourceLocation: SourceLocation = #_sourceLocation) {
        for _ in 0..<limit where !done(state) { press(key) }
        if !done(state) { Issue.record("pressing \(key) never reached the wanted state", sourceLocation: sourceLocation) }
    }
}

import Foundation
import LumbarCore
import LumbarText
import Testing
@testable import LumbarUI

/// Key sequences through `AppState.update`, checked against the journal they leave behind.
@Suite struct UpdateTests {
    @Test func opensTodayWithoutACheckInTodayAndStatusOtherwise() {
        #expect(Driver(Journal()).state.screen == .today)
        #expect(Driver(Fixtures.episode).state.screen == .status)
        let yesterday = Fixtures.stamp("2026-03-04T09:00:00+01:00")
        let journal = Journal(sessions: [], checkIns: [CheckIn(date: yesterday.localDate, at: yesterday, pain: 3, updatedAt: yesterday)])
        #expect(Driver(journal).state.screen == .today)
    }

    @Test func digitAndEnterSaveACheckInAndShowTheStatus() {
        var d = Driver(Journal())
        #expect(d.state.form.focusedField == .pain)
        d.type("3")
        #expect(d.state.hasUnsavedDraft)
        d.press(.enter)
        #expect(d.stored.checkIns.count == 1)
        let saved = d.stored.checkIns[0]
        #expect(saved.pain == 3)
        #expect(saved.date == LocalDate(year: 2026, month: 3, day: 5))
        #expect(saved.at == Timestamp(Fixtures.now, in: Fixtures.zone))
        #expect(d.state.screen == .status)
        #expect(!d.state.hasUnsavedDraft)
        #expect(d.screen.contains("Check-in saved for Thu 5 Mar (pain 3)."))
        #expect(d.screen.contains("not a diagnosis"))
    }

    @Test func oneThenZeroIsTen() {
        var d = Driver(Journal())
        d.type("10")
        #expect(d.state.form.pain == 10)
        d.type("7")
        #expect(d.state.form.pain == 7)
        d.press(.right)
        #expect(d.state.form.pain == 8)
        d.press(.left, .left)
        #expect(d.state.form.pain == 6)
    }

    @Test func aWholeCheckInWithSymptomsCareAnswersNoteAndSession() {
        var d = Driver(Fixtures.episode, now: Fixtures.stamp("2026-03-06T19:00:00+01:00").date)
        #expect(d.state.screen == .today)
        d.type("4")
        d.press(.tab)
        #expect(d.state.form.focusedField == .worst)
        d.type("6")
        d.press(.tab)
        // Stiffness is the most frequent symptom in this log, so it comes first.
        #expect(d.state.form.focusedField == .symptom(.stiffness))
        d.press(.enter)  // Enter on a checkbox ticks it, never saves
        #expect(d.stored.checkIns.count == Fixtures.episode.checkIns.count)
        d.press(.tab)
        #expect(d.state.form.focusedField == .care(.heat))
        d.type(" ")
        d.press(.down)
        #expect(d.state.form.focusedField == .care(.active))
        d.type("y")
        d.press(.tab)
        // The questions answered yes on 4 Mar come first.
        #expect(d.state.form.focusedField == .sign(.numbness))
        d.type("n")
        #expect(d.state.form.focusedField == .sign(.nightPain))
        d.type("y")
        d.press(.down)
        d.type("N")
        #expect(d.state.form.focusedField == .note)
        #expect(d.state.isInTextField)
        d.type("tired 😴 but ok, q and t typed here")
        d.press(.backspace)
        d.type("e")
        d.press(.tab)
        #expect(d.state.form.focusedField == .kind)
        d.type("ru")
        d.press(.right)  // completes "run" from the recent kinds
        #expect(d.state.form.kind.text == "run")
        d.press(.tab)
        d.type("07:30")
        d.press(.tab)
        d.type("3x0")  // the letter is refused in a number field
        #expect(d.state.form.minutes.text == "30")
        d.press(.tab)
        d.type("6")
        d.press(.tab)
        #expect(d.state.form.focusedField == .sudden)
        d.press(.enter)
        #expect(d.state.form.sudden)
        d.press(.enter)
        #expect(!d.state.form.sudden)
        #expect(d.state.screen == .today)
        d.press(.tab)
        d.press(.enter)

        #expect(d.state.screen == .status)
        let checkIn = try! #require(d.stored.checkIns.last)
        #expect(checkIn.date == LocalDate(year: 2026, month: 3, day: 6))
        #expect(checkIn.pain == 4)
        #expect(checkIn.worst == 6)
        #expect(checkIn.symptoms == [.nightPain, .stiffness])
        #expect(checkIn.denied == Symptom.warningSigns.filter { $0 != .nightPain })
        #expect(checkIn.care == [.active, .heat])
        #expect(checkIn.note == "tired 😴 but ok, q and t typed here")
        let session = try! #require(d.stored.sessions.last)
        #expect(session.kind == "run")
        #expect(session.at == Fixtures.stamp("2026-03-06T07:30:00+01:00"))
        #expect(session.minutes == 30)
        #expect(session.rpe == 6)
        #expect(!session.suddenPain)
        #expect(d.stored.sessions.count == Fixtures.episode.sessions.count + 1)
    }

    @Test func aSessionTimeStillToComeIsRefusedAndNothingIsSaved() {
        var d = Driver(Journal())
        d.type("2")
        let kind = d.state.form.index(of: .kind)!
        d.state.form.focus = kind
        d.state.form.editing = true
        d.type("swim")
        d.press(.tab)
        d.type("23:30")
        d.press(.enter)
        #expect(d.stored.checkIns.isEmpty)
        #expect(d.stored.sessions.isEmpty)
        #expect(d.state.form.focusedField == .time)
        #expect(d.screen.contains("still to come"))
    }

    @Test func enterWithoutPainAsksForIt() {
        var d = Driver(Journal())
        d.press(.enter)
        #expect(d.stored.checkIns.isEmpty)
        #expect(d.screen.contains("Set the pain now first"))
        #expect(d.state.screen == .today)
    }

    @Test func editingAnEntryFromHistoryKeepsItsIdentity() {
        var d = Driver(Fixtures.episode)
        d.type("h")
        #expect(d.state.screen == .history)
        d.press(.down)  // the check-in of 4 Mar
        d.type("e")
        #expect(d.state.screen == .today)
        #expect(d.state.form.original?.id == Fixtures.id(5))
        #expect(d.state.form.focusedField == .pain)
        d.type("6")
        d.press(.enter)
        let edited = try! #require(d.stored.checkIn(id: Fixtures.id(5)))
        #expect(edited.pain == 6)
        #expect(edited.note == "woke at 3 am; 痛い 😣")
        #expect(edited.symptoms == [.numbness, .nightPain, .spasm])
        #expect(d.stored.checkIns.count == Fixtures.episode.checkIns.count)
    }

    @Test func deleteAsksFirstAndUndoBringsTheEntryBack() {
        var d = Driver(Fixtures.episode)
        d.type("h")
        d.press(.down)
        d.type("x")
        #expect(d.screen.contains("Delete the check-in of Wed 4 Mar 2026 (pain 7)?"))
        d.type("n")
        #expect(d.stored.checkIn(id: Fixtures.id(5)) != nil)
        d.type("x")
        d.type("y")
        #expect(d.stored.checkIn(id: Fixtures.id(5)) == nil)
        #expect(d.stored.tombstones.contains { $0.id == Fixtures.id(5) })
        #expect(d.screen.contains("(u undoes) Deleted the check-in of Wed 4 Mar 2026"))
        d.type("u")
        let back = try! #require(d.stored.checkIn(id: Fixtures.id(5)))
        #expect(back.pain == 7)
        #expect(!d.stored.tombstones.contains { $0.id == Fixtures.id(5) })
        d.type("u")
        #expect(d.screen.contains("Nothing to undo."))
    }

    @Test func undoReversesAnEdit() {
        var d = Driver(Fixtures.episode)
        d.type("h")
        d.type("e")  // today's check-in, pain 5
        d.type("2")
        d.press(.enter)
        #expect(d.stored.checkIn(id: Fixtures.id(6))?.pain == 2)
        d.type("u")  // on Status: says where undo works instead of undoing unseen
        #expect(d.stored.checkIn(id: Fixtures.id(6))?.pain == 2)
        #expect(d.screen.contains("u works on History"))
        d.type("hu")
        #expect(d.stored.checkIn(id: Fixtures.id(6))?.pain == 5)
    }

    @Test func filterNarrowsHistoryByTextOrSymptom() {
        var d = Driver(Fixtures.episode)
        d.type("h")
        let all = d.state.history.visible.count
        #expect(all == 9)
        d.type("/")
        #expect(d.state.isInTextField)
        d.type("night")
        d.press(.enter)
        #expect(d.state.history.visible.count == 1)
        #expect(d.screen.contains("2026-03-04"))
        #expect(!d.screen.contains("2026-03-03"))
        d.type("/")
        d.press(.control("u"))
        d.type("deadlift")
        d.press(.enter)
        #expect(d.state.history.visible.count == 1)
        #expect(d.screen.contains("deadlift"))
        d.press(.escape)
        #expect(d.state.history.visible.count == all)
        #expect(d.state.screen == .history)
    }

    @Test func screenKeysSwitchAndEscGoesBack() {
        var d = Driver(Fixtures.episode)
        for (key, screen) in [("t", ScreenName.today), ("h", .history), ("c", .chart), ("g", .guide), ("s", .status)] {
            d.type(key)
            #expect(d.state.screen == screen)
        }
        d.press(.escape)
        #expect(d.state.screen == .guide)
        d.press(.escape)
        #expect(d.state.screen == .chart)
        d.type("?")
        #expect(d.screen.contains("Keys"))
        d.type("q")  // closes help, does not quit
        #expect(d.exitCode == nil)
        d.type("q")
        #expect(d.exitCode == 0)
    }

    @Test func quitAsksOnlyWhenADraftIsUnsaved() {
        var d = Driver(Journal())
        d.type("5")
        d.press(.escape)  // not in a text field: back (nowhere to go)
        d.type("q")
        #expect(d.exitCode == nil)
        #expect(d.screen.contains("Your changes on Today are not saved."))
        d.type("n")
        #expect(d.exitCode == nil)
        #expect(d.state.form.pain == 5)
        d.type("q")
        d.type("y")
        #expect(d.exitCode == 0)
        #expect(d.stored.checkIns.isEmpty)
    }

    @Test func ctrlCQuitsAtOnce() {
        var d = Driver(Journal())
        d.type("5")
        d.press(.control("c"))
        #expect(d.exitCode == 130)
    }

    @Test func letterKeysAreTypedInsideATextFieldAndEscLeavesIt() {
        var d = Driver(Journal())
        d.state.form.focus = d.state.form.index(of: .note)!
        d.state.form.editing = true
        d.type("shqtgc?")
        #expect(d.state.screen == .today)
        #expect(d.exitCode == nil)
        #expect(d.state.form.note.text == "shqtgc?")
        d.press(.escape)
        #expect(!d.state.isInTextField)
        d.type("h")
        #expect(d.state.screen == .history)
    }

    @Test func backfillingAnEarlierDate() {
        var d = Driver(Journal())
        d.press(.backTab)
        #expect(d.state.form.focusedField == .date)
        d.press(.left, .left)
        #expect(d.state.form.date == LocalDate(year: 2026, month: 3, day: 3))
        d.press(.right, .right, .right)  // not past today
        #expect(d.state.form.date == LocalDate(year: 2026, month: 3, day: 5))
        d.press(.left, .left)
        d.press(.tab)
        d.type("6")
        d.press(.enter)
        let c = try! #require(d.stored.checkIns.first)
        #expect(c.date == LocalDate(year: 2026, month: 3, day: 3))
        #expect(c.at.clockTime == "12:00")  // an earlier date is logged at noon, as `checkin --date` does
        #expect(c.at.localDate == c.date)
    }

    @Test func changingTheDateToADayWithACheckInAddsAnother() {
        var d = Driver(Fixtures.episode, now: Fixtures.stamp("2026-03-06T10:00:00+01:00").date)
        d.press(.backTab)
        d.press(.left)
        #expect(d.state.form.original == nil)
        #expect(d.state.form.sameDay.map(\.id) == [Fixtures.id(6)])
        #expect(d.screen.contains("Thu 5 Mar already has 1 check-in; saving adds another"))
        d.press(.tab)
        d.type("3")
        d.press(.enter)
        #expect(d.stored.checkIns.filter { $0.date == LocalDate(year: 2026, month: 3, day: 5) }.map(\.pain) == [5, 3])
    }

    @Test func anOutsideChangeIsPickedUpWithoutLosingTheDraft() {
        var d = Driver(Journal())
        d.type("4")
        var outside = Journal()
        let t = Timestamp(Fixtures.now.addingTimeInterval(-60), in: Fixtures.zone)
        outside.upsert(Session(at: t, kind: "climbing", updatedAt: t))
        d.stored = outside
        d.send(.journalReloaded(outside))
        #expect(d.state.form.pain == 4)
        #expect(d.state.journal.sessions.count == 1)
        d.press(.enter)
        #expect(d.stored.sessions.count == 1)
        #expect(d.stored.checkIns.count == 1)
    }

    @Test func statusIsEvaluatedPerJournalChangeAndMinuteNotPerKey() {
        var d = Driver(Fixtures.episode)
        d.type("h")
        let minute = d.state.evaluatedMinute
        d.press(.down, .down, .up)
        d.send(.tick(Fixtures.now.addingTimeInterval(20)))
        #expect(d.state.evaluatedMinute == minute)
        d.send(.tick(Fixtures.now.addingTimeInterval(61)))
        #expect(d.state.evaluatedMinute == minute + 1)
    }

    @Test func resizeRelayoutsAtOnce() {
        var d = Driver(Fixtures.episode)
        d.send(.resize(width: 40, height: 12))
        #expect(AppView.render(d.state).width == 40)
        d.send(.resize(width: 20, height: 6))
        #expect(d.screen.contains("too small"))
        d.send(.resize(width: 120, height: 40))
        #expect(d.screen.contains("History"))
    }
}

/// History keeps its place when the journal changes underneath.
@Suite struct HistorySelectionTests {
    @Test func theSelectedEntryStaysSelectedWhenNewerEntriesArrive() {
        var d = Driver(Fixtures.episode)
        d.type("h")
        d.press(.down, .down)
        #expect(d.state.selectedEntry?.id == Fixtures.id(4))
        var outside = d.stored
        let t = Timestamp(Fixtures.now.addingTimeInterval(-30), in: Fixtures.zone)
        outside.upsert(Session(at: t, kind: "walk", updatedAt: t))
        d.send(.journalReloaded(outside))
        #expect(d.state.selectedEntry?.id == Fixtures.id(4))
        #expect(d.state.history.selected == 3)
    }
}

import Foundation
import LumbarCore
import Testing
@testable import LumbarUI

/// Pasted text (bracketed paste) goes into the focused text field and is never run as keys.
@Suite struct PasteTests {
    /// A Today form with pain 4 set and the note field open for editing.
    func noteOpen() -> Driver {
        var d = Driver(Journal())
        d.type("4")
        for _ in 0..<40 where d.state.form.focusedField != .note { d.press(.tab) }
        if !d.state.form.editing { d.press(.enter) }
        return d
    }

    @Test func aMultiLinePasteBecomesOneNoteLineAndSavesNothing() {
        var d = noteOpen()
        #expect(d.state.form.focusedField == .note && d.state.form.editing)
        d.send(.paste("stiff after deadlifts\nquit early? yes\nundo"))
        #expect(d.state.form.note.text == "stiff after deadlifts quit early? yes undo")
        #expect(d.stored.checkIns.isEmpty)
        #expect(d.exitCode == nil)
        #expect(d.state.form.pain == 4 && d.state.hasUnsavedDraft)
        d.press(.enter)
        #expect(d.stored.checkIns.first?.note == "stiff after deadlifts quit early? yes undo")
    }

    @Test func aPasteOutsideATextFieldIsDroppedWithANote() {
        var d = Driver(Journal())
        d.type("4")
        d.send(.paste("q\ny\n"))
        #expect(d.exitCode == nil)
        #expect(d.stored.checkIns.isEmpty)
        #expect(d.state.form.pain == 4)
        #expect(d.screen.contains("Pasted text goes into a text field"))
    }

    @Test func aPasteGoesIntoTheHistoryFilter() {
        var d = Driver(Fixtures.episode)
        d.press(.character("h"), .character("/"))
        d.send(.paste("numb\n"))
        #expect(d.state.history.filterField?.text == "numb ")
    }

    @Test func movingADraftToADayWithACheckInKeepsTheDraft() {
        let yesterday = Fixtures.stamp("2026-03-04T09:00:00+01:00")
        var d = Driver(Journal(sessions: [], checkIns: [CheckIn(date: yesterday.localDate, at: yesterday, pain: 2, updatedAt: yesterday)]))
        d.type("7")
        while d.state.form.focusedField != .date { d.press(.up) }
        d.press(.left)
        #expect(d.state.form.date == yesterday.localDate)
        #expect(d.state.form.pain == 7)
        #expect(d.state.form.original == nil)
        d.press(.enter)
        #expect(d.stored.checkIns.map(\.pain).sorted() == [2, 7])
    }
}

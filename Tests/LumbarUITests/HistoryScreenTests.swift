import Foundation
import LumbarCore
import Testing
@testable import LumbarUI

/// History: times, cut marks, the detail view, the filter as it is typed, and undo that names
/// and selects what it touched.
@Suite struct HistoryScreenTests {
    static let sizes = [(80, 24), (40, 12)]

    func render(_ state: AppState) -> String { AppView.render(state).lines.joined(separator: "\n") }

    /// The episode journal plus a second check-in on 4 Mar (evening) with explicit no answers.
    static let twoADay: Journal = {
        var journal = Fixtures.episode
        let t = Fixtures.stamp("2026-03-04T21:40:00+01:00")
        journal.upsert(
            CheckIn(
                id: Fixtures.id(7), date: t.localDate, at: t, pain: 6, worst: 8,
                symptoms: [.spasm, .stiffness, .dullAche, .sharpPain], denied: [.bladderBowel, .saddleNumbness, .legWeakness],
                care: [.heat, .stretching, .painRelief],
                note: "evening: spasm on the left side after sitting through a long meeting, heat helped a little", updatedAt: t))
        return journal
    }()

    @Test func goldenScreensInUnicodeAndASCII() {
        for glyphs in [Glyphs.unicode, .ascii] {
            let suffix = glyphs.isUnicode ? "" : "-ascii"
            for (w, h) in Self.sizes {
                var state = Fixtures.state(Self.twoADay, width: w, height: h, screen: .history, glyphs: glyphs)
                Golden.check(render(state), named: "history-list\(suffix)-\(w)x\(h)")
                _ = state.update(.key(.down))
                _ = state.update(.key(.enter))
                Golden.check(render(state), named: "history-detail\(suffix)-\(w)x\(h)")
                _ = state.update(.key(.escape))
                _ = state.update(.key(.character("/")))
                for key in Key.typing("spa") { _ = state.update(.key(key)) }
                Golden.check(render(state), named: "history-filtering\(suffix)-\(w)x\(h)")
            }
        }
    }

    @Test func helpAndGuideGoldensInBothGlyphSets() {
        for glyphs in [Glyphs.unicode, .ascii] {
            let suffix = glyphs.isUnicode ? "" : "-ascii"
            for (w, h) in Self.sizes {
                var help = Fixtures.state(Fixtures.episode, width: w, height: h, screen: .status, glyphs: glyphs)
                _ = help.update(.key(.character("?")))
                _ = help.update(.key(.end))
                Golden.check(render(help), named: "help-end\(suffix)-\(w)x\(h)")
                if !glyphs.isUnicode {
                    Golden.check(
                        render(Fixtures.state(Fixtures.episode, width: w, height: h, screen: .guide, glyphs: glyphs)),
                        named: "guide-episode-ascii-\(w)x\(h)")
                }
            }
        }
    }

    @Test func atOneHundredTwentyColumnsTheSelectedEntryShowsBesideTheList() {
        var state = Fixtures.state(Self.twoADay, width: 120, height: 30, screen: .history)
        _ = state.update(.key(.down))
        Golden.check(render(state), named: "history-pane-120x30")
        #expect(render(state).contains("heat helped a little"))
        #expect(!state.history.showsDetail)
    }

    @Test func rowsShowTheTimeSoTwoCheckInsOnADayDiffer() {
        let state = Fixtures.state(Self.twoADay, screen: .history)
        let lines = AppView.render(state).lines
        #expect(lines.contains { $0.contains("2026-03-04 21:40") })
        #expect(lines.contains { $0.contains("2026-03-04 08:10") })
    }

    @Test func cutTextEndsInAMarkInBothGlyphSets() {
        let unicode = AppView.render(Fixtures.state(Self.twoADay, screen: .history)).lines
        let row = try! #require(unicode.first { $0.contains("21:40") })
        #expect(row.contains("…"))
        #expect(row.contains("spasm"))
        let ascii = AppView.render(Fixtures.state(Self.twoADay, screen: .history, glyphs: .ascii)).lines
        let asciiRow = try! #require(ascii.first { $0.contains("21:40") })
        #expect(asciiRow.contains("..."))
    }

    @Test func theDetailShowsEverythingWholeAndYesApartFromNo() {
        var d = Driver(Self.twoADay)
        d.type("h")
        d.press(.down)  // 4 Mar 21:40
        d.press(.enter)
        #expect(d.state.history.showsDetail)
        let screen = d.screen
        #expect(screen.contains("2026-03-04 21:40"))
        #expect(screen.contains("heat helped a little"))  // the note's end, cut in the list
        #expect(screen.contains("pain relief"))
        let yes = try! #require(screen.split(separator: "\n").first { $0.contains("Symptoms") || $0.contains("Said yes") })
        #expect(yes.contains("spasm"))
        #expect(!yes.contains("bladder"))
        let no = try! #require(screen.split(separator: "\n").first { $0.contains("Said no") })
        #expect(no.contains(Symptom.bladderBowel.label))
        #expect(!no.contains("spasm"))
        d.press(.down)  // the next entry, still in detail
        #expect(d.screen.contains("2026-03-04 08:10"))
        d.press(.escape)
        #expect(!d.state.history.showsDetail)
        #expect(d.state.screen == .history)
        d.type("l")
        #expect(d.state.history.showsDetail)
        d.press(.left)
        d.press(.right)
        #expect(d.state.history.showsDetail)
    }

    @Test func eEditsTheSelectedEntryFromListOrDetail() {
        var d = Driver(Self.twoADay)
        d.type("h")
        d.press(.down, .enter)
        d.type("e")
        #expect(d.state.screen == .today)
        #expect(d.state.form.original?.id == Fixtures.id(7))
    }

    @Test func theFilterNarrowsAsItIsTypedAndEscPutsBackTheLastOne() {
        var d = Driver(Self.twoADay)
        d.type("h")
        let all = d.state.history.visible.count
        d.type("/s")
        let afterS = d.state.history.visible.count
        #expect(afterS < all)
        d.type("pasm")
        #expect(d.state.history.visible.count == 2)  // 4 Mar morning and evening
        #expect(d.screen.contains("2 of \(all)"))
        d.press(.enter)
        #expect(d.state.history.filter == "spasm")
        d.type("/")
        d.type("x")
        #expect(d.state.history.visible.isEmpty)
        d.press(.escape)  // cancels the edit: "spasm" is back
        #expect(d.state.history.filter == "spasm")
        #expect(d.state.history.visible.count == 2)
        d.press(.escape)  // clears the filter
        #expect(d.state.history.visible.count == all)
        #expect(d.state.screen == .history)
    }

    @Test func undoAfterDeleteSelectsTheRestoredEntryAndTheNextDeleteTakesTheVisibleRow() {
        var d = Driver(Self.twoADay)
        d.type("h")
        d.press(.down)  // 4 Mar 21:40
        d.type("xy")
        #expect(d.stored.checkIn(id: Fixtures.id(7)) == nil)
        #expect(Hints.forState(d.state).first?.1 == "undo delete of the check-in Wed 4 Mar 21:40")
        d.type("u")
        #expect(d.stored.checkIn(id: Fixtures.id(7)) != nil)
        #expect(d.state.selectedEntry?.id == Fixtures.id(7))
        d.press(.down)
        let visiblySelected = try! #require(AppView.render(d.state).lines.first { $0.hasPrefix("›") })
        #expect(visiblySelected.contains("2026-03-04 08:10"))
        d.type("xy")
        #expect(d.stored.checkIn(id: Fixtures.id(5)) == nil)
        #expect(d.stored.checkIn(id: Fixtures.id(7)) != nil)
    }

    @Test func savingAnEditSelectsTheEditedEntryInHistory() {
        var d = Driver(Self.twoADay)
        d.type("h")
        d.press(.down, .down)  // 4 Mar 08:10
        d.type("e")
        d.type("3")
        d.press(.enter)
        d.type("h")
        #expect(d.state.selectedEntry?.id == Fixtures.id(5))
    }

    @Test func uOnStatusSaysWhereUndoWorksAndChangesNothing() {
        var d = Driver(Journal())
        d.type("4")
        d.press(.enter)
        #expect(d.state.screen == .status)
        d.type("u")
        #expect(d.stored.checkIns.count == 1)
        #expect(d.screen.contains("u works on History"))
        #expect(d.screen.contains("undo adding the check-in Thu 5 Mar 20:15"))
        d.type("h")
        #expect(d.screen.contains("u undo adding the check-in Thu 5 Mar 20:15"))  // the hint, once the message is gone
        d.type("u")
        #expect(d.stored.checkIns.isEmpty)
    }

    @Test func endAndHomeJumpInHistoryGuideAndHelp() {
        var d = Driver(Fixtures.year)
        d.type("h")
        d.type("G")
        #expect(d.state.history.selected == d.state.history.visible.count - 1)
        d.press(.home)
        #expect(d.state.history.selected == 0)
        d.press(.end)
        #expect(d.state.history.selected == d.state.history.visible.count - 1)
        #expect(d.screen.contains("2025-03-06"))

        d.type("g")
        d.type("G")
        #expect(d.state.guideScroll == d.state.guideExtent.maxOffset)
        #expect(d.state.guideScroll > 0)
        d.press(.home)
        #expect(d.state.guideScroll == 0)
    }

    @Test func theHelpScrollsAtFortyByTwelveAndEscClosesIt() {
        var d = Driver(Fixtures.episode, width: 40, height: 12)
        d.type("?")
        #expect(d.screen.contains("switch screen"))
        #expect(!d.screen.contains("this help"))
        d.press(.end)
        #expect(d.screen.contains("this help"))
        #expect(!d.screen.contains("switch screen"))
        d.press(.home)
        #expect(d.screen.contains("switch screen"))
        d.press(.escape)
        #expect(d.state.overlay == nil)
    }

    @Test func inASCIITheCursorAndTheSessionMarkDiffer() {
        let lines = AppView.render(Fixtures.state(Fixtures.episode, screen: .history, glyphs: .ascii)).lines
        let sessionRows = lines.filter { $0.contains("deadlift") || $0.contains("yoga") }
        #expect(sessionRows.count == 2)
        #expect(sessionRows.allSatisfy { !$0.contains(">") })
        #expect(lines.filter { $0.hasPrefix(">") }.count == 1)
    }

    @Test(arguments: ScreenName.allCases)
    func asciiScreensHoldOnlyASCIIApartFromTheUsersOwnText(screen: ScreenName) {
        for (w, h) in Self.sizes {
            var state = Fixtures.state(Fixtures.episode, width: w, height: h, screen: screen, glyphs: .ascii)
            for key in [Key.character("?")] where screen == .history { _ = state.update(.key(key)) }
            let text = render(state).replacingOccurrences(of: "痛い", with: "").replacingOccurrences(of: "😣", with: "")
            let strays = text.filter { !$0.isASCII }
            #expect(strays.isEmpty, "\(screen) at \(w)x\(h) shows \(String(strays)) under LANG=C")
        }
    }
}

/// A filtered row says why it matched.
@Suite struct HistoryFilterVisibilityTests {
    @Test func aSymptomFilterBringsTheMatchIntoView() {
        var d = Driver(HistoryScreenTests.twoADay)
        d.type("h/spasm")
        let rows = AppView.render(d.state).lines.filter { $0.contains("2026-03-04") }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.contains("spasm") }, "\(rows)")
    }

    @Test func atFortyColumnsTheMatchLeadsTheNote() {
        var d = Driver(HistoryScreenTests.twoADay, width: 40, height: 12)
        d.type("h/spasm")
        let rows = AppView.render(d.state).lines.filter { $0.contains("2026-03-04") }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.contains("spasm") }, "\(rows)")
    }
}

import Foundation
import LumbarCore
import Testing
@testable import LumbarUI

/// The Profile screen: birth year and history items, saved as a transaction like a check-in.
@Suite struct ProfileScreenTests {
    func render(_ state: AppState) -> String { AppView.render(state).lines.joined(separator: "\n") }

    @Test func goldenScreens() {
        for glyphs in [Glyphs.unicode, .ascii] {
            let suffix = glyphs.isUnicode ? "" : "-ascii"
            for (w, h) in [(80, 24), (40, 12)] {
                var state = Fixtures.state(Fixtures.episode, width: w, height: h, screen: .profile, glyphs: glyphs)
                for key in [Key.backspace, .character("7"), .down, .down, .character(" ")] { _ = state.update(.key(key)) }
                Golden.check(render(state), named: "profile-editing\(suffix)-\(w)x\(h)")
            }
        }
    }

    @Test func pOpensItAndEnterSavesYearAndHistoryThroughASave() {
        var d = Driver(Fixtures.episode)
        d.type("p")
        #expect(d.state.screen == .profile)
        #expect(d.screen.contains("1980"))
        d.press(.backspace, .backspace, .backspace, .backspace)
        d.type("1975")
        d.press(.down, .down)  // osteoporosis
        d.type(" ")
        #expect(d.screen.contains("(not saved)"))
        d.press(.enter)
        #expect(d.savedTransactions.last?.purpose == .profile)
        #expect(d.stored.profile.birthYear == 1975)
        #expect(d.stored.profile.history == [.osteoporosis])
        #expect(d.screen.contains("Profile saved: born 1975, history: osteoporosis."))
        #expect(!d.screen.contains("(not saved)"))
    }

    @Test func aBadYearIsRefusedWithAMessageAndNothingSaved() {
        var d = Driver(Fixtures.episode)
        d.type("p")
        d.press(.backspace, .backspace)
        d.press(.enter)
        #expect(d.savedTransactions.isEmpty)
        #expect(d.stored.profile.birthYear == 1980)
        #expect(d.screen.contains("Birth year 19 is not a year from 1900 to 2026"))
    }

    @Test func clearingTheYearSavesNone() {
        var d = Driver(Fixtures.episode)
        d.type("p")
        d.press(.backspace, .backspace, .backspace, .backspace, .enter)
        #expect(d.stored.profile.birthYear == nil)
    }

    @Test func undoOnProfileRestoresThePreviousProfileAndElsewhereSaysWhere() {
        var d = Driver(Fixtures.episode)
        d.type("p")
        d.press(.down)
        d.type("y")
        d.press(.enter)
        #expect(d.stored.profile.history == [.cancer])
        #expect(Hints.forState(d.state).first?.1 == "undo the profile change")
        d.type("h")
        d.type("u")
        #expect(d.stored.profile.history == [.cancer])
        #expect(d.screen.contains("u works on Profile"))
        d.type("p")
        d.type("u")
        #expect(d.stored.profile.history.isEmpty)
        #expect(d.stored.profile.birthYear == 1980)
    }

    @Test func quittingWithAnUnsavedProfileAsksFirst() {
        var d = Driver(Fixtures.episode)
        d.type("p")
        d.press(.down)
        d.type(" ")
        d.type("q")
        #expect(d.exitCode == nil)
        guard case .confirm(let confirmation) = d.state.overlay else { Issue.record("q quit without asking"); return }
        #expect(confirmation.question == "Your changes on Profile are not saved. Quit without saving them?")
        d.type("n")
        d.press(.enter)
        d.type("q")
        #expect(d.exitCode == 0)
    }

    @Test func theTabBarAndHelpNameTheNewScreens() {
        let state = Fixtures.state(Fixtures.episode, screen: .status)
        let top = AppView.render(state).lines[0]
        #expect(top.contains("Profile"))
        #expect(top.contains("Report"))
        var help = state
        _ = help.update(.key(.character("?")))
        #expect(render(help).contains("Profile (birth year, history), Report"))
    }
}

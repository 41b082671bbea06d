import Foundation
import LumbarCore
import Testing
@testable import LumbarUI

/// Every screen at 80×24 and 40×12 from fixed journals, compared with golden text.
@Suite struct ScreenGoldenTests {
    static let sizes = [(80, 24), (40, 12)]

    func render(_ state: AppState) -> String { AppView.render(state).lines.joined(separator: "\n") }

    @Test(arguments: ScreenName.allCases)
    func episodeJournal(screen: ScreenName) {
        for (w, h) in Self.sizes {
            let state = Fixtures.state(Fixtures.episode, width: w, height: h, screen: screen)
            Golden.check(render(state), named: "\(screen.rawValue)-episode-\(w)x\(h)")
        }
    }

    @Test(arguments: ScreenName.allCases)
    func emptyJournal(screen: ScreenName) {
        for (w, h) in Self.sizes {
            let state = Fixtures.state(Journal(), width: w, height: h, screen: screen)
            Golden.check(render(state), named: "\(screen.rawValue)-empty-\(w)x\(h)")
        }
    }
}

/// The chart's ranges, the overlays and the ASCII fallback.
@Suite struct MoreGoldenTests {
    func render(_ state: AppState) -> String { AppView.render(state).lines.joined(separator: "\n") }

    @Test(arguments: [("1", "14d"), ("2", "90d"), ("3", "1y"), ("4", "all")])
    func chartRangesOverAYear(key: String, name: String) {
        var state = Fixtures.state(Fixtures.year, width: 80, height: 24, screen: .chart)
        _ = state.update(.key(.character(Character(key))))
        Golden.check(render(state), named: "chart-year-\(name)-80x24")
    }

    @Test func chartInASCII() {
        let state = Fixtures.state(Fixtures.episode, width: 80, height: 24, screen: .chart, glyphs: .ascii)
        Golden.check(render(state), named: "chart-episode-ascii-80x24")
    }

    @Test func helpOverlay() {
        for (w, h) in [(80, 24), (40, 12)] {
            var state = Fixtures.state(Fixtures.episode, width: w, height: h, screen: .history)
            _ = state.update(.key(.character("?")))
            Golden.check(render(state), named: "help-\(w)x\(h)")
        }
    }

    @Test func deleteConfirmation() {
        var state = Fixtures.state(Fixtures.episode, width: 80, height: 24, screen: .history)
        _ = state.update(.key(.down))
        _ = state.update(.key(.character("x")))
        Golden.check(render(state), named: "history-delete-confirm-80x24")
    }

    @Test func todayMidwayThroughTheForm() {
        var state = Fixtures.state(Journal(), width: 80, height: 24, screen: .today)
        for key in [Key.character("7"), .tab, .character("8"), .tab] + Array(repeating: Key.down, count: 16) + [.character(" ")] {
            _ = state.update(.key(key))
        }
        Golden.check(render(state), named: "today-scrolled-80x24")
        for key in [Key.tab, .tab] + Key.typing("slept badly, 痛い") + [.tab] + Key.typing("dead") {
            _ = state.update(.key(key))
        }
        Golden.check(render(state), named: "today-session-80x24")
    }
}

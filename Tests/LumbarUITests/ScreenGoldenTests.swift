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

import Foundation
import LumbarCore
import Testing
@testable import LumbarUI

/// The help overlay names every key, and on a small terminal each one can be scrolled into view.
@Suite struct HelpOverlayTests {
    func render(_ state: AppState) -> String { AppView.render(state).lines.joined(separator: "\n") }

    @Test func everyKeyCanBeScrolledIntoViewAt40x12() {
        var state = Fixtures.state(Fixtures.episode, width: 40, height: 12, screen: .today)
        _ = state.update(.key(.character("?")))
        var seen = render(state)
        #expect(seen.contains("more"), "at 40x12 the help should need scrolling")
        for _ in 0..<HelpOverlay.entries.count {
            _ = state.update(.key(.down))
            seen += render(state)
        }
        for entry in HelpOverlay.entries {
            // A wording that fits is shown whole; only longer ones fall back to the short form.
            #expect(seen.contains(entry.short) || seen.contains(entry.long), "'\(entry.key)' (\(entry.short)) never shown")
        }
        #expect(state.overlay != nil, "scrolling must not close the help")
    }

    @Test func theCheckInAndStatusKeysAreListed() {
        let keys = HelpOverlay.entries.map(\.key)
        #expect(keys.contains("y n N"))
        #expect(keys.contains("l"))
        #expect(keys.contains("S"))
        #expect(keys.contains("a"))
        var state = Fixtures.state(Fixtures.episode, width: 80, height: 24, screen: .status)
        _ = state.update(.key(.character("?")))
        #expect(render(state).contains("warning sign: yes / no / no to all the rest"))
    }
}

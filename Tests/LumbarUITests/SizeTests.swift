import Foundation
import LumbarCore
import Testing
@testable import LumbarUI
@testable import LumbarText

/// Every screen at every size from 20×6 to 300×100 draws without crashing and fits the buffer.
@Suite struct SizeTests {
    static let sizes: [(Int, Int)] = [
        (20, 6), (39, 9), (40, 10), (41, 11), (52, 15), (80, 24), (100, 30), (133, 41), (200, 60), (300, 100), (0, 0), (1, 1), (7, 3),
    ]

    @Test(arguments: ScreenName.allCases)
    func everySizeRenders(screen: ScreenName) {
        for journal in [Journal(), Fixtures.episode, Fixtures.year] {
            for (w, h) in Self.sizes {
                var state = Fixtures.state(journal, width: w, height: h, screen: screen)
                let buffer = AppView.render(state)
                #expect(buffer.width == w && buffer.height == h)
                for line in buffer.lines { #expect(DisplayWidth.of(line) <= w) }
                if w >= 20, h >= 6, w < AppView.minimumWidth || h < AppView.minimumHeight {
                    #expect(buffer.lines.joined().contains("too small"))
                }
                // Scrolling to the end and opening the help overlay also fit.
                _ = state.update(.key(.end))
                _ = state.update(.key(.character("?")))
                _ = AppView.render(state)
            }
        }
    }

    @Test func asciiGlyphsInANonUTF8Locale() {
        for screen in ScreenName.allCases {
            let text = ScreenText.renderText(
                screen: screen, journal: Fixtures.episode, now: Fixtures.now, timeZone: Fixtures.zone,
                width: 80, height: 24, color: false, glyphs: .ascii)
            // Only the person's own note may carry non-ASCII text.
            let foreign = text.unicodeScalars.filter { !$0.isASCII }.map(String.init).joined()
            #expect(foreign.allSatisfy { "痛い😣–".contains($0) }, "\(screen): \(foreign)")
        }
    }

    @Test func renderTextColoursOnlyWhenAsked() {
        let plain = ScreenText.renderText(
            screen: .status, journal: Fixtures.episode, now: Fixtures.now, timeZone: Fixtures.zone,
            width: 80, height: 24, color: false)
        let coloured = ScreenText.renderText(
            screen: .status, journal: Fixtures.episode, now: Fixtures.now, timeZone: Fixtures.zone,
            width: 80, height: 24, color: true)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}["))
        #expect(plain.split(separator: "\n", omittingEmptySubsequences: false).count == 24)
        #expect(plain.contains("not a diagnosis"))
    }
}

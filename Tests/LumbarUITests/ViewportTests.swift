import Foundation
import LumbarCore
import Testing
@testable import LumbarUI

/// Update's scroll limits and the screens' drawing come from one `Viewport`: at every size,
/// End reaches exactly the last line drawn, one more line down changes nothing, and one up does.
@Suite struct ViewportTests {
    static let sizes = [(40, 10), (40, 12), (52, 17), (80, 24), (100, 30), (130, 45)]

    @Test(arguments: [ScreenName.status, .guide])
    func endReachesTheLastLineDrawnAndNoFurther(screen: ScreenName) {
        for (width, height) in Self.sizes {
            var d = Driver(Fixtures.episode, width: width, height: height)
            d.press(.character(screen.key))
            d.press(.end)
            let end = d.screen
            let state = d.state
            let lines =
                screen == .status
                ? StatusScreen.layout(
                    state, width: state.viewport.proseWidth,
                    height: state.viewport.statusRows(bannerLines: StatusScreen.bannerLines(state, width: state.width).count)
                ).scrolling
                : GuideScreen.content(width: state.viewport.proseWidth, glyphs: state.glyphs)
            let last = (lines.last ?? []).map(\.text).joined().trimmingCharacters(in: .whitespaces)
            #expect(end.contains(last), "\(screen) at \(width)x\(height): End does not show the last line \"\(last)\"")
            d.press(.down)
            #expect(d.screen == end, "\(screen) at \(width)x\(height): scrolled past the end")
            let extent = screen == .status ? d.state.statusExtent : d.state.guideExtent
            d.press(.up)
            #expect((d.screen != end) == (extent.maxOffset > 0), "\(screen) at \(width)x\(height): up from the end did not scroll")
        }
    }

    @Test func theHistorySelectionStaysOnTheListAtEverySize() {
        for (width, height) in Self.sizes {
            var d = Driver(Fixtures.year, width: width, height: height)
            d.press(.character("h"))
            d.press(.pageDown, .pageDown, .down)
            let rows = d.state.viewport.historyRows(showsFilter: false)
            #expect(d.state.history.selected >= d.state.history.offset)
            #expect(d.state.history.selected < d.state.history.offset + rows, "at \(width)x\(height)")
            // The selected row is drawn reversed on the row the viewport says it is on.
            let line = d.screen.components(separatedBy: "\n")[2 + d.state.history.selected - d.state.history.offset]
            #expect(line.hasPrefix(String(Glyphs.unicode.cursor)), "at \(width)x\(height): \(line)")
        }
    }

    @Test func aResizeMakesANewViewport() {
        var d = Driver(Fixtures.episode)
        #expect(d.state.viewport == Viewport(width: 80, height: 24))
        d.send(.resize(width: -3, height: 7))
        #expect(d.state.viewport == Viewport(width: 0, height: 7))
        #expect(!d.state.viewport.fits)
        #expect(d.state.viewport.content.height == 5)
    }
}

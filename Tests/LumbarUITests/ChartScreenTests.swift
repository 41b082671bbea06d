import Foundation
import LumbarCore
import Testing
@testable import LumbarUI

/// The chart: bars and the 7-day line side by side, legends for what is drawn, long ranges by week.
@Suite struct ChartScreenTests {
    func render(_ state: AppState) -> String { AppView.render(state).lines.joined(separator: "\n") }

    @Test func goldenScreensInASCIIAndNarrow() {
        for (w, h) in [(80, 24), (40, 12)] {
            let ascii = Fixtures.state(Fixtures.episode, width: w, height: h, screen: .chart, glyphs: .ascii)
            Golden.check(render(ascii), named: "chart-episode-ascii-\(w)x\(h)")
            var quarter = Fixtures.state(Fixtures.year, width: w, height: h, screen: .chart)
            _ = quarter.update(.key(.character("2")))
            Golden.check(render(quarter), named: "chart-year-90d-\(w)x\(h)")
        }
    }

    @Test func theLineNeverOverwritesABar() {
        let state = Fixtures.state(Fixtures.year, screen: .chart)
        let buffer = AppView.render(state)
        let bars: Set<Character> = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        // In every plot column, a bar runs from the axis up without holes.
        let axis = try! #require((0..<buffer.height).first { buffer.line($0).contains("└") })
        for x in 4..<50 {
            var y = axis - 1
            while y > 2, bars.contains(buffer[x, y].symbol), buffer[x, y].style.foreground != .cyan { y -= 1 }
            while y > 2 {
                #expect(
                    !(bars.contains(buffer[x, y].symbol) && buffer[x, y].symbol == "█" && buffer[x, y].style.foreground != .cyan),
                    "column \(x) has a bar cell above a gap at row \(y)")
                y -= 1
            }
        }
        #expect(render(state).contains("7-day avg"))
    }

    @Test func ninetyDaysFillTheWidthByWeek() {
        var state = Fixtures.state(Fixtures.year, screen: .chart)
        _ = state.update(.key(.character("2")))
        let lines = AppView.render(state).lines
        #expect(lines[2].contains("weekly"))
        let axis = try! #require(lines.first { $0.contains("└") })
        let plot = axis.drop { $0 != "└" }.dropFirst()
        let bottomRow = try! #require(lines.firstIndex(of: axis)) - 1
        let used = lines[bottomRow].dropFirst(4).prefix(plot.count).filter { $0 != " " }.count
        #expect(Double(used) / Double(plot.count) > 0.6, "only \(used) of \(plot.count) columns used")
    }

    @Test func theLegendNamesOnlyWhatIsShown() {
        let empty = render(Fixtures.state(Journal(), screen: .chart))
        #expect(!empty.contains("episode"))
        #expect(!empty.contains("session"))
        let year = render(Fixtures.state(Fixtures.year, screen: .chart))
        #expect(!year.contains("episode"))
        #expect(year.contains("session"))
    }

    @Test func calendarNumbersAreSeparatedFromTheShading() {
        let text = render(Fixtures.state(Fixtures.episode, screen: .chart))
        #expect(text.contains(" 3▒  4▓  5▒"))
        #expect(!text.contains("[ ] month\n"))
        #expect(text.contains("[ earlier month  ] later"))
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import LumbarCore
@testable import LumbarText

/// The page parsed by a strict XML parser: every element with its attributes and text, in document order.
struct ParsedPage {
    struct Element {
        var name: String
        var attributes: [String: String]
        var path: [String]
    }

    var elements: [Element] = []
    var texts: [(path: [String], text: String)] = []

    func named(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// All text inside elements whose path includes `name`.
    func text(inside name: String) -> String {
        texts.filter { $0.path.contains(name) }.map(\.text).joined()
    }

    static func parse(_ html: String) throws -> ParsedPage {
        let delegate = Collector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw ParseFailure(description: "line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        return delegate.page
    }

    struct ParseFailure: Error, CustomStringConvertible {
        var description: String
    }

    final class Collector: NSObject, XMLParserDelegate {
        var page = ParsedPage()
        var stack: [String] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            continuesText = false
            stack.append(name)
            page.elements.append(Element(name: name, attributes: attributes, path: stack))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            continuesText = false
            stack.removeLast()
        }

        /// Whether the last text belongs to the element still open, with no element between:
        /// the parser hands over text in pieces (at each non-ASCII character), joined again here.
        var continuesText = false

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if continuesText, let last = page.texts.indices.last {
                page.texts[last].text += string
            } else {
                page.texts.append((stack, string))
            }
            continuesText = true
        }
    }
}

@Suite struct HTMLReportTests {
    static let html = HTMLReport.render(ReportFixture.report)

    @Test func thePageParsesStrictlyAndHasEverySection() throws {
        let page = try ParsedPage.parse(Self.html)
        #expect(Self.html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.named("h1").count == 1)
        #expect(page.text(inside: "h1") == "Self-tracked lower back pain log")
        let sections = page.named("section").compactMap { $0.attributes["id"] }
        #expect(sections == ["episode", "warning-signs", "flags", "care", "assessments", "days", "flag-detail", "sessions", "notes"])
        // The summary (page 1 in print) holds the first five; the print style sheet breaks the page before the days.
        let summary = page.elements.filter { $0.name == "section" && $0.path.contains("div") }.compactMap { $0.attributes["id"] }
        #expect(summary == ["episode", "warning-signs", "flags", "care", "assessments"])
        #expect(page.text(inside: "style").contains("#days { break-before: page; page-break-before: always; }"))
        #expect(page.named("meta").contains { $0.attributes["charset"]?.lowercased() == "utf-8" })
        #expect(page.text(inside: "p").contains("A self-tracked log, not a diagnosis."))
    }

    @Test func nothingIsFetchedAndNothingRuns() throws {
        let page = try ParsedPage.parse(Self.html)
        for forbidden in ["script", "link", "img", "iframe", "object", "embed", "image", "use", "foreignObject", "a", "base", "form"] {
            #expect(page.named(forbidden).isEmpty, "<\(forbidden)>")
        }
        for element in page.elements {
            for (name, value) in element.attributes {
                let key = name.lowercased()
                #expect(key != "src" && key != "href" && key != "xlink:href" && key != "srcset", "\(element.name) \(name)=\(value)")
                #expect(!key.hasPrefix("on"), "event handler \(element.name) \(name)")
                #expect(!value.lowercased().contains("http://") && !value.lowercased().contains("https://"), "\(element.name) \(name)=\(value)")
            }
        }
        let style = page.text(inside: "style").lowercased()
        #expect(!style.isEmpty)
        #expect(!style.contains("url(") && !style.contains("@import"))
        #expect(!Self.html.lowercased().contains("http://") && !Self.html.lowercased().contains("https://"))
        #expect(!Self.html.lowercased().contains("javascript:"))
    }

    @Test func theChartIsAnInlineSVGWithPointsAverageAndWindowMarks() throws {
        let page = try ParsedPage.parse(Self.html)
        let svg = try #require(page.named("svg").first)
        #expect(page.named("svg").count == 1)
        #expect(svg.path == ["html", "body", "main", "div", "figure", "svg"])
        #expect(svg.attributes["viewBox"] != nil)
        #expect(svg.attributes["role"] == "img")
        // One point per check-in of the period, and one marker per flag.
        #expect(page.named("circle").count == ReportFixture.report.checkInCount + ReportFixture.report.flags.count)
        // The 7-day average (dashed blue) and the pain line(s).
        let lines = page.named("polyline")
        #expect(lines.contains { $0.attributes["stroke"] == "#2563eb" && $0.attributes["stroke-dasharray"] != nil })
        #expect(lines.contains { $0.attributes["stroke"] == "#374151" })
        // Window marks inside the period are drawn and labelled; day 28 (31 Mar) lies after it.
        let labels = page.elements.indices.filter { page.elements[$0].name == "text" }
        #expect(!labels.isEmpty)
        let chartText = page.text(inside: "svg")
        for label in ["deadlift", "72 h", "96 h", "day 14"] { #expect(chartText.contains(label), "\(label)") }
        #expect(!chartText.contains("day 28"))
        // The level strip: one cell per day, coloured by the day's level.
        let strip = page.named("rect").filter { $0.attributes["height"] == "9" && $0.attributes["y"] == PainChart.n(PainChart.stripTop) }
        #expect(strip.count == 31)
        #expect(strip.last?.attributes["fill"] == PainChart.color(of: .seeDoctor))
    }

    @Test func aMarkSitsAtItsTimeOnTheDayAxis() throws {
        let svg = try #require(PainChart.svg(ReportFixture.report))
        // 72 h after Mon 2 Mar 18:00 is Thu 5 Mar 18:00: day 15.75 of 31 from Wed 18 Feb.
        let x = PainChart.left + 15.75 * (PainChart.right - PainChart.left) / 31
        #expect(
            svg.contains(
                "<line x1=\"\(PainChart.n(x))\" y1=\"\(PainChart.n(PainChart.top - 4))\" x2=\"\(PainChart.n(x))\" y2=\"\(PainChart.n(PainChart.bottom))\" stroke=\"#c2410c\""
            ))
    }

    @Test func theTablesCarryTheFlagsAndTheDays() throws {
        let page = try ParsedPage.parse(Self.html)
        let tables = page.named("table").compactMap { $0.attributes["class"] }
        // The fixture answers yes to some warning signs: those rows read across the page above the two columns of negatives.
        #expect(tables == ["answers yes", "answers", "answers", "flags", "care", "days", "flag-detail", "sessions"])
        let flagsText = page.texts.filter { $0.path.contains("table") }.map(\.text).joined()
        #expect(flagsText.contains("severe-72-96h"))
        #expect(flagsText.contains("When Post-Exercise Lower Back Discomfort Calls for Attention"))
        #expect(Self.html.contains("<span class=\"lv lv-see-doctor\">see-doctor</span>"))
        #expect(Self.html.contains("<strong class=\"rf\">!tingling</strong>"))
        #expect(page.text(inside: "footer").contains("not a diagnosis"))
    }

    @Test func userTextIsEscapedEverywhere() throws {
        var journal = ReportFixture.journal
        let hostile = "</li><script>alert(\"x\")</script><img src=https://example.com/x.png> & 'q' \u{1B}[31m"
        journal.upsert(ReportFixture.checkIn("2026-03-19 10:00", pain: 2, note: hostile + "\nsecond line"))
        journal.upsert(ReportFixture.session("2026-03-19 07:00", "<b>bench</b> & \"press\"", note: "a|b"))
        let report = Report(
            journal: journal, from: LocalDate("2026-02-18")!, through: LocalDate("2026-03-20")!,
            now: ReportFixture.now, timeZone: ReportFixture.zone)
        let html = HTMLReport.render(report)
        let page = try ParsedPage.parse(html)
        #expect(page.named("script").isEmpty)
        #expect(page.named("img").isEmpty)
        #expect(html.contains("&lt;/li&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(!html.contains("\u{1B}"))
        #expect(page.text(inside: "ul").contains("<script>alert(\"x\")</script>"))
        #expect(page.text(inside: "svg").contains("<b>bench</b> & \"press\""))
        #expect(page.named("br").count == 2)
    }

    @Test func anEmptyJournalStillMakesAValidPage() throws {
        let report = Report(
            journal: Journal(), from: LocalDate("2026-03-01")!, through: LocalDate("2026-03-20")!,
            now: ReportFixture.now, timeZone: ReportFixture.zone)
        let html = HTMLReport.render(report)
        let page = try ParsedPage.parse(html)
        #expect(page.named("svg").count == 1)
        #expect(page.named("circle").isEmpty)
        #expect(page.named("polyline").isEmpty)
        let all = page.texts.map(\.text).joined()
        #expect(all.contains("No episode of back pain"))
        #expect(all.contains("No rule fired on any day of the period."))
        #expect(all.contains("No notes in the period."))
    }

    // MARK: The six-week story's chart

    static let story = HTMLReport.render(SixWeekStory.report)

    @Test func everyWindowMarkNamesItselfOnHoverAndInTheLegend() throws {
        let page = try ParsedPage.parse(Self.story)
        let titles = page.texts.filter { $0.path.suffix(2) == ["g", "title"] }.map(\.text)
        for expected in [
            "Trigger session: Sat 17 Oct 10:00", "72 h after the trigger session: Tue 20 Oct 10:00",
            "96 h after the trigger session: Wed 21 Oct 10:00", "Day 14 of the episode (2 weeks): Sat 31 Oct 00:00",
            "Day 28 of the episode (4 weeks): Sat 14 Nov 00:00", "Day 42 of the episode (6 weeks): Sat 28 Nov 00:00",
        ] {
            #expect(titles.contains(expected), "no mark titled \(expected)")
        }
        let legend = page.texts.filter { $0.path.contains("figure") && !$0.path.contains("svg") }.map(\.text).joined()
        for expected in [
            "deadlift", "trigger session", "72 h, 96 h", "day 14, day 28, day 42", "main episode",
            "warning sign answered yes", "nerve-signs", "acute-injury",
        ] {
            #expect(legend.contains(expected), "legend lacks \(expected)")
        }
    }

    @Test func eachFlagIsMarkedByRuleWhereItWasFirstRaised() throws {
        let page = try ParsedPage.parse(Self.story)
        let titles = page.texts.filter { $0.path.suffix(2) == ["g", "title"] && $0.text.hasPrefix("Flag ") }.map(\.text)
        let report = SixWeekStory.report
        #expect(titles.count == report.flags.count)
        #expect(!report.flags.isEmpty)
        for (number, flag) in PainChart.drawnFlags(report) {
            let start = "Flag \(number): \(flag.rule.title) (\(flag.rule.rawValue)): \(flag.firstLevel.key) \(flag.firstFired.shortDescription)"
            #expect(titles.contains { $0.hasPrefix(start) }, "no marker titled \(start)")
        }
        // Numbered in the order first raised.
        #expect(PainChart.drawnFlags(report).map(\.flag.firstFired) == report.flags.map(\.firstFired).sorted())
        // The warning-sign mark says which sign was answered yes.
        let bang = page.texts.filter { $0.path.suffix(2) == ["text", "title"] }.map(\.text)
        #expect(bang == ["Sun 8 Nov 10:00: answered yes to tingling"])
    }

    @Test func theChartShadesTheMainEpisodeNotTheBlipOpenAtTheEnd() throws {
        let svg = try #require(PainChart.svg(SixWeekStory.report))
        // Onset Sat 17 Oct 20:00 is day 20/24 of 46; the close, the end of Sun 29 Nov, is day 44.
        let dayWidth = (PainChart.right - PainChart.left) / 46
        let from = PainChart.left + 20.0 / 24 * dayWidth
        let to = PainChart.left + 44 * dayWidth
        #expect(svg.contains("<rect x=\"\(PainChart.n(from))\" y=\"\(PainChart.n(PainChart.top))\" width=\"\(PainChart.n(to - from))\""))
        #expect(svg.contains("<title>Main episode: onset Sat 17 Oct 20:00, closed Sun 29 Nov, peak 7/10</title>"))
        // The trigger line is the deadlift's, not the run before the blip.
        let trigger = PainChart.left + 10.0 / 24 * dayWidth
        #expect(svg.contains("<line x1=\"\(PainChart.n(trigger))\" y1=\"\(PainChart.n(PainChart.top - 4))\""))
    }

    @Test func thePageReadsOnAPhone() throws {
        let page = try ParsedPage.parse(Self.story)
        #expect(
            page.named("meta").contains { $0.attributes["name"] == "viewport" && $0.attributes["content"] == "width=device-width, initial-scale=1" })
        let style = page.text(inside: "style")
        #expect(style.contains("main { width: 100%; max-width: 190mm;"))
        #expect(style.contains("@media screen and (max-width: 640px)"))
        #expect(style.contains(".pair, .columns, dl.facts { grid-template-columns: 1fr; }"))
        #expect(style.contains("svg.chart { display: block; width: 100%; height: auto; }"))
    }
}

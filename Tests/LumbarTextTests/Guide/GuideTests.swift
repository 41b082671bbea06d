import Testing
@testable import LumbarCore
@testable import LumbarText

@Suite("Guide")
struct GuideTests {
    let guide = Guide.standard

    var items: [GuideItem] { guide.sections.flatMap(\.items) }

    @Test("every item has a title, text, and cites an article (only lumbar's own log rule cites none)")
    func itemsCite() {
        #expect(items.count > 25)
        for item in items {
            #expect(!item.title.isEmpty && !item.text.isEmpty)
            if item.title.hasPrefix(RuleID.logToday.title) {
                #expect(item.sources.isEmpty)
            } else {
                #expect(!item.sources.isEmpty, "\(item.title) cites no article")
            }
        }
        let cited = Set(items.flatMap(\.sources))
        #expect(cited == Set(Article.allCases))
    }

    @Test(
        "the advice the brief asks for is there",
        arguments: [
            "bed", "Ice or heat", "Return gradually", "hip hinge", "Warm up", "Bird dog", "dead bug", "plank",
            "Bridges", "pelvic tilts", "cat stretch", "Ordinary training soreness", "Signs of an injury",
        ])
    func covers(phrase: String) {
        #expect(guide.text(width: 1000).localizedCaseInsensitiveContains(phrase))
    }

    @Test("the flags section explains every rule once, most urgent first")
    func flags() throws {
        let section = try #require(guide.sections.last)
        #expect(section.items.count == RuleID.allCases.count)
        #expect(section.items.first?.title == "Bladder or bowel control (emergency)")
        #expect(section.items.contains { $0.title == "Severe pain 72–96 h after the start (watch / see-doctor)" })
        #expect(section.items.last?.sources.isEmpty == true)
    }

    @Test("each flag item names the rule it explains, so screens need not match titles; advice names none")
    func itemsKnowTheirRule() throws {
        let section = try #require(guide.sections.last)
        #expect(section.items.compactMap(\.rule) == section.items.map { $0.rule ?? .logToday })
        #expect(Set(section.items.compactMap(\.rule)) == Set(RuleID.allCases))
        for item in section.items { #expect(item.title.hasPrefix((item.rule?.title ?? "?") + " (")) }
        #expect(guide.sections.dropLast().flatMap(\.items).allSatisfy { $0.rule == nil })
    }

    @Test("the text fits the width, starts with the title and the disclaimer", arguments: [30, 60, 80, 120])
    func width(width: Int) {
        let text = guide.text(width: width)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= width })
        #expect(text.hasPrefix("lumbar guide"))
        #expect(lines.joined(separator: " ").contains("not a diagnosis"))
        #expect(text.hasSuffix("\n"))
        #expect(lines.contains("  Source: What causes lower back pain after exercise?") || width < 50)
    }

    @Test("wrapping keeps words whole, indents, and splits only words wider than a line")
    func wrap() {
        #expect(TextLayout.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TextLayout.wrap("one two three", width: 9, indent: "  ", hangingIndent: "    ") == ["  one two", "    three"])
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextLayout.wrap("abcdefghij", width: 6, indent: "  ") == ["  abcd", "  efgh", "  ij"])
        #expect(TextLayout.wrap("", width: 10) == [""])
        #expect(TextLayout.wrap("", width: 10, indent: "  ") == ["  "])
        #expect(TextLayout.wrap("a  b", width: 10) == ["a b"])
        // One rule for screens and plain text: display columns, and a number kept with its unit.
        #expect(TextLayout.wrap("漢字 漢字", width: 6, indent: "  ") == ["  漢字", "  漢字"])
        #expect(TextLayout.wrap("still 7 after 96 h mark", width: 17) == ["still 7 after", "96 h mark"])
    }

    @Test(
        "the guide gives NICE NG59's cautions for anti-inflammatory painkillers",
        arguments: [
            "lowest dose", "shortest time", "stomach ulcer", "kidney or heart", "asthma", "pregnant", "pharmacist",
        ])
    func painkillerCautions(phrase: String) throws {
        let item = try #require(guide.sections.flatMap(\.items).first { $0.title.hasPrefix("Anti-inflammatory painkillers") })
        #expect(item.text.contains(phrase))
        #expect(item.sources == [.niceNG59])
    }

    @Test("the guide agrees with the levels: leg weakness and fever mean a doctor today; the emergency line is up front")
    func levelsAgree() throws {
        #expect(guide.introduction.contains("weak or gives way, a fever or feeling unwell"))
        #expect(guide.introduction.contains("contacting a doctor today"))
        for sign in ["passing urine", "both legs", "chest pain", "serious accident"] { #expect(guide.introduction.contains(sign)) }
        let flags = try #require(guide.sections.last)
        #expect(flags.items.contains { $0.title == "Leg weakness (urgent)" })
        #expect(flags.items.contains { $0.title == "Fever or weight loss (urgent)" })
        #expect(flags.items.contains { $0.title == "New sexual problems (urgent / emergency)" })
        #expect(flags.items.contains { $0.sources.contains(.girftCaudaEquina) })
    }
}

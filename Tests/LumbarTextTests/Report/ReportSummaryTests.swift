import Foundation
import Testing
@testable import LumbarCore
@testable import LumbarText

/// The first page's facts for the six-week story, and the same facts in both formats.
@Suite struct ReportSummaryTests {
    let report = SixWeekStory.report

    func text(_ line: ReportLine) -> String {
        line.map { span -> String in
            switch span {
            case .text(let text), .strong(let text), .code(let text): return text
            case .redFlag(let text): return "!" + text
            case .level(let level): return level.key
            case .lineBreak: return " "
            }
        }.joined()
    }

    func fact(_ label: String, in facts: [(String, ReportLine)]) -> String? {
        facts.first { $0.0 == label }.map { text($0.1) }
    }

    @Test func theHeaderGivesThePeriodWhyAndWho() {
        let facts = ReportContent.headerFacts(report)
        #expect(fact("Period", in: facts) == "Sat 17 Oct 2026 \u{2013} Tue 1 Dec 2026 (46 days)")
        #expect(
            fact("Why", in: facts) == "Starts at the deadlift session of Sat 17 Oct, which the worst episode of back pain "
                + "in the last 90 days is traced to (peak 7/10, 43 days long).")
        #expect(fact("Person", in: facts) == "age 40\u{2013}49; no medical history recorded")
    }

    @Test func theEpisodeSaysWhatHappenedWhenAndHowItEvolved() {
        let facts = ReportContent.episodeFacts(report)
        #expect(fact("Trigger", in: facts) == "deadlift, Sat 17 Oct 10:00, 60 min, RPE 9; pain began during it; 10 h before the onset")
        #expect(fact("Onset", in: facts) == "Sat 17 Oct 20:00, pain 6/10")
        #expect(fact("Status", in: facts) == "Closed on Sun 29 Nov after two pain-free days in a row; it lasted 43 days.")
        #expect(fact("Pain", in: facts) == "peak 7/10 on Sun 18 Oct (day 1); latest 0/10 on Sun 29 Nov 09:00; 32 check-ins")
        #expect(
            fact("Trend", in: facts) == "Eased: 6 at onset \u{2192} peak 7 on day 1 \u{2192} 4 by day 7 \u{2192} 3 by day 14 "
                + "\u{2192} 1 by day 28 \u{2192} 0 by day 42.")
        #expect(
            fact("Windows", in: facts) == "72 h Tue 20 Oct 10:00 (pain 7 at Tue 20:00) \u{00B7} 96 h Wed 21 Oct 10:00 (pain 6 then) "
                + "\u{00B7} day 14 Sat 31 Oct (pain 3 then) \u{00B7} day 28 Sat 14 Nov (pain 1 then) \u{00B7} day 42 Sat 28 Nov (pain 0 then)")
    }

    @Test func windowsNotYetReachedOrAfterTheCloseSaySo() {
        // Made on day 20 of the story, day 28 and day 42 lie ahead.
        let now = SixWeekStory.time("2026-11-06 12:00").date
        let early = Report(
            journal: SixWeekStory.journal, from: LocalDate("2026-10-17")!, through: LocalDate("2026-11-06")!,
            now: now, timeZone: SixWeekStory.zone)
        let windows = fact("Windows", in: ReportContent.episodeFacts(early)) ?? ""
        #expect(windows.contains("day 14 Sat 31 Oct (pain 3 then)"))
        #expect(windows.contains("day 28 Sat 14 Nov (not reached)"))
        #expect(fact("Status", in: ReportContent.episodeFacts(early)) == "Day 20 (onset day = day 0), still open on Fri 6 Nov.")
    }

    /// A status at the end of `day` raising `flags` (rule and level), built by hand so the test
    /// reads the report's bookkeeping, not the rules engine.
    func day(_ text: String, _ flags: [(RuleID, Level)]) -> (date: LocalDate, status: Status) {
        let date = LocalDate(text)!
        let raised = flags.map {
            RuleFlag(
                rule: $0.0, level: $0.1, headline: "", action: "", evidence: [], evidenceDates: [],
                window: nil, sources: [])
        }
        return (date, Status(now: date.end(in: SixWeekStory.zone), level: raised.map(\.level).max() ?? .none, flags: raised, episode: nil))
    }

    @Test func flagLevelsAreShownAsTheyMovedDayByDay() throws {
        let flags = ReportFlag.flags(in: [
            day("2026-10-17", [(.acuteInjury, .watch)]),
            day("2026-10-18", [(.acuteInjury, .seeDoctor), (.nerveSigns, .seeDoctor)]),
            day("2026-10-19", [(.acuteInjury, .seeDoctor)]),
            day("2026-10-20", [(.nerveSigns, .seeDoctor)]),
        ])
        // Same highest level: the one first raised comes first.
        #expect(flags.map(\.rule) == [.acuteInjury, .nerveSigns])
        let acute = try #require(flags.first)
        #expect(
            acute.steps == [
                .init(date: LocalDate("2026-10-17")!, level: .watch), .init(date: LocalDate("2026-10-18")!, level: .seeDoctor),
                .init(date: LocalDate("2026-10-20")!, level: nil),
            ])
        #expect((acute.firstLevel, acute.highestLevel, acute.lastSeen, acute.isRaisedAtEnd) == (.watch, .seeDoctor, LocalDate("2026-10-19")!, false))
        #expect(text(ReportContent.levelSteps(acute)) == "watch Sat 17 Oct \u{2192} see-doctor Sun 18 Oct \u{2192} cleared Tue 20 Oct")
        let nerve = try #require(flags.last)
        #expect(nerve.isRaisedAtEnd)
        #expect(
            text(ReportContent.levelSteps(nerve))
                == "see-doctor Sun 18 Oct \u{2192} cleared Mon 19 Oct \u{2192} see-doctor Tue 20 Oct (still raised)")
    }

    @Test func aLongHistoryOfLevelsIsShortenedInTheMiddle() throws {
        let days = (0..<9).map { index in
            day(LocalDate("2026-10-17")!.adding(days: index).description, index % 2 == 0 ? [(.nerveSigns, .seeDoctor)] : [])
        }
        let flag = try #require(ReportFlag.flags(in: days).first)
        #expect(flag.steps.count == 9)
        #expect(
            text(ReportContent.levelSteps(flag)) == "see-doctor Sat 17 Oct \u{2192} cleared Sun 18 Oct \u{2192} \u{2026} "
                + "\u{2192} see-doctor Fri 23 Oct \u{2192} cleared Sat 24 Oct \u{2192} see-doctor Sun 25 Oct (still raised)")
    }

    @Test func selfCareSaysWhatFollowedOnTheNextLoggedDay() throws {
        let heat = try #require(report.care.first { $0.care == .heat })
        // Heat on 18 Oct (7, then 7), 19 Oct (7, then 7), 20 Oct (7, then 6).
        #expect((heat.dates.count, heat.lowerAfter, heat.sameAfter, heat.higherAfter) == (3, 1, 2, 0))
        let rows = try #require(ReportContent.careTable(report)).rows
        #expect(rows.map { text($0.cells[0]) }.prefix(3) == ["walking", "rest", "ice"])
    }

    @Test func assessmentsNameTheFlagsTheyCoverAndTheNote() {
        #expect(
            ReportContent.assessmentLines(report).map(text) == [
                "Fri 23 Oct 15:00: covers severe-72-96h at see-doctor \u{2014} Physiotherapist: lumbar muscle strain, no nerve involvement found."
            ])
    }

    @Test func ageBandsAreTenYearsWide() {
        #expect(ReportContent.ageBand(birthYear: 1984, in: 2026) == "40\u{2013}49")
        #expect(ReportContent.ageBand(birthYear: 1976, in: 2026) == "50\u{2013}59")
        #expect(ReportContent.ageBand(birthYear: 2030, in: 2026) == nil)
        var journal = SixWeekStory.journal
        journal.profile = Profile(history: [.osteoporosis, .steroids])
        let withHistory = Report(
            journal: journal, from: LocalDate("2026-11-01")!, through: LocalDate("2026-12-01")!,
            now: SixWeekStory.now, timeZone: SixWeekStory.zone)
        #expect(ReportContent.personText(withHistory) == "age not given; history: osteoporosis, long-term steroid tablets")
    }

    @Test func markdownAndHTMLCarryTheSameSummary() throws {
        let markdown = MarkdownReport.render(report)
        let page = try ParsedPage.parse(HTMLReport.render(report))
        let html = page.texts.filter { !$0.path.contains("style") }.map(\.text).joined()
        var lines = (ReportContent.headerFacts(report) + ReportContent.episodeFacts(report)).map { text($0.1) }
        lines += ReportContent.warningSignTable(report).rows.flatMap { $0.cells.map(text) }
        lines += try #require(ReportContent.flagsTable(report)).rows.flatMap { $0.cells.map(text) }
        lines += try #require(ReportContent.careTable(report)).rows.flatMap { $0.cells.map(text) }
        lines += ReportContent.assessmentLines(report).map(text)
        #expect(lines.count > 60)
        let plainMarkdown = markdown.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
            .replacingOccurrences(of: "\\", with: "")
        for line in lines where !line.isEmpty {
            #expect(html.contains(line), "HTML lacks \(line)")
            #expect(plainMarkdown.contains(line), "Markdown lacks \(line)")
        }
    }
}

import Foundation
import Testing
@testable import LumbarCore
@testable import LumbarText
import LumbarTestSupport

@Suite("Status formatting")
struct StatusFormatterTests {
    /// Deadlift Mon 2 Mar 18:00, onset Tue 3 Mar, severe at 82 h; evaluated 83 h after the deadlift.
    static func severeJournal() -> JournalBuilder {
        var b = JournalBuilder()
        b.session("2026-03-02 18:00")
        b.checkIn("2026-03-03 09:00", pain: 5)
        b.checkIn("2026-03-06 04:00", pain: 8)
        return b
    }

    static let now = "2026-03-06 05:00"

    @Test("the text puts the level first, then each flag, the episode line and the disclaimer")
    func text() {
        let b = Self.severeJournal()
        let text = StatusFormatter.text(b.status(at: Self.now), timeZone: b.zone, color: false)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Level: watch (2 flags). " + Level.watch.action)
        #expect(lines.contains("[watch] Severe pain 72–96 h after the start (severe-72-96h)"))
        #expect(lines.contains("  Window: 72 h after Mon 18:00 deadlift = Thu 18:00; 96 h = Fri 18:00"))
        #expect(lines.contains("  Seen: 2026-03-02: deadlift at 18:00, the session the episode is traced to"))
        #expect(lines.contains("        2026-03-06: pain 8, 82 h after the start"))
        #expect(
            lines.contains(
                "  Source: When Post-Exercise Lower Back Discomfort Calls for Attention (also: Lower Back Pain After Exercise – Causes and Relief Tips)"
            ))
        #expect(lines.contains { $0.hasPrefix("  What to do: Keep logging; if it is still 7 or more at the 96 h mark (Fri 18:00)") })
        #expect(lines.contains("Episode: day 3 since Tue 3 Mar; 83 h since the deadlift (Mon 18:00); next: 96 h mark Fri 18:00"))
        #expect(lines.dropLast().last == StatusFormatter.disclaimer)
        #expect(lines.dropLast(2).last == Status.emergencyLine)
        #expect(text.hasSuffix("\n"))
        #expect(!text.contains("\u{1B}"))
    }

    @Test("flags keep their most-urgent-first order in the text")
    func textOrder() {
        var b = Self.severeJournal()
        b.checkIn("2026-03-06 04:30", pain: 8, [.legWeakness])
        let text = StatusFormatter.text(b.status(at: Self.now), timeZone: b.zone, color: false)
        let urgent = text.range(of: "[urgent]")
        let watch = text.range(of: "[watch]")
        #expect(text.hasPrefix("Level: urgent (3 flags). " + Level.urgent.action))
        #expect(urgent != nil && watch != nil && urgent!.lowerBound < watch!.lowerBound)
    }

    @Test("colour is ANSI only when asked for")
    func color() {
        let b = Self.severeJournal()
        let text = StatusFormatter.text(b.status(at: Self.now), timeZone: b.zone, color: true)
        #expect(text.hasPrefix("Level: \u{1B}[33mwatch\u{1B}[0m"))
        #expect(text.contains("\u{1B}[33m[watch]\u{1B}[0m Severe pain"))
    }

    @Test("with no flags, a calm line and still the disclaimer")
    func calm() {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 09:00", pain: 0)
        let text = StatusFormatter.text(b.status(at: "2026-03-03 10:00"), timeZone: b.zone, color: false)
        #expect(text == "Level: none. \(StatusFormatter.calmLine)\n\n\(Status.emergencyLine)\n\(StatusFormatter.disclaimer)\n")
    }

    @Test("the episode line without a trigger points at the next day mark")
    func episodeLineWithoutTrigger() {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 09:00", pain: 3)
        let status = b.status(at: "2026-03-08 10:00")
        #expect(
            StatusFormatter.episodeLine(status, timeZone: b.zone)
                == "Episode: day 5 since Tue 3 Mar; no session logged in the 72 h before it began; next: day 14 on Tue 17 Mar")
        #expect(
            StatusFormatter.episodeLine(b.status(at: "2026-04-20 10:00"), timeZone: b.zone)
                == "Episode: day 48 since Tue 3 Mar; no session logged in the 72 h before it began")
        var long = JournalBuilder()
        long.session("2026-03-02 18:00")
        long.checkIn("2026-03-03 09:00", pain: 3)
        #expect(
            StatusFormatter.episodeLine(long.status(at: "2026-03-09 17:59"), timeZone: long.zone)
                == "Episode: day 6 since Tue 3 Mar; 167 h since the deadlift (Mon 2 Mar 18:00); next: day 14 on Tue 17 Mar")
        #expect(
            StatusFormatter.episodeLine(long.status(at: "2026-03-20 10:00"), timeZone: long.zone)
                == "Episode: day 17 since Tue 3 Mar; 18 days since the deadlift (Mon 2 Mar 18:00); next: day 28 on Tue 31 Mar")
        var empty = JournalBuilder()
        empty.checkIn("2026-03-03 09:00", pain: 0)
        #expect(StatusFormatter.episodeLine(empty.status(at: "2026-03-03 10:00"), timeZone: empty.zone) == nil)
    }

    @Test(
        "the next mark is the earliest one still ahead",
        arguments: [
            ("2026-03-03 10:00", "next: 72 h mark Thu 18:00"),
            ("2026-03-05 18:00", "next: 96 h mark Fri 18:00"),
            ("2026-03-06 18:00", "next: day 14 on Tue 17 Mar"),
            ("2026-03-17 00:00", "next: day 28 on Tue 31 Mar"),
        ])
    func nextMark(now: String, expected: String) {
        var b = JournalBuilder()
        b.session("2026-03-02 18:00")
        b.checkIn("2026-03-03 09:00", pain: 3)
        #expect(StatusFormatter.episodeLine(b.status(at: now), timeZone: b.zone)?.hasSuffix(expected) == true)
    }

    @Test("the JSON carries now, level, flags and the episode in the documented shape")
    func json() throws {
        var b = Self.severeJournal()
        b.checkIn("2026-03-06 04:30", pain: 8, [.numbness])
        let status = b.status(at: Self.now)
        var writer = JSONWriter()
        writer.writePretty(StatusFormatter.json(status))
        let parsed = try JSONParser.parse(writer.bytes)
        let root = try #require(parsed.objectValue)
        #expect(root.members.map(\.key) == ["now", "level", "flags", "episode", "ignoredFutureEntries", "safetyNet", "disclaimer"])
        #expect(root["ignoredFutureEntries"]?.intValue == 0)
        #expect(root["now"]?.stringValue == "2026-03-06T05:00:00+01:00")
        #expect(root["level"]?.stringValue == "see-doctor")
        let flags = try #require(root["flags"]?.arrayValue)
        #expect(flags.compactMap { $0.objectValue?["rule"]?.stringValue } == ["nerve-signs", "intense-pain", "severe-72-96h"])
        let severe = try #require(flags[2].objectValue)
        #expect(
            severe.members.map(\.key) == ["rule", "level", "title", "headline", "action", "evidence", "evidenceDates", "window", "source", "sources"])
        #expect(severe["level"]?.stringValue == "watch")
        #expect(severe["evidenceDates"]?.arrayValue?.compactMap(\.stringValue) == ["2026-03-02", "2026-03-06"])
        let window = try #require(severe["window"]?.objectValue)
        #expect(window["start"]?.stringValue == "2026-03-02T18:00:00+01:00")
        #expect(window["end"]?.stringValue == "2026-03-05T18:00:00+01:00")
        #expect(window["text"]?.stringValue == "72 h after Mon 18:00 deadlift = Thu 18:00; 96 h = Fri 18:00")
        #expect(severe["source"]?.stringValue == Article.whenDiscomfortCallsForAttention.title)
        #expect(severe["sources"]?.arrayValue?.count == 2)
        let episode = try #require(root["episode"]?.objectValue)
        #expect(episode["day"]?.intValue == 3)
        #expect(episode["peak"]?.intValue == 8)
        #expect(episode["onset"]?.objectValue?["date"]?.stringValue == "2026-03-03")
        #expect(episode["onset"]?.objectValue?["pain"]?.intValue == 5)
        #expect(episode["latest"]?.objectValue?["at"]?.stringValue == "2026-03-06T04:30:00+01:00")
        #expect(episode["trigger"]?.objectValue?["kind"]?.stringValue == "deadlift")
        #expect(episode["trigger"]?.objectValue?["hoursSince"]?.intValue == 83)
    }

    @Test("the JSON has null for a missing episode, trigger, window end and source")
    func jsonNulls() throws {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 09:00", pain: 3)
        let withEpisode = try #require(StatusFormatter.json(b.status(at: "2026-03-06 09:00")).objectValue)
        #expect(withEpisode["episode"]?.objectValue?["trigger"] == .null)
        let logToday = try #require(withEpisode["flags"]?.arrayValue?.first?.objectValue)
        #expect(logToday["rule"]?.stringValue == "log-today")
        #expect(logToday["source"] == .null)
        #expect(logToday["sources"] == .array([]))
        #expect(logToday["window"]?.objectValue?["end"] == .null)

        var calm = JournalBuilder()
        calm.checkIn("2026-03-03 09:00", pain: 0)
        let root = try #require(StatusFormatter.json(calm.status(at: "2026-03-03 10:00")).objectValue)
        #expect(root["episode"] == .null)
        #expect(root["level"]?.stringValue == "none")
        #expect(root["flags"] == .array([]))
    }

    @Test("the source line cites the main article first, or says the rule is lumbar's own")
    func sources() {
        #expect(StatusFormatter.sourceText([.whatCausesPain]) == "What causes lower back pain after exercise?")
        #expect(StatusFormatter.sourceText([]) == "lumbar's own rule (no article)")
        for rule in RuleID.allCases where rule != .logToday {
            #expect(!rule.sources.isEmpty, "\(rule.rawValue) must cite an article")
        }
    }

    @Test("ignored future entries are counted in the text and the JSON")
    func futureEntries() {
        var b = Self.severeJournal()
        b.checkIn("2027-03-06 04:00", pain: 1)
        b.session("2027-03-06 05:00")
        let status = b.status(at: Self.now)
        #expect(status.ignoredFutureEntries == 2)
        #expect(
            StatusFormatter.text(status, timeZone: b.zone, color: false).contains("2 entries dated after now are not counted: check their dates."))
        #expect(StatusFormatter.json(status).objectValue?["ignoredFutureEntries"]?.intValue == 2)
    }

    @Test("without a session the hour marks count from the onset")
    func hourMarksFromOnset() {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 09:00", pain: 6)
        #expect(StatusFormatter.episodeLine(b.status(at: "2026-03-04 10:00"), timeZone: b.zone)?.hasSuffix("next: 72 h mark Fri 09:00") == true)
    }
}

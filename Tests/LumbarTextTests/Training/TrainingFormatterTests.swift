import Foundation
import Testing
@testable import LumbarCore
@testable import LumbarText
import LumbarTestSupport

/// The text and JSON of `lumbar training`.
@Suite("Training: output")
struct TrainingFormatterTests {
    @Test(
        "JSON numbers keep at most two decimals and drop a whole fraction",
        arguments: [
            (547.5, "547.5"), (2.0, "2"), (3.6666, "3.67"), (0.05, "0.05"), (10.0, "10"), (0.0, "0"), (1.1, "1.1"),
        ])
    func numbers(value: Double, text: String) {
        #expect(TrainingFormatter.number(value) == .number(text))
    }

    @Test("the text has the answer, the load, each kind and the counts, and says it is not a risk score")
    func text() {
        let b = TrainingBuilder.threeEpisodes()
        let text = TrainingFormatter.text(b.report(at: "2026-03-01 12:00"), timeZone: b.zone)
        #expect(text.hasPrefix("Today: Light loads only"))
        // The 28 days before the week hold 540 + 50 + 100: a usual week of 172.5, shown rounded.
        #expect(text.contains("Load: This week 0, 100 % below your usual 173 (load = minutes × RPE)."))
        let rows = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.contains(["deadlift", "2", "295", "1", "of", "1", "1", "1"]))
        #expect(rows.contains(["run", "5", "100", "0", "of", "0", "1", "0"]))
        #expect(text.contains("1 of 3 followed a week at or over 1.5 × the usual."))
        #expect(text.contains("Fri 30 Jan: after the deadlift of Thu 29 Jan 18:00 (load 540, 540 % of the usual week; sudden)"))
        #expect(text.contains(TrainingFormatter.factsLine))
        #expect(text.hasSuffix(StatusFormatter.disclaimer + "\n"))
        #expect(!text.lowercased().contains("risk:"))
    }

    @Test("the JSON has the keys the issue names")
    func json() throws {
        let b = TrainingBuilder.threeEpisodes()
        let value = TrainingFormatter.json(b.report(at: "2026-03-01 12:00"), timeZone: b.zone)
        let root = try #require(value.objectValue)
        let today = try #require(root["today"]?.objectValue)
        #expect(today["answer"]?.stringValue == "light")
        #expect(today["reasons"]?.arrayValue?.isEmpty == false)
        let week = try #require(root["week"]?.objectValue)
        #expect(week["load"]?.intValue == 0)
        #expect(week["usual"]?.intValue != nil)
        let kinds = try #require(root["kinds"]?.arrayValue)
        #expect(kinds.compactMap { $0.objectValue?["kind"]?.stringValue } == ["run", "deadlift"])
        #expect(kinds.compactMap { $0.objectValue?["sessions"]?.intValue } == [5, 2])
        #expect(kinds.compactMap { $0.objectValue?["flared"]?.intValue } == [0, 1])
        #expect(kinds.compactMap { $0.objectValue?["medianLoad"] } == [.number("100"), .number("295")])
    }

    @Test("each recent session: its load, the pain before and after, the next morning, flared and sudden")
    func sessionLine() {
        var b = TrainingBuilder()
        b.checkIn("2026-03-02 09:00", pain: 1)
        let session = b.session("2026-03-02 18:00", minutes: 75, rpe: 9, sudden: true)
        b.checkIn("2026-03-03 08:00", pain: 6)
        let bare = b.session("2026-03-05 18:00", "run", minutes: nil)
        #expect(
            TrainingFormatter.sessionText(b.pain(of: session, at: "2026-03-06 12:00"), timeZone: b.zone)
                == "Mon 2 Mar 18:00 deadlift, load 675: pain 1 → 6 (next morning 6); flared; sudden")
        #expect(
            TrainingFormatter.sessionText(b.pain(of: bare, at: "2026-03-06 12:00"), timeZone: b.zone)
                == "Thu 5 Mar 18:00 run, no load: pain – → –")
        let report = b.report(at: "2026-03-06 12:00")
        #expect(report.recentSessions.map(\.session.id) == [session.id, bare.id])
    }
}

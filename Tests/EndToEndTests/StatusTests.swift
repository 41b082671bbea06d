import Foundation
import Testing

@Suite struct StatusTests {
    /// A deadlift with sudden pain, then severe pain lasting past 96 h.
    func injuredLifter() throws -> BinaryRunner {
        let lumbar = BinaryRunner()
        for arguments in [
            ["session", "--kind", "deadlift", "--at", "2026-03-02T18:00", "--rpe", "9", "--sudden-pain"],
            ["checkin", "--at", "2026-03-03T08:00", "--pain", "8", "--symptom", "sharp-pain"],
            ["checkin", "--at", "2026-03-06T19:00", "--pain", "7", "--care", "heat"],
            ["session", "--kind", "run", "--at", "2026-03-05T07:00"],
        ] {
            let run = try lumbar.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        return lumbar
    }

    @Test func statusJSONThroughTheBinary() throws {
        let lumbar = try injuredLifter()
        let run = try lumbar.run(["status", "--now", "2026-03-06T20:00", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let root = try #require(try BinaryRunner.json(run.stdout) as? [String: Any])
        #expect(root["level"] as? String == "see-doctor")
        #expect(root["now"] as? String == "2026-03-06T20:00:00+01:00")
        let flags = try #require(root["flags"] as? [[String: Any]])
        let byRule = Dictionary(uniqueKeysWithValues: flags.compactMap { f in (f["rule"] as? String).map { ($0, f) } })
        #expect(byRule["acute-injury"]?["level"] as? String == "see-doctor")
        // 97 h after the deadlift, still 7/10: past the 96 h mark.
        #expect(byRule["severe-72-96h"]?["level"] as? String == "see-doctor")
        #expect(byRule["intense-pain"]?["level"] as? String == "watch")
        for flag in flags {
            #expect((flag["headline"] as? String)?.isEmpty == false)
            #expect((flag["action"] as? String)?.isEmpty == false)
            #expect(flag["evidence"] is [String])
            #expect(flag.keys.contains("window"))
            #expect((flag["source"] as? String).map { !$0.isEmpty } ?? (flag["rule"] as? String == "log-today"))
        }
        let episode = try #require(root["episode"] as? [String: Any])
        #expect(episode["day"] as? Int == 3)
        #expect(episode["peak"] as? Int == 8)
        let trigger = try #require(episode["trigger"] as? [String: Any])
        // The run two days later does not move the trigger fixed at onset.
        #expect(trigger["kind"] as? String == "deadlift")
        #expect((trigger["at"] as? String)?.hasPrefix("2026-03-02T18:00") == true)
    }

    @Test func statusAsOfAnEarlierMomentIgnoresLaterEntries() throws {
        let lumbar = try injuredLifter()
        let run = try lumbar.run(["status", "--now", "2026-03-02T20:00", "--json"])
        let root = try #require(try BinaryRunner.json(run.stdout) as? [String: Any])
        #expect(root["level"] as? String == "none")
        #expect(root["episode"] is NSNull)
    }

    @Test func failAtExitsThreeAtOrAboveTheLevel() throws {
        let lumbar = try injuredLifter()
        #expect(try lumbar.run(["status", "--now", "2026-03-06T20:00", "--fail-at", "see-doctor"]).status == 3)
        #expect(try lumbar.run(["status", "--now", "2026-03-06T20:00", "--fail-at", "urgent"]).status == 0)
    }

    @Test func humanOutputLeadsWithTheLevelAndEndsWithTheDisclaimer() throws {
        let lumbar = try injuredLifter()
        let run = try lumbar.run(["status", "--now", "2026-03-06T20:00"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("Level: see-doctor") == true)
        #expect(lines.last?.contains("not a diagnosis") == true)
        #expect(run.stdout.contains("Episode: day 3 since Tue 3 Mar"))
        // Piped output carries no ANSI colour.
        #expect(!run.stdout.contains("\u{1B}["))
    }
}

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

    @Test func statusJSONCountsTheEntriesAfterNowThatItIgnored() throws {
        let lumbar = try injuredLifter()
        let early = try #require(try BinaryRunner.json(try lumbar.run(["status", "--now", "2026-03-02T20:00", "--json"]).stdout) as? [String: Any])
        // The check-ins of 3 and 6 March and the run of 5 March lie after now.
        #expect(early["ignoredFutureEntries"] as? Int == 3)
        let late = try #require(try BinaryRunner.json(try lumbar.run(["status", "--now", "2026-03-06T20:00", "--json"]).stdout) as? [String: Any])
        #expect(late["ignoredFutureEntries"] as? Int == 0)
    }

    @Test func anAssessmentCoversTheSeeDoctorFlagsAndStatusSaysWhen() throws {
        let lumbar = try injuredLifter()
        // The note comes on stdin, so it never shows in ps or the shell's history.
        let recorded = try lumbar.run(["assessed", "--at", "2026-03-06T19:30", "--note", "-"], input: Data("physio: strain\n".utf8))
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.hasPrefix("Recorded assessment 2026-03-06 19:30 covering "), "\(recorded.stdout)")
        #expect(recorded.stdout.contains("acute-injury (see-doctor)") && recorded.stdout.contains("severe-72-96h (see-doctor)"))
        #expect(!recorded.stdout.contains("intense-pain"))

        let export = try #require(try BinaryRunner.json(try lumbar.run(["export", "--format", "json"]).stdout) as? [String: Any])
        let assessment = try #require((export["assessments"] as? [[String: Any]])?.first)
        #expect(assessment["at"] as? String == "2026-03-06T19:30:00+01:00")
        #expect(assessment["note"] as? String == "physio: strain")
        let rules = (assessment["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(Set(rules ?? []) == ["acute-injury", "severe-72-96h"])

        let root = try #require(try BinaryRunner.json(try lumbar.run(["status", "--now", "2026-03-06T20:00", "--json"]).stdout) as? [String: Any])
        let flags = try #require(root["flags"] as? [[String: Any]])
        let byRule = Dictionary(uniqueKeysWithValues: flags.compactMap { f in (f["rule"] as? String).map { ($0, f) } })
        #expect(byRule["acute-injury"]?["assessedAt"] as? String == "2026-03-06T19:30:00+01:00")
        #expect(byRule["severe-72-96h"]?["assessedAt"] as? String == "2026-03-06T19:30:00+01:00")
        #expect(byRule["intense-pain"]?["assessedAt"] == nil)
        // Covered flags stay listed but no longer set the level: severe pain (watch) does.
        #expect(root["level"] as? String == "watch")
    }

    @Test func assessedUrgentFlagsOnlyByNameAndNeverOneThatWasNotRaised() throws {
        var lumbar = BinaryRunner()
        lumbar.environment["LUMBAR_NOW"] = "2026-03-02T20:00+01:00"
        try lumbar.run(["checkin", "--at", "2026-03-02T08:00", "--pain", "3", "--symptom", "leg-weakness"])
        let before = FileManager.default.contents(atPath: lumbar.storePath)
        for (arguments, message) in [
            (
                ["assessed"],
                "no flag at see-doctor was raised at that time (the flags raised then are leg-weakness; name the ones assessed with --rule ID)"
            ),
            (["assessed", "--rule", "nerve-signs"], "not raised at that time: nerve-signs; the flags raised then: leg-weakness"),
            (["assessed", "--at", "2026-03-02T20:11"], "is in the future"),
        ] {
            let run = try lumbar.run(arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1 && run.stdout.isEmpty)
        }
        #expect(FileManager.default.contents(atPath: lumbar.storePath) == before)
        let named = try lumbar.run(["assessed", "--rule", "leg-weakness"])
        #expect(named.status == 0 && named.stdout.contains("covering leg-weakness (urgent)"), "\(named.stdout)\(named.stderr)")
    }
}

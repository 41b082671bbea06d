import Foundation
import Testing

/// Options are typed: a bad value is refused while the command line is parsed, in lumbar's own
/// words (naming the option as typed), exit 64, nothing written; and `--from`/`--to` read days
/// the way people type them.
@Suite struct TypedOptionTests {
    @Test(arguments: [
        (["checkin", "--pain", "11"], "lumbar: error: --pain must be a whole number from 0 (no pain) to 10 (worst imaginable), got '11'"),
        (["checkin", "--pain=x"], "lumbar: error: --pain must be a whole number from 0 (no pain) to 10 (worst imaginable), got 'x'"),
        (
            ["checkin", "--pain", "3", "--worst", "99"],
            "lumbar: error: --worst must be a whole number from 0 (no pain) to 10 (worst imaginable), got '99'"
        ),
        (
            ["checkin", "--pain", "3", "--symptom", "stifness"],
            "lumbar: error: unknown symptom 'stifness' (did you mean 'stiffness'?); known symptoms: bladder-bowel"
        ),
        (["checkin", "--pain", "3", "--care", "heat,yoga"], "lumbar: error: unknown self-care 'yoga'; known self-care: active"),
        (
            ["checkin", "--pain", "3", "--no", "numbnes"],
            "lumbar: error: --no 'numbnes' is not a known warning sign (did you mean 'numbness'?); --no takes warning signs:"
        ),
        (
            ["session", "--kind", "run", "--minutes", "0"],
            "lumbar: error: --minutes must be the session's length in minutes, a whole number from 1 to 1440, got '0'"
        ),
        (["session", "--kind", "run", "--rpe", "hard"], "lumbar: error: --rpe must be the effort, a whole number from 1 to 10, got 'hard'"),
        (
            ["status", "--fail-at", "see-docter"],
            "lumbar: error: --fail-at must be one of none, info, watch, see-doctor, urgent, emergency, got 'see-docter' (did you mean 'see-doctor'?)"
        ),
        (["show", "stauts"], "lumbar: error: unknown screen 'stauts' (did you mean 'status'?); screens: today, status"),
        (["show", "status", "--height", "x"], "lumbar: error: --height must be from 6 to 1000, got x"),
        (["assessed", "--rule", "leg-weaknes"], "lumbar: error: unknown rule 'leg-weaknes' (did you mean 'leg-weakness'?); rule ids:"),
        (["edit", "abcd", "--worst", "nothing"], "lumbar: error: --worst must be a whole number from 0"),
        (
            ["edit", "abcd", "--symptom", "none", "--symptom", "spasm"],
            "lumbar: error: --symptom none clears the symptoms; give it alone, without other items"
        ),
        (["edit", "abcd", "--care", "heat,none"], "lumbar: error: --care none clears the self-care; give it alone, without other items"),
        (["guide", "--width", "10", "--store", "/tmp/x.json"], "lumbar: error: --width must be from 30 to 300, got 10"),
        (["profile", "--birth-year", "2999"], "lumbar: error: --birth-year must be the year you were born, a whole number from 1900 to"),
        (
            ["history", "--from", "funday"],
            "lumbar: error: --from must be a day (YYYY-MM-DD, today, yesterday or a weekday name such as mon) or a time such as -7d, got 'funday'"
        ),
        (
            ["history", "--from", "2026-03-09", "--to", "2026-03-01"],
            "lumbar: error: --from 2026-03-09 is after --to 2026-03-01; give the earlier day first"
        ),
        (["export", "--to", "2026-02-30"], "lumbar: error: --to '2026-02-30' is not a real date (check the month and day)"),
        (["status", "--now", "-2x"], "lumbar: error: --now '-2x' is not a relative time"),
    ])
    func badValuesAreOneLineInLumbarsWords(arguments: [String], expected: String) throws {
        let lumbar = BinaryRunner()
        try lumbar.run(["checkin", "--at", "2026-03-03T08:00", "--pain", "2"])
        let before = FileManager.default.contents(atPath: lumbar.storePath)
        let run = try lumbar.run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stderr.hasPrefix(expected), "\(arguments): \(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(FileManager.default.contents(atPath: lumbar.storePath) == before)
    }

    @Test func keysAreCaseInsensitiveAndCommaListsRepeat() throws {
        let lumbar = BinaryRunner()
        let run = try lumbar.run([
            "checkin", "--at", "2026-03-03T08:00", "--pain", "2", "--symptom", "Stiffness,SPASM",
            "--care", "heat", "--care", " active ", "--no", "fever",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let root = try #require(try BinaryRunner.json(try lumbar.run(["history", "--json"]).stdout) as? [String: Any])
        let checkIn = try #require((root["checkIns"] as? [[String: Any]])?.first)
        #expect(checkIn["symptoms"] as? [String] == ["spasm", "stiffness"] || checkIn["symptoms"] as? [String] == ["stiffness", "spasm"])
        #expect(Set(checkIn["care"] as? [String] ?? []) == ["heat", "active"])
        #expect(checkIn["denied"] as? [String] == ["fever"])
    }

    @Test func editClearsWithNone() throws {
        let lumbar = BinaryRunner()
        let logged = try lumbar.run(["checkin", "--at", "2026-03-03T08:00", "--pain", "2", "--worst", "5", "--symptom", "spasm", "--care", "heat"])
        let id = try #require(logged.stdout.split(separator: "[id ").last?.prefix(8))
        let edit = try lumbar.run(["edit", String(id), "--worst", "none", "--symptom", "NONE", "--care", "none"])
        #expect(edit.status == 0, "\(edit.stderr)")
        let root = try #require(try BinaryRunner.json(try lumbar.run(["history", "--json"]).stdout) as? [String: Any])
        let checkIn = try #require((root["checkIns"] as? [[String: Any]])?.first)
        #expect(checkIn["worst"] == nil || checkIn["worst"] is NSNull)
        #expect((checkIn["symptoms"] as? [String] ?? []).isEmpty && (checkIn["care"] as? [String] ?? []).isEmpty)
    }

    /// Two check-ins a week apart, seen on Tuesday 10 March 2026.
    static func week() throws -> BinaryRunner {
        var lumbar = BinaryRunner()
        lumbar.environment["LUMBAR_NOW"] = "2026-03-10T20:00+01:00"
        try lumbar.run(["checkin", "--at", "2026-03-02T08:00", "--pain", "5", "--note", "week-ago"])
        try lumbar.run(["checkin", "--at", "2026-03-09T08:00", "--pain", "3", "--note", "monday"])
        return lumbar
    }

    @Test(arguments: [
        (["--from", "mon"], ["monday"], "lumbar: entries from Mon 2026-03-09"),
        (["--from", "-1d"], ["monday"], "lumbar: entries from Mon 2026-03-09"),
        (["--from", "-8d", "--to", "yesterday"], ["week-ago", "monday"], "lumbar: entries Mon 2026-03-02 to Mon 2026-03-09"),
        (["--to", "-2d"], ["week-ago"], "lumbar: entries up to Sun 2026-03-08"),
        (["--since", "2026-03-09"], ["monday"], ""),
        (["--from", "2026-03-02", "--until", "2026-03-02"], ["week-ago"], ""),
    ])
    func historyRangesAreReadAsPeopleTypeThemAndSaidBack(range: [String], notes: [String], echo: String) throws {
        let lumbar = try Self.week()
        let run = try lumbar.run(["history"] + range)
        #expect(run.status == 0, "\(run.stderr)")
        let shown = ["week-ago", "monday"].filter { run.stdout.contains($0) }
        #expect(shown == notes, "\(range): \(run.stdout)")
        // A relative day is said back in full; a plain date already says it.
        #expect(run.stderr == (echo.isEmpty ? "" : echo + "\n"), "\(range): \(run.stderr)")
    }

    @Test func exportTakesTheSameRange() throws {
        let lumbar = try Self.week()
        let run = try lumbar.run(["export", "--format", "csv", "--from", "mon"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("monday") && !run.stdout.contains("week-ago"), "\(run.stdout)")
        #expect(run.stderr == "lumbar: exporting the entries from Mon 2026-03-09\n")
        let json = try #require(try BinaryRunner.json(try lumbar.run(["export", "--to", "2026-03-05"]).stdout) as? [String: Any])
        #expect((json["checkIns"] as? [[String: Any]])?.count == 1)
    }

    @Test func reportRangeIsRelativeToItsNow() throws {
        let lumbar = try Self.week()
        let run = try lumbar.run(["report", "--format", "md", "--now", "2026-03-05T12:00+01:00", "--from", "-3d"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Mon 2 Mar 2026 – Thu 5 Mar 2026"), "\(run.stdout.prefix(600))")
    }

    @Test func aTypedNowIsSaidBackInFull() throws {
        let lumbar = try Self.week()
        let run = try lumbar.run(["status", "--now", "mon 9:00"])
        #expect(run.status == 0)
        #expect(run.stderr == "lumbar: as of Mon 2026-03-09 09:00\n", "\(run.stderr)")
        let iso = try lumbar.run(["status", "--now", "2026-03-09T09:00"])
        #expect(iso.stderr.isEmpty, "an ISO time already says itself: \(iso.stderr)")
    }
}

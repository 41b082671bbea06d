import Foundation
import Testing

/// Times typed the way people type them, through the real binary, with `LUMBAR_NOW` fixing now.
@Suite struct TimeInputCLITests {
    /// Tuesday 2026-03-10, 20:00 in Stockholm.
    static let now = "2026-03-10T20:00+01:00"

    func runner() -> BinaryRunner {
        var lumbar = BinaryRunner()
        lumbar.environment["LUMBAR_NOW"] = Self.now
        return lumbar
    }

    /// The `at` of every check-in and session in `history --json`, newest first as history lists them.
    func loggedTimes(_ lumbar: BinaryRunner) throws -> [String] {
        let history = try lumbar.run(["history", "--json"])
        let root = try #require(try BinaryRunner.json(history.stdout) as? [String: Any], "\(history.stderr)")
        let entries = (root["checkIns"] as? [[String: Any]] ?? []) + (root["sessions"] as? [[String: Any]] ?? [])
        return entries.compactMap { $0["at"] as? String }
    }

    @Test func editMovesAnEntryWithARelativeTimeGivenAsTwoArguments() throws {
        let lumbar = runner()
        let logged = try lumbar.run(["checkin", "--pain", "2", "--at", "-3h"])
        let id = try #require(logged.stdout.split(separator: "[id ").last?.prefix(8))
        let edit = try lumbar.run(["edit", String(id), "--at", "-2h"])
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(edit.stdout.hasPrefix("Updated check-in 2026-03-10 18:00"), "\(edit.stdout)")
        #expect(try loggedTimes(lumbar) == ["2026-03-10T18:00:00+01:00"])
    }

    @Test(arguments: [
        (["checkin", "--pain", "3", "--at", "-2h"], "2026-03-10T18:00:00+01:00", "Logged check-in 2026-03-10 18:00"),
        (["checkin", "--pain", "3", "--at=-2h"], "2026-03-10T18:00:00+01:00", "Logged check-in 2026-03-10 18:00"),
        (["checkin", "--pain", "3", "--at", "yesterday 18:00"], "2026-03-09T18:00:00+01:00", "Logged check-in 2026-03-09 18:00"),
        (["checkin", "--pain", "3", "--at", "SUN 7:30"], "2026-03-08T07:30:00+01:00", "Logged check-in 2026-03-08 07:30"),
        (["checkin", "--pain", "3", "--at", "now"], "2026-03-10T20:00:00+01:00", "Logged check-in 2026-03-10 20:00"),
        (["checkin", "--pain", "3", "--date", "yesterday"], "2026-03-09T12:00:00+01:00", "Logged check-in 2026-03-09 12:00"),
        (["checkin", "--pain", "3", "--date", "mon"], "2026-03-09T12:00:00+01:00", "Logged check-in 2026-03-09 12:00"),
        (["session", "--kind", "run", "--at", "-30m"], "2026-03-10T19:30:00+01:00", "Logged session 2026-03-10 19:30"),
        (["session", "--kind", "run", "--at", "-1d"], "2026-03-09T20:00:00+01:00", "Logged session 2026-03-09 20:00"),
    ])
    func entryTimesAreUnderstoodAndEchoedInFull(arguments: [String], at: String, echo: String) throws {
        let lumbar = runner()
        let run = try lumbar.run(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        #expect(run.stdout.hasPrefix(echo), "\(run.stdout)")
        #expect(try loggedTimes(lumbar) == [at])
    }

    @Test func statusNowTakesAClockTime() throws {
        let run = try runner().run(["status", "--now", "18:00", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let root = try #require(try BinaryRunner.json(run.stdout) as? [String: Any])
        #expect(root["now"] as? String == "2026-03-10T18:00:00+01:00")
    }

    @Test(arguments: [
        (["checkin", "--pain", "3", "--at", "-2x"], "--at '-2x' is not a relative time"),
        (["checkin", "--pain", "3", "--at", "25:00"], "--at '25:00' is not a time of day"),
        (["checkin", "--pain", "3", "--at", "funday"], "--at must be an ISO 8601 time such as 2026-03-02T18:00"),
        (["checkin", "--pain", "3", "--at", "today 23:00"], "--at 2026-03-10 23:00 is in the future"),
        (["checkin", "--pain", "3", "--date", "funday"], "--date must be a date as YYYY-MM-DD, today, yesterday or a weekday name"),
        (["status", "--now", "funday"], "--now must be an ISO 8601 time"),
    ])
    func badTimesAreOneLineAndLogNothing(arguments: [String], expected: String) throws {
        let lumbar = runner()
        let run = try lumbar.run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stderr.hasPrefix("lumbar: error: ") && run.stderr.contains(expected), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lumbar.storePath))
    }
}

import Foundation
import Testing

/// `--json` on every command that prints data: the keys each prints, through the binary, and the
/// same keys in docs/json-output.md.
@Suite struct JSONOutputTests {
    /// docs/json-output.md, found from this file's path.
    static let doc: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("docs/json-output.md"), encoding: .utf8)) ?? ""
    }()

    /// The part of the doc under the heading that begins with "## `lumbar COMMAND".
    static func section(_ heading: String) -> String {
        let parts = doc.components(separatedBy: "\n## ")
        return parts.first { $0.hasPrefix("`\(heading)") } ?? ""
    }

    /// A runner with a journal holding a check-in, a session, a deleted check-in and a profile.
    static func filledRunner() throws -> BinaryRunner {
        var lumbar = BinaryRunner()
        lumbar.environment["LUMBAR_NOW"] = "2026-03-10T20:00+01:00"
        try lumbar.run(["checkin", "--at", "2026-03-09T08:00", "--pain", "3", "--symptom", "stiffness"])
        try lumbar.run(["session", "--kind", "run", "--at", "2026-03-08T18:00", "--minutes", "30", "--rpe", "6"])
        let doomed = try lumbar.run(["checkin", "--at", "2026-03-10T08:00", "--pain", "2"])
        let id = try #require(doomed.stdout.split(separator: "[id ").last?.prefix(8))
        try lumbar.run(["delete", String(id)])
        try lumbar.run(["profile", "--birth-year", "1984", "--history", "steroids"])
        return lumbar
    }

    static func object(_ run: BinaryRunner.Run) throws -> [String: Any] {
        #expect(run.stdout.hasSuffix("}\n"), "\(run.stdout)\(run.stderr)")
        return try #require(try BinaryRunner.json(run.stdout) as? [String: Any], "\(run.stdout)\(run.stderr)")
    }

    /// Checks `keys` are exactly `expected`, and each is written in `section` of the doc.
    static func check(_ keys: some Collection<String>, _ expected: [String], documentedIn heading: String) {
        #expect(Set(keys) == Set(expected), "\(heading): \(keys.sorted())")
        let text = section(heading)
        #expect(!text.isEmpty, "docs/json-output.md has no section for \(heading)")
        for key in expected {
            #expect(text.contains("`\(key)`") || text.contains("`\(key)[]`"), "docs/json-output.md, \(heading): `\(key)` is not documented")
        }
    }

    @Test func guide() throws {
        let root = try Self.object(try BinaryRunner().run(["guide", "--json"], store: false))
        Self.check(root.keys, ["title", "disclaimer", "introduction", "sections"], documentedIn: "lumbar guide --json")
        let section = try #require((root["sections"] as? [[String: Any]])?.first)
        Self.check(section.keys, ["title", "items"], documentedIn: "lumbar guide --json")
        let item = try #require((section["items"] as? [[String: Any]])?.first)
        Self.check(item.keys, ["title", "text", "sources"], documentedIn: "lumbar guide --json")
        let source = try #require((item["sources"] as? [[String: Any]])?.first)
        Self.check(source.keys, ["id", "title"], documentedIn: "lumbar guide --json")
    }

    @Test func profileShownAndAfterSetting() throws {
        let lumbar = try Self.filledRunner()
        let shown = try Self.object(try lumbar.run(["profile", "--json"]))
        Self.check(shown.keys, ["birthYear", "history"], documentedIn: "lumbar profile --json")
        #expect(shown["birthYear"] as? Int == 1984)
        #expect(shown["history"] as? [String] == ["steroids"])
        let cleared = try Self.object(try lumbar.run(["profile", "--birth-year", "none", "--json"]))
        #expect(cleared["birthYear"] is NSNull)
    }

    @Test func recoverListAndRestore() throws {
        let lumbar = try Self.filledRunner()
        let listed = try Self.object(try lumbar.run(["recover", "--json"]))
        Self.check(listed.keys, ["journal", "backups"], documentedIn: "lumbar recover --json")
        let journal = try #require(listed["journal"] as? [String: Any])
        Self.check(journal.keys, ["path", "readable", "checkIns", "sessions", "newestCheckIn", "error"], documentedIn: "lumbar recover --json")
        #expect(journal["checkIns"] as? Int == 1 && journal["sessions"] as? Int == 1)
        let backups = try #require(listed["backups"] as? [[String: Any]])
        #expect(!backups.isEmpty)
        Self.check(
            backups[0].keys, ["number", "modified", "path", "readable", "checkIns", "sessions", "newestCheckIn", "error"],
            documentedIn: "lumbar recover --json")
        #expect(backups.map { $0["number"] as? Int } == Array(1...backups.count))

        let restored = try Self.object(try lumbar.run(["recover", "--restore", "1", "--json"]))
        Self.check(restored.keys, ["restored", "path", "movedAside"], documentedIn: "lumbar recover --restore N --json")
        #expect(restored["restored"] as? Int == 1)
    }

    @Test func remindKeepsItsExitStatus() throws {
        var lumbar = try Self.filledRunner()
        let quiet = try lumbar.run(["remind", "--json"])
        #expect(quiet.status == 1, "the only check-in of 10 March was deleted")
        let nudge = try Self.object(quiet)
        Self.check(nudge.keys, ["date", "checkedIn", "checkIns", "message"], documentedIn: "lumbar remind --json")
        #expect(nudge["checkedIn"] as? Bool == false && nudge["date"] as? String == "2026-03-10")
        #expect((nudge["message"] as? String)?.contains("no check-in yet today") == true)
        lumbar.environment["LUMBAR_NOW"] = "2026-03-09T20:00+01:00"
        let done = try lumbar.run(["remind", "--json"])
        #expect(done.status == 0)
        let object = try Self.object(done)
        #expect(object["checkIns"] as? Int == 1 && object["message"] is NSNull)
    }

    @Test func undeleteLists() throws {
        let lumbar = try Self.filledRunner()
        let root = try Self.object(try lumbar.run(["undelete", "--json"]))
        Self.check(root.keys, ["deleted"], documentedIn: "lumbar undelete --json")
        let deleted = try #require(root["deleted"] as? [[String: Any]])
        #expect(deleted.count == 1)
        Self.check(deleted[0].keys, ["id", "kind", "deletedAt"], documentedIn: "lumbar undelete --json")
        #expect(deleted[0]["kind"] as? String == "checkIn")
    }

    @Test func statusHistoryAndTrainingAreDocumented() throws {
        let lumbar = try Self.filledRunner()
        let status = try Self.object(try lumbar.run(["status", "--json"]))
        Self.check(
            status.keys, ["now", "level", "flags", "episode", "ignoredFutureEntries", "safetyNet", "disclaimer", "unmergedConflictCopies"],
            documentedIn: "lumbar status --json")
        let history = try Self.object(try lumbar.run(["history", "--json"]))
        Self.check(history.keys, ["checkIns", "sessions"], documentedIn: "lumbar history --json")
        let training = try Self.object(try lumbar.run(["training", "--json"]))
        Self.check(
            training.keys,
            [
                "now", "today", "week", "weeks", "kinds", "sessions", "sessionsWithoutLoad", "recentSessions",
                "episodes", "episodeCounts", "note",
            ],
            documentedIn: "lumbar training --json")
    }
}

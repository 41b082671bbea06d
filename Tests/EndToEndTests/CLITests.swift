import Foundation
import Testing

@Suite struct CLITests {
    @Test func checkInThenHistoryJSON() throws {
        let lumbar = BinaryRunner()
        let logged = try lumbar.run(["checkin", "--at", "2026-03-03T08:15", "--pain", "5", "--worst", "7",
                                     "--symptom", "stiffness", "--symptom", "numbness,tingling", "--care", "heat",
                                     "--note", "stel rygg 😣, \"quoted\""])
        #expect(logged.status == 0, "\(logged.stderr)")
        try lumbar.run(["session", "--at", "2026-03-02T18:00+01:00", "--kind", "deadlift", "--minutes", "50", "--rpe", "9", "--sudden-pain"])
        let history = try lumbar.run(["history", "--json"])
        #expect(history.status == 0)
        let root = try #require(try BinaryRunner.json(history.stdout) as? [String: Any])
        let checkIn = try #require((root["checkIns"] as? [[String: Any]])?.first)
        #expect(checkIn["date"] as? String == "2026-03-03")
        #expect(checkIn["at"] as? String == "2026-03-03T08:15:00+01:00")
        #expect(checkIn["pain"] as? Int == 5)
        #expect(checkIn["worst"] as? Int == 7)
        #expect(checkIn["symptoms"] as? [String] == ["stiffness", "numbness", "tingling"])
        #expect(checkIn["care"] as? [String] == ["heat"])
        #expect(checkIn["note"] as? String == "stel rygg 😣, \"quoted\"")
        #expect(checkIn["id"] is String)
        let session = try #require((root["sessions"] as? [[String: Any]])?.first)
        #expect(session["kind"] as? String == "deadlift")
        #expect(session["minutes"] as? Int == 50)
        #expect(session["rpe"] as? Int == 9)
        #expect(session["suddenPain"] as? Bool == true)
    }

    @Test func theDateIsTheLocalDateOfAtInTheProcessTimeZone() throws {
        var lumbar = BinaryRunner(timeZone: "Asia/Tokyo")
        try lumbar.run(["checkin", "--at", "2026-03-02T23:30Z", "--pain", "2"])
        lumbar.environment["TZ"] = "America/New_York"
        try lumbar.run(["checkin", "--at", "2026-03-03T02:00Z", "--pain", "3"])
        let root = try #require(try BinaryRunner.json(try lumbar.run(["history", "--json"]).stdout) as? [String: Any])
        let dates = (root["checkIns"] as? [[String: Any]])?.compactMap { $0["date"] as? String }
        // 23:30 UTC is already the 3rd in Tokyo; 02:00 UTC is still the 2nd in New York.
        #expect(dates == ["2026-03-03", "2026-03-02"])
    }

    @Test func backfillingAPastDate() throws {
        var lumbar = BinaryRunner()
        lumbar.environment["LUMBAR_NOW"] = "2026-03-10T20:00+01:00"
        let run = try lumbar.run(["checkin", "--date", "2026-03-08", "--pain", "4"])
        #expect(run.status == 0, "\(run.stderr)")
        let future = try lumbar.run(["checkin", "--date", "2026-03-11", "--pain", "4"])
        #expect(future.status == 64)
        #expect(future.stderr.contains("future"))
        let root = try #require(try BinaryRunner.json(try lumbar.run(["history", "--json"]).stdout) as? [String: Any])
        let checkIns = try #require(root["checkIns"] as? [[String: Any]])
        #expect(checkIns.count == 1)
        #expect(checkIns.first?["date"] as? String == "2026-03-08")
        #expect((checkIns.first?["at"] as? String)?.hasPrefix("2026-03-08T20:00") == true)
    }

    @Test(arguments: [
        (["checkin", "--pain", "11"], "--pain must be a whole number from 0"),
        (["checkin", "--pain", "high"], "--pain must be a whole number from 0"),
        (["checkin", "--pain", "-1"], "--pain"),
        (["checkin", "--pain", "3", "--worst", "2"], "cannot be lower"),
        (["checkin", "--pain", "3", "--symptom", "backache"], "known symptoms: bladder-bowel"),
        (["checkin", "--pain", "3", "--care", "yoga"], "known self-care: active"),
        (["checkin", "--pain", "3", "--date", "2026-02-30"], "not a real date"),
        (["checkin", "--pain", "3", "--at", "last tuesday"], "must be an ISO 8601 time"),
        (["checkin", "--pain", "3", "--at", "2026-03-02T25:00"], "not a real date and time"),
        (["checkin"], "--pain"),
        (["session", "--kind", " "], "--kind must name the exercise"),
        (["session", "--kind", "run", "--rpe", "11"], "--rpe must be"),
        (["status", "--fail-at", "panic"], "--fail-at must be one of"),
        (["edit", "zzzz", "--pain", "3"], "not an entry id"),
        (["delete", "abcd1234"], "no entry has id"),
        (["profile", "--birth-year", "1850"], "--birth-year must be"),
        (["frobnicate"], "error"),
        (["show", "calendar"], "unknown screen 'calendar'; screens: today, status"),
        (["show", "status", "--width", "5"], "--width must be from 20"),
        (["show", "status", "--height", "2"], "--height must be from 6"),
        (["guide", "--width", "10"], "--width must be from 30"),
        (["edit", "abcd", "--pain", "3", "--worst", "1"], "no entry has id"),
    ])
    func badInputIsOneLineExitsNonZeroAndChangesNothing(arguments: [String], expected: String) throws {
        let lumbar = BinaryRunner()
        try lumbar.run(["checkin", "--at", "2026-03-03T08:00", "--pain", "2"])
        let before = FileManager.default.contents(atPath: lumbar.storePath)
        let run = try lumbar.run(arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains(expected), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(FileManager.default.contents(atPath: lumbar.storePath) == before)
    }

    @Test func anUnreadableJournalExits65AndStaysByteIdentical() throws {
        let lumbar = BinaryRunner()
        try FileManager.default.createDirectory(atPath: lumbar.directory + "/data", withIntermediateDirectories: true)
        let garbage = Data("{\"schemaVersion\":1,\"checkIns\":[{\"pain\":".utf8)
        #expect(FileManager.default.createFile(atPath: lumbar.storePath, contents: garbage))
        for arguments in [["checkin", "--pain", "3"], ["status"], ["history"]] {
            let run = try lumbar.run(arguments)
            #expect(run.status == 65)
            #expect(run.stderr.contains(lumbar.storePath))
            #expect(run.stderr.split(separator: "\n").count == 1)
        }
        #expect(FileManager.default.contents(atPath: lumbar.storePath) == garbage)
    }

    @Test func editAndDeleteByShortID() throws {
        let lumbar = BinaryRunner()
        let logged = try lumbar.run(["checkin", "--at", "2026-03-03T08:00", "--pain", "5"])
        let id = try #require(logged.stdout.split(separator: "[id ").last?.prefix(8))
        let edit = try lumbar.run(["edit", String(id), "--pain", "2", "--note", "better"])
        #expect(edit.status == 0, "\(edit.stderr)")
        let wrongKind = try lumbar.run(["edit", String(id), "--kind", "run"])
        #expect(wrongKind.status == 64 && wrongKind.stderr.contains("applies to sessions"))
        var root = try #require(try BinaryRunner.json(try lumbar.run(["history", "--json"]).stdout) as? [String: Any])
        let checkIn = try #require((root["checkIns"] as? [[String: Any]])?.first)
        #expect(checkIn["pain"] as? Int == 2 && checkIn["note"] as? String == "better")
        #expect(try lumbar.run(["delete", String(id)]).status == 0)
        root = try #require(try BinaryRunner.json(try lumbar.run(["history", "--json"]).stdout) as? [String: Any])
        #expect((root["checkIns"] as? [Any])?.isEmpty == true)
    }

    @Test func exportThenImportIsIdempotent() throws {
        let source = BinaryRunner()
        try source.run(["checkin", "--at", "2026-03-03T08:00", "--pain", "5", "--symptom", "stiffness"])
        try source.run(["session", "--at", "2026-03-02T18:00", "--kind", "squat"])
        try source.run(["profile", "--birth-year", "1984"])
        let exportPath = source.directory + "/export.json"
        let export = try source.run(["export", "--format", "json", "--output", exportPath])
        #expect(export.status == 0, "\(export.stderr)")
        let exported = try #require(try BinaryRunner.json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: exportPath)), as: UTF8.self)) as? [String: Any])
        #expect(Set(exported.keys) == ["schemaVersion", "profile", "sessions", "checkIns", "assessments"])
        var attributes = try FileManager.default.attributesOfItem(atPath: exportPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let target = BinaryRunner()
        let first = try target.run(["import", exportPath])
        #expect(first.status == 0 && first.stdout.contains("2 added"), "\(first.stdout)\(first.stderr)")
        let afterFirst = try #require(FileManager.default.contents(atPath: target.storePath))
        let second = try target.run(["import", exportPath])
        #expect(second.stdout.contains("0 added, 0 updated, 2 unchanged"), "\(second.stdout)")
        #expect(FileManager.default.contents(atPath: target.storePath) == afterFirst)
        attributes = try FileManager.default.attributesOfItem(atPath: target.storePath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let reexport = try target.run(["export", "--format", "json"])
        let original = try source.run(["export", "--format", "json"])
        #expect(reexport.stdout == original.stdout)
    }

    @Test func twoProcessesLoggingAtOnceBothKeepTheirEntries() throws {
        let lumbar = BinaryRunner()
        let perProcess = 15
        let group = DispatchGroup()
        let failures = FailureCounter()
        for writer in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                for i in 0..<perProcess {
                    let run = try? lumbar.run(["checkin", "--at", "2026-03-\(10 + writer)T\(String(format: "%02d", i)):00", "--pain", "\(i % 11)"])
                    if run?.status != 0 { failures.increment() }
                }
                group.leave()
            }
        }
        group.wait()
        #expect(failures.value == 0)
        let root = try #require(try BinaryRunner.json(try lumbar.run(["history", "--json"]).stdout) as? [String: Any])
        #expect((root["checkIns"] as? [Any])?.count == 2 * perProcess)
    }

    @Test func remindExitsOneOnlyWhenTodayHasNoCheckIn() throws {
        var lumbar = BinaryRunner()
        lumbar.environment["LUMBAR_NOW"] = "2026-03-10T20:00+01:00"
        let before = try lumbar.run(["remind"])
        #expect(before.status == 1 && before.stdout.contains("no check-in yet today"))
        try lumbar.run(["checkin", "--pain", "1"])
        let after = try lumbar.run(["remind"])
        #expect(after.status == 0 && after.stdout.isEmpty)
    }

    @Test func historyNeverPrintsControlCharactersFromNotes() throws {
        let lumbar = BinaryRunner()
        // An OSC sequence that would retitle the terminal, and a bare escape.
        try lumbar.run(["checkin", "--at", "2026-03-03T08:00", "--pain", "2", "--note", "\u{1B}]0;owned\u{07}hi\u{9B}"])
        try lumbar.run(["session", "--at", "2026-03-02T18:00", "--kind", "run\u{1B}[31m"])
        let run = try lumbar.run(["history"])
        #expect(run.status == 0)
        #expect(!run.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        #expect(run.stdout.contains("\\u{1B}]0;owned"))
    }

    @Test func versionAndHelpWork() throws {
        let lumbar = BinaryRunner()
        let version = try lumbar.run(["--version"], store: false)
        #expect(version.status == 0 && version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try lumbar.run(["checkin", "--help"], store: false)
        #expect(help.status == 0 && help.stdout.contains("--pain"))
    }
}

/// A thread-safe counter for failures seen on background queues.
final class FailureCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.lock(); count += 1; lock.unlock() }

    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}

import Foundation
import Testing

@Suite struct CLITests {
    @Test func checkInThenHistoryJSON() throws {
        let lumbar = BinaryRunner()
        let logged = try lumbar.run([
            "checkin", "--at", "2026-03-03T08:15", "--pain", "5", "--worst", "7",
            "--symptom", "stiffness", "--symptom", "numbness,tingling", "--care", "heat",
            "--note", "stel rygg 😣, \"quoted\"",
        ])
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
        // A past date is put at 12:00 local, not at the time of day the backfill was typed.
        #expect(checkIns.first?["at"] as? String == "2026-03-08T12:00:00+01:00")
        let today = try lumbar.run(["checkin", "--date", "2026-03-10", "--pain", "2"])
        #expect(today.status == 0 && today.stdout.contains("2026-03-10 20:00"), "\(today.stdout)\(today.stderr)")
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
        (
            ["checkin", "--pain", "3", "--no", "stiffness"],
            "--no 'stiffness' is not a warning sign; --no takes warning signs: bladder-bowel, urinary-difficulty"
        ),
        (["checkin", "--pain", "3", "--no", "backache"], "--no takes warning signs: bladder-bowel"),
        (["checkin", "--pain", "3", "--symptom", "fever", "--no", "weight-loss,fever"], "'fever' is given both as --symptom (yes) and --no"),
        (["checkin", "--pain", "3", "--symptom", "numbness", "--no", "numbness", "--no-other-signs"], "both as --symptom (yes) and --no"),
        (["checkin", "--pain", "3", "--at", "2099-03-03T08:00"], "--at 2099-03-03 08:00 is in the future"),
        (["checkin", "--pain", "3", "--date", "2099-03-03"], "is in the future"),
        (["session", "--kind", "run", "--at", "2099-03-03T08:00"], "is in the future (the clock says"),
        (
            ["profile", "--history", "cancr"],
            "unknown history item 'cancr' (did you mean 'cancer'?); known history items: cancer, osteoporosis, steroids, immunosuppression, iv-drugs"
        ),
        (["profile", "--history", "none,cancer"], "--history none clears the history"),
        (["checkin", "--pain", "3", "--note", "x", "--note-file", "/etc/hostname"], "--note and --note-file both give the note"),
        (["session", "--kind", "run", "--note", "-", "--edit-note"], "--note - and --edit-note"),
        (["checkin", "--pain", "3", "--edit-note"], "set VISUAL or EDITOR"),
        (["checkin", "--pain", "3", "--note-file", "/"], "is not a regular file"),
        (["assessed", "--rule", "no-such-rule"], "unknown rule 'no-such-rule'"),
        (["checkin", "--no", "numbness"], "--pain is required: how your back feels now, 0 (none) to 10, e.g. lumbar checkin --pain 2 --no numbness"),
        (["assessed", "--at", "2099-03-03T08:00"], "is in the future"),
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
        let exported = try #require(
            try BinaryRunner.json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: exportPath)), as: UTF8.self)) as? [String: Any])
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

/// Version 2 of the command line: answers to the warning-sign questions, what a check-in says
/// after saving, the future-entry limit, profile history, and notes kept off the command line.
@Suite struct CLIVersion2Tests {
    /// A runner whose clock is fixed, so "the future" and "today" are the same on every machine.
    func runner(now: String = "2026-03-10T20:00+01:00") -> BinaryRunner {
        var lumbar = BinaryRunner()
        lumbar.environment["LUMBAR_NOW"] = now
        return lumbar
    }

    func checkIns(_ lumbar: BinaryRunner) throws -> [[String: Any]] {
        let root = try #require(try BinaryRunner.json(try lumbar.run(["history", "--json"]).stdout) as? [String: Any])
        return try #require(root["checkIns"] as? [[String: Any]])
    }

    @Test func noAnswersAreStoredBesideTheYesAnswers() throws {
        let lumbar = runner()
        let run = try lumbar.run([
            "checkin", "--at", "2026-03-10T08:00", "--pain", "2", "--symptom", "stiffness,numbness",
            "--no", "bladder-bowel", "--no", "saddle-numbness,both-legs",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let checkIn = try #require(try checkIns(lumbar).first)
        #expect(checkIn["symptoms"] as? [String] == ["stiffness", "numbness"])
        #expect(checkIn["denied"] as? [String] == ["bladder-bowel", "saddle-numbness", "both-legs"])
    }

    @Test func noOtherSignsAnswersNoToEveryWarningSignNotAnsweredYes() throws {
        let lumbar = runner()
        let run = try lumbar.run(["checkin", "--at", "2026-03-10T08:00", "--pain", "2", "--symptom", "numbness,spasm", "--no-other-signs"])
        #expect(run.status == 0, "\(run.stderr)")
        let checkIn = try #require(try checkIns(lumbar).first)
        let denied = try #require(checkIn["denied"] as? [String])
        let allSigns = [
            "bladder-bowel", "urinary-difficulty", "saddle-numbness", "sexual-dysfunction", "both-legs", "leg-weakness",
            "after-fall", "fever", "weight-loss", "numbness", "tingling", "radiating-pain", "cough-sneeze-pain",
            "difficulty-walking", "night-pain", "limited-mobility", "spreading-pain", "tender-to-tap",
        ]
        #expect(denied == allSigns.filter { $0 != "numbness" })
        #expect(checkIn["symptoms"] as? [String] == ["numbness", "spasm"])
    }

    @Test func aCheckInThatLeavesAYesStandingSaysHowToAnswerItNo() throws {
        let lumbar = runner()
        let first = try lumbar.run(["checkin", "--at", "2026-03-02T08:00", "--pain", "4", "--symptom", "saddle-numbness,bladder-bowel"])
        #expect(first.status == 0)
        // The check-in that gave the yes answers them: nothing is left standing unanswered.
        #expect(!first.stdout.contains("Still standing"), "\(first.stdout)")

        let silent = try lumbar.run(["checkin", "--at", "2026-03-03T08:00", "--pain", "3"])
        let lines = silent.stdout.split(separator: "\n")
        let standing = try #require(lines.first { $0.contains("Still standing") }, "\(silent.stdout)")
        // In asking order, with the date of the yes and the command that answers no.
        #expect(standing.contains("yes to bladder-bowel (Mon 2 Mar), saddle-numbness (Mon 2 Mar)"))
        #expect(standing.contains("lumbar checkin --no bladder-bowel,saddle-numbness --pain N --store \(lumbar.storePath)"))

        let one = try lumbar.run(["checkin", "--at", "2026-03-04T08:00", "--pain", "3", "--no", "bladder-bowel"])
        let afterOne = try #require(one.stdout.split(separator: "\n").first { $0.contains("Still standing") }, "\(one.stdout)")
        #expect(afterOne.contains("yes to saddle-numbness (Mon 2 Mar)") && !afterOne.contains("bladder-bowel"))

        // The no given yesterday still holds the next day (read back from the journal).
        let next = try lumbar.run(["checkin", "--at", "2026-03-05T08:00", "--pain", "3"])
        let afterNext = try #require(next.stdout.split(separator: "\n").first { $0.contains("Still standing") }, "\(next.stdout)")
        #expect(!afterNext.contains("bladder-bowel") && afterNext.contains("--no saddle-numbness "))

        let all = try lumbar.run(["checkin", "--at", "2026-03-06T08:00", "--pain", "2", "--no-other-signs"])
        #expect(all.status == 0 && !all.stdout.contains("Still standing"), "\(all.stdout)")
        let later = try lumbar.run(["checkin", "--at", "2026-03-07T08:00", "--pain", "2"])
        #expect(!later.stdout.contains("Still standing"), "\(later.stdout)")
    }

    @Test func aPainfulCheckInAfterUnloggedDatesAsksWhetherTheyWerePainFree() throws {
        let lumbar = runner()
        try lumbar.run(["checkin", "--at", "2026-03-02T08:00", "--pain", "4"])
        let oneGap = try lumbar.run(["checkin", "--at", "2026-03-04T08:00", "--pain", "3"])
        let asked = try #require(
            oneGap.stdout.split(separator: "\n").first { $0.hasPrefix("Was your back pain-free on those dates?") }, "\(oneGap.stdout)")
        #expect(asked.contains("Tue 3 Mar has no check-in since Mon 2 Mar"))
        #expect(asked.contains("lumbar checkin --date 2026-03-03 --pain 0 --store \(lumbar.storePath)"))

        let threeGap = try lumbar.run(["checkin", "--at", "2026-03-08T08:00", "--pain", "2"])
        let loop = try #require(threeGap.stdout.split(separator: "\n").first { $0.hasPrefix("Was your back pain-free") }, "\(threeGap.stdout)")
        #expect(loop.contains("3 dates, Thu 5 Mar to Sat 7 Mar"))
        #expect(loop.contains("for d in 2026-03-05 2026-03-06 2026-03-07; do lumbar checkin --date $d --pain 0"))

        // Doing what it says logs each date at 12:00 with pain 0, and nothing is asked any more.
        let command = try #require(loop.split(separator: ": ", maxSplits: 1).last)
        var shell = lumbar.environment
        shell["PATH"] = URL(fileURLWithPath: BinaryRunner.executable).deletingLastPathComponent().path + ":/usr/bin:/bin"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", String(command)]
        process.environment = shell
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let backfilled = try checkIns(lumbar).filter { ($0["pain"] as? Int) == 0 }
        #expect(
            backfilled.compactMap { $0["at"] as? String } == ["2026-03-05T12:00:00+01:00", "2026-03-06T12:00:00+01:00", "2026-03-07T12:00:00+01:00"])

        let noGap = try lumbar.run(["checkin", "--at", "2026-03-09T08:00", "--pain", "2"])
        #expect(noGap.status == 0 && !noGap.stdout.contains("pain-free"), "\(noGap.stdout)")
        // A pain-free check-in, or one that opens an episode, is never asked about gaps.
        let painFree = runner()
        try painFree.run(["checkin", "--at", "2026-03-02T08:00", "--pain", "4"])
        #expect(!(try painFree.run(["checkin", "--at", "2026-03-06T08:00", "--pain", "0"])).stdout.contains("pain-free"))
        let opening = runner()
        try opening.run(["checkin", "--at", "2026-03-01T08:00", "--pain", "0"])
        #expect(!(try opening.run(["checkin", "--at", "2026-03-05T08:00", "--pain", "3"])).stdout.contains("pain-free"))
    }

    @Test func thePrintedNoCommandRunsAsIsOnAJournalWhosePathNeedsQuoting() throws {
        let lumbar = runner()
        let store = lumbar.directory + "/it's my back/journal.json"
        try lumbar.run(["checkin", "--at", "2026-03-02T08:00", "--pain", "4", "--symptom", "numbness", "--store", store], store: false)
        let silent = try lumbar.run(["checkin", "--at", "2026-03-03T08:00", "--pain", "3", "--store", store], store: false)
        let line = try #require(silent.stdout.split(separator: "\n").first { $0.contains("Still standing") }, "\(silent.stdout)")
        let command = try #require(line.range(of: "lumbar checkin --no ")).lowerBound
        var shell = lumbar.environment
        shell["PATH"] = URL(fileURLWithPath: BinaryRunner.executable).deletingLastPathComponent().path + ":/usr/bin:/bin"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line[command...].replacingOccurrences(of: "--pain N", with: "--pain 2")]
        process.environment = shell
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // The printed command logs at now (20:00); a check-in after it finds the no standing.
        let after = try lumbar.run(["checkin", "--at", "2026-03-10T20:05", "--pain", "1", "--store", store], store: false)
        #expect(after.status == 0 && !after.stdout.contains("Still standing"), "\(after.stdout)")
    }

    @Test func entriesUpToTenMinutesAheadOfTheClockAreTakenLaterOnesRefused() throws {
        let lumbar = runner()
        #expect(try lumbar.run(["checkin", "--at", "2026-03-10T20:10", "--pain", "2"]).status == 0)
        #expect(try lumbar.run(["session", "--at", "2026-03-10T20:10", "--kind", "run"]).status == 0)
        let before = FileManager.default.contents(atPath: lumbar.storePath)
        for arguments in [
            ["checkin", "--at", "2026-03-10T20:10:01", "--pain", "2"], ["session", "--at", "2026-03-10T20:11", "--kind", "run"],
            ["checkin", "--at", "2027-03-10T08:00", "--pain", "2"],
        ] {
            let run = try lumbar.run(arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stderr.contains("is in the future") && run.stderr.contains("check the date"), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1)
        }
        #expect(FileManager.default.contents(atPath: lumbar.storePath) == before)
    }

    @Test func profileHistoryIsSetShownReplacedAndCleared() throws {
        let lumbar = runner()
        let set = try lumbar.run(["profile", "--birth-year", "1960", "--history", "cancer", "--history", "steroids,cancer"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout == "birth year: 1960\nhistory: cancer, steroids\n")
        #expect(try lumbar.run(["profile"]).stdout == "birth year: 1960\nhistory: cancer, steroids\n")
        let root = try #require(try BinaryRunner.json(try lumbar.run(["export", "--format", "json"]).stdout) as? [String: Any])
        #expect((root["profile"] as? [String: Any])?["history"] as? [String] == ["cancer", "steroids"])
        #expect(try lumbar.run(["profile", "--history", "iv-drugs"]).stdout.contains("history: iv-drugs\n"))
        let cleared = try lumbar.run(["profile", "--history", "none"])
        #expect(cleared.stdout.hasPrefix("birth year: 1960\nhistory: none"))
        #expect(try lumbar.run(["profile"]).stdout.contains("history: none (lumbar profile --history"))
    }

    @Test func aNoteFromStandardInputOrAFileNeverAppearsInTheArguments() throws {
        let lumbar = runner()
        let stdinRun = try lumbar.run(
            ["checkin", "--at", "2026-03-10T08:00", "--pain", "2", "--note", "-"],
            input: Data("saw the GP; privat 😣\nsecond line\n".utf8))
        #expect(stdinRun.status == 0, "\(stdinRun.stderr)")
        let file = lumbar.directory + "/note.txt"
        try Data("from a file\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try lumbar.run(["session", "--at", "2026-03-10T07:00", "--kind", "run", "--note-file", file]).status == 0)
        #expect(try checkIns(lumbar).first?["note"] as? String == "saw the GP; privat 😣\nsecond line")
        let root = try #require(try BinaryRunner.json(try lumbar.run(["history", "--json"]).stdout) as? [String: Any])
        #expect((root["sessions"] as? [[String: Any]])?.first?["note"] as? String == "from a file")

        let missing = try lumbar.run(["checkin", "--pain", "2", "--note-file", lumbar.directory + "/absent.txt"])
        #expect(missing.status == 74 && missing.stderr.contains("cannot read --note-file"), "\(missing.stderr)")
        try Data([0x66, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: file))
        let binary = try lumbar.run(["checkin", "--pain", "2", "--note-file", file])
        #expect(binary.status == 65 && binary.stderr.contains("not UTF-8"), "\(binary.stderr)")
        #expect(try checkIns(lumbar).count == 1)
    }

    @Test func theEditorWritesTheNoteInAPrivateFileThatIsRemovedAfter() throws {
        var lumbar = runner()
        let record = lumbar.directory + "/editor-saw"
        let editor = lumbar.directory + "/fake-editor"
        try FileManager.default.createDirectory(atPath: lumbar.directory, withIntermediateDirectories: true)
        try Data(
            """
            #!/bin/sh
            stat -c '%a %F' "$1" > '\(record)'
            echo "$1" >> '\(record)'
            printf 'written in the editor\\n' > "$1"
            """.utf8
        ).write(to: URL(fileURLWithPath: editor))
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: editor)
        lumbar.environment["EDITOR"] = editor
        lumbar.environment["TMPDIR"] = lumbar.directory
        let run = try lumbar.run(["checkin", "--at", "2026-03-10T08:00", "--pain", "2", "--edit-note"])
        #expect(run.status == 0, "\(run.stderr)")
        let saw = try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n")
        #expect(saw.first == "600 regular empty file")
        let path = try #require(saw.last.map(String.init))
        #expect(path.hasPrefix(lumbar.directory + "/lumbar-note-"))
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try checkIns(lumbar).first?["note"] as? String == "written in the editor")

        // VISUAL wins over EDITOR; an editor that fails logs nothing and leaves no file behind.
        lumbar.environment["VISUAL"] = "false"
        let before = FileManager.default.contents(atPath: lumbar.storePath)
        let failed = try lumbar.run(["checkin", "--pain", "2", "--edit-note"])
        #expect(failed.status == 64 && failed.stderr.contains("the editor 'false' exited with status 1; nothing was logged"), "\(failed.stderr)")
        #expect(FileManager.default.contents(atPath: lumbar.storePath) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: lumbar.directory).filter { $0.hasPrefix("lumbar-note-") }
        #expect(leftovers.isEmpty)
    }
}

extension BinaryRunner {
    /// Runs `lumbar` with `arguments` plus `--store`, with `input` on its standard input.
    func run(_ arguments: [String], input: Data) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments + ["--store", storePath]
        process.environment = environment
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// `--edit-note` at a real terminal: the editor must own the keyboard.
@Suite(.serialized, .enabled(if: TUITmux.shouldRun, "tmux is not installed (set CI=true to make that a failure)"))
struct EditNoteTerminalTests {
    @Test func aTerminalEditorReadsTheKeyboardAndItsTextBecomesTheNote() throws {
        let lumbar = BinaryRunner()
        try FileManager.default.createDirectory(atPath: lumbar.directory, withIntermediateDirectories: true)
        let editor = lumbar.directory + "/line-editor"
        // An editor in a process group of its own is stopped (SIGTTIN) at `read`, and this waits for ever.
        try Data("#!/bin/sh\nprintf 'note please: '\nread line\nprintf '%s\\n' \"$line\" > \"$1\"\n".utf8)
            .write(to: URL(fileURLWithPath: editor))
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: editor)
        let terminal = try TUITmux()
        var environment = lumbar.environment
        environment["EDITOR"] = editor
        environment["TERM"] = "xterm-256color"
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(ShellQuote.quote($0.value))" }.joined(separator: " ")
        let script =
            "env -i \(assignments) \(ShellQuote.quote(BinaryRunner.executable)) checkin --at 2026-03-03T08:00 --pain 2 --edit-note "
            + "--store \(ShellQuote.quote(lumbar.storePath)); echo EDIT-EXIT=$?; sleep 600"
        try terminal.tmux(["new-window", "-t", terminal.name, "sh", "-c", script])
        try terminal.waitFor("note please:")
        try terminal.type("typed at the terminal")
        try terminal.press("Enter")
        try terminal.waitFor("EDIT-EXIT=0")
        let root = try #require(try BinaryRunner.json(try lumbar.run(["history", "--json"]).stdout) as? [String: Any])
        #expect((root["checkIns"] as? [[String: Any]])?.first?["note"] as? String == "typed at the terminal")
        try? FileManager.default.removeItem(atPath: lumbar.directory)
    }
}

/// Single quotes for the shell lines these tests build.
enum ShellQuote {
    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

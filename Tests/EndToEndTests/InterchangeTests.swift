import Foundation
import Testing

@Suite struct InterchangeTests {
    @Test func csvExportImportExportIsIdentical() throws {
        let source = BinaryRunner()
        try source.run([
            "checkin", "--at", "2026-03-03T08:00", "--pain", "5", "--worst", "6", "--symptom", "stiffness,spasm", "--care", "heat", "--note",
            "comma, \"quote\"\nnewline",
        ])
        try source.run(["checkin", "--at", "2026-03-04T08:00", "--pain", "0"])
        let first = try source.run(["export", "--format", "csv"])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("id,date,at,pain,worst,symptoms,denied,care,note,updatedAt,revision\r\n"))
        let file = source.directory + "/export.csv"
        try Data(first.stdout.utf8).write(to: URL(fileURLWithPath: file))
        let target = BinaryRunner()
        #expect(try target.run(["import", file]).stdout.contains("2 added"))
        #expect(try target.run(["import", file]).stdout.contains("0 added, 0 updated, 2 unchanged"))
        #expect(try target.run(["export", "--format", "csv"]).stdout == first.stdout)
    }

    @Test func aFileThatIsNeitherJSONNorTextIsRefusedAndChangesNothing() throws {
        let lumbar = BinaryRunner()
        try lumbar.run(["checkin", "--at", "2026-03-01T08:00", "--pain", "1"])
        let before = FileManager.default.contents(atPath: lumbar.storePath)
        let file = lumbar.directory + "/sheet.xlsx"
        try Data([0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE, 0x00, 0x80]).write(to: URL(fileURLWithPath: file))
        let run = try lumbar.run(["import", file])
        #expect(run.status == 65)
        #expect(run.stderr.contains("neither JSON nor UTF-8 text"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(FileManager.default.contents(atPath: lumbar.storePath) == before)
    }

    /// Issue 11, item 11: an import must not bring in a time that some zone shows as year 0 or
    /// 10000, or lumbar would write a journal it then refuses to read.
    @Test(arguments: ["9999-12-31T23:00:00-10:00", "0001-01-01T01:00:00+14:00"])
    func anImportedTimeOutsideYears1To9999IsRefused(at: String) throws {
        let lumbar = BinaryRunner()
        try lumbar.run(["checkin", "--at", "2026-03-01T08:00", "--pain", "1"])
        let before = FileManager.default.contents(atPath: lumbar.storePath)
        let csv = lumbar.directory + "/edge.csv"
        try Data("date,at,pain\n2026-03-02,\(at),3\n".utf8).write(to: URL(fileURLWithPath: csv))
        let refusedCSV = try lumbar.run(["import", csv])
        #expect(refusedCSV.status == 65)
        #expect(refusedCSV.stderr.contains("outside the years lumbar keeps"))
        let json = lumbar.directory + "/edge.json"
        let session = #"{"id":"5f0c1a52-7d6e-4a59-9a43-2d0f3b1e9c11","at":"\#(at)","kind":"run","updatedAt":"2026-03-01T08:00:00Z"}"#
        try Data(#"{"schemaVersion":2,"sessions":[\#(session)],"checkIns":[]}"#.utf8).write(to: URL(fileURLWithPath: json))
        let refusedJSON = try lumbar.run(["import", json])
        #expect(refusedJSON.status == 65)
        #expect(refusedJSON.stderr.contains("outside the years lumbar keeps"))
        #expect(FileManager.default.contents(atPath: lumbar.storePath) == before)
        #expect(try lumbar.run(["status"]).status == 0)
    }

    @Test func editWithNothingToChangeIsRefused() throws {
        let lumbar = BinaryRunner()
        let logged = try lumbar.run(["checkin", "--at", "2026-03-01T08:00", "--pain", "4"])
        let id = try #require(logged.stdout.split(separator: "[id ").last?.prefix(8))
        let before = FileManager.default.contents(atPath: lumbar.storePath)
        let run = try lumbar.run(["edit", String(id)])
        #expect(run.status == 64 && run.stderr.contains("nothing to change"))
        #expect(FileManager.default.contents(atPath: lumbar.storePath) == before)
    }

    @Test func aBadRowImportsNothingUnlessSkipBad() throws {
        let lumbar = BinaryRunner()
        try lumbar.run(["checkin", "--at", "2026-03-01T08:00", "--pain", "1"])
        let before = FileManager.default.contents(atPath: lumbar.storePath)
        let file = lumbar.directory + "/sheet.csv"
        try Data("date,pain,note\n2026-03-05,4,ok\n2026-03-06,eleven,bad\n".utf8).write(to: URL(fileURLWithPath: file))
        let refused = try lumbar.run(["import", file])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("row 3: pain must be a whole number"))
        #expect(refused.stderr.contains("nothing was imported"))
        #expect(FileManager.default.contents(atPath: lumbar.storePath) == before)
        let skipped = try lumbar.run(["import", file, "--skip-bad"])
        #expect(skipped.status == 0 && skipped.stdout.contains("1 added") && skipped.stdout.contains("1 bad rows skipped"))
    }

    @Test func mergeCarriesDeletionsFromBothSides() throws {
        let laptop = BinaryRunner()
        let desktop = BinaryRunner()
        let a = try laptop.run(["checkin", "--at", "2026-03-01T08:00", "--pain", "3"])
        let b = try laptop.run(["checkin", "--at", "2026-03-02T08:00", "--pain", "2"])
        try laptop.run(["checkin", "--at", "2026-03-02T20:00", "--pain", "2"])
        try FileManager.default.createDirectory(atPath: desktop.directory + "/data", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: laptop.storePath, toPath: desktop.storePath)
        let idA = try #require(a.stdout.split(separator: "[id ").last?.prefix(8))
        let idB = try #require(b.stdout.split(separator: "[id ").last?.prefix(8))
        // Each machine deletes a different entry; the desktop also logs a new one.
        #expect(try laptop.run(["delete", String(idA)]).status == 0)
        #expect(try desktop.run(["delete", String(idB)]).status == 0)
        #expect(try desktop.run(["checkin", "--at", "2026-03-03T08:00", "--pain", "1"]).status == 0)
        let merged = try desktop.run(["merge", laptop.storePath])
        #expect(merged.status == 0 && merged.stdout.contains("1 deleted"), "\(merged.stdout)\(merged.stderr)")
        let back = try laptop.run(["merge", desktop.storePath])
        #expect(back.stdout.contains("1 added") && back.stdout.contains("1 deleted"), "\(back.stdout)")
        for machine in [laptop, desktop] {
            let dump = try #require(try BinaryRunner.json(try machine.run(["history", "--json"]).stdout) as? [String: Any])
            let times = (dump["checkIns"] as? [[String: Any]])?.compactMap { $0["at"] as? String }
            #expect(times == ["2026-03-02T20:00:00+01:00", "2026-03-03T08:00:00+01:00"])
        }
        // Merging again changes nothing on either side.
        #expect(try desktop.run(["merge", laptop.storePath]).stdout.contains("0 added, 0 updated"))
    }

    /// Two machines sharing one journal file: the desktop starts as a copy of the laptop's.
    static func twoMachines(checkIns: Int) throws -> (laptop: BinaryRunner, desktop: BinaryRunner, ids: [String]) {
        var laptop = BinaryRunner()
        laptop.environment["LUMBAR_NOW"] = "2026-03-10T20:00+01:00"
        var ids: [String] = []
        for day in 1...checkIns {
            let run = try laptop.run(["checkin", "--at", "2026-03-0\(day)T08:00", "--pain", "\(day)"])
            ids.append(String(try #require(run.stdout.split(separator: "[id ").last?.prefix(8))))
        }
        var desktop = BinaryRunner()
        desktop.environment["LUMBAR_NOW"] = "2026-03-10T20:00+01:00"
        try FileManager.default.createDirectory(atPath: desktop.directory + "/data", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: laptop.storePath, toPath: desktop.storePath)
        return (laptop, desktop, ids)
    }

    @Test func aMergeThatDeletesFourEntriesChangesNothingWithoutYesAndTheyStayRecoverable() throws {
        let (laptop, desktop, ids) = try Self.twoMachines(checkIns: 5)
        for id in ids.prefix(4) { #expect(try desktop.run(["delete", id]).status == 0) }
        let before = FileManager.default.contents(atPath: laptop.storePath)
        let refused = try laptop.run(["merge", desktop.storePath])
        #expect(refused.status == 65, "\(refused)")
        #expect(refused.stderr.contains("would delete 4 entries"))
        for id in ids.prefix(4) { #expect(refused.stderr.contains(id)) }
        #expect(refused.stderr.contains("--yes"))
        #expect(FileManager.default.contents(atPath: laptop.storePath) == before)

        let applied = try laptop.run(["merge", desktop.storePath, "--yes"])
        #expect(applied.status == 0 && applied.stdout.contains("4 deleted"), "\(applied)")
        let listed = try laptop.run(["undelete"])
        for id in ids.prefix(4) { #expect(listed.stdout.contains(id)) }
        #expect(try laptop.run(["undelete", ids[0]]).status == 0)
        let dump = try #require(try BinaryRunner.json(try laptop.run(["history", "--json"]).stdout) as? [String: Any])
        #expect((dump["checkIns"] as? [[String: Any]])?.compactMap { $0["pain"] as? Int } == [1, 5])
        // The undeleted entry outranks the deletion, so merging the desktop again keeps it.
        #expect(try laptop.run(["merge", desktop.storePath]).status == 0)
        let again = try #require(try BinaryRunner.json(try laptop.run(["history", "--json"]).stdout) as? [String: Any])
        #expect((again["checkIns"] as? [[String: Any]])?.count == 2)
    }

    @Test func threeDeletionsMergeWithoutAsking() throws {
        let (laptop, desktop, ids) = try Self.twoMachines(checkIns: 4)
        for id in ids.prefix(3) { #expect(try desktop.run(["delete", id]).status == 0) }
        let merged = try laptop.run(["merge", desktop.storePath])
        #expect(merged.status == 0 && merged.stdout.contains("3 deleted"), "\(merged)")
    }

    @Test func anEditOnAMachineWhoseClockIsBehindWinsTheMerge() throws {
        var (laptop, desktop, ids) = try Self.twoMachines(checkIns: 1)
        // The desktop's clock is a year behind; the laptop's copy stays as logged.
        desktop.environment["LUMBAR_NOW"] = "2025-03-10T20:00+01:00"
        #expect(try desktop.run(["edit", ids[0], "--pain", "7"]).status == 0)
        laptop.environment["LUMBAR_NOW"] = "2026-03-11T08:00+01:00"
        let merged = try laptop.run(["merge", desktop.storePath])
        #expect(merged.status == 0 && merged.stdout.contains("1 updated"), "\(merged)")
        let dump = try #require(try BinaryRunner.json(try laptop.run(["history", "--json"]).stdout) as? [String: Any])
        #expect((dump["checkIns"] as? [[String: Any]])?.first?["pain"] as? Int == 7)
    }

    @Test func aCopyStampedInYear9999DoesNotOverwriteAnEdit() throws {
        let (laptop, _, ids) = try Self.twoMachines(checkIns: 1)
        let export = try laptop.run(["export"]).stdout
        #expect(try laptop.run(["edit", ids[0], "--pain", "6"]).status == 0)
        let forged = export.replacingOccurrences(of: "\"pain\": 1", with: "\"pain\": 0")
            .replacingOccurrences(of: "\"updatedAt\": \"2026-03-10T20:00:00+01:00\"", with: "\"updatedAt\": \"9999-12-31T23:00:00+01:00\"")
        #expect(forged.contains("9999") && forged != export, "the export's spelling changed: \(export)")
        let file = laptop.directory + "/forged.json"
        try Data(forged.utf8).write(to: URL(fileURLWithPath: file))
        let run = try laptop.run(["import", file])
        #expect(run.status == 0 && run.stdout.contains("0 updated"), "\(run)")
        let dump = try #require(try BinaryRunner.json(try laptop.run(["history", "--json"]).stdout) as? [String: Any])
        #expect((dump["checkIns"] as? [[String: Any]])?.first?["pain"] as? Int == 6)
    }

    @Test func aCSVRowWithAnIdAndNoRevisionNeverOverwritesAnEdit() throws {
        let (laptop, _, ids) = try Self.twoMachines(checkIns: 1)
        let export = try laptop.run(["export", "--format", "csv"]).stdout
        #expect(try laptop.run(["edit", ids[0], "--pain", "6"]).status == 0)
        // An old export with the revision column removed and the pain changed in a spreadsheet.
        let lines = export.split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",")
        }
        let stale = lines.joined(separator: "\r\n").replacingOccurrences(of: "+01:00,1,", with: "+01:00,2,")
        let file = laptop.directory + "/stale.csv"
        try Data(stale.utf8).write(to: URL(fileURLWithPath: file))
        let run = try laptop.run(["import", file])
        #expect(run.status == 0 && run.stderr.contains("no revision"), "\(run)")
        let dump = try #require(try BinaryRunner.json(try laptop.run(["history", "--json"]).stdout) as? [String: Any])
        #expect((dump["checkIns"] as? [[String: Any]])?.first?["pain"] as? Int == 6)
    }

    @Test(arguments: [
        ("\u{FEFF}{\"schemaVersion\":2,\"checkIns\":[]}", "byte order mark"),
        ("[{\"pain\":3}]", "JSON holding an array"),
        ("\"date,pain\"", "JSON holding a string"),
        ("42\n", "JSON holding a number"),
    ])
    func importRefusesBOMJSONAndNonObjectJSONClearly(content: String, expected: String) throws {
        let lumbar = BinaryRunner()
        try lumbar.run(["checkin", "--at", "2026-03-01T08:00", "--pain", "1"])
        let before = FileManager.default.contents(atPath: lumbar.storePath)
        let file = lumbar.directory + "/odd.json"
        try Data(content.utf8).write(to: URL(fileURLWithPath: file))
        let run = try lumbar.run(["import", file])
        #expect(run.status == 65 && run.stderr.contains(expected) && !run.stderr.contains("column"), "\(run)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(FileManager.default.contents(atPath: lumbar.storePath) == before)
    }

    @Test func importRefusesTwoEntriesWithOneIdNamingBoth() throws {
        let lumbar = BinaryRunner()
        let id = "6f1c2f9e-3a1b-4c55-9f00-000000000002"
        let entry = "{\"id\":\"\(id)\",\"at\":\"2026-03-03T08:00:00+01:00\",\"pain\":2}"
        let file = lumbar.directory + "/twice.json"
        try FileManager.default.createDirectory(atPath: lumbar.directory, withIntermediateDirectories: true)
        try Data("{\"schemaVersion\":2,\"checkIns\":[\(entry),\(entry)]}".utf8).write(to: URL(fileURLWithPath: file))
        let run = try lumbar.run(["import", file])
        #expect(run.status == 65 && run.stderr.contains("checkIns[1] has the same id as checkIns[0]"), "\(run)")
        let csv = lumbar.directory + "/twice.csv"
        try Data("id,date,pain\n\(id),2026-03-03,2\n\(id),2026-03-04,3\n".utf8).write(to: URL(fileURLWithPath: csv))
        let rows = try lumbar.run(["import", csv])
        #expect(rows.status == 65 && rows.stderr.contains("row 3: has the same id as row 2"), "\(rows)")
        #expect(!FileManager.default.fileExists(atPath: lumbar.storePath))
    }

    @Test func exportsCarryNoAnswersAndNeutraliseFormulas() throws {
        let lumbar = BinaryRunner()
        try lumbar.run(["checkin", "--at", "2026-03-01T08:00", "--pain", "1", "--note", "=HYPERLINK(\"http://x\")"])
        let csv = try lumbar.run(["export", "--format", "csv"]).stdout
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "\(csv)")
        let file = lumbar.directory + "/sheet.csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
        let target = BinaryRunner()
        #expect(try target.run(["import", file]).status == 0)
        let dump = try #require(try BinaryRunner.json(try target.run(["history", "--json"]).stdout) as? [String: Any])
        #expect((dump["checkIns"] as? [[String: Any]])?.first?["note"] as? String == "=HYPERLINK(\"http://x\")")
        let json = try #require(try BinaryRunner.json(try lumbar.run(["export"]).stdout) as? [String: Any])
        #expect(json["assessments"] is [Any])
        #expect((json["checkIns"] as? [[String: Any]])?.first?["denied"] is [Any])
    }

    @Test func anEditBumpsTheRevisionAndAYesReplacesAnEarlierNo() throws {
        let lumbar = BinaryRunner()
        let file = lumbar.directory + "/answers.csv"
        try FileManager.default.createDirectory(atPath: lumbar.directory, withIntermediateDirectories: true)
        try Data("date,pain,denied\n2026-03-03,3,numbness;bladder-bowel\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try lumbar.run(["import", file]).status == 0)
        let before = try #require(try BinaryRunner.json(try lumbar.run(["history", "--json"]).stdout) as? [String: Any])
        let entry = try #require((before["checkIns"] as? [[String: Any]])?.first)
        #expect(entry["denied"] as? [String] == ["numbness", "bladder-bowel"] && entry["revision"] as? Int == 1)
        let id = try #require(entry["id"] as? String)
        let edit = try lumbar.run(["edit", String(id.prefix(8)), "--symptom", "numbness"])
        #expect(edit.status == 0, "\(edit)")
        let after = try #require(try BinaryRunner.json(try lumbar.run(["history", "--json"]).stdout) as? [String: Any])
        let edited = try #require((after["checkIns"] as? [[String: Any]])?.first)
        #expect(edited["symptoms"] as? [String] == ["numbness"] && edited["denied"] as? [String] == ["bladder-bowel"])
        #expect(edited["revision"] as? Int == 2)
        let worse = try lumbar.run(["edit", String(id.prefix(8)), "--worst", "1"])
        #expect(worse.status == 64 && worse.stderr.contains("cannot be lower than pain"), "\(worse)")
    }

    @Test(.enabled(if: TUITmux.shouldRun), arguments: [("n", false), ("y", true)])
    func atATerminalAMergeAsksBeforeDeletingFourEntries(answer: String, applies: Bool) throws {
        let (laptop, desktop, ids) = try Self.twoMachines(checkIns: 5)
        for id in ids.prefix(4) { #expect(try desktop.run(["delete", id]).status == 0) }
        let before = FileManager.default.contents(atPath: laptop.storePath)
        let terminal = try TUITmux(runner: laptop)
        // The driver starts the TUI; replace it with the merge, as typed at a shell prompt.
        let quoted = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command =
            "env LUMBAR_NOW=2026-03-10T20:00+01:00 TZ=Europe/Stockholm \(quoted(BinaryRunner.executable)) merge "
            + "\(quoted(desktop.storePath)) --store \(quoted(laptop.storePath)); echo MERGE-EXIT=$?; sleep 600"
        try terminal.tmux(["respawn-pane", "-k", "-t", terminal.name, "sh -c \(quoted(command))"], capture: false)
        let asked = try terminal.waitFor("Delete them? [y/N]")
        #expect(asked.contains("would delete 4 entries"))
        try terminal.type(answer)
        try terminal.press("Enter")
        let done = try terminal.waitFor("MERGE-EXIT=")
        let unchanged = FileManager.default.contents(atPath: laptop.storePath) == before
        if applies {
            #expect(done.contains("MERGE-EXIT=0") && done.contains("4 deleted") && !unchanged, "\(done)")
        } else {
            #expect(done.contains("MERGE-EXIT=65") && done.contains("nothing was merged") && unchanged, "\(done)")
        }
    }
}

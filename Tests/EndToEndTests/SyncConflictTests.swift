import Foundation
import LumbarCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Conflict copies beside the journal, through the binary: merged on start with `merge`'s rules,
/// moved to a dated private folder and said once; held by the merge guard; left alone when broken
/// or not a journal.
@Suite("Sync: conflict copies are merged when lumbar starts")
struct SyncConflictTests {
    static let now = "2026-12-01T12:00:00+01:00"
    static let day = LocalDate(year: 2026, month: 12, day: 1)!

    /// A check-in on 1 December 2026 at `hour`:00 Berlin time.
    static func checkIn(_ hour: Int, pain: Int, note: String) -> CheckIn {
        let at = Timestamp(epochMilliseconds: Int64(1_796_079_600_000 + hour * 3_600_000), utcOffsetSeconds: 3600)
        return CheckIn(date: at.localDate, at: at, pain: pain, note: note, updatedAt: at)
    }

    static func write(_ journal: Journal, to path: String) throws {
        try PrivateFile.write(JournalCodec.encode(journal), to: path)
    }

    static func notes(_ path: String) throws -> Set<String> {
        Set(try JournalStore(path: path).load().checkIns.map(\.note))
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    @Test("Syncthing, Nextcloud and Dropbox copies are merged at start, moved to merged-conflicts/DATE (0700/0600) and said once")
    func copiesAreMergedMovedAndSaidOnce() throws {
        let sandbox = try ReliabilitySandbox()
        let shared = Self.checkIn(8, pain: 2, note: "shared")
        var here = Journal(sessions: [], checkIns: [shared])
        here.upsert(Self.checkIn(9, pain: 3, note: "here"))
        try Self.write(here, to: sandbox.journal)
        let copies = [
            ("journal.sync-conflict-20261201-101500-ABCDEFG.json", "syncthing"),
            ("journal (conflicted copy 2026-12-01 101500).json", "nextcloud"),
            ("journal (Sam's conflicted copy 2026-12-01).json", "dropbox"),
        ]
        for (name, note) in copies {
            var there = Journal(sessions: [], checkIns: [shared])
            there.upsert(Self.checkIn(10, pain: 4, note: note))
            try Self.write(there, to: sandbox.directory + "/" + name)
        }
        // Under umask 000, so that the modes are lumbar's own (umask is per process: set it in the child only).
        let run = try Reliability.run(
            ["/bin/sh", "-c", "umask 000; exec \"$0\" \"$@\"", try Reliability.lumbar(), "history", "--store", sandbox.journal],
            environment: sandbox.environment(now: Self.now))
        #expect(run.status == .exited(0), "\(run)")
        // One line per copy on stderr, naming it and where it went; stdout shows every entry.
        let said = Self.lines(run.stderr)
        #expect(said.count == 3, "\(run.stderr)")
        for (name, _) in copies {
            let target = sandbox.directory + "/merged-conflicts/2026-12-01/" + name
            #expect(said.contains { $0.contains("merged the") && $0.contains(name) && $0.hasSuffix("moved it to " + target) }, "\(run.stderr)")
            #expect(FileManager.default.fileExists(atPath: target))
            #expect(!FileManager.default.fileExists(atPath: sandbox.directory + "/" + name))
            #expect(Self.mode(target) == 0o600)
        }
        #expect(Self.mode(sandbox.directory + "/merged-conflicts") == 0o700)
        #expect(Self.mode(sandbox.directory + "/merged-conflicts/2026-12-01") == 0o700)
        for note in ["shared", "here", "syncthing", "nextcloud", "dropbox"] { #expect(run.stdout.contains(note), "\(note): \(run.stdout)") }
        #expect(try Self.notes(sandbox.journal) == ["shared", "here", "syncthing", "nextcloud", "dropbox"])
        #expect(Self.mode(sandbox.journal) == 0o600)

        // Said once: the next run finds nothing (the merged folder is never searched) and changes nothing.
        let before = sandbox.bytes()
        let again = try sandbox.lumbar(["status"], now: Self.now)
        #expect(again.status == .exited(0))
        #expect(again.stderr.isEmpty, "\(again.stderr)")
        #expect(sandbox.bytes() == before)
    }

    @Test("Merging a copy keeps deletions (tombstones) and lets the higher revision win")
    func deletionsAndRevisionsFollowMergesRules() throws {
        let sandbox = try ReliabilitySandbox()
        let gone = Self.checkIn(7, pain: 5, note: "deleted there")
        let edited = Self.checkIn(8, pain: 2, note: "first version")
        let editedHere = Self.checkIn(9, pain: 2, note: "edited here")
        let base = Journal(sessions: [], checkIns: [gone, edited, editedHere])
        var here = base
        var newer = editedHere
        newer.note = "edited here, revision 2"
        here.edit(newer)
        try Self.write(here, to: sandbox.journal)
        var there = base
        var changed = edited
        changed.note = "edited there, revision 2"
        there.edit(changed)
        _ = there.delete(id: gone.id, at: gone.at.adding(hours: 1))
        let copy = sandbox.directory + "/journal.sync-conflict-20261201-101500-ABCDEFG.json"
        try Self.write(there, to: copy)

        let run = try sandbox.lumbar(["history"], now: Self.now)
        #expect(run.status == .exited(0), "\(run)")
        #expect(run.stderr.contains("1 updated") && run.stderr.contains("1 deleted"), "\(run.stderr)")
        let merged = try JournalStore(path: sandbox.journal).load()
        #expect(Set(merged.checkIns.map(\.note)) == ["edited there, revision 2", "edited here, revision 2"])
        #expect(merged.tombstones.map(\.id) == [gone.id])
        // The deletion stays recoverable.
        let undelete = try sandbox.lumbar(["undelete", String(gone.id.uuidString.prefix(8)).lowercased()], now: Self.now)
        #expect(undelete.status == .exited(0), "\(undelete)")
    }

    @Test("A copy whose merge would delete 4 entries is left in place; status (text and JSON) gives the exact command, which applies it")
    func theMergeGuardHoldsACopy() throws {
        let sandbox = try ReliabilitySandbox()
        let entries = (0..<5).map { Self.checkIn(6 + $0, pain: $0, note: "entry \($0)") }
        let journal = Journal(sessions: [], checkIns: entries)
        try Self.write(journal, to: sandbox.journal)
        var there = journal
        for entry in entries.prefix(4) { _ = there.delete(id: entry.id, at: entry.at.adding(hours: 12)) }
        let copy = sandbox.directory + "/journal (conflicted copy 2026-12-01 101500).json"
        try Self.write(there, to: copy)
        let copyBytes = sandbox.bytes(copy)
        let before = sandbox.bytes()

        let text = try sandbox.lumbar(["status"], now: Self.now)
        #expect(text.status == .exited(0), "\(text)")
        #expect(sandbox.bytes() == before)
        #expect(sandbox.bytes(copy) == copyBytes)
        let command = "lumbar merge --yes '\(copy)' --store \(sandbox.journal)"
        #expect(text.stdout.contains("merging it would delete 4 entries"), "\(text.stdout)")
        #expect(text.stdout.contains(command), "\(text.stdout)")
        #expect(text.stderr.isEmpty, "status says it on stdout, not twice: \(text.stderr)")

        let json = try sandbox.lumbar(["status", "--json"], now: Self.now)
        let object = try #require(try BinaryRunner.json(json.stdout) as? [String: Any])
        let held = try #require(object["unmergedConflictCopies"] as? [[String: Any]])
        #expect(held.count == 1)
        #expect(held.first?["path"] as? String == copy)
        #expect(held.first?["tool"] as? String == "nextcloud")
        #expect(held.first?["wouldDelete"] as? Int == 4)
        #expect(held.first?["command"] as? String == command)

        // Any other command says it once on stderr, after its own output, and changes nothing.
        let history = try sandbox.lumbar(["history"], now: Self.now)
        #expect(history.status == .exited(0))
        #expect(Self.lines(history.stderr).count == 1 && history.stderr.contains(command), "\(history.stderr)")
        #expect(sandbox.bytes() == before)

        // The command, as given (shell-quoted), applies it and settles the copy.
        let shell = try Reliability.run(
            ["/bin/sh", "-c", command.replacingOccurrences(of: "lumbar ", with: "'\(try Reliability.lumbar())' ", options: .anchored)],
            environment: sandbox.environment(now: Self.now))
        #expect(shell.status == .exited(0), "\(shell)")
        #expect(try Self.notes(sandbox.journal) == ["entry 4"])
        #expect(!FileManager.default.fileExists(atPath: copy))
        #expect(
            FileManager.default.fileExists(
                atPath: sandbox.directory + "/merged-conflicts/2026-12-01/journal (conflicted copy 2026-12-01 101500).json"))
        let after = try sandbox.lumbar(["status", "--json"], now: Self.now)
        #expect((try BinaryRunner.json(after.stdout) as? [String: Any])?["unmergedConflictCopies"] as? [Any] != nil)
        #expect(((try BinaryRunner.json(after.stdout) as? [String: Any])?["unmergedConflictCopies"] as? [Any])?.isEmpty == true)
    }

    @Test("A corrupt copy is left in place with one warning and never stops the command")
    func aCorruptCopyIsLeftWithAWarning() throws {
        let sandbox = try ReliabilitySandbox()
        try Self.write(Journal(sessions: [], checkIns: [Self.checkIn(8, pain: 2, note: "here")]), to: sandbox.journal)
        let broken = sandbox.directory + "/journal.sync-conflict-20261201-101500-ABCDEFG.json"
        let truncated = Array(JournalCodec.encode(Journal(sessions: [], checkIns: [Self.checkIn(9, pain: 3, note: "there")])).prefix(60))
        try Data(truncated).write(to: URL(fileURLWithPath: broken))
        let empty = sandbox.directory + "/journal (Sam's conflicted copy 2026-12-01).json"
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        let before = sandbox.bytes()

        let run = try sandbox.lumbar(["checkin", "--pain", "1", "--note", "logged"], now: Self.now)
        #expect(run.status == .exited(0), "\(run)")
        #expect(run.stdout.contains("Logged"))
        let warnings = Self.lines(run.stderr)
        #expect(warnings.count == 2, "\(run.stderr)")
        #expect(warnings.contains { $0.contains(broken) && $0.contains("left in place") }, "\(run.stderr)")
        #expect(warnings.contains { $0.contains(empty) && $0.contains("empty") }, "\(run.stderr)")
        #expect(sandbox.bytes(broken) == truncated)
        #expect(FileManager.default.fileExists(atPath: empty))
        #expect(try Self.notes(sandbox.journal) == ["here", "logged"])
        #expect(sandbox.bytes() != before)
    }

    @Test("Another program's file with a conflict-like name is never touched, and nothing is said")
    func anotherProgramsFileIsNotTouched() throws {
        let sandbox = try ReliabilitySandbox()
        try Self.write(Journal(sessions: [], checkIns: [Self.checkIn(8, pain: 2, note: "here")]), to: sandbox.journal)
        let files = [
            "journal.sync-conflict-20261201-101500-ABCDEFG.json": Data(#"{"theme":"dark","entries":[]}"#.utf8),
            "journal (conflicted copy 2026-12-01 101500).json": Data("[1,2,3]\n".utf8),
            "journal (Sam's conflicted copy 2026-12-01).json": Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF]),
        ]
        var stamps: [String: JournalFingerprint] = [:]
        for (name, data) in files {
            _ = FileManager.default.createFile(atPath: sandbox.directory + "/" + name, contents: data)
            stamps[name] = JournalFingerprint.current(of: sandbox.directory + "/" + name)
        }
        let before = sandbox.bytes()
        let run = try sandbox.lumbar(["history"], now: Self.now)
        #expect(run.status == .exited(0), "\(run)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(sandbox.bytes() == before)
        for (name, data) in files {
            #expect(FileManager.default.contents(atPath: sandbox.directory + "/" + name) == data)
            #expect(JournalFingerprint.current(of: sandbox.directory + "/" + name) == stamps[name])
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.directory + "/merged-conflicts"))
    }

    @Test("Copies are found for the journal's own name (--store) and beside the target of a symlinked journal")
    func followsStoreNameAndSymlink() throws {
        let sandbox = try ReliabilitySandbox()
        let synced = sandbox.directory + "/Sync"
        try FileManager.default.createDirectory(atPath: synced, withIntermediateDirectories: true)
        try Self.write(Journal(sessions: [], checkIns: [Self.checkIn(8, pain: 2, note: "here")]), to: synced + "/back.json")
        try Self.write(
            Journal(sessions: [], checkIns: [Self.checkIn(9, pain: 3, note: "there")]),
            to: synced + "/back.sync-conflict-20261201-101500-ABCDEFG.json")
        // A copy of a journal of another name is not this journal's.
        try Self.write(
            Journal(sessions: [], checkIns: [Self.checkIn(10, pain: 3, note: "other")]),
            to: synced + "/journal.sync-conflict-20261201-101500-ABCDEFG.json")
        let link = sandbox.directory + "/journal.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: synced + "/back.json")

        let run = try sandbox.lumbar(["history"], now: Self.now, store: link)
        #expect(run.status == .exited(0), "\(run)")
        #expect(Self.lines(run.stderr).count == 1, "\(run.stderr)")
        #expect(try Self.notes(synced + "/back.json") == ["here", "there"])
        #expect(FileManager.default.fileExists(atPath: synced + "/merged-conflicts/2026-12-01/back.sync-conflict-20261201-101500-ABCDEFG.json"))
        #expect(FileManager.default.fileExists(atPath: synced + "/journal.sync-conflict-20261201-101500-ABCDEFG.json"))
        var info = stat()
        #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, "the link stays a link")
    }
    @Test(
        "git merges a journal through 'lumbar merge-driver': both branches' entries, no conflict markers; a big deletion is left to the person",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git") || Reliability.isCI, "needs git (required when CI=true)"))
    func gitMergeDriver() throws {
        let sandbox = try ReliabilitySandbox()
        let repo = sandbox.directory + "/repo"
        let lumbar = try Reliability.lumbar()
        var environment = sandbox.environment(now: Self.now)
        environment["GIT_AUTHOR_NAME"] = "t"; environment["GIT_AUTHOR_EMAIL"] = "t@example.invalid"
        environment["GIT_COMMITTER_NAME"] = "t"; environment["GIT_COMMITTER_EMAIL"] = "t@example.invalid"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        func git(_ arguments: String...) throws -> Reliability.Outcome {
            try Reliability.run(["/usr/bin/git", "-C", repo] + arguments, environment: environment, timeout: 30)
        }
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        let entries = (0..<5).map { Self.checkIn(6 + $0, pain: $0, note: "entry \($0)") }
        let base = Journal(sessions: [], checkIns: entries)
        try Self.write(base, to: repo + "/journal.json")
        try "journal.json merge=lumbar\n".write(toFile: repo + "/.gitattributes", atomically: true, encoding: .utf8)
        for step in [
            ["init", "-q", "-b", "main"], ["config", "merge.lumbar.driver", "'\(lumbar)' merge-driver %O %A %B %P"],
            ["add", "."], ["commit", "-qm", "base"], ["checkout", "-qb", "other"],
        ] {
            let run = try Reliability.run(["/usr/bin/git", "-C", repo] + step, environment: environment, timeout: 30)
            try #require(run.status == .exited(0), "git \(step): \(run)")
        }
        var theirs = base
        theirs.upsert(Self.checkIn(12, pain: 1, note: "other branch"))
        try Self.write(theirs, to: repo + "/journal.json")
        _ = try git("commit", "-qam", "other")
        _ = try git("checkout", "-q", "main")
        var mine = base
        mine.upsert(Self.checkIn(13, pain: 2, note: "main branch"))
        try Self.write(mine, to: repo + "/journal.json")
        _ = try git("commit", "-qam", "main")

        let merge = try git("merge", "-q", "--no-edit", "other")
        #expect(merge.status == .exited(0), "\(merge)")
        #expect(merge.stderr.contains("lumbar: merged journal.json: 1 added"), "\(merge)")
        let text = try String(contentsOfFile: repo + "/journal.json", encoding: .utf8)
        #expect(!text.contains("<<<<<<<"))
        #expect(try Self.notes(repo + "/journal.json") == Set(entries.map(\.note) + ["other branch", "main branch"]))

        // The other branch deletes four entries: git marks it conflicted, our side stays, the line says what to run.
        _ = try git("checkout", "-q", "other")
        var deleting = try JournalStore(path: repo + "/journal.json").load()
        for entry in entries.prefix(4) { _ = deleting.delete(id: entry.id, at: entry.at.adding(hours: 30)) }
        try Self.write(deleting, to: repo + "/journal.json")
        _ = try git("commit", "-qam", "delete four")
        _ = try git("checkout", "-q", "main")
        let before = try String(contentsOfFile: repo + "/journal.json", encoding: .utf8)
        let held = try git("merge", "-q", "--no-edit", "other")
        #expect(held.status != .exited(0))
        #expect(held.stderr.contains("would delete 4 entries") && held.stderr.contains("lumbar merge --yes theirs.json"), "\(held)")
        #expect(try String(contentsOfFile: repo + "/journal.json", encoding: .utf8) == before)
    }
    @Test(
        "The full-screen view says in its bottom bar that a copy was merged, and the line is on the terminal after it closes",
        .enabled(if: TUITmux.shouldRun))
    func theTUISaysACopyWasMerged() throws {
        let runner = BinaryRunner()
        try FileManager.default.createDirectory(atPath: runner.directory + "/data", withIntermediateDirectories: true)
        try Self.write(Journal(sessions: [], checkIns: [Self.checkIn(8, pain: 2, note: "here")]), to: runner.storePath)
        try Self.write(
            Journal(sessions: [], checkIns: [Self.checkIn(9, pain: 3, note: "there")]),
            to: runner.directory + "/data/journal.sync-conflict-20261201-101500-ABCDEFG.json")
        let tui = try TUITmux(runner: runner, extraEnvironment: ["LUMBAR_NOW": Self.now])
        try tui.waitFor("Merged 1 conflict copy from another machine")
        try tui.press("q")
        let after = try tui.waitForExit(0)
        #expect(after.contains("lumbar: merged the Syncthing conflict copy"), "\(after)")
        #expect(try Self.notes(runner.storePath) == ["here", "there"])
    }

    @Test("A journal holding git conflict markers is refused in one line that says what to run, and left as it is")
    func gitConflictMarkersAreExplained() throws {
        let sandbox = try ReliabilitySandbox()
        let marked = "<<<<<<< HEAD\n{\"schemaVersion\":2}\n=======\n{\"schemaVersion\":2,\"sessions\":[]}\n>>>>>>> other\n"
        try Data(marked.utf8).write(to: URL(fileURLWithPath: sandbox.journal))
        let run = try sandbox.lumbar(["status"], now: Self.now)
        #expect(run.status == .exited(65))
        #expect(Self.lines(run.stderr).count == 1, "\(run.stderr)")
        #expect(
            run.stderr.contains("git conflict markers") && run.stderr.contains("git checkout --ours journal.json")
                && run.stderr.contains("lumbar merge --yes theirs.json") && run.stderr.contains("merge-driver"), "\(run.stderr)")
        #expect(sandbox.bytes() == Array(marked.utf8))
    }
    @Test("Six lumbar processes starting at once merge a copy once, and only one of them says so")
    func concurrentStartsMergeOnce() throws {
        let sandbox = try ReliabilitySandbox()
        for round in 0..<3 {
            try Self.write(Journal(sessions: [], checkIns: [Self.checkIn(8, pain: 2, note: "here")]), to: sandbox.journal)
            try Self.write(
                Journal(sessions: [], checkIns: [Self.checkIn(9, pain: 3, note: "there")]),
                to: sandbox.directory + "/journal.sync-conflict-20261201-10150\(round)-ABCDEFG.json")
            let children = try (0..<6).map { _ in try sandbox.startLumbar(["status"], now: Self.now) }
            let outcomes = children.map { $0.wait(timeout: 60) }
            #expect(outcomes.allSatisfy { $0.status == .exited(0) }, "\(outcomes)")
            let said = outcomes.flatMap { Self.lines($0.stderr) }
            #expect(said.count == 1 && said.first?.contains("merged the Syncthing conflict copy") == true, "round \(round): \(said)")
            #expect(try Self.notes(sandbox.journal) == ["here", "there"])
            #expect(ConflictCopy.find(beside: sandbox.journal).isEmpty)
        }
    }
}

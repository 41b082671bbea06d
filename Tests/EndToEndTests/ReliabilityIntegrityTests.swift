import Foundation
import LumbarCore
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 11 through the binary: hostile text, planted files, output paths, failing stdout, years,
/// core dumps, and the messages about the journal itself.
@Suite("Reliability: integrity of what lumbar prints and writes")
struct ReliabilityIntegrityTests {
    static let now = "2026-03-10T12:00:00+01:00"
    /// A session kind that would clear the screen and print a calm level over the real one.
    static let hostileKind = "run\u{1B}[2J\u{1B}[H\rLevel: none\u{9B}31m\u{07}"

    /// Control characters other than tab and newline, which must never reach a terminal raw.
    static func rawControls(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            (scalar.value < 0x20 && scalar.value != 0x09 && scalar.value != 0x0A) || (0x7F...0x9F).contains(scalar.value)
        }
    }

    /// A journal whose session kind and note carry escape sequences, with a check-in after it.
    static func hostileJournal() throws -> (Journal, Session) {
        let at = try Timestamp.parse("2026-03-09T18:00:00+01:00", localTimeZone: .gmt).get()
        let session = Session(at: at, kind: hostileKind, minutes: 40, rpe: 8, note: "\u{1B}]0;pwned\u{07}", updatedAt: at)
        let later = try Timestamp.parse("2026-03-10T08:00:00+01:00", localTimeZone: .gmt).get()
        let checkIn = CheckIn(date: later.localDate, at: later, pain: 6, note: "\u{1B}[8mhidden", updatedAt: later)
        return (Journal(sessions: [session], checkIns: [checkIn]), session)
    }

    @Test("Escape sequences in a session kind and notes never reach the terminal: status, history, show confirmations, edit and delete")
    func hostileTextIsNeutralised() throws {
        let sandbox = try ReliabilitySandbox()
        let (journal, session) = try Self.hostileJournal()
        try sandbox.save(journal)
        let id = String(session.id.uuidString.lowercased().prefix(8))
        for arguments in [["status"], ["history"], ["edit", id, "--minutes", "41"], ["delete", id]] {
            let outcome = try sandbox.lumbar(arguments, now: Self.now)
            #expect(outcome.status == .exited(0), "\(arguments): \(outcome)")
            #expect(Self.rawControls(outcome.stdout).isEmpty, "\(arguments) printed raw control characters: \(outcome.stdout.debugDescription)")
            #expect(Self.rawControls(outcome.stderr).isEmpty, "\(arguments): \(outcome.stderr.debugDescription)")
            if arguments == ["delete", id] {
                #expect(
                    outcome.stdout.contains("run^[[2J^[[H^MLevel: none\\u{9B}31m^G"),
                    "the kind should be shown with its escapes made visible: \(outcome.stdout)")
            }
            // The fake level never starts a line of its own.
            #expect(!outcome.stdout.split(separator: "\n").dropFirst().contains { $0.hasPrefix("Level: none") })
        }
        // --json carries the raw text, JSON-escaped: no raw control character, and it decodes back.
        let json = try sandbox.lumbar(["history", "--json"], now: Self.now)
        #expect(Self.rawControls(json.stdout).isEmpty)
        #expect(json.stdout.contains("\\u001b") || json.stdout.contains("\\u001B"), "\(json.stdout.prefix(400))")
    }

    @Test("An import error quoting a hostile cell shows it escaped, on one line")
    func hostileImportErrors() throws {
        let sandbox = try ReliabilitySandbox()
        try sandbox.save(
            Journal(
                sessions: [],
                checkIns: [
                    CheckIn(
                        date: LocalDate(year: 2026, month: 3, day: 1)!,
                        at: try Timestamp.parse("2026-03-01T08:00:00+01:00", localTimeZone: .gmt).get(), pain: 2,
                        updatedAt: try Timestamp.parse("2026-03-01T08:00:00+01:00", localTimeZone: .gmt).get())
                ]))
        let export = try sandbox.lumbar(["export", "--format", "csv"], now: Self.now)
        let header = try #require(export.stdout.split(separator: "\n").first.map(String.init))
        let columns = header.split(separator: ",").map(String.init)
        let cells = columns.map { column -> String in
            switch column {
            case "date": return "2026-03-02"
            case "pain": return "\u{1B}[2J\u{1B}[HLevel: none"
            default: return ""
            }
        }
        let file = sandbox.directory + "/hostile.csv"
        try sandbox.write(Array((header + "\n" + cells.joined(separator: ",") + "\n").utf8), to: file)
        let outcome = try sandbox.lumbar(["import", file], now: Self.now)
        #expect(outcome.status == .exited(65), "\(outcome)")
        #expect(Self.rawControls(outcome.stderr).isEmpty, "an import error carried raw control characters: \(outcome.stderr.debugDescription)")
    }

    @Test("A lock file planted as a link makes every writer refuse with one line; the target keeps its bytes and mode")
    func plantedLockLink() throws {
        let sandbox = try ReliabilitySandbox()
        let victim = sandbox.directory + "/victim-bashrc"
        try Data("alias ls='ls -F'\n".utf8).write(to: URL(fileURLWithPath: victim))
        chmod(victim, 0o644)
        #expect(symlink(victim, sandbox.journal + ".lock") == 0)
        let outcome = try sandbox.lumbar(["checkin", "--pain", "3"], now: Self.now)
        #expect(outcome.status == .exited(74), "\(outcome)")
        #expect(outcome.stderr.split(separator: "\n").count == 1 && outcome.stderr.contains("symbolic link"), "\(outcome.stderr)")
        #expect(sandbox.bytes(victim) == Array("alias ls='ls -F'\n".utf8))
        #expect(sandbox.mode("victim-bashrc") == 0o644)
        #expect(sandbox.bytes().isEmpty)
        // A dangling one: nothing is created where it points.
        unlink(sandbox.journal + ".lock")
        #expect(symlink(sandbox.directory + "/chosen-by-attacker", sandbox.journal + ".lock") == 0)
        let dangling = try sandbox.lumbar(["checkin", "--pain", "3"], now: Self.now)
        #expect(dangling.status == .exited(74), "\(dangling)")
        #expect(access(sandbox.directory + "/chosen-by-attacker", F_OK) != 0)
    }

    @Test("A journal kept as a link into a sync folder stays a link, and the synced file gets every check-in")
    func linkedJournal() throws {
        let sandbox = try ReliabilitySandbox()
        let sync = sandbox.directory + "/Sync"
        #expect(mkdir(sync, 0o700) == 0)
        #expect(symlink("Sync/journal.json", sandbox.journal) == 0)
        for pain in [2, 3] {
            let outcome = try sandbox.lumbar(["checkin", "--pain", String(pain)], now: Self.now)
            #expect(outcome.status == .exited(0), "\(outcome)")
        }
        var info = stat()
        #expect(lstat(sandbox.journal, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, "the link was replaced by a plain file")
        #expect(try JournalStore(path: sync + "/journal.json").load().checkIns.count == 2)
        #expect(access(sync + "/journal.json.1", F_OK) == 0, "the backup belongs beside the synced file")
    }

    @Test(
        "The first save into new directories fsyncs each new directory's parent",
        .enabled(if: Reliability.straceWorks || Reliability.isCI))
    func newDirectoriesAreSynced() throws {
        let sandbox = try ReliabilitySandbox()
        let trace = sandbox.directory + "/trace"
        let store = sandbox.directory + "/new/deeper/journal.json"
        let strace = try #require(Reliability.straceBinary, "strace is needed (CI installs it)")
        let outcome = try Reliability.run(
            [
                strace, "-f", "-qq", "-o", trace, "-e", "trace=mkdir,mkdirat,openat,open,fsync",
                "--", try Reliability.lumbar(), "checkin", "--pain", "2", "--store", store,
            ],
            environment: sandbox.environment(now: Self.now))
        #expect(outcome.status == .exited(0), "\(outcome)")
        let lines = sandbox.bytes(trace).split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        for (directory, parent) in [(sandbox.directory + "/new", sandbox.directory), (sandbox.directory + "/new/deeper", sandbox.directory + "/new")]
        {
            let made = lines.firstIndex { $0.contains("mkdir") && $0.contains("\"\(directory)\"") }
            #expect(made != nil, "no mkdir of \(directory)")
            guard let made else { continue }
            // openat(…, "PARENT", O_RDONLY|O_DIRECTORY…) = N, then fsync(N) = 0.
            let opened = lines[made...].first { $0.contains("\"\(parent)\"") && $0.contains("O_DIRECTORY") }
            let fd = opened.flatMap { $0.split(separator: "=").last?.trimmingCharacters(in: .whitespaces) }
            #expect(
                fd != nil && lines[made...].contains { $0.contains("fsync(\(fd ?? "?"))") && $0.hasSuffix("= 0") },
                "\(parent) was not synced after creating \(directory):\n\(lines.joined(separator: "\n"))")
        }
    }

    @Test(
        "report --output and export --output refuse the journal, a backup, the lock, a device, a FIFO and a directory, in one line, changing nothing")
    func outputPathsAreChecked() throws {
        let sandbox = try ReliabilitySandbox()
        for pain in [2, 3] { _ = try sandbox.lumbar(["checkin", "--pain", String(pain)], now: Self.now) }
        let fifo = sandbox.directory + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let before = sandbox.snapshot()
        let targets = [sandbox.journal, sandbox.journal + ".1", sandbox.journal + ".lock", "/dev/null", fifo, sandbox.directory]
        for target in targets {
            for command in [["report"], ["export"], ["export", "--format", "csv"]] {
                let outcome = try sandbox.lumbar(command + ["--output", target], now: Self.now, timeout: 10)
                #expect(outcome.status == .exited(64), "\(command) --output \(target): \(outcome)")
                #expect(outcome.stderr.split(separator: "\n").count == 1 && outcome.stderr.contains("refusing"), "\(outcome.stderr)")
            }
        }
        #expect(sandbox.snapshot().filter { $0.key != "pipe" } == before.filter { $0.key != "pipe" }, "a store file changed")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/null is no longer a device")
        // An ordinary output file is private.
        let ok = try sandbox.lumbar(["report", "--output", sandbox.directory + "/report.md"], now: Self.now)
        #expect(ok.status == .exited(0), "\(ok)")
        #expect(sandbox.mode("report.md") == 0o600)
    }

    /// Runs `lumbar ARGUMENTS` through `sh -c` (in the sandbox directory, stdout redirected as `redirect` says).
    static func shell(_ sandbox: ReliabilitySandbox, _ arguments: [String], redirect: String) throws -> Reliability.Outcome {
        let quoted = ([try Reliability.lumbar()] + arguments + ["--store", sandbox.journal]).map { "'" + $0 + "'" }.joined(separator: " ")
        return try Reliability.run(
            ["/bin/sh", "-c", "cd '\(sandbox.directory)' && exec \(quoted) \(redirect)"],
            environment: sandbox.environment(now: Self.now), timeout: 30)
    }

    @Test("export --output with a one-character name works instead of trapping")
    func oneCharacterOutput() throws {
        let sandbox = try ReliabilitySandbox()
        _ = try sandbox.lumbar(["checkin", "--pain", "2"], now: Self.now)
        let outcome = try Self.shell(sandbox, ["export", "--output", "x"], redirect: "")
        #expect(outcome.status == .exited(0), "\(outcome)")
        #expect(sandbox.mode("x") == 0o600)
    }

    @Test(
        "A full standard output exits 74 with one line from every command that prints, and never traps",
        arguments: [
            ["status"], ["status", "--json"], ["history"], ["history", "--json"], ["guide"], ["export"],
            ["export", "--format", "csv"], ["report"], ["report", "--format", "html"], ["profile"], ["recover"],
        ])
    func fullStandardOutput(arguments: [String]) throws {
        let sandbox = try ReliabilitySandbox()
        try sandbox.save(ReliabilityJournals.history(years: 1, endingBefore: LocalDate(year: 2026, month: 3, day: 10)!))
        let outcome = try Self.shell(sandbox, arguments, redirect: "> /dev/full")
        #expect(outcome.status == .exited(74), "\(arguments): \(outcome)")
        #expect(outcome.stderr.split(separator: "\n").count == 1 && outcome.stderr.contains("standard output"), "\(arguments): \(outcome.stderr)")
    }

    @Test("A FIFO in place of the journal or a backup does not hang any command")
    func fifosDoNotHang() throws {
        let sandbox = try ReliabilitySandbox()
        #expect(mkfifo(sandbox.journal, 0o600) == 0)
        for arguments in [["status"], ["history"], ["checkin", "--pain", "2"], ["recover"]] {
            let outcome = try sandbox.lumbar(arguments, now: Self.now, timeout: 10)
            #expect(outcome.status != .timedOut && outcome.status != .exited(0) || arguments == ["recover"], "\(arguments): \(outcome)")
            #expect(outcome.status != .timedOut, "\(arguments) hung on a FIFO journal")
        }
        unlink(sandbox.journal)
        _ = try sandbox.lumbar(["checkin", "--pain", "2"], now: Self.now)
        #expect(mkfifo(sandbox.journal + ".1", 0o600) == 0)
        for arguments in [["recover"], ["checkin", "--pain", "3"]] {
            let outcome = try sandbox.lumbar(arguments, now: Self.now, timeout: 10)
            #expect(outcome.status != .timedOut, "\(arguments) hung on a FIFO backup")
        }
    }

    @Test("Times that would be year 0 or 10000 in some zone are refused at input, so no unreadable journal is written")
    func yearsOneToNineThousandNineHundredNinetyNine() throws {
        let sandbox = try ReliabilitySandbox()
        for (zone, at) in [
            ("Pacific/Kiritimati", "9999-12-31T20:00:00Z"), ("Pacific/Pago_Pago", "0001-01-01T03:00:00Z"), ("UTC", "9999-12-31T23:00:00Z"),
        ] {
            let outcome = try sandbox.lumbar(["checkin", "--pain", "2", "--at", at], timeZone: zone, now: Self.now)
            #expect(outcome.status == .exited(64), "\(zone) \(at): \(outcome)")
            #expect(outcome.stderr.contains("outside the years"), "\(outcome.stderr)")
        }
        #expect(sandbox.bytes().isEmpty)
        let fine = try sandbox.lumbar(["checkin", "--pain", "2", "--at", "0001-01-03T12:00:00Z"], timeZone: "Pacific/Kiritimati", now: Self.now)
        #expect(fine.status == .exited(0), "\(fine)")
        #expect(try sandbox.lumbar(["history"], timeZone: "Pacific/Kiritimati").status == .exited(0))
    }

    @Test(
        "Core dumps are off from the start (RLIMIT_CORE 0, not dumpable)",
        .enabled(if: Reliability.straceWorks || Reliability.isCI))
    func coreDumpsAreOff() throws {
        let sandbox = try ReliabilitySandbox()
        let trace = sandbox.directory + "/trace"
        let outcome = try sandbox.straced(["-e", "trace=prctl,prlimit64,setrlimit"], ["status"], traceFile: trace, now: Self.now)
        #expect(outcome.status == .exited(0), "\(outcome)")
        let text = String(decoding: sandbox.bytes(trace), as: UTF8.self)
        #expect(text.contains("PR_SET_DUMPABLE, 0") || text.contains("PR_SET_DUMPABLE, SUID_DUMP_DISABLE"), "\(text)")
        #expect(text.contains("RLIMIT_CORE, {rlim_cur=0, rlim_max=0}"), "\(text)")
    }

    @Test("A journal from a newer lumbar is shown with one warning to upgrade, and never written")
    func newerJournalIsAnnounced() throws {
        let sandbox = try ReliabilitySandbox()
        var journal = Journal(sessions: [], checkIns: [])
        journal.schemaVersion = Journal.currentSchemaVersion + 1
        try sandbox.save(journal)
        let before = sandbox.bytes()
        let status = try sandbox.lumbar(["status"], now: Self.now)
        #expect(status.status == .exited(0), "\(status)")
        let warnings = status.stderr.split(separator: "\n").filter { $0.contains("newer lumbar") }
        #expect(warnings.count == 1 && warnings[0].contains("Upgrade"), "\(status.stderr)")
        let write = try sandbox.lumbar(["checkin", "--pain", "2"], now: Self.now)
        #expect(write.status == .exited(65), "\(write)")
        #expect(sandbox.bytes() == before)
    }

    @Test("A journal others can read, or in a world-writable directory, is warned about once on stderr")
    func exposedJournalIsWarnedAbout() throws {
        let sandbox = try ReliabilitySandbox()
        _ = try sandbox.lumbar(["checkin", "--pain", "2"], now: Self.now)
        #expect(chmod(sandbox.journal, 0o644) == 0)
        let outcome = try sandbox.lumbar(["status"], now: Self.now)
        #expect(outcome.status == .exited(0))
        #expect(outcome.stderr.split(separator: "\n").filter { $0.contains("chmod 600") }.count == 1, "\(outcome.stderr)")
        #expect(chmod(sandbox.journal, 0o600) == 0)
        let quiet = try sandbox.lumbar(["status"], now: Self.now)
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
    }

    @Test(
        "A writer waiting on a lock whose holder keeps rewriting it gives up as busy, naming the journal",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock") || ProcessInfo.processInfo.environment["CI"] == "true"))
    func forgedLockCounter() throws {
        let sandbox = try ReliabilitySandbox()
        _ = try sandbox.lumbar(["checkin", "--pain", "2"], now: Self.now)
        let lock = sandbox.journal + ".lock"
        let holder = try Reliability.start(
            [
                "/bin/sh", "-c",
                "exec 9<>'\(lock)'; flock -x 9; i=0; while :; do printf '%08d' $i | dd of='\(lock)' conv=notrunc status=none; i=$((i+1)); sleep 0.01; done",
            ],
            environment: sandbox.environment())
        defer { kill(-holder.pid, SIGKILL); holder.send(SIGKILL); _ = holder.wait(timeout: 5) }
        usleep(300_000)
        let started = Date()
        let outcome = try sandbox.lumbar(["checkin", "--pain", "3"], now: Self.now, timeout: 30)
        #expect(outcome.status == .exited(75), "\(outcome)")
        #expect(Date().timeIntervalSince(started) < 9, "waited \(Date().timeIntervalSince(started)) s")
        #expect(outcome.stderr.contains("the journal \(sandbox.journal) is busy"), "\(outcome.stderr)")
    }

    @Test(
        "TERM=dumb, an unknown TERM and no TERM at a real terminal: one clear line and exit 69, not an unusable screen or exit 1",
        .enabled(if: TUITmux.shouldRun), arguments: ["dumb", "no-such-terminal-xyz", ""])
    func dumbAndUnknownTerminals(term: String) throws {
        let sandbox = try ReliabilitySandbox()
        var environment = sandbox.environment(now: Self.now)
        if term.isEmpty { environment.removeValue(forKey: "TERM") } else { environment["TERM"] = term }
        let tui = try TUITmux(width: 80, height: 24, environment: environment, storePath: sandbox.journal, keepTerm: true)
        let screen = try tui.waitFor("LUMBAR-EXIT=69")
        // The pane wraps the line at 80 columns.
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains("set TERM"), "\(screen)")
        #expect(!screen.contains("Check-in for today"))
        #expect(sandbox.bytes().isEmpty)
    }

    @Test("An import file over the size limit is named as itself, not as the journal")
    func oversizeImportNamesTheFile() throws {
        let sandbox = try ReliabilitySandbox()
        _ = try sandbox.lumbar(["checkin", "--pain", "2"], now: Self.now)
        let file = sandbox.directory + "/huge.json"
        #expect(FileManager.default.createFile(atPath: file, contents: nil))
        #expect(truncate(file, 70 * 1_048_576) == 0)  // sparse: no disk used
        let outcome = try sandbox.lumbar(["import", file], now: Self.now)
        #expect(outcome.status == .exited(65), "\(outcome)")
        #expect(outcome.stderr.contains(file) && outcome.stderr.contains("70 MiB"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("the journal") && !outcome.stderr.contains("recover"), "\(outcome.stderr)")
    }
}

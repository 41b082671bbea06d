import Foundation
import LumbarCore
import Testing
import LumbarTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Promise 1: a crash at any moment loses no check-in that was confirmed, and leaves nothing readable behind.
@Suite("Reliability: crash at any moment", .serialized)
struct ReliabilityCrashTests {
    @Test("SIGKILL at random moments, hundreds of times, never loses a check-in whose command exited 0")
    func randomKills() throws {
        let sandbox = try ReliabilitySandbox()
        try sandbox.save(ReliabilityJournals.history(years: 3))
        let verifier = ReliabilityVerifier(sandbox, baseline: try sandbox.load().checkIns.count)
        let kills = Reliability.count("LUMBAR_CRASH_KILLS", quick: 200, thorough: 2_000)
        var confirmed = Set<String>()

        // How long one check-in takes here (the median of five, as the first run reads a cold
        // cache), so the kills spread over the whole run, save included.
        var durations: [Double] = []
        for run in 0..<5 {
            let note = "rel-calibrate-\(run)"
            let start = Date()
            let outcome = try sandbox.lumbar(["checkin", "--pain", "2", "--note", note])
            durations.append(Date().timeIntervalSince(start))
            try #require(outcome.status == .exited(0), "a plain check-in failed: \(outcome)")
            confirmed.insert(note)
        }
        let typical = durations.sorted()[2]
        let window = min(typical * 1.3, 2.0)
        // Half the kills land anywhere in the run; the other half home in on the moment the
        // journal is replaced (a few milliseconds near the end), moving their aim after each hit.
        var aim = window * 0.8
        var random = SeededGenerator(seed: UInt64(Reliability.count("LUMBAR_CRASH_SEED", quick: 7, thorough: 7)))
        var tally = (killed: 0, beforeSave: 0, midSave: 0, afterRename: 0, finished: 0)
        for attempt in 0..<kills {
            let note = "rel-kill-\(attempt)"
            let aimed = attempt % 2 == 1
            let delay = aimed ? aim * Double.random(in: 0.95...1.05, using: &random) : Double.random(in: 0...window, using: &random)
            let child = try sandbox.startLumbar(["checkin", "--pain", "\(attempt % 11)", "--note", note])
            usleep(UInt32(delay * 1_000_000))
            child.send(SIGKILL)
            let outcome = child.wait(timeout: 30)
            let midSave = !sandbox.tempFiles().isEmpty
            let journal = verifier.check(confirmed: confirmed, context: "kill \(attempt) after \(Int(delay * 1000)) ms (\(outcome.status))")
            let saved = journal?.checkIns.contains { $0.note == note } == true
            switch outcome.status {
            case .exited(0):
                confirmed.insert(note)
                tally.finished += 1
                if aimed { aim *= 0.95 }
            case .signaled(SIGKILL):
                tally.killed += 1
                if midSave { tally.midSave += 1 } else if saved { tally.afterRename += 1 } else { tally.beforeSave += 1 }
                if aimed && saved { aim *= 0.98 } else if aimed && !midSave { aim = min(aim * 1.02, window) }
            default:
                Issue.record("check-in \(attempt) ended unexpectedly: \(outcome)")
            }
            if attempt % 40 == 39 {
                // The next run after crashes must work and sweep the crashed runs' temp files.
                let cleanNote = "rel-after-\(attempt)"
                let clean = try sandbox.lumbar(["checkin", "--pain", "1", "--note", cleanNote])
                #expect(clean.status == .exited(0), "the run after crashes failed: \(clean)")
                confirmed.insert(cleanNote)
                #expect(sandbox.tempFiles().isEmpty, "stale temp files survived the next run: \(sandbox.tempFiles())")
            }
        }
        _ = verifier.check(confirmed: confirmed, context: "the last kill")
        print(
            "crash harness: \(kills) runs of a \(Int(typical * 1000)) ms check-in; \(tally.killed) killed: \(tally.beforeSave) before the save, "
                + "\(tally.midSave) with the temp file on disk, \(tally.afterRename) after the rename; \(tally.finished) finished first")
        #expect(tally.killed >= kills / 4, "too few runs were actually killed (\(tally.killed) of \(kills)) for the test to mean anything")
    }

    /// The syscalls through which a save changes the disk, each a moment a crash can hit.
    static let mutatingCalls = [
        "openat", "write", "fsync", "fdatasync", "close", "rename", "renameat", "renameat2",
        "link", "linkat", "unlink", "unlinkat", "fchmod", "chmod", "mkdir", "flock", "getdents64", "read",
    ]

    @Test(
        "Killed at each write, fsync, rename, link and unlink of a save in turn, the journal survives whole",
        .enabled(if: Reliability.straceWorks || Reliability.isCI, "needs strace with ptrace permission (required when CI=true)"))
    func killAtEachSystemCall() throws {
        let sandbox = try ReliabilitySandbox()
        try sandbox.save(ReliabilityJournals.history(years: 1))
        _ = try sandbox.lumbar(["checkin", "--pain", "2", "--note", "rel-seed"])
        let pristine = sandbox.snapshot()
        let verifier = ReliabilityVerifier(sandbox, baseline: try sandbox.load().checkIns.count - 1)
        let points = try ReliabilityTrace.storeCalls(
            sandbox, calls: Self.mutatingCalls, arguments: ["checkin", "--pain", "4", "--note", "rel-probe"])
        try sandbox.reset(to: pristine)
        #expect(
            points.contains { $0.name == "fsync" } && points.contains { $0.name == "rename" } && points.contains { $0.name == "write" },
            "the trace did not see the save's system calls: \(points)")
        var performed = 0
        for point in points {
            try sandbox.reset(to: pristine)
            let note = "rel-at-\(point.name)-\(point.ordinal)"
            let outcome = try sandbox.straced(
                ["-e", "trace=\(point.name)", "-e", "inject=\(point.name):signal=KILL:when=\(point.ordinal)"],
                ["checkin", "--pain", "4", "--note", note])
            var confirmed: Set<String> = ["rel-seed"]
            switch outcome.status {
            case .signaled(SIGKILL): performed += 1
            case .exited(0): confirmed.insert(note)
            default: Issue.record("kill at \(point) ended unexpectedly: \(outcome)")
            }
            verifier.check(confirmed: confirmed, context: "a kill at \(point)")
            // The very next run must succeed and sweep what the killed one left.
            let next = try sandbox.lumbar(["checkin", "--pain", "1", "--note", "rel-next"])
            #expect(next.status == .exited(0), "the run after a kill at \(point) failed: \(next)")
            #expect(sandbox.tempFiles().isEmpty, "after a kill at \(point), the next run left \(sandbox.tempFiles())")
        }
        print("strace kills: \(performed) of \(points.count) store system calls (\(Set(points.map(\.name)).sorted().joined(separator: ", ")))")
        #expect(performed >= points.count - 2, "most injected kills did not fire: \(performed) of \(points.count)")
    }

    @Test("A temp file left by a crash is private, and the next check-in removes it")
    func staleTempFilesAreSwept() throws {
        let sandbox = try ReliabilitySandbox()
        #expect(try sandbox.lumbar(["checkin", "--pain", "3", "--note", "rel-first"]).status == .exited(0))
        // A crashed run from long ago, and one whose owner is gone.
        let stale = ["journal.json.tmp-1-1", "journal.json.tmp-99999-424242"]
        for name in stale { try sandbox.write(Array("{\"half\":".utf8), to: sandbox.directory + "/" + name) }
        #expect(Set(sandbox.tempFiles()) == Set(stale))
        // Not the store's: an export being written beside the journal under a similar name.
        let foreign = "journal.json.bak.tmp-77-77"
        try sandbox.write(Array("export".utf8), to: sandbox.directory + "/" + foreign)
        let outcome = try sandbox.lumbar(["checkin", "--pain", "4", "--note", "rel-second"])
        #expect(outcome.status == .exited(0), "\(outcome)")
        #expect(sandbox.tempFiles() == [foreign], "stale temp files were not removed, or another program's was: \(sandbox.tempFiles())")
        #expect(try sandbox.load().checkIns.map(\.note) == ["rel-first", "rel-second"])
    }

    @Test(
        "On a file system without hard links, a crash while copying the backup leaves nothing the next run does not sweep",
        .enabled(if: Reliability.straceWorks || Reliability.isCI, "needs strace with ptrace permission (required when CI=true)"))
    func backupCopyCrash() throws {
        let sandbox = try ReliabilitySandbox()
        #expect(try sandbox.lumbar(["checkin", "--pain", "3", "--note", "rel-first"]).status == .exited(0))
        // link() refused as on FAT or some network shares: the backup is copied through a temp file of its own.
        let killed = try sandbox.straced(
            ["-e", "trace=link,fsync", "-e", "inject=link:error=EPERM", "-e", "inject=fsync:signal=KILL:when=2"],
            ["checkin", "--pain", "4", "--note", "rel-second"])
        #expect(killed.status == .signaled(SIGKILL), "\(killed)")
        #expect(!sandbox.tempFiles().isEmpty, "the kill should have hit the backup copy: \(sandbox.names())")
        _ = ReliabilityVerifier(sandbox, baseline: 0).check(confirmed: ["rel-first"], context: "a kill while copying the backup")
        let next = try sandbox.lumbar(["checkin", "--pain", "1", "--note", "rel-third"])
        #expect(next.status == .exited(0), "\(next)")
        #expect(sandbox.tempFiles().isEmpty, "the next run left \(sandbox.tempFiles())")
    }

    @Test(
        "Even with umask 000, the journal, its backups, its lock and its temp files are 0600 and a new directory 0700",
        .enabled(if: Reliability.straceWorks || Reliability.isCI, "needs strace with ptrace permission (required when CI=true)"))
    func filesStayPrivateWhateverTheUmask() throws {
        let sandbox = try ReliabilitySandbox()
        let store = sandbox.directory + "/fresh/dir/journal.json"
        let lumbar = try Reliability.lumbar()
        let strace = try #require(Reliability.straceBinary)
        func run(_ note: String, inject: [String]) throws -> Reliability.Outcome {
            try Reliability.run(
                ["/bin/sh", "-c", "umask 000; exec \"$@\"", "sh", strace, "-f", "-qq", "-o", "/dev/null"] + inject
                    + ["--", lumbar, "checkin", "--pain", "2", "--note", note, "--store", store],
                environment: sandbox.environment())
        }
        #expect(try run("rel-one", inject: []).status == .exited(0))
        // Killed right after writing the temp file's contents: the file is on disk, unfinished.
        let killed = try run("rel-two", inject: ["-e", "trace=fsync", "-e", "inject=fsync:signal=KILL:when=1"])
        #expect(killed.status == .signaled(SIGKILL), "\(killed)")
        let directory = sandbox.directory + "/fresh/dir"
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(names.contains { $0.contains(".tmp-") }, "the kill should have left a temp file: \(names)")
        for name in names {
            var info = stat()
            #expect(stat(directory + "/" + name, &info) == 0)
            #expect(info.st_mode & 0o077 == 0, "\(name) is mode \(String(info.st_mode & 0o777, radix: 8)) under umask 000")
        }
        for made in [sandbox.directory + "/fresh", directory] {
            var info = stat()
            #expect(stat(made, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o700, "\(made) is mode \(String(info.st_mode & 0o777, radix: 8))")
        }
    }

    @Test(
        "A check-in is reported only after its data and the rename are on disk (fsync file, rename, fsync directory, then the message)",
        .enabled(if: Reliability.straceWorks || Reliability.isCI, "needs strace with ptrace permission (required when CI=true)"))
    func durableBeforeConfirmed() throws {
        let sandbox = try ReliabilitySandbox()
        try sandbox.save(ReliabilityJournals.history(years: 1))
        let trace = sandbox.directory + ".trace"
        defer { unlink(trace) }
        let outcome = try sandbox.straced(
            ["-y", "-e", "trace=openat,write,fsync,fdatasync,rename,renameat,renameat2,exit_group"],
            ["checkin", "--pain", "5", "--note", "rel-durable"], traceFile: trace)
        #expect(outcome.status == .exited(0), "\(outcome)")
        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").map(String.init)
        let journal = sandbox.journal
        func index(_ description: String, _ predicate: (String) -> Bool) -> Int? {
            let found = lines.firstIndex(where: predicate)
            #expect(found != nil, "no \(description) in the trace:\n\(lines.suffix(20).joined(separator: "\n"))")
            return found
        }
        let tempSync = index("fsync of the temp file") { $0.contains("fsync(") && $0.contains(journal + ".tmp-") }
        let replace = index("rename over the journal") { $0.contains("rename") && $0.contains("\"" + journal + "\")") && $0.contains(".tmp-") }
        let directorySync = index("fsync of the directory") { $0.contains("fsync(") && $0.contains("<" + sandbox.directory + ">)") }
        let message = index("the confirmation") { $0.contains("write(1") && $0.contains("Logged check-in") }
        if let tempSync, let replace, let directorySync, let message {
            #expect(tempSync < replace, "the temp file must be synced before it replaces the journal")
            #expect(replace < directorySync, "the directory must be synced after the rename")
            #expect(directorySync < message, "the check-in must not be confirmed before the directory is synced")
        }
    }
}

/// Checks what must hold after every kill: the journal opens, every confirmed check-in is in it
/// once and none is lost, every backup opens, and every file left behind is private.
///
/// Decoded files are remembered by inode, size and mtime, so a backup shifted by a rename is not decoded again.
final class ReliabilityVerifier {
    let sandbox: ReliabilitySandbox
    let baseline: Int
    private var decoded: [JournalFingerprint: Journal] = [:]

    init(_ sandbox: ReliabilitySandbox, baseline: Int) {
        self.sandbox = sandbox
        self.baseline = baseline
    }

    private func open(_ path: String) throws -> Journal {
        if let fingerprint = JournalFingerprint.current(of: path), let known = decoded[fingerprint] { return known }
        let journal = try JournalStore(path: path).load()
        if let fingerprint = JournalFingerprint.current(of: path) { decoded[fingerprint] = journal }
        return journal
    }

    /// Checks the sandbox; returns the journal when it opens.
    @discardableResult
    func check(confirmed: Set<String>, context: String, sourceLocation: SourceLocation = #_sourceLocation) -> Journal? {
        for temp in sandbox.tempFiles() {
            let mode = sandbox.mode(temp) ?? 0
            #expect(
                mode & 0o077 == 0, "after \(context), temp file \(temp) is readable by others (mode \(String(mode, radix: 8)))",
                sourceLocation: sourceLocation)
        }
        for name in sandbox.names() where name.range(of: #"^journal\.json\.[0-9]+$"#, options: .regularExpression) != nil {
            #expect((sandbox.mode(name) ?? 0) & 0o077 == 0, "after \(context), backup \(name) is readable by others", sourceLocation: sourceLocation)
            do {
                _ = try open(sandbox.directory + "/" + name)
            } catch {
                Issue.record("after \(context), backup \(name) does not open: \(error)", sourceLocation: sourceLocation)
            }
        }
        #expect(
            (sandbox.mode("journal.json") ?? 0) & 0o077 == 0, "after \(context), the journal is readable by others", sourceLocation: sourceLocation)
        let journal: Journal
        do {
            journal = try open(sandbox.journal)
        } catch {
            Issue.record("the journal does not open after \(context): \(error)", sourceLocation: sourceLocation)
            return nil
        }
        let notes = journal.checkIns.map(\.note)
        let present = Set(notes)
        let missing = confirmed.filter { !present.contains($0) }
        #expect(
            missing.isEmpty, "after \(context), check-ins whose command exited 0 are missing: \(missing.sorted())", sourceLocation: sourceLocation)
        let logged = notes.filter { $0.hasPrefix("rel-") }
        #expect(Set(logged).count == logged.count, "after \(context), a check-in appears twice", sourceLocation: sourceLocation)
        #expect(journal.checkIns.count == baseline + logged.count, "after \(context), the history lost entries", sourceLocation: sourceLocation)
        return journal
    }
}

/// Reads strace output to find the system calls that touch the store.
enum ReliabilityTrace {
    /// One system call of a run: its name and its ordinal among calls of that name (strace's `when=`).
    struct Point: CustomStringConvertible, Hashable {
        var name: String
        var ordinal: Int
        var line: String
        var description: String { "\(name) #\(ordinal): \(line.prefix(160))" }
    }

    /// Traces one run of `arguments` and returns the calls among `calls` that name a file in the sandbox.
    static func storeCalls(_ sandbox: ReliabilitySandbox, calls: [String], arguments: [String]) throws -> [Point] {
        let trace = sandbox.directory + ".trace"
        defer { unlink(trace) }
        let outcome = try sandbox.straced(["-y", "-e", "trace=" + calls.joined(separator: ",")], arguments, traceFile: trace)
        try #require(outcome.status == .exited(0), "the traced run failed: \(outcome)")
        let text = try String(contentsOfFile: trace, encoding: .utf8)
        var counts: [String: Int] = [:]
        var points: [Point] = []
        for raw in text.split(separator: "\n") {
            // "PID name(args) = result"; unfinished/resumed halves do not occur with one thread.
            var line = String(raw)
            // strace pads the PID to five columns, so a small PID is followed by several spaces.
            if let space = line.firstIndex(of: " "), line[..<space].allSatisfy(\.isNumber) {
                line = String(line[space...].drop { $0 == " " })
            }
            guard let paren = line.firstIndex(of: "(") else { continue }
            let name = String(line[..<paren])
            guard calls.contains(name) else { continue }
            counts[name, default: 0] += 1
            let arguments = line.replacingOccurrences(of: #"AT_FDCWD<[^>]*>"#, with: "AT_FDCWD", options: .regularExpression)
            if arguments.contains(sandbox.directory + "/") || arguments.contains("<" + sandbox.directory + ">") {
                points.append(Point(name: name, ordinal: counts[name] ?? 0, line: line))
            }
        }
        return points
    }
}

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

/// Promise 2: a save that hits a full disk or an I/O error says so, exits non-zero and leaves the journal as it was.
@Suite("Reliability: disk full and I/O errors", .serialized)
struct ReliabilityDiskTests {
    /// The errors a real disk gives for each system call of a save.
    static let faults: [String: [String]] = [
        "openat": ["EACCES", "ENOSPC"], "read": ["EIO"], "write": ["ENOSPC", "EIO"], "fsync": ["EIO", "ENOSPC"],
        "fdatasync": ["EIO"], "close": ["EIO"], "rename": ["EIO", "ENOSPC"], "link": ["EPERM", "EIO"],
        "unlink": ["EIO"], "fchmod": ["EPERM"], "chmod": ["EPERM"], "flock": ["ENOLCK"], "getdents64": ["EIO"],
    ]

    /// Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN, as in the CI container).
    static let canMountTmpfs: Bool = {
        guard getuid() == 0, let sandbox = try? ReliabilitySandbox() else { return false }
        let point = sandbox.directory + "/probe"
        mkdir(point, 0o700)
        guard
            (try? Reliability.run(
                ["/bin/mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", point],
                environment: Reliability.environment(home: sandbox.directory, timeZone: "UTC")))?.status == .exited(0)
        else { return false }
        _ = try? Reliability.run(["/bin/umount", point], environment: Reliability.environment(home: sandbox.directory, timeZone: "UTC"))
        return true
    }()

    @Test(
        "Every I/O error a save can hit, at every store system call: a clear error, exit 74 and the journal byte-identical",
        .enabled(if: Reliability.straceWorks || Reliability.isCI, "needs strace with ptrace permission (required when CI=true)"))
    func injectedErrors() throws {
        let sandbox = try ReliabilitySandbox()
        try sandbox.save(ReliabilityJournals.history(years: 1))
        #expect(try sandbox.lumbar(["checkin", "--pain", "2", "--note", "rel-seed"]).status == .exited(0))
        let pristine = sandbox.snapshot()
        let before = sandbox.bytes()
        let points = try ReliabilityTrace.storeCalls(
            sandbox, calls: Array(Self.faults.keys), arguments: ["checkin", "--pain", "4", "--note", "rel-probe"])
        var failures = 0
        var survived = 0
        let trace = sandbox.directory + ".trace"
        defer { unlink(trace) }
        for point in points {
            for fault in Self.faults[point.name] ?? [] {
                try sandbox.reset(to: pristine)
                let context = "\(fault) at \(point)"
                let outcome = try sandbox.straced(
                    ["-y", "-e", "trace=\(point.name)", "-e", "inject=\(point.name):error=\(fault):when=\(point.ordinal)"],
                    ["checkin", "--pain", "4", "--note", "rel-injected"], traceFile: trace)
                let journal = try? sandbox.load()
                #expect(journal != nil, "after \(context) the journal does not open")
                if outcome.status == .exited(0) {
                    // The failed call was one a save may shrug off (an old backup's rename, say): the check-in must be in.
                    survived += 1
                    #expect(
                        journal?.checkIns.filter { $0.note == "rel-injected" }.count == 1,
                        "\(context) reported success but the check-in is not saved once")
                } else {
                    failures += 1
                    #expect(outcome.status == .exited(74), "\(context): expected exit 74 (I/O error), got \(outcome)")
                    let lines = outcome.stderr.split(separator: "\n")
                    #expect(
                        lines.count == 1 && lines.first?.hasPrefix("lumbar: error: ") == true,
                        "\(context): not one clear line: \(outcome.stderr.debugDescription)")
                    #expect(outcome.stderr.contains(sandbox.directory), "\(context): the error does not name the file: \(outcome.stderr)")
                    let unchanged = sandbox.bytes() == before
                    #expect(unchanged, "\(context): the journal changed although the save failed (\(outcome.stderr))")
                    #expect(sandbox.tempFiles().isEmpty, "\(context): a failed save left \(sandbox.tempFiles())")
                    #expect(outcome.stdout.isEmpty, "\(context): a failed save printed \(outcome.stdout)")
                }
                for name in sandbox.names() where name.range(of: #"^journal\.json\.[0-9]+$"#, options: .regularExpression) != nil {
                    #expect(throws: Never.self, "after \(context), backup \(name) does not open") {
                        _ = try JournalStore(path: sandbox.directory + "/" + name).load()
                    }
                }
                if point.name == "fsync" || point.name == "fdatasync" {
                    // A failed fsync may have dropped the dirty pages; a second one could lie. It must not be retried.
                    let calls = (try? String(contentsOfFile: trace, encoding: .utf8))?.split(separator: "\n") ?? []
                    if let failed = calls.firstIndex(where: { $0.contains("INJECTED") }) {
                        let target = calls[failed].split(separator: "(", maxSplits: 1).last?.split(separator: ")").first.map(String.init) ?? "?"
                        let retried = calls[(failed + 1)...].contains { $0.contains("(" + target + ")") }
                        #expect(!retried, "\(context): the failed fsync of \(target) was retried:\n\(calls.joined(separator: "\n"))")
                    } else {
                        Issue.record("\(context): strace did not inject the fault")
                    }
                }
            }
        }
        print(
            "I/O faults: \(failures + survived) injected at \(points.count) store system calls; \(failures) refused the save cleanly, \(survived) saved anyway"
        )
        #expect(failures > 10, "too few injected faults made the save fail (\(failures)); the injection is not reaching the store")
    }

    @Test(
        "The very first save failing at the directory sync leaves no journal behind, so a retry cannot log twice",
        .enabled(if: Reliability.straceWorks || Reliability.isCI, "needs strace with ptrace permission (required when CI=true)"))
    func firstSaveRolledBack() throws {
        let sandbox = try ReliabilitySandbox()
        for fault in ["EIO", "ENOSPC"] {
            let outcome = try sandbox.straced(
                ["-e", "trace=fsync", "-e", "inject=fsync:error=\(fault):when=2"], ["checkin", "--pain", "3", "--note", "rel-first"])
            #expect(outcome.status == .exited(74), "\(outcome)")
            #expect(!FileManager.default.fileExists(atPath: sandbox.journal), "\(fault): the failed first save left a journal: \(sandbox.names())")
            #expect(sandbox.tempFiles().isEmpty)
        }
        #expect(try sandbox.lumbar(["checkin", "--pain", "3", "--note", "rel-first"]).status == .exited(0))
        #expect(try sandbox.load().checkIns.map(\.note) == ["rel-first"])
    }

    @Test(
        "A full disk (a tiny tmpfs): exit 74, 'the disk is full', the journal byte-identical, no temp file; the next save after making room works",
        .enabled(if: Self.canMountTmpfs || Reliability.isCI, "needs root to mount a tmpfs (required when CI=true)"))
    func fullDisk() throws {
        let sandbox = try ReliabilitySandbox()
        let disk = sandbox.directory + "/disk"
        mkdir(disk, 0o700)
        let environment = sandbox.environment()
        #expect(
            try Reliability.run(["/bin/mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", disk], environment: environment).status
                == .exited(0))
        defer { _ = try? Reliability.run(["/bin/umount", "-l", disk], environment: environment) }
        let store = disk + "/journal.json"
        try PrivateFile.write(JournalCodec.encode(ReliabilityJournals.history(years: 3)), to: store)
        // Fill the rest of the disk but a little, so the temp copy cannot fit.
        let filler = disk + "/filler"
        let fd = open(filler, O_WRONLY | O_CREAT, 0o600)
        let chunk = [UInt8](repeating: 0x41, count: 4096)
        while chunk.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        close(fd)
        truncate(filler, max(0, off_t(sandbox.bytes(filler).count) - 64 * 1024))
        let before = sandbox.bytes(store)

        let outcome = try sandbox.lumbar(["checkin", "--pain", "6", "--note", "rel-full"], store: store)
        #expect(outcome.status == .exited(74), "\(outcome)")
        #expect(outcome.stderr.contains("the disk is full") && outcome.stderr.contains(store), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        let unchanged = sandbox.bytes(store) == before
        #expect(unchanged, "the journal changed on a full disk")
        let left = try FileManager.default.contentsOfDirectory(atPath: disk).filter { $0.contains(".tmp-") }
        #expect(left.isEmpty, "a temp file was left on the full disk: \(left)")

        unlink(filler)
        let retry = try sandbox.lumbar(["checkin", "--pain", "6", "--note", "rel-room"], store: store)
        #expect(retry.status == .exited(0), "\(retry)")
        let journal = try JournalStore(path: store).load()
        #expect(journal.checkIns.last?.note == "rel-room")
        #expect(!journal.checkIns.contains { $0.note == "rel-full" })
    }
}

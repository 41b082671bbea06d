import Foundation
import LumbarCore
import LumbarTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A private scratch directory for one reliability test, removed afterwards.
final class ReliabilityScratch {
    private let directory = TemporaryDirectory("relcore")
    var path: String { directory.path }

    init() throws {}

    func file(_ name: String) -> String { directory.file(name) }

    func bytes(_ name: String) -> [UInt8] {
        FileManager.default.contents(atPath: file(name)).map { [UInt8]($0) } ?? []
    }

    /// A check-in at a UTC time, identified by its note.
    static func checkIn(_ iso: String, pain: Int = 3, note: String) throws -> CheckIn {
        let at = try Timestamp.parse(iso, localTimeZone: .gmt).get()
        return CheckIn(date: at.localDate, at: at, pain: pain, note: note, updatedAt: at)
    }
}

/// Promise 3 at the store level: what another program wrote between a writer's read and its save survives.
@Suite("Reliability: the store never overwrites what it did not read")
struct ReliabilityStoreTests {
    @Test(
        "An editor's save between update's read and its write is kept, with the update applied on top",
        arguments: ["rename", "in place"])
    func handEditDuringUpdate(editorStyle: String) throws {
        let scratch = try ReliabilityScratch()
        let store = JournalStore(path: scratch.file("journal.json"))
        try store.update { journal in
            for day in 1...9 { journal.upsert(try ReliabilityScratch.checkIn("2026-03-0\(day)T08:00:00Z", note: "day \(day)")) }
        }
        var edited = try store.load()
        var fixed = try #require(edited.checkIns.first)
        fixed.pain = 9
        fixed.note = "corrected by hand in an editor"
        edited.upsert(fixed)
        let editedBytes = JournalCodec.encode(edited)

        var calls = 0
        try store.update { journal in
            calls += 1
            if calls == 1 {
                // The editor saves now: after this update read the file, before it writes its own version.
                if editorStyle == "rename" {
                    try PrivateFile.write(editedBytes, to: store.path)
                } else {
                    let fd = open(store.path, O_WRONLY | O_TRUNC)
                    #expect(fd >= 0)
                    _ = editedBytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                    close(fd)
                }
            }
            journal.upsert(try ReliabilityScratch.checkIn("2026-03-10T08:00:00Z", note: "logged by lumbar"))
        }
        let saved = try store.load()
        #expect(
            saved.checkIns.contains { $0.note == "corrected by hand in an editor" && $0.pain == 9 },
            "the hand edit was silently overwritten")
        #expect(saved.checkIns.contains { $0.note == "logged by lumbar" }, "the update was lost")
        #expect(saved.checkIns.count == 10)
    }

    @Test("A hand edit that breaks the file between read and write is left as it is, and the update fails with the path")
    func brokenHandEditDuringUpdate() throws {
        let scratch = try ReliabilityScratch()
        let store = JournalStore(path: scratch.file("journal.json"))
        try store.update { $0.upsert(try ReliabilityScratch.checkIn("2026-03-01T08:00:00Z", note: "first")) }
        let broken = Array("{\"schemaVersion\":1, \"checkIns\": [ oops".utf8)
        var calls = 0
        #expect {
            try store.update { journal in
                calls += 1
                if calls == 1 { try PrivateFile.write(broken, to: store.path) }
                journal.upsert(try ReliabilityScratch.checkIn("2026-03-02T08:00:00Z", note: "second"))
            }
        } throws: { error in
            guard case StoreError.unreadable(let path, _) = error else { return false }
            return path == store.path
        }
        #expect(scratch.bytes("journal.json") == broken, "the broken hand edit must be left for the person to fix")
    }
}

/// Promise 3: a long queue of writers is not a stuck one.
@Suite("Reliability: the lock")
struct ReliabilityLockTests {
    /// Errors collected from writer threads.
    final class Errors: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ error: Error) { lock.withLock { list.append("\(error)") } }
        var all: [String] { lock.withLock { list } }
    }

    @Test("Writers queued longer than the lock timeout all get through while the lock keeps changing hands")
    func aMovingQueueIsNotBusy() throws {
        let scratch = try ReliabilityScratch()
        let store = JournalStore(path: scratch.file("journal.json"), lockTimeout: 0.3)
        let writers = 6
        let each = 3
        let errors = Errors()
        let done = DispatchGroup()
        // Every update holds the lock 80 ms, so the last writer waits well past 0.3 s in total.
        // Plain threads, so the sleeps do not hold up the test runner's task pool.
        for writer in 0..<writers {
            done.enter()
            Thread {
                defer { done.leave() }
                for n in 0..<each {
                    do {
                        try store.update { journal in
                            usleep(80_000)
                            journal.upsert(try ReliabilityScratch.checkIn("2026-03-0\(writer + 1)T1\(n):00:00Z", note: "w\(writer)-\(n)"))
                        }
                    } catch {
                        errors.add(error)
                    }
                }
            }.start()
        }
        done.wait()
        #expect(errors.all.isEmpty, "\(errors.all)")
        #expect(try store.load().checkIns.count == writers * each)
    }

    @Test("A holder that keeps the lock past the timeout is reported as busy, naming the journal's lock")
    func aStuckHolderIsBusy() throws {
        let scratch = try ReliabilityScratch()
        let store = JournalStore(path: scratch.file("journal.json"), lockTimeout: 0.2)
        let start = Date()
        try store.update { _ in
            #expect {
                try store.update { $0.profile.birthYear = 1970 }
            } throws: { error in
                guard case StoreError.busy(let path, let waited) = error else { return false }
                return path.hasPrefix(store.path) && waited >= 0.2
            }
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }
}

/// Issue 11 at the store level: links, special files, size, directories, messages.
@Suite("Reliability: the store's own files cannot be turned against it")
struct ReliabilityStoreFileTests {
    /// The permission bits and bytes of a file.
    static func state(_ path: String) -> (mode: mode_t, bytes: [UInt8])? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & 0o7777, FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [])
    }

    @Test("A lock file planted as a link to another file is refused: the file is neither chmodded nor written")
    func plantedLockLink() throws {
        let scratch = try ReliabilityScratch()
        let victim = scratch.file("bashrc")
        try Data("export PS1='$ '\n".utf8).write(to: URL(fileURLWithPath: victim))
        chmod(victim, 0o644)
        let before = try #require(Self.state(victim))
        let store = JournalStore(path: scratch.file("journal.json"))
        #expect(symlink(victim, store.lockPath) == 0)
        #expect {
            try store.update { $0.upsert(try ReliabilityScratch.checkIn("2026-03-01T10:00:00Z", note: "x")) }
        } throws: { error in
            guard case StoreError.unsafeFile(let path, let reason) = error else { return false }
            return path == store.lockPath && reason.contains("symbolic link")
        }
        let after = try #require(Self.state(victim))
        #expect(after.mode == before.mode && after.bytes == before.bytes, "the link's target was changed")
        #expect(Self.state(store.path) == nil, "a journal was written without the lock")
    }

    @Test("A dangling lock link is refused and creates nothing where it points")
    func danglingLockLink() throws {
        let scratch = try ReliabilityScratch()
        let store = JournalStore(path: scratch.file("journal.json"))
        let target = scratch.file("planted-by-someone")
        #expect(symlink(target, store.lockPath) == 0)
        #expect(throws: StoreError.self) { try store.update { $0.profile.birthYear = 1970 } }
        #expect(access(target, F_OK) != 0, "lumbar created the file a dangling lock link points to")
    }

    @Test("A backup planted as a link is not chmodded through, and a FIFO in a backup's place does not hang the listing")
    func specialBackups() throws {
        let scratch = try ReliabilityScratch()
        let store = JournalStore(path: scratch.file("journal.json"), backupCount: 3)
        try store.update { $0.profile.birthYear = 1970 }
        let victim = scratch.file("other")
        try Data("theirs".utf8).write(to: URL(fileURLWithPath: victim))
        chmod(victim, 0o644)
        #expect(symlink(victim, store.backupPath(2)) == 0)
        #expect(mkfifo(store.backupPath(3), 0o600) == 0)
        let started = Date()
        let backups = store.backups()
        #expect(Date().timeIntervalSince(started) < 2, "listing backups blocked on a FIFO")
        #expect(backups.count == 2)
        for backup in backups {
            guard case .failure(let error) = backup.contents else { continue }
            #expect(error.description.contains(backup.path))
        }
        #expect(Self.state(victim)?.mode == 0o644)
        #expect(Self.state(victim)?.bytes == Array("theirs".utf8))
    }

    @Test("A FIFO in the journal's place is refused at once, naming it")
    func fifoJournal() throws {
        let scratch = try ReliabilityScratch()
        let store = JournalStore(path: scratch.file("journal.json"))
        #expect(mkfifo(store.path, 0o600) == 0)
        let started = Date()
        #expect {
            _ = try store.load()
        } throws: { error in
            guard case StoreError.unsafeFile(let path, let reason) = error else { return false }
            return path == store.path && reason.contains("FIFO")
        }
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test("A journal that is a link (a sync folder) is written through: the link stays, the target and its backups change")
    func linkedJournalIsWrittenThrough() throws {
        let scratch = try ReliabilityScratch()
        #expect(mkdir(scratch.file("sync"), 0o700) == 0)
        let target = scratch.file("sync/journal.json")
        let link = scratch.file("journal.json")
        try JournalStore(path: target).update { $0.upsert(try ReliabilityScratch.checkIn("2026-03-01T10:00:00Z", note: "first")) }
        #expect(symlink("sync/journal.json", link) == 0)
        let store = JournalStore(path: link)
        #expect(store.path == target)
        try store.update { $0.upsert(try ReliabilityScratch.checkIn("2026-03-02T10:00:00Z", note: "second")) }
        var info = stat()
        #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, "the link was replaced by a file")
        #expect(try JournalStore(path: target).load().checkIns.map(\.note).sorted() == ["first", "second"])
        #expect(access(target + ".1", F_OK) == 0, "the backup is not beside the target")
        #expect(access(link + ".1", F_OK) != 0)
    }

    @Test("A save that would make the journal larger than the read limit is refused and changes nothing")
    func writeLimitEqualsReadLimit() throws {
        let scratch = try ReliabilityScratch()
        var store = JournalStore(path: scratch.file("journal.json"))
        store.sizeLimit = 4_096
        try store.update { $0.upsert(try ReliabilityScratch.checkIn("2026-03-01T10:00:00Z", note: "small")) }
        let before = scratch.bytes("journal.json")
        #expect {
            try store.update { $0.upsert(try ReliabilityScratch.checkIn("2026-03-02T10:00:00Z", note: String(repeating: "n", count: 5_000))) }
        } throws: { error in
            guard case StoreError.tooLarge(let path, let bytes, let limit) = error else { return false }
            return path == store.path && bytes > limit && limit == 4_096
        }
        #expect(scratch.bytes("journal.json") == before)
        #expect(try store.load().checkIns.count == 1, "what was written must read back under the same limit")
    }

    @Test("The first save into new directories syncs each new directory's parent (checked by trace in the end-to-end suite) and makes them 0700")
    func newDirectoriesArePrivate() throws {
        let scratch = try ReliabilityScratch()
        let store = JournalStore(path: scratch.file("a/b/c/journal.json"))
        try store.update { $0.profile.birthYear = 1970 }
        for directory in ["a", "a/b", "a/b/c"] {
            var info = stat()
            #expect(stat(scratch.file(directory), &info) == 0 && info.st_mode & 0o777 == 0o700, "\(directory)")
        }
    }

    @Test("Busy names the journal (with its lock), not the lock as if it were the journal")
    func busyNamesTheJournal() throws {
        let error = StoreError.busy(path: "/data/journal.json", waitedSeconds: 5)
        #expect(error.description.contains("the journal /data/journal.json is busy"))
        #expect(!error.description.contains("the journal /data/journal.json.lock"))
    }

    @Test("A journal open to others or in a world-writable directory is warned about, each in one line")
    func exposureWarnings() throws {
        let scratch = try ReliabilityScratch()
        let store = JournalStore(path: scratch.file("journal.json"))
        try store.update { $0.profile.birthYear = 1970 }
        #expect(StoreExposure.warnings(for: store).isEmpty)
        chmod(store.path, 0o644)
        let readable = StoreExposure.warnings(for: store)
        #expect(readable.count == 1 && readable[0].contains("chmod 600"), "\(readable)")
        chmod(store.path, 0o600)
        #expect(StoreExposure.warnings(for: store, userID: getuid() &+ 1).first?.contains("another user") == true)
        chmod(scratch.path, 0o777)
        defer { chmod(scratch.path, 0o700) }
        #expect(StoreExposure.warnings(for: store).first?.contains("every user") == true)
        #expect(StoreExposure.warnings(for: store).allSatisfy { !$0.contains("\n") })
    }

    @Test("Paths of any length, including one character, never trap")
    func shortPaths() {
        #expect(StorePath.directory(of: "x") == ".")
        #expect(StorePath.directory(of: "/x") == "/")
        #expect(StorePath.directory(of: "a/b") == "a")
        #expect(StorePath.directory(of: "/a/b/") == "/a")
        #expect(StorePath.name(of: "x") == "x")
        #expect(StorePath.name(of: "/a/b") == "b")
    }
}

/// Issue 11 item 12: a holder that keeps rewriting the lock file is still one holder.
@Suite("Reliability: the lock's hand-over counter cannot be faked")
struct ReliabilityLockForgeryTests {
    @Test("Another process that holds the lock and keeps changing its counter is reported busy after the timeout")
    func forgedHandOvers() throws {
        let scratch = try ReliabilityScratch()
        let store = JournalStore(path: scratch.file("journal.json"), lockTimeout: 0.4)
        try store.update { $0.profile.birthYear = 1970 }
        // A child holds the flock and rewrites the first 8 bytes every few milliseconds.
        let script =
            "exec 9<>'\(store.lockPath)'; flock -x 9; i=0; while :; do printf '%08d' $i | dd of='\(store.lockPath)' conv=notrunc status=none; i=$((i+1)); sleep 0.005; done"
        var pid: pid_t = 0
        let words: [String] = ["/bin/sh", "-c", script]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        #expect(posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0)
        defer {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        // Wait until the child holds the lock.
        let held = Date().addingTimeInterval(5)
        while FileLockProbe.isFree(store.lockPath), Date() < held { usleep(5_000) }
        let started = Date()
        #expect {
            try store.update { $0.profile.birthYear = 1971 }
        } throws: { error in
            guard case StoreError.busy = error else { return false }
            return true
        }
        #expect(Date().timeIntervalSince(started) < 3, "the forged counter kept the writer waiting \(Date().timeIntervalSince(started)) s")
    }
}

/// Whether a lock file is free, by trying to take it without waiting.
enum FileLockProbe {
    static func isFree(_ path: String) -> Bool {
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return true }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }
        flock(fd, LOCK_UN)
        return true
    }
}

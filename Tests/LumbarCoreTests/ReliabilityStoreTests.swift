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

/// A private scratch directory for one reliability test, removed afterwards.
final class ReliabilityScratch {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "lumbar-relcore-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        path = try #require(made.map { String(cString: $0) })
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

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
    @Test("An editor's save between update's read and its write is kept, with the update applied on top",
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
        #expect(saved.checkIns.contains { $0.note == "corrected by hand in an editor" && $0.pain == 9 },
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

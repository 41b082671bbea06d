import Foundation
import LumbarCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The status cache through the binary: `status` and `show status` print the same from the
/// cache as from the whole journal, a journal edited behind the cache's back is read fresh,
/// and a damaged journal is still refused with a cache beside it.
@Suite struct StatusCacheTests {
    static let now = "2026-03-02T06:00"

    /// Two years of entries ending 2026-03-01, written as a save writes them, and a clock tick later.
    func sandbox(days: Int = 730, seed: UInt64 = 3) throws -> ReliabilitySandbox {
        let sandbox = try ReliabilitySandbox(timeZone: "Europe/Stockholm")
        try sandbox.save(JournalFixture.journal(days: days, seed: seed))
        Self.waitForNextTick(after: sandbox.journal)
        return sandbox
    }

    /// Waits until a new file's change time is later than `path`'s: the journal is then safely older than a cache made next.
    static func waitForNextTick(after path: String) {
        var journal = stat()
        stat(path, &journal)
        let probe = path + ".probe"
        while true {
            let fd = open(probe, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
            var info = stat()
            fstat(fd, &info)
            close(fd)
            unlink(probe)
            if (info.st_ctim.tv_sec, info.st_ctim.tv_nsec) > (journal.st_ctim.tv_sec, journal.st_ctim.tv_nsec) { return }
            usleep(1_000)
        }
    }

    @Test("status --json, status and show status print the same from the cache as from the whole journal", arguments: [1, 2, 3] as [UInt64])
    func sameFromTheCache(seed: UInt64) throws {
        let sandbox = try sandbox(seed: seed)
        let cache = sandbox.journal + ".cache"
        for command in [["status", "--json"], ["status"], ["show", "status", "--width", "100", "--height", "40"]] {
            unlink(cache)
            let whole = try sandbox.lumbar(command, now: Self.now)
            #expect(whole.status == .exited(0), "\(whole)")
            #expect(sandbox.mode("journal.json.cache") == 0o600, "\(command) made no private cache: \(sandbox.names())")
            let cached = try sandbox.lumbar(command, now: Self.now)
            #expect(cached.stdout == whole.stdout && cached.stderr == whole.stderr && cached.status == whole.status, "\(command)")
            // Later moments read the cache too and still agree with the whole journal.
            for later in ["2026-03-02T09:00", "2026-03-09T12:00", "2026-04-20T08:00"] {
                let fromCache = try sandbox.lumbar(command, now: later)
                let saved = sandbox.bytes(cache)
                unlink(cache)
                let fromWhole = try sandbox.lumbar(command, now: later)
                #expect(fromCache.stdout == fromWhole.stdout, "\(command) at \(later)")
                try sandbox.write(saved, to: cache)
            }
        }
    }

    @Test("a journal edited behind the cache's back (same size, same mtime) is read fresh")
    func editedBehindTheCache() throws {
        let sandbox = try sandbox()
        _ = try sandbox.lumbar(["status", "--json"], now: Self.now)
        let before = try sandbox.lumbar(["status", "--json"], now: Self.now)
        #expect(before.stdout.contains("\"level\""))
        // The last check-in's pain becomes 9 in place, and the modification time is put back.
        var info = stat()
        stat(sandbox.journal, &info)
        var data = sandbox.bytes()
        let key = Array("\"pain\":".utf8)
        var index = data.count - key.count
        while index >= 0, Array(data[index..<(index + key.count)]) != key { index -= 1 }
        data[index + key.count] = UInt8(ascii: "9")
        let fd = open(sandbox.journal, O_WRONLY | O_TRUNC)
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, sandbox.journal, &times, 0) == 0)
        var after = stat()
        stat(sandbox.journal, &after)
        #expect(after.st_size == info.st_size && after.st_mtim.tv_sec == info.st_mtim.tv_sec && after.st_mtim.tv_nsec == info.st_mtim.tv_nsec)
        let fresh = try sandbox.lumbar(["status", "--json"], now: Self.now)
        #expect(fresh.status == .exited(0))
        #expect(fresh.stdout.contains("9/10"), "the edit is not seen: \(fresh.stdout.prefix(400))")
    }

    @Test("a damaged journal is refused (exit 65, one line) with a valid cache beside it, and makes no new cache")
    func damagedJournalRefused() throws {
        let sandbox = try sandbox()
        _ = try sandbox.lumbar(["status", "--json"], now: Self.now)
        let cache = sandbox.bytes(sandbox.journal + ".cache")
        #expect(!cache.isEmpty)
        var data = sandbox.bytes()
        data[data.count / 2] = UInt8(ascii: "{")
        try sandbox.write(data)
        for command in [["status", "--json"], ["show", "status"]] {
            let outcome = try sandbox.lumbar(command, now: Self.now)
            #expect(outcome.status == .exited(65), "\(command): \(outcome)")
            #expect(outcome.stderr.split(separator: "\n").count == 1 && outcome.stdout.isEmpty, "\(command): \(outcome)")
        }
        #expect(sandbox.bytes(sandbox.journal + ".cache") == cache)
        #expect(sandbox.tempFiles().isEmpty, "\(sandbox.names())")
    }
}

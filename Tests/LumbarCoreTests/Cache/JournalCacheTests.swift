import Foundation
import Testing
@testable import LumbarCore
import LumbarTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The status cache: used only for the exact journal version it was made from, never for one
/// changed behind its back, never hiding a damaged journal, private, and quietly rebuilt.
@Suite struct JournalCacheTests {
    /// Half a year of daily check-ins and sessions, ending in a short episode.
    static let journal: Journal = {
        var b = JournalBuilder()
        var time = b.time("2026-01-01 20:00")
        for day in 0..<180 {
            if day % 2 == 0 { b.session(time.adding(hours: -3)) }
            b.checkIn(time, pain: day > 175 ? 5 : 0, no: day == 3 ? [.numbness] : [])
            time = time.adding(hours: 24)
        }
        return b.journal
    }()

    /// After the last check-in, so the cache's slice may be used.
    static let now = JournalCacheTests.journal.checkIns.last!.at.adding(hours: 2).date

    /// A store holding `journal`, written as a save writes it, and a moment later so the cache may trust it.
    func store(in dir: TempDirectory, _ journal: Journal = JournalCacheTests.journal) throws -> JournalStore {
        let store = JournalStore(path: dir.file("journal.json"))
        try store.update { $0 = journal }
        unlink(JournalCache.path(of: store))
        waitForNextTick(after: store.path)
        return store
    }

    /// Waits until a file created now gets a later change time than `path` has, so the cache
    /// made next treats the journal as safely older (one clock tick of the file system).
    func waitForNextTick(after path: String) {
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

    /// Rewrites the journal in place with `edit` applied to its bytes (same inode), then sets its
    /// modification time back to what it was: what a careless script or an editor with "keep
    /// timestamps" does. Returns the new bytes.
    @discardableResult
    func changeBehindTheCache(_ path: String, _ edit: (inout [UInt8]) -> Void) throws -> [UInt8] {
        var info = stat()
        stat(path, &info)
        var data = try #require(bytes(of: path))
        edit(&data)
        let fd = open(path, O_WRONLY | O_TRUNC)
        #expect(fd >= 0)
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        var times = [
            timespec(tv_sec: info.st_atim.tv_sec, tv_nsec: info.st_atim.tv_nsec),
            timespec(tv_sec: info.st_mtim.tv_sec, tv_nsec: info.st_mtim.tv_nsec),
        ]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        var after = stat()
        stat(path, &after)
        #expect(
            after.st_size == info.st_size && after.st_mtim.tv_sec == info.st_mtim.tv_sec
                && after.st_mtim.tv_nsec == info.st_mtim.tv_nsec && after.st_ino == info.st_ino)
        return data
    }

    /// Replaces the last `"pain":N` in `data` with `"pain":digit` (same length).
    func setLastPain(_ data: inout [UInt8], to digit: UInt8) {
        let key = Array("\"pain\":".utf8)
        var index = data.count - key.count
        while index >= 0, Array(data[index..<(index + key.count)]) != key { index -= 1 }
        data[index + key.count] = digit
    }

    @Test("a journal read whole leaves a private cache, and the next read uses its small slice")
    func aCacheIsMadeAndUsed() throws {
        let dir = TempDirectory()
        let store = try store(in: dir)
        let first = try JournalCache.statusJournal(store, now: Self.now)
        #expect(first == Self.journal)
        #expect(mode(of: JournalCache.path(of: store)) == 0o600)
        let second = try JournalCache.statusJournal(store, now: Self.now)
        #expect(second.checkIns.count < Self.journal.checkIns.count / 2, "the slice, not the whole journal")
        #expect(
            EscalationEngine.evaluate(second, now: Self.now, timeZone: .gmt)
                == EscalationEngine.evaluate(Self.journal, now: Self.now, timeZone: .gmt))
        // Before the slice's horizon the whole journal is read.
        let past = Self.journal.checkIns[100].at.date
        #expect(try JournalCache.statusJournal(store, now: past) == Self.journal)
    }

    @Test("a journal changed behind the cache's back (same size, same inode, same mtime) is read fresh")
    func aChangeBehindTheCacheIsReadFresh() throws {
        let dir = TempDirectory()
        let store = try store(in: dir)
        _ = try JournalCache.statusJournal(store, now: Self.now)
        #expect(try JournalCache.statusJournal(store, now: Self.now).checkIns.last?.pain == 5)
        try changeBehindTheCache(store.path) { setLastPain(&$0, to: UInt8(ascii: "9")) }
        #expect(try JournalCache.statusJournal(store, now: Self.now).checkIns.last?.pain == 9)
        // And again within the same clock tick as that change: not trusted either.
        try changeBehindTheCache(store.path) { setLastPain(&$0, to: UInt8(ascii: "2")) }
        #expect(try JournalCache.statusJournal(store, now: Self.now).checkIns.last?.pain == 2)
        try changeBehindTheCache(store.path) { setLastPain(&$0, to: UInt8(ascii: "3")) }
        #expect(try JournalCache.statusJournal(store, now: Self.now).checkIns.last?.pain == 3)
    }

    @Test("a cache made in the same clock tick as the journal's last change is not trusted")
    func aRacyCacheIsNotTrusted() throws {
        let dir = TempDirectory()
        let store = try store(in: dir)
        _ = try JournalCache.statusJournal(store, now: Self.now)
        // The same cache, but claiming to have begun no later than the journal's change time.
        let header = try #require(cacheHeader(store))
        var racy = header
        racy.reference = header.stamp.changed
        try rewriteCache(store, header: racy, slice: Journal())
        #expect(try JournalCache.statusJournal(store, now: Self.now) == Self.journal)
    }

    @Test("a cache for another version of the journal (any field of its fingerprint) is ignored and rebuilt")
    func aWrongFingerprintIsIgnored() throws {
        let dir = TempDirectory()
        let store = try store(in: dir)
        _ = try JournalCache.statusJournal(store, now: Self.now)
        let header = try #require(cacheHeader(store))
        let changes: [(inout FileStamp) -> Void] = [
            { $0.device &+= 1 }, { $0.inode &+= 1 }, { $0.size += 1 }, { $0.modified -= 1 }, { $0.changed -= 1 },
        ]
        for change in changes {
            var wrong = header
            change(&wrong.stamp)
            try rewriteCache(store, header: wrong, slice: Journal())
            #expect(try JournalCache.statusJournal(store, now: Self.now) == Self.journal)
            #expect(cacheHeader(store)?.stamp == header.stamp, "rebuilt for the journal as it is")
        }
    }

    @Test("the cache file is 0600 whatever the umask")
    func theCacheIsPrivate() throws {
        let dir = TempDirectory()
        let store = try store(in: dir)
        let old = umask(0)
        defer { umask(old) }
        _ = try JournalCache.statusJournal(store, now: Self.now)
        #expect(mode(of: JournalCache.path(of: store)) == 0o600)
    }

    @Test("a damaged journal is still refused with a valid cache beside it", arguments: ["garbage", "truncated", "wrong type"])
    func aDamagedJournalIsRefused(damage: String) throws {
        let dir = TempDirectory()
        let store = try store(in: dir)
        _ = try JournalCache.statusJournal(store, now: Self.now)
        _ = try JournalCache.statusJournal(store, now: Self.now)
        let before = try #require(cacheHeader(store))
        try changeBehindTheCache(store.path) { data in
            switch damage {
            case "garbage": data = [UInt8](repeating: UInt8(ascii: "x"), count: data.count)
            case "truncated": data = Array(data.dropLast(40)) + [UInt8](repeating: 0x20, count: 40)
            default: setLastPain(&data, to: UInt8(ascii: "\""))
            }
        }
        #expect(throws: StoreError.self) { try JournalCache.statusJournal(store, now: Self.now) }
        #expect(throws: StoreError.self) { try JournalCache.statusJournal(store, now: Self.now) }
        #expect(cacheHeader(store) == before, "a refused journal makes no cache")
    }

    @Test(
        "a damaged, foreign, linked or non-file cache is ignored silently", arguments: ["garbage", "readable", "link", "directory", "empty", "short"])
    func aBadCacheIsIgnored(kind: String) throws {
        let dir = TempDirectory()
        let store = try store(in: dir)
        let cache = JournalCache.path(of: store)
        let elsewhere = dir.file("elsewhere")
        _ = try JournalCache.statusJournal(store, now: Self.now)
        let valid = try #require(bytes(of: cache))
        unlink(cache)
        switch kind {
        case "garbage": _ = FileManager.default.createFile(atPath: cache, contents: Data("lumbar-status-cache 1 1 2 3\n{}".utf8))
        case "readable":
            _ = FileManager.default.createFile(atPath: cache, contents: Data(valid))
            chmod(cache, 0o644)
        case "link":
            _ = FileManager.default.createFile(atPath: elsewhere, contents: Data(valid))
            symlink(elsewhere, cache)
        case "directory": mkdir(cache, 0o700)
        case "empty": _ = FileManager.default.createFile(atPath: cache, contents: Data())
        default: _ = FileManager.default.createFile(atPath: cache, contents: Data(valid.dropLast(3)))
        }
        if kind != "directory" && kind != "link" { chmod(cache, kind == "readable" ? 0o644 : 0o600) }
        #expect(try JournalCache.statusJournal(store, now: Self.now) == Self.journal)
        #expect(try JournalCache.statusJournal(store, now: Self.now).checkIns.last == Self.journal.checkIns.last)
        if kind == "link" { #expect(bytes(of: elsewhere) == valid, "never written through a link") }
    }

    @Test("a save refreshes the cache with the journal it wrote")
    func aSaveRefreshesTheCache() throws {
        let dir = TempDirectory()
        let store = try store(in: dir)
        var saved = Journal()
        try store.update { journal in
            let at = Self.journal.checkIns.last!.at.adding(hours: 1)
            journal.upsert(CheckIn(date: at.localDate, at: at, pain: 7, updatedAt: at))
            saved = journal
        }
        // The hook gives up in the save's own clock tick; one tick later it must write.
        waitForNextTick(after: store.path)
        let (savedBytes, layout) = JournalCodec.encodeWithLayout(saved, reusing: nil)
        JournalCache.refresh(store, saved: saved, bytes: savedBytes, layout: layout)
        guard case .valid(let slice, _) = JournalCache.lookup(store) else {
            Issue.record("no valid cache after a save")
            return
        }
        #expect(slice.checkIns.last?.pain == 7)
        #expect(slice.checkIns.count < saved.checkIns.count)
        // Bytes that are not what the file holds make no cache.
        unlink(JournalCache.path(of: store))
        let (otherBytes, otherLayout) = JournalCodec.encodeWithLayout(Self.journal, reusing: nil)
        JournalCache.refresh(store, saved: Self.journal, bytes: otherBytes, layout: otherLayout)
        #expect(bytes(of: JournalCache.path(of: store)) == nil)
    }

    @Test("a journal from a newer lumbar is not cached, so its notice is given every time")
    func aNewerSchemaIsNotCached() throws {
        let dir = TempDirectory()
        let store = try store(in: dir)
        try changeBehindTheCache(store.path) { data in
            let key = Array("\"schemaVersion\":2".utf8)
            let index = (0...(data.count - key.count)).first { Array(data[$0..<($0 + key.count)]) == key }!
            data[index + key.count - 1] = UInt8(ascii: "3")
        }
        waitForNextTick(after: store.path)
        _ = try JournalCache.statusJournal(store, now: Self.now)
        #expect(bytes(of: JournalCache.path(of: store)) == nil)
    }

    func cacheHeader(_ store: JournalStore) -> JournalCache.Header? {
        guard let data = bytes(of: JournalCache.path(of: store)), let newline = data.firstIndex(of: 0x0A) else { return nil }
        return JournalCache.Header(String(decoding: data[..<newline], as: UTF8.self))
    }

    func rewriteCache(_ store: JournalStore, header: JournalCache.Header, slice: Journal) throws {
        var header = header
        let json = JournalCodec.encode(slice)
        header.length = json.count
        let data = Array(header.line(entries: 0).utf8) + [0x0A] + json
        let path = JournalCache.path(of: store)
        unlink(path)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(data)))
        chmod(path, 0o600)
    }
}

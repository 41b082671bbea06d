import Foundation
import Testing
@testable import LumbarCore
import LumbarTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `JournalStore.add` inserts a new entry's line into the bytes as read when the status cache
/// vouches for them: the file it writes is the one a whole save writes, the journal it hands
/// back evaluates as the whole one, and anything changed behind the cache is read whole.
@Suite struct JournalAppendTests {
    /// Zones the returned journal is evaluated in.
    static let zones = ["Europe/Stockholm", "Pacific/Kiritimati", "Etc/GMT+12"]

    /// A store holding `journal`, saved as lumbar saves it (which leaves a cache with the layout).
    func store(in dir: TemporaryDirectory, _ journal: Journal) throws -> JournalStore {
        let store = JournalStore(path: dir.file("journal.json"))
        try store.update { $0 = journal }
        return store
    }

    /// A check-in `hours` after `time`, with answers drawn from `rng`.
    static func checkIn(after time: Timestamp, hours: Double, _ rng: inout SeededGenerator) -> CheckIn {
        let at = time.adding(hours: hours)
        let signs = Symptom.warningSigns
        let yes = Int.random(in: 0..<8, using: &rng) == 0 ? [signs[Int.random(in: 0..<signs.count, using: &rng)]] : []
        let no = Int.random(in: 0..<3, using: &rng) == 0 ? Array(signs.prefix(4)).filter { !yes.contains($0) } : []
        return CheckIn(
            date: at.localDate, at: at, pain: Int.random(in: 0...9, using: &rng), symptoms: yes, denied: no,
            note: Int.random(in: 0..<4, using: &rng) == 0 ? "stiff, \"better\" after a walk" : "", updatedAt: at)
    }

    @Test("entries added after the last are inserted into the bytes, the file is the whole save's, the journal evaluates as the whole", arguments: Array(1...8))
    func appendsMatchWholeSaves(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) &* 104_729)
        var whole = StatusSliceTests.generate(&rng, years: seed % 3 == 0 ? 3 : 1).journal
        let dir = TemporaryDirectory()
        let store = try store(in: dir, whole)
        var time = [whole.checkIns.last?.at, whole.sessions.last?.at].compactMap { $0 }.max { $0.epochMilliseconds < $1.epochMilliseconds }!
        for step in 0..<24 {
            time = time.adding(hours: Double(Int.random(in: 0...40, using: &rng)))
            let result: (journal: Journal, appended: Bool)
            if Int.random(in: 0..<3, using: &rng) == 0 {
                let session = Session(at: time, kind: "deadlift", minutes: 40, rpe: 7, suddenPain: step % 7 == 3, updatedAt: time)
                whole.upsert(session)
                result = try store.add(line: JournalCodec.line(of: session), at: time.epochMilliseconds, to: .sessions) { $0.upsert(session) }
            } else {
                let checkIn = Self.checkIn(after: time, hours: 0, &rng)
                whole.upsert(checkIn)
                result = try store.add(line: JournalCodec.line(of: checkIn), at: time.epochMilliseconds, to: .checkIns) { $0.upsert(checkIn) }
            }
            #expect(result.appended, "seed \(seed), step \(step): the cache vouched for the file, so nothing was decoded")
            #expect(try fileBytes(store.path) == JournalCodec.encode(whole), "seed \(seed), step \(step)")
            for hours: Double in [0, 5, 30, 80, 480] {
                let now = time.adding(hours: hours).date
                for id in Self.zones {
                    let zone = try #require(ZoneInfo(identifier: id))
                    #expect(
                        EscalationEngine.evaluate(result.journal, now: now, timeZone: zone)
                            == EscalationEngine.evaluate(whole, now: now, timeZone: zone),
                        "seed \(seed), step \(step), \(hours) h later in \(id)")
                }
            }
        }
        #expect(try store.load() == whole)
    }

    @Test("the first check-in of a journal with only sessions goes into the empty array")
    func intoAnEmptyArray() throws {
        var b = JournalBuilder()
        b.session("2026-03-02 18:00")
        var whole = b.journal
        let dir = TemporaryDirectory()
        let store = try store(in: dir, whole)
        let at = b.time("2026-03-03 09:00")
        let checkIn = CheckIn(date: at.localDate, at: at, pain: 3, updatedAt: at)
        whole.upsert(checkIn)
        let result = try store.add(line: JournalCodec.line(of: checkIn), at: at.epochMilliseconds, to: .checkIns) { $0.upsert(checkIn) }
        #expect(result.appended)
        #expect(try fileBytes(store.path) == JournalCodec.encode(whole))
        #expect(try store.load() == whole)
    }

    @Test("a check-in before the last one, or into a journal with no cache, is a whole save")
    func wholeSavesWhenTheEntryIsNotLast() throws {
        var rng = SeededGenerator(seed: 5)
        var whole = StatusSliceTests.generate(&rng, years: 1).journal
        let dir = TemporaryDirectory()
        let store = try store(in: dir, whole)
        let last = try #require(whole.checkIns.last)
        let earlier = Self.checkIn(after: last.at, hours: -30, &rng)
        whole.upsert(earlier)
        let backfill = try store.add(line: JournalCodec.line(of: earlier), at: earlier.at.epochMilliseconds, to: .checkIns) { $0.upsert(earlier) }
        #expect(!backfill.appended)
        #expect(backfill.journal == whole, "a whole save hands back the whole journal")
        #expect(try fileBytes(store.path) == JournalCodec.encode(whole))
        unlink(JournalCache.path(of: store))
        let later = Self.checkIn(after: last.at, hours: 2, &rng)
        whole.upsert(later)
        #expect(try !store.add(line: JournalCodec.line(of: later), at: later.at.epochMilliseconds, to: .checkIns) { $0.upsert(later) }.appended)
        #expect(try store.load() == whole)
        // That save made a cache again, so the next one appends.
        let next = Self.checkIn(after: last.at, hours: 26, &rng)
        #expect(try store.add(line: JournalCodec.line(of: next), at: next.at.epochMilliseconds, to: .checkIns) { $0.upsert(next) }.appended)
    }

    @Test("a journal changed behind the cache (same size, same times) is read whole, and refused when damaged")
    func changesBehindTheCacheAreReadWhole() throws {
        var rng = SeededGenerator(seed: 9)
        var whole = StatusSliceTests.generate(&rng, years: 1).journal
        let dir = TemporaryDirectory()
        let store = try store(in: dir, whole)
        let cacheTests = JournalCacheTests()
        // Same length: the last pain digit changes.
        let edited = try cacheTests.changeBehindTheCache(store.path) { cacheTests.setLastPain(&$0, to: UInt8(ascii: "9")) }
        whole = try JournalStore.decode(edited, path: store.path)
        let next = Self.checkIn(after: try #require(whole.checkIns.last).at, hours: 3, &rng)
        whole.upsert(next)
        let result = try store.add(line: JournalCodec.line(of: next), at: next.at.epochMilliseconds, to: .checkIns) { $0.upsert(next) }
        #expect(!result.appended, "the bytes no longer hash to what the cache was made from")
        #expect(try store.load() == whole, "the edit is kept")
        // Now a damaged edit, still the same size: the save refuses it and changes nothing.
        let damaged = try cacheTests.changeBehindTheCache(store.path) { cacheTests.setLastPain(&$0, to: UInt8(ascii: "x")) }
        let another = Self.checkIn(after: next.at, hours: 3, &rng)
        #expect(throws: StoreError.self) {
            try store.add(line: JournalCodec.line(of: another), at: another.at.epochMilliseconds, to: .checkIns) { $0.upsert(another) }
        }
        #expect(try fileBytes(store.path) == damaged)
    }

    @Test("an entry that would take the journal past its size limit is refused, and the file is unchanged")
    func theSizeLimitHoldsForAnAddedEntry() throws {
        var rng = SeededGenerator(seed: 13)
        let whole = StatusSliceTests.generate(&rng, years: 1).journal
        let dir = TemporaryDirectory()
        var store = try store(in: dir, whole)
        let before = try fileBytes(store.path)
        store.sizeLimit = before.count + 10
        let next = Self.checkIn(after: try #require(whole.checkIns.last).at, hours: 3, &rng)
        #expect(throws: StoreError.self) {
            try store.add(line: JournalCodec.line(of: next), at: next.at.epochMilliseconds, to: .checkIns) { $0.upsert(next) }
        }
        #expect(try fileBytes(store.path) == before)
        #expect(!FileManager.default.fileExists(atPath: store.backupPath(1)), "nothing was saved, so no backup was rotated")
    }

    @Test("a journal formatted by hand gets no layout in the cache, so its next save is whole")
    func handFormattedJournals() throws {
        var rng = SeededGenerator(seed: 11)
        let whole = StatusSliceTests.generate(&rng, years: 1).journal
        let dir = TemporaryDirectory()
        let path = dir.file("journal.json")
        // The same journal, indented as an editor's "format document" leaves it.
        let pretty = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(JournalCodec.encode(whole))), options: [.prettyPrinted])
        try pretty.write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        let store = JournalStore(path: path)
        #expect(try JournalCache.readAndRefresh(store) == whole)
        let (header, _) = try #require(JournalCache.readCache(store))
        #expect(header.layout == nil)
        #expect(header.contentHash == 0, "without a layout no save appends, so no hash is kept")
        let next = Self.checkIn(after: try #require(whole.checkIns.last).at, hours: 3, &rng)
        #expect(try !store.add(line: JournalCodec.line(of: next), at: next.at.epochMilliseconds, to: .checkIns) { $0.upsert(next) }.appended)
        // A journal lumbar wrote, read by status, gets its layout: the next save appends.
        unlink(JournalCache.path(of: store))
        _ = try JournalCache.readAndRefresh(store)
        #expect(try #require(JournalCache.readCache(store)).0.layout != nil)
        let after = Self.checkIn(after: next.at, hours: 3, &rng)
        #expect(try store.add(line: JournalCodec.line(of: after), at: after.at.epochMilliseconds, to: .checkIns) { $0.upsert(after) }.appended)
    }

    func fileBytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// XXH64 gives the reference's answers (from `xxhsum -H1`), for every tail length the steps have;
/// the content hash of parts is that of the parts joined, and reusing the unchanged blocks gives it too.
@Suite struct ContentHashTests {
    @Test func knownAnswers() {
        let answers: [(String, UInt64)] = [
            ("", 0xef46_db37_51d8_e999),
            ("a", 0xd24e_c4f1_a98c_6e5b),
            ("abc", 0x44bc_2cf5_ad77_0999),
            ("The quick brown fox jumps over the lazy dog", 0x0b24_2d36_1fda_71bc),
            ("0123456789abcdef0123456789abcdef0123456789", 0xa761_90c3_acf0_8a1c),
        ]
        for (text, hash) in answers {
            #expect(ContentHash.xxh64(Array(text.utf8)) == hash, "\(text)")
        }
    }

    @Test("the hash of parts is the hash of the parts joined, wherever they are cut")
    func partsHashAsJoined() {
        var rng = SeededGenerator(seed: 3)
        for length in [0, 1, 7, 31, 32, 33, 64, 100, 1000, 4099, 65_536, 65_537, 200_000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let whole = ContentHash.of(bytes)
            for _ in 0..<20 {
                var cuts = (0..<Int.random(in: 0...4, using: &rng)).map { _ in Int.random(in: 0...length, using: &rng) }.sorted()
                cuts = [0] + cuts + [length]
                let parted = bytes.withUnsafeBytes { all in
                    ContentHash.of(parts: zip(cuts, cuts.dropFirst()).map { UnsafeRawBufferPointer(rebasing: all[$0..<$1]) })
                }
                #expect(parted == whole, "length \(length), cut at \(cuts)")
            }
        }
    }

    @Test("a line inserted: the blocks before it reused, the rest hashed again, give the hash of the new content")
    func reusedBlocksGiveTheWholeHash() {
        var rng = SeededGenerator(seed: 5)
        let bytes = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let line = Array("\n{\"id\":\"inserted\"}".utf8)
        let blocks = bytes.withUnsafeBytes { ContentHash.blockHashes(of: [$0]) }
        #expect(blocks.count == 5)
        for offset in [0, 1, 65_535, 65_536, 65_537, 150_000, 299_999, 300_000] {
            let joined = Array(bytes[..<offset]) + line + Array(bytes[offset...])
            let reused = bytes.withUnsafeBytes { all in
                line.withUnsafeBytes { text in
                    let parts = [UnsafeRawBufferPointer(rebasing: all[..<offset]), text, UnsafeRawBufferPointer(rebasing: all[offset...])]
                    let unchanged = offset / ContentHash.blockSize
                    return ContentHash.combine(Array(blocks[..<unchanged]) + ContentHash.blockHashes(of: parts, fromBlock: unchanged))
                }
            }
            #expect(reused == ContentHash.of(joined), "inserted at \(offset)")
        }
    }

    @Test func oneChangedByteChangesTheHash() {
        var bytes = [UInt8](repeating: 0x41, count: 140_000)
        let before = ContentHash.of(bytes)
        for index in [0, 31, 32, 4095, 65_535, 65_536, 139_999] {
            bytes[index] ^= 1
            #expect(ContentHash.of(bytes) != before, "byte \(index)")
            bytes[index] ^= 1
        }
    }
}

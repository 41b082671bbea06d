import Foundation
@testable import LumbarCore
import Testing
import LumbarTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The committed corpus of broken journals under Tests/Fixtures (found from this file's path, not as package resources).
enum ReliabilityCorpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// The file names in a fixture folder, sorted.
    static func names(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []).filter { !$0.hasPrefix(".") && $0 != "README.md" }
            .sorted()
    }

    static func bytes(_ folder: String, _ name: String) -> [UInt8] {
        FileManager.default.contents(atPath: root + "/" + folder + "/" + name).map { [UInt8]($0) } ?? []
    }

    /// The checks the fuzz target makes on its internal paths (Fuzz/JournalFuzzTarget.swift):
    /// the one-pass reader agrees with the general parser, and a save that copies unchanged
    /// entries' text writes the same bytes as a full one, also after an edit, a delete and an insert.
    static func checkInternalPaths(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        if let fast = bytes.withUnsafeBufferPointer({ JournalReader.read($0) }) {
            let tree = try? JournalCodec.decodeByTree(bytes)
            #expect(tree == fast, "the one-pass reader and the general parser disagree", sourceLocation: sourceLocation)
        }
        guard let (read, source) = try? JournalCodec.decodeKeepingSource(bytes), read.schemaVersion <= Journal.currentSchemaVersion else { return }
        var journal = read
        journal.schemaVersion = Journal.currentSchemaVersion
        var variants = [journal]
        if let first = journal.checkIns.first {
            var edited = journal
            var changed = first
            changed.pain = (first.pain + 1) % 11
            edited.upsert(changed)
            var deleted = journal
            deleted.delete(id: journal.checkIns[journal.checkIns.count / 2].id, at: first.updatedAt)
            var inserted = journal
            inserted.upsert(CheckIn(date: first.date, at: first.at, pain: 3, note: "inserted", updatedAt: first.updatedAt))
            variants += [edited, deleted, inserted]
        }
        for (n, variant) in variants.enumerated() {
            let reread = try? JournalCodec.decode(JournalCodec.encode(variant))
            #expect(reread == variant, "variant \(n): what was written does not read back the same", sourceLocation: sourceLocation)
            let same = JournalCodec.encode(variant, reusing: source) == JournalCodec.encode(variant)
            #expect(same, "variant \(n): an incremental save wrote different bytes from a full one", sourceLocation: sourceLocation)
        }
    }

    /// Writes `bytes` as a new file at `path`, without the syncs of an atomic write (fast enough for thousands).
    ///
    /// The old file is unlinked rather than truncated: ext4 flushes a truncated-then-rewritten file on close.
    static func put(_ bytes: [UInt8], at path: String) -> Bool {
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count
    }

    /// Whether text holds a character a terminal would act on (C0, DEL, C1): a hostile journal
    /// must not be able to break an error onto two lines or send escape sequences through it.
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    /// What every decodable input must satisfy: encoding it and decoding again gives the same journal, and encoding that gives the same bytes.
    static func checkRoundTrip(_ journal: Journal, sourceLocation: SourceLocation = #_sourceLocation) {
        let encoded = JournalCodec.encode(journal)
        guard let again = try? JournalCodec.decode(encoded) else {
            Issue.record("a journal lumbar read could not be read back after writing it", sourceLocation: sourceLocation)
            return
        }
        #expect(again == journal, "the journal changed through a write and a read", sourceLocation: sourceLocation)
        let stable = JournalCodec.encode(again) == encoded
        #expect(stable, "writing the journal twice gave different bytes", sourceLocation: sourceLocation)
    }
}

/// Promise 4 at the decoder and store level: every hostile journal is refused with the path, quickly, and left untouched.
@Suite("Reliability: hostile journals (decoder and store)")
struct ReliabilityHostileJournalTests {
    @Test("The corpus is there and is large enough to mean something")
    func corpusIsPresent() {
        #expect(ReliabilityCorpus.names("hostile").count >= 50, "Tests/Fixtures/hostile is missing from \(ReliabilityCorpus.root)")
        #expect(!ReliabilityCorpus.bytes("valid", "small.json").isEmpty)
    }

    @Test(
        "Each broken journal in the corpus: unreadable, naming the path; a save refuses it and leaves it byte-identical",
        arguments: ReliabilityCorpus.names("hostile"))
    func corpusFile(name: String) throws {
        let bytes = ReliabilityCorpus.bytes("hostile", name)
        let scratch = try ReliabilityScratch()
        let path = scratch.file("journal.json")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let store = JournalStore(path: path)
        #expect {
            _ = try store.load()
        } throws: { error in
            guard case StoreError.unreadable(let named, let reason) = error else { return false }
            return named == path && !reason.isEmpty && !ReliabilityCorpus.hasControlCharacters("\(error)")
        }
        #expect(throws: StoreError.self) {
            try store.update { $0.profile.birthYear = 1980 }
        }
        let untouched = scratch.bytes("journal.json") == bytes
        #expect(untouched, "\(name) was changed by a refused save")
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: scratch.path)) == ["journal.json", "journal.json.lock"],
            "a refused save left files behind")
    }

    @Test("A small valid journal truncated at every byte: each prefix is refused (or is the whole document), never rewritten")
    func truncatedAtEveryByte() throws {
        let full = ReliabilityCorpus.bytes("valid", "small.json")
        try #require(full.count > 500)
        let whole = try JournalCodec.decode(full)
        let scratch = try ReliabilityScratch()
        let store = JournalStore(path: scratch.file("journal.json"))
        let content = full.count - full.reversed().prefix { $0 == 0x0A || $0 == 0x20 }.count
        var accepted: [Int] = []
        var rewritten: [Int] = []
        for length in 0..<full.count {
            let prefix = Array(full[..<length])
            if length >= content {
                #expect(try JournalStore.decode(prefix, path: store.path) == whole, "the whole document minus trailing white space must still read")
                continue
            }
            if (try? JournalStore.decode(prefix, path: store.path)) != nil { accepted.append(length) }
            // Through the store on every ninth cut: reading a file costs far more than decoding bytes in a debug build.
            if length % 9 == 0 {
                if !ReliabilityCorpus.put(prefix, at: store.path) { rewritten.append(-length) }
                if (try? store.load()) != nil { accepted.append(length) }
                if (try? store.update({ $0.profile.birthYear = 1990 })) != nil { accepted.append(length) }
                if scratch.bytes("journal.json") != prefix { rewritten.append(length) }
            }
        }
        #expect(accepted.isEmpty, "journals cut at these bytes were accepted: \(accepted)")
        #expect(rewritten.isEmpty, "journals cut at these bytes were rewritten: \(rewritten)")
    }

    @Test(
        "100,000-deep nesting of arrays and of objects is refused quickly, without exhausting the stack",
        arguments: ["[", "{\"a\":"])
    func deepNesting(opener: String) throws {
        let depth = 100_000
        var bytes = Array("{\"schemaVersion\":1,\"x\":".utf8)
        bytes.reserveCapacity(depth * 6)
        for _ in 0..<depth { bytes.append(contentsOf: opener.utf8) }
        let start = Date()
        #expect {
            _ = try JournalStore.decode(bytes, path: "/deep.json")
        } throws: { error in
            guard case StoreError.unreadable(let path, let reason) = error else { return false }
            return path == "/deep.json" && reason.contains("nesting")
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test("A 100 MB file is refused by its size before it is read; a 40 MB one of blanks and garbage is refused without a hang")
    func hugeFiles() throws {
        let scratch = try ReliabilityScratch()
        let path = scratch.file("journal.json")
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        #expect(fd >= 0)
        #expect(ftruncate(fd, 100 * 1_048_576) == 0)
        close(fd)
        var start = Date()
        #expect {
            _ = try JournalStore(path: path).load()
        } throws: { error in
            guard case StoreError.unreadable(path, let reason) = error else { return false }
            return reason.contains("100 MiB")
        }
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(throws: StoreError.self) { try JournalStore(path: path).update { $0.profile.birthYear = 1 } }
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_size == 100 * 1_048_576)

        var blanks = [UInt8](repeating: 0x20, count: 40 * 1_048_576)
        blanks.append(contentsOf: Array("garbage".utf8))
        #expect(FileManager.default.createFile(atPath: path, contents: Data(blanks)))
        start = Date()
        #expect(throws: StoreError.self) { _ = try JournalStore(path: path).load() }
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test("Random bytes and random damage to a valid journal never crash the decoder; what it accepts survives a write and a read")
    func randomDamage() throws {
        let valid = ReliabilityCorpus.bytes("valid", "small.json")
        try #require(!valid.isEmpty)
        var random = SeededGenerator(seed: 1)
        let rounds = ProcessInfo.processInfo.environment["LUMBAR_THOROUGH"].map { $0 != "0" && !$0.isEmpty } == true ? 200_000 : 4_000
        var accepted = 0
        for round in 0..<rounds {
            var bytes: [UInt8]
            switch round % 4 {
            case 0:
                bytes = (0..<Int.random(in: 0...256, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            case 1:
                bytes = valid
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            case 2:
                bytes = valid
                let at = Int.random(in: 0..<bytes.count, using: &random)
                bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &random)))
            default:
                bytes = valid
                let pieces = Array("{}[],:\"\\0123456789-.eEtrufalsn \u{0}\u{7f}é😣".utf8)
                bytes.insert(pieces.randomElement(using: &random)!, at: Int.random(in: 0...bytes.count, using: &random))
            }
            do {
                let journal = try JournalStore.decode(bytes, path: "/fuzz.json")
                accepted += 1
                ReliabilityCorpus.checkRoundTrip(journal)
                ReliabilityCorpus.checkInternalPaths(bytes)
            } catch let error as StoreError {
                guard case .unreadable(let path, _) = error else {
                    Issue.record("round \(round): unexpected error \(error)")
                    continue
                }
                #expect(path == "/fuzz.json")
                #expect(
                    !ReliabilityCorpus.hasControlCharacters(error.description), "round \(round): the error carries control characters from the input")
            }
        }
        #expect(accepted > 0, "no mutation was accepted; the mutations are too coarse to exercise the decoder's success path")
    }

    @Test("A journal from a newer lumbar (future schemaVersion) can be read but is never rewritten, and its new fields survive reading")
    func futureSchema() throws {
        let bytes = ReliabilityCorpus.bytes("valid", "future-schema.json")
        let scratch = try ReliabilityScratch()
        let store = JournalStore(path: scratch.file("journal.json"))
        #expect(FileManager.default.createFile(atPath: store.path, contents: Data(bytes)))
        let journal = try store.load()
        #expect(journal.schemaVersion == 3)
        #expect(journal.unknownFields["newThing"] != nil)
        #expect {
            try store.update { $0.profile.birthYear = 1990 }
        } throws: { error in
            guard case StoreError.newerSchema(let path, 3, Journal.currentSchemaVersion) = error else { return false }
            return path == store.path
        }
        let untouched = scratch.bytes("journal.json") == bytes
        #expect(untouched)
    }

    @Test(
        "Every regression input found by the fuzzer, and every valid fixture, passes the fuzz target's checks",
        arguments: ReliabilityCorpus.names("fuzz-regressions").map { "fuzz-regressions/" + $0 }
            + ReliabilityCorpus.names("valid").map { "valid/" + $0 })
    func fuzzRegression(name: String) {
        let parts = name.split(separator: "/").map(String.init)
        let bytes = ReliabilityCorpus.bytes(parts[0], parts[1])
        #expect(!bytes.isEmpty)
        if let value = try? JSONParser.parse(bytes) {
            var writer = JSONWriter()
            writer.write(value)
            #expect((try? JSONParser.parse(writer.bytes)) == value, "a JSON value changed through a write and a read")
        }
        do {
            _ = try JournalStore.decode(bytes, path: "/regression")
        } catch {
            #expect(!ReliabilityCorpus.hasControlCharacters("\(error)"), "the error carries control characters from the input: \(error)")
        }
        ReliabilityCorpus.checkInternalPaths(bytes)
        if let journal = try? JournalStore.decode(bytes, path: "/regression") {
            ReliabilityCorpus.checkRoundTrip(journal)
            var merged = journal
            let report = merged.merge(journal)
            #expect(!report.changedSomething && merged == journal, "merging a journal with itself changed it")
        }
    }
}

import Foundation
import LumbarTestSupport
import Testing
@testable import LumbarCore
#if canImport(Glibc)
import Glibc
#endif

/// A path for a store directory that does not exist yet (the store makes it), inside a
/// fresh temporary directory removed afterwards.
final class TempDirectory {
    private let scratch = TemporaryDirectory("test")
    let path: String

    init() { path = scratch.file("store") }

    func file(_ name: String) -> String { path + "/" + name }
}

func mode(of path: String) -> mode_t {
    var info = stat()
    stat(path, &info)
    return info.st_mode & 0o777
}

func bytes(of path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { Array($0) }
}

@Suite(.serialized) struct JournalStoreTests {
    @Test func aMissingJournalReadsAsEmptyAndIsNotCreatedByReading() throws {
        let dir = TempDirectory()
        let store = JournalStore(path: dir.file("sub/journal.json"))
        #expect(try store.load().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }

    @Test func everyFileIsPrivateWhateverTheUmask() throws {
        let dir = TempDirectory()
        let old = umask(0o022)
        defer { umask(old) }
        let store = JournalStore(path: dir.file("nested/lumbar/journal.json"))
        try store.update { $0.upsert(Sample.checkIn("2026-03-03T08:00", pain: 2)) }
        try store.update { $0.upsert(Sample.checkIn("2026-03-04T08:00", pain: 1)) }
        #expect(mode(of: dir.file("nested")) == 0o700)
        #expect(mode(of: dir.file("nested/lumbar")) == 0o700)
        #expect(mode(of: store.path) == 0o600)
        #expect(mode(of: store.lockPath) == 0o600)
        #expect(mode(of: store.backupPath(1)) == 0o600)
    }

    @Test func aSaveLeavesNoTempFileAndKeepsTheOldVersionAsBackup() throws {
        let dir = TempDirectory()
        let store = JournalStore(path: dir.file("journal.json"))
        try store.update { $0.upsert(Sample.checkIn("2026-03-03T08:00", pain: 2)) }
        let first = try #require(bytes(of: store.path))
        try store.update { $0.upsert(Sample.checkIn("2026-03-04T08:00", pain: 1)) }
        #expect(bytes(of: store.backupPath(1)) == first)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!names.contains { $0.contains(".tmp-") })
        #expect(try store.load().checkIns.count == 2)
    }

    @Test func backupsRotateAndStopAtTheConfiguredCount() throws {
        let dir = TempDirectory()
        let store = JournalStore(path: dir.file("journal.json"), backupCount: 3)
        for day in 1...6 {
            try store.update { $0.upsert(Sample.checkIn("2026-03-0\(day)T08:00", pain: day)) }
        }
        #expect(try JournalStore.decode(try #require(bytes(of: store.backupPath(1))), path: "b1").checkIns.count == 5)
        #expect(try JournalStore.decode(try #require(bytes(of: store.backupPath(3))), path: "b3").checkIns.count == 3)
        #expect(!FileManager.default.fileExists(atPath: store.backupPath(4)))
        #expect(store.backups().map(\.number) == [1, 2, 3])
    }

    @Test func staleTempFilesFromACrashAreRemovedOnTheNextSave() throws {
        let dir = TempDirectory()
        let store = JournalStore(path: dir.file("journal.json"))
        try store.update { $0.profile.birthYear = 1980 }
        let stale = store.path + ".tmp-99999-1"
        #expect(FileManager.default.createFile(atPath: stale, contents: Data("{half".utf8)))
        try store.update { $0.profile.birthYear = 1981 }
        #expect(!FileManager.default.fileExists(atPath: stale))
    }

    static let unreadable: [String: [UInt8]] = [
        "empty": [],
        "truncated": Array(#"{"schemaVersion":1,"checkIns":[{"id":"#.utf8),
        "not json": Array("pain: 5\n".utf8),
        "wrong type": Array(
            #"{"schemaVersion":1,"checkIns":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00Z","pain":"x"}]}"#.utf8),
        "invalid utf-8": Array(#"{"schemaVersion":1,"x":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8),
        "deep": Array(repeating: UInt8(ascii: "["), count: 5000),
    ]

    @Test(arguments: ["empty", "truncated", "not json", "wrong type", "invalid utf-8", "deep"])
    func refusesWhatItCannotReadAndLeavesItByteIdentical(name: String) throws {
        let content = try #require(Self.unreadable[name])
        let dir = TempDirectory()
        let store = JournalStore(path: dir.file("journal.json"))
        try FileManager.default.createDirectory(atPath: dir.path, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: store.path, contents: Data(content)))
        #expect {
            try store.update { $0.upsert(Sample.checkIn("2026-03-03T08:00", pain: 2)) }
        } throws: { error in
            guard case StoreError.unreadable(let path, _) = error else { return false }
            return path == store.path && "\(error)".contains(store.path)
        }
        #expect(bytes(of: store.path) == content)
        #expect(!FileManager.default.fileExists(atPath: store.backupPath(1)))
    }

    @Test func aNewerSchemaIsReadableButNeverRewritten() throws {
        let dir = TempDirectory()
        let store = JournalStore(path: dir.file("journal.json"))
        try FileManager.default.createDirectory(atPath: dir.path, withIntermediateDirectories: true)
        let newer = Journal.currentSchemaVersion + 1
        let content = Array(#"{"schemaVersion":\#(newer),"sessions":[],"checkIns":[],"newThing":true}"#.utf8)
        #expect(FileManager.default.createFile(atPath: store.path, contents: Data(content)))
        #expect(try store.load().schemaVersion == newer)
        #expect {
            try store.update { $0.profile.birthYear = 1980 }
        } throws: { error in
            guard case StoreError.newerSchema(_, let found, let known) = error else { return false }
            return found == newer && known == Journal.currentSchemaVersion && "\(error)".contains("Upgrade lumbar")
        }
        #expect(bytes(of: store.path) == content)
    }

    @Test func unknownFieldsSurviveASave() throws {
        let dir = TempDirectory()
        let store = JournalStore(path: dir.file("journal.json"))
        try FileManager.default.createDirectory(atPath: dir.path, withIntermediateDirectories: true)
        let content =
            #"{"schemaVersion":1,"sync":{"peer":"laptop"},"checkIns":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00Z","pain":1,"mood":"ok"}]}"#
        #expect(FileManager.default.createFile(atPath: store.path, contents: Data(content.utf8)))
        try store.update { $0.upsert(Sample.checkIn("2026-03-04T08:00", pain: 1)) }
        let text = String(decoding: try #require(bytes(of: store.path)), as: UTF8.self)
        #expect(text.contains(#""sync":{"peer":"laptop"}"#))
        #expect(text.contains(#""mood":"ok""#))
    }

    @Test func aSecondWriterWaitsThenReportsBusy() throws {
        let dir = TempDirectory()
        let store = JournalStore(path: dir.file("journal.json"), lockTimeout: 0.3)
        try store.update { $0.profile.birthYear = 1980 }
        let before = try #require(bytes(of: store.path))
        try store.update { _ in
            // While this writer holds the lock, another must give up with `busy`.
            #expect {
                try store.update { $0.profile.birthYear = 1990 }
            } throws: { error in
                if case StoreError.busy = error { return true }
                return false
            }
        }
        #expect(bytes(of: store.path) == before)
    }

    @Test func concurrentWritersKeepEveryEntry() async throws {
        let dir = TempDirectory()
        let store = JournalStore(path: dir.file("journal.json"), lockTimeout: 30)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for i in 0..<10 {
                        try store.update { $0.upsert(Sample.checkIn("2026-03-\(10 + writer)T\(10 + i):00", pain: i)) }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try store.load().checkIns.count == 40)
    }

    @Test func restoreMovesTheBrokenJournalAsideAndNeverDeletesIt() throws {
        let dir = TempDirectory()
        let store = JournalStore(path: dir.file("journal.json"))
        try store.update { $0.upsert(Sample.checkIn("2026-03-03T08:00", pain: 2)) }
        try store.update { $0.upsert(Sample.checkIn("2026-03-04T08:00", pain: 3)) }
        let broken = Array("{garbage".utf8)
        #expect(FileManager.default.createFile(atPath: store.path, contents: Data(broken)))
        let aside = try #require(try store.restore(backup: 1))
        #expect(bytes(of: aside) == broken)
        #expect(try store.load().checkIns.count == 1)
        #expect(mode(of: store.path) == 0o600)
    }

    @Test func locationFollowsFlagThenEnvironmentThenXDG() {
        #expect(StoreLocation.journalPath(explicit: "/a/j.json", environment: ["LUMBAR_STORE": "/b/j.json"]) == "/a/j.json")
        #expect(StoreLocation.journalPath(explicit: nil, environment: ["LUMBAR_STORE": "/b/j.json", "XDG_DATA_HOME": "/x"]) == "/b/j.json")
        #expect(StoreLocation.journalPath(explicit: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/lumbar/journal.json")
        #expect(
            StoreLocation.journalPath(explicit: nil, environment: ["XDG_DATA_HOME": "relative/x", "HOME": "/h"])
                == "/h/.local/share/lumbar/journal.json")
        #expect(StoreLocation.journalPath(explicit: nil, environment: ["HOME": "/h"]) == "/h/.local/share/lumbar/journal.json")
    }
}

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

/// Promise 5: `lumbar recover` lists the backups with dates and counts, and restores one without ever deleting the broken journal.
@Suite("Reliability: recovery")
struct ReliabilityRecoveryTests {
    /// A journal saved four times (so backups 1–3 hold 3, 2 and 1 check-ins), then broken.
    static func brokenJournalWithBackups() throws -> (ReliabilitySandbox, broken: [UInt8]) {
        let sandbox = try ReliabilitySandbox(timeZone: "Europe/Berlin")
        for n in 1...4 {
            let outcome = try sandbox.lumbar(["checkin", "--pain", "\(n)", "--note", "rel-\(n)", "--at", "2026-03-0\(n)T09:00"])
            try #require(outcome.status == .exited(0), "\(outcome)")
        }
        // Give the backups known dates so the listing can be checked.
        for (backup, day) in [(1, 4), (2, 3), (3, 2)] {
            let instant = try Timestamp.parse("2026-03-0\(day)T10:00:00Z", localTimeZone: .gmt).get().date.timeIntervalSince1970
            var times = [timeval(tv_sec: Int(instant), tv_usec: 0), timeval(tv_sec: Int(instant), tv_usec: 0)]
            #expect(utimes(sandbox.journal + ".\(backup)", &times) == 0)
        }
        let broken = Array("{\"schemaVersion\":1,\"checkIns\":[{\"id\":".utf8)
        try sandbox.write(broken)
        return (sandbox, broken)
    }

    @Test("recover lists every backup with its date and its entry counts, and says the journal is unreadable")
    func listsBackups() throws {
        let (sandbox, broken) = try Self.brokenJournalWithBackups()
        let outcome = try sandbox.lumbar(["recover"])
        #expect(outcome.status == .exited(0), "\(outcome)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains(sandbox.journal) == true && lines.first?.contains("UNREADABLE") == true, "\(outcome.stdout)")
        for (backup, day, count) in [(1, 4, 3), (2, 3, 2), (3, 2, 1)] {
            let line = lines.first { $0.hasPrefix("backup \(backup) ") }
            #expect(line != nil, "backup \(backup) is not listed:\n\(outcome.stdout)")
            // 10:00 UTC is 11:00 in Berlin in March.
            #expect(line?.contains("2026-03-0\(day)T11:00:00+01:00") == true, "backup \(backup) without its date: \(line ?? "")")
            #expect(line?.contains("\(count) check-in") == true, "backup \(backup) without its count: \(line ?? "")")
        }
        let unchanged = sandbox.bytes() == broken
        #expect(unchanged, "listing changed the journal")
    }

    @Test("recover --restore N puts that backup back and moves the broken journal aside, byte for byte")
    func restoresChosenBackup() throws {
        let (sandbox, broken) = try Self.brokenJournalWithBackups()
        let backupTwo = sandbox.bytes(sandbox.journal + ".2")
        let backupsBefore = sandbox.names().filter { $0.range(of: #"^journal\.json\.[0-9]+$"#, options: .regularExpression) != nil }
        let outcome = try sandbox.lumbar(["recover", "--restore", "2"], now: "2026-03-05T12:00:00Z")
        #expect(outcome.status == .exited(0), "\(outcome)")
        let journal = try sandbox.load()
        #expect(journal.checkIns.map(\.note) == ["rel-1", "rel-2"])
        #expect(journal == (try JournalCodec.decode(backupTwo)))
        let aside = sandbox.names().filter { $0.hasPrefix("journal.json.broken-") }
        #expect(aside.count == 1, "\(sandbox.names())")
        if let name = aside.first {
            let kept = sandbox.bytes(sandbox.directory + "/" + name) == broken
            #expect(kept, "the broken journal was not kept byte for byte")
            #expect(outcome.stdout.contains(name), "the message does not say where the broken journal went: \(outcome.stdout)")
            #expect((sandbox.mode(name) ?? 0) & 0o077 == 0)
        }
        #expect((sandbox.mode("journal.json") ?? 0) == 0o600)
        let backupsAfter = sandbox.names().filter { $0.range(of: #"^journal\.json\.[0-9]+$"#, options: .regularExpression) != nil }
        #expect(backupsAfter == backupsBefore, "restoring removed a backup")
        // The restored journal takes new check-ins as usual.
        #expect(try sandbox.lumbar(["checkin", "--pain", "1", "--note", "rel-after"]).status == .exited(0))
        #expect(try sandbox.load().checkIns.count == 3)
    }

    @Test("Two restores in the same second keep both moved-aside journals: nothing is ever deleted")
    func restoringTwiceDeletesNothing() throws {
        let (sandbox, broken) = try Self.brokenJournalWithBackups()
        let now = "2026-03-05T12:00:00Z"
        #expect(try sandbox.lumbar(["recover", "--restore", "1"], now: now).status == .exited(0))
        let firstRestore = sandbox.bytes()
        #expect(try sandbox.lumbar(["recover", "--restore", "3"], now: now).status == .exited(0))
        let aside = sandbox.names().filter { $0.hasPrefix("journal.json.broken-") }
        let contents = aside.map { sandbox.bytes(sandbox.directory + "/" + $0) }
        #expect(aside.count == 2, "a moved-aside journal was overwritten: \(sandbox.names())")
        #expect(contents.contains(broken), "the original broken journal is gone")
        #expect(contents.contains(firstRestore), "the journal restored first is gone")
        #expect(try sandbox.load().checkIns.map(\.note) == ["rel-1"])
    }

    @Test("Restoring a backup that does not exist or cannot be read: a clear error and the journal untouched")
    func refusesBadRestores() throws {
        let (sandbox, broken) = try Self.brokenJournalWithBackups()
        let missing = try sandbox.lumbar(["recover", "--restore", "9"])
        #expect(missing.status == .exited(64), "\(missing)")
        #expect(missing.stderr.contains("no backup 9"), "\(missing.stderr)")
        try sandbox.write(Array("not json".utf8), to: sandbox.journal + ".2")
        let unreadable = try sandbox.lumbar(["recover", "--restore", "2"])
        #expect(unreadable.status == .exited(65), "\(unreadable)")
        #expect(unreadable.stderr.contains(sandbox.journal + ".2"), "\(unreadable.stderr)")
        let unchanged = sandbox.bytes() == broken
        #expect(unchanged)
        #expect(!sandbox.names().contains { $0.hasPrefix("journal.json.broken-") }, "the journal was moved aside for a restore that failed")
        let listing = try sandbox.lumbar(["recover"])
        #expect(listing.stdout.split(separator: "\n").contains { $0.hasPrefix("backup 2 ") && $0.contains("unreadable") }, "\(listing.stdout)")
    }

    @Test("With the journal deleted, recover still lists the backups and restores one")
    func journalDeleted() throws {
        let (sandbox, _) = try Self.brokenJournalWithBackups()
        unlink(sandbox.journal)
        let outcome = try sandbox.lumbar(["recover", "--restore", "1"])
        #expect(outcome.status == .exited(0), "\(outcome)")
        #expect(try sandbox.load().checkIns.count == 3)
    }
}

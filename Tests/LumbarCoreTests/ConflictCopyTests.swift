import Foundation
import Testing
@testable import LumbarCore

/// Which files beside the journal are a sync tool's conflict copy of it, by each tool's real naming.
@Suite struct ConflictCopyTests {
    typealias Tool = ConflictCopy.Tool

    @Test(
        "Each tool's real conflict names for journal.json are recognised as that tool's",
        arguments: [
            // Syncthing: name.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.ext (device id: 7 characters of base32).
            ("journal.sync-conflict-20261201-101500-ABCDEFG.json", Tool.syncthing),
            ("journal.sync-conflict-20261201-101500-TNE3DJ4.json", .syncthing),
            // Syncthing before v0.14 named no device.
            ("journal.sync-conflict-20261201-101500.json", .syncthing),
            // Nextcloud desktop: " (conflicted copy[ USER] yyyy-MM-dd hhmmss)" before the extension.
            ("journal (conflicted copy 2026-12-01 101500).json", .nextcloud),
            ("journal (conflicted copy sam 2026-12-01 101500).json", .nextcloud),
            ("journal (conflicted copy Sam Doe 2026-12-01 101500).json", .nextcloud),
            ("journal (conflicted copy).json", .nextcloud),
            // ownCloud and old Nextcloud clients.
            ("journal_conflict-20261201-101500.json", .nextcloud),
            // Dropbox: " (NAME's conflicted copy YYYY-MM-DD)", numbered when one day has several.
            ("journal (Sam's conflicted copy 2026-12-01).json", .dropbox),
            ("journal (Sam Doe's conflicted copy 2026-12-01).json", .dropbox),
            ("journal (Sam's conflicted copy 2026-12-01 (1)).json", .dropbox),
            ("journal (Sam's conflicted copy 2026-12-01) (2).json", .dropbox),
            ("journal (Sam\u{2019}s conflicted copy 2026-12-01).json", .dropbox),
        ])
    func recognisesRealNames(name: String, tool: Tool) {
        #expect(ConflictCopy.tool(naming: name, asCopyOf: "journal.json") == tool)
    }

    @Test(
        "Names that are not quite a conflict copy of this journal are not taken",
        arguments: [
            "journal.json",  // the journal itself
            "journal.json.1", "journal.json.lock", "journal.json.tmp-12-3", "journal.json.broken-1764583200",
            "journal.json.sync-conflict-20261201-101500-ABCDEFG.1",  // a conflict copy of a backup
            "journal.sync-conflict-20261201-101500-ABCDEFG.json.1",
            "other.sync-conflict-20261201-101500-ABCDEFG.json",  // another file's copy
            "journal2.sync-conflict-20261201-101500-ABCDEFG.json",
            "Journal.sync-conflict-20261201-101500-ABCDEFG.json",  // names are case-sensitive
            "journal.sync-conflict-2026121-101500-ABCDEFG.json",  // a digit short
            "journal.sync-conflict-20261201-1015-ABCDEFG.json",
            "journal.sync-conflict-20261201-101500-ABCDEF.json",  // device id a letter short
            "journal.sync-conflict-20261201-101500-abcdefg.json",  // device ids are upper case
            "journal.sync-conflict-20261201-101500-ABCDEFG.txt",  // another extension
            "journal.sync-conflict-20261201-101500-ABCDEFG",
            "journal (copy).json",
            "journal (conflicted copy 2026-12-01).json",  // Nextcloud always has the time
            "journal (conflicted copy 2026-12-01 1015).json",
            "journal (conflicted copy 2026-12-01 101500) notes.json",
            "journal (conflicted copy (sam) 2026-12-01 101500).json",
            "journal.json (conflicted copy 2026-12-01 101500)",  // the tag goes before the extension
            "journal(conflicted copy 2026-12-01 101500).json",
            "journal_conflict-2026-12-01-101500.json",
            "journal (Sam's conflicted copy).json",  // Dropbox always has the date
            "journal ('s conflicted copy 2026-12-01).json",  // ... and a name
            "journal (Sam's conflicted copy 2026-12-01)(1).json",
            "journal (Sam's copy 2026-12-01).json",
            "merged-conflicts",
        ])
    func refusesNearMisses(name: String) {
        #expect(ConflictCopy.tool(naming: name, asCopyOf: "journal.json") == nil)
    }

    @Test("Patterns follow the journal's own file name (--store may name any file)")
    func followsTheJournalName() {
        #expect(ConflictCopy.tool(naming: "back.sync-conflict-20261201-101500-ABCDEFG.json", asCopyOf: "back.json") == .syncthing)
        #expect(ConflictCopy.tool(naming: "journal.sync-conflict-20261201-101500-ABCDEFG.json", asCopyOf: "back.json") == nil)
        // No extension: the tag goes at the end.
        #expect(ConflictCopy.tool(naming: "log.sync-conflict-20261201-101500-ABCDEFG", asCopyOf: "log") == .syncthing)
        #expect(ConflictCopy.tool(naming: "log (conflicted copy 2026-12-01 101500)", asCopyOf: "log") == .nextcloud)
        // Several dots: only the last starts the extension.
        #expect(ConflictCopy.tool(naming: "my.back.sync-conflict-20261201-101500-ABCDEFG.json", asCopyOf: "my.back.json") == .syncthing)
        #expect(ConflictCopy.tool(naming: "my.back (Sam's conflicted copy 2026-12-01).json", asCopyOf: "my.back.json") == .dropbox)
        // A hidden file: Go (Syncthing) takes ".lumbar" as the extension, Nextcloud as the name.
        #expect(ConflictCopy.tool(naming: ".sync-conflict-20261201-101500-ABCDEFG.lumbar", asCopyOf: ".lumbar") == .syncthing)
        #expect(ConflictCopy.tool(naming: ".lumbar (conflicted copy 2026-12-01 101500)", asCopyOf: ".lumbar") == .nextcloud)
        // Spaces and non-ASCII in the journal's name.
        #expect(ConflictCopy.tool(naming: "rücken log (conflicted copy 2026-12-01 101500).json", asCopyOf: "rücken log.json") == .nextcloud)
    }

    @Test("Only regular files directly beside the journal are found, in name order; folders and links are not")
    func findsRegularFilesBesideTheJournal() throws {
        let dir = TempDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/merged-conflicts/2026-12-01", withIntermediateDirectories: true)
        let names = [
            "journal.sync-conflict-20261201-101500-ABCDEFG.json", "journal (conflicted copy 2026-12-01 101500).json",
            "journal.json", "journal.json.1", "notes.txt",
        ]
        for name in names { _ = FileManager.default.createFile(atPath: dir.file(name), contents: Data("{}".utf8)) }
        // A copy already moved aside is inside the merged folder, never beside the journal.
        _ = FileManager.default.createFile(
            atPath: dir.file("merged-conflicts/2026-12-01/journal.sync-conflict-20261130-090000-ABCDEFG.json"), contents: Data("{}".utf8))
        try FileManager.default.createDirectory(
            atPath: dir.file("journal.sync-conflict-20261201-111500-ABCDEFG.json"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: dir.file("journal.sync-conflict-20261201-121500-ABCDEFG.json"), withDestinationPath: dir.file("notes.txt"))
        let found = ConflictCopy.find(beside: dir.file("journal.json"))
        #expect(found.map(\.name) == ["journal (conflicted copy 2026-12-01 101500).json", "journal.sync-conflict-20261201-101500-ABCDEFG.json"])
        #expect(found.map(\.tool) == [.nextcloud, .syncthing])
        #expect(found.first?.path == dir.file("journal (conflicted copy 2026-12-01 101500).json"))
        #expect(ConflictCopy.find(beside: dir.file("missing/journal.json")).isEmpty)
    }
}

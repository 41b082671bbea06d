import Foundation
import Testing

@Suite struct InterchangeTests {
    @Test func csvExportImportExportIsIdentical() throws {
        let source = BinaryRunner()
        try source.run(["checkin", "--at", "2026-03-03T08:00", "--pain", "5", "--worst", "6", "--symptom", "stiffness,spasm", "--care", "heat", "--note", "comma, \"quote\"\nnewline"])
        try source.run(["checkin", "--at", "2026-03-04T08:00", "--pain", "0"])
        let first = try source.run(["export", "--format", "csv"])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("id,date,at,pain,worst,symptoms,care,note,updatedAt\r\n"))
        let file = source.directory + "/export.csv"
        try Data(first.stdout.utf8).write(to: URL(fileURLWithPath: file))
        let target = BinaryRunner()
        #expect(try target.run(["import", file]).stdout.contains("2 added"))
        #expect(try target.run(["import", file]).stdout.contains("0 added, 0 updated, 2 unchanged"))
        #expect(try target.run(["export", "--format", "csv"]).stdout == first.stdout)
    }

    @Test func aFileThatIsNeitherJSONNorTextIsRefusedAndChangesNothing() throws {
        let lumbar = BinaryRunner()
        try lumbar.run(["checkin", "--at", "2026-03-01T08:00", "--pain", "1"])
        let before = FileManager.default.contents(atPath: lumbar.storePath)
        let file = lumbar.directory + "/sheet.xlsx"
        try Data([0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE, 0x00, 0x80]).write(to: URL(fileURLWithPath: file))
        let run = try lumbar.run(["import", file])
        #expect(run.status == 65)
        #expect(run.stderr.contains("neither JSON nor UTF-8 text"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(FileManager.default.contents(atPath: lumbar.storePath) == before)
    }

    @Test func editWithNothingToChangeIsRefused() throws {
        let lumbar = BinaryRunner()
        let logged = try lumbar.run(["checkin", "--at", "2026-03-01T08:00", "--pain", "4"])
        let id = try #require(logged.stdout.split(separator: "[id ").last?.prefix(8))
        let before = FileManager.default.contents(atPath: lumbar.storePath)
        let run = try lumbar.run(["edit", String(id)])
        #expect(run.status == 64 && run.stderr.contains("nothing to change"))
        #expect(FileManager.default.contents(atPath: lumbar.storePath) == before)
    }

    @Test func aBadRowImportsNothingUnlessSkipBad() throws {
        let lumbar = BinaryRunner()
        try lumbar.run(["checkin", "--at", "2026-03-01T08:00", "--pain", "1"])
        let before = FileManager.default.contents(atPath: lumbar.storePath)
        let file = lumbar.directory + "/sheet.csv"
        try Data("date,pain,note\n2026-03-05,4,ok\n2026-03-06,eleven,bad\n".utf8).write(to: URL(fileURLWithPath: file))
        let refused = try lumbar.run(["import", file])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("row 3: pain must be a whole number"))
        #expect(refused.stderr.contains("nothing was imported"))
        #expect(FileManager.default.contents(atPath: lumbar.storePath) == before)
        let skipped = try lumbar.run(["import", file, "--skip-bad"])
        #expect(skipped.status == 0 && skipped.stdout.contains("1 added") && skipped.stdout.contains("1 bad rows skipped"))
    }

    @Test func mergeCarriesDeletionsFromBothSides() throws {
        let laptop = BinaryRunner()
        let desktop = BinaryRunner()
        let a = try laptop.run(["checkin", "--at", "2026-03-01T08:00", "--pain", "3"])
        let b = try laptop.run(["checkin", "--at", "2026-03-02T08:00", "--pain", "2"])
        try laptop.run(["checkin", "--at", "2026-03-02T20:00", "--pain", "2"])
        try FileManager.default.createDirectory(atPath: desktop.directory + "/data", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: laptop.storePath, toPath: desktop.storePath)
        let idA = try #require(a.stdout.split(separator: "[id ").last?.prefix(8))
        let idB = try #require(b.stdout.split(separator: "[id ").last?.prefix(8))
        // Each machine deletes a different entry; the desktop also logs a new one.
        #expect(try laptop.run(["delete", String(idA)]).status == 0)
        #expect(try desktop.run(["delete", String(idB)]).status == 0)
        #expect(try desktop.run(["checkin", "--at", "2026-03-03T08:00", "--pain", "1"]).status == 0)
        let merged = try desktop.run(["merge", laptop.storePath])
        #expect(merged.status == 0 && merged.stdout.contains("1 deleted"), "\(merged.stdout)\(merged.stderr)")
        let back = try laptop.run(["merge", desktop.storePath])
        #expect(back.stdout.contains("1 added") && back.stdout.contains("1 deleted"), "\(back.stdout)")
        for machine in [laptop, desktop] {
            let dump = try #require(try BinaryRunner.json(try machine.run(["history", "--json"]).stdout) as? [String: Any])
            let times = (dump["checkIns"] as? [[String: Any]])?.compactMap { $0["at"] as? String }
            #expect(times == ["2026-03-02T20:00:00+01:00", "2026-03-03T08:00:00+01:00"])
        }
        // Merging again changes nothing on either side.
        #expect(try desktop.run(["merge", laptop.storePath]).stdout.contains("0 added, 0 updated"))
    }
}

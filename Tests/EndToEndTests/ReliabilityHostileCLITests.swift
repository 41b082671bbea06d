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

/// The committed fixtures, found from this file's path.
enum ReliabilityFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static func names(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []).filter { !$0.hasPrefix(".") && $0 != "README.md" }
            .sorted()
    }

    static func bytes(_ folder: String, _ name: String) -> [UInt8] {
        FileManager.default.contents(atPath: root + "/" + folder + "/" + name).map { [UInt8]($0) } ?? []
    }
}

/// Promise 4 through the real binary: a hostile journal gets one clear line naming its path, a non-zero exit, no crash, no hang, and stays untouched.
@Suite("Reliability: hostile journals (command line)")
struct ReliabilityHostileCLITests {
    /// Commands that read the journal; `checkin` also tries to write it.
    static let commands: [[String]] = [["history"], ["checkin", "--pain", "3", "--note", "rel-x"], ["status"], ["export"]]

    /// Runs every command on `bytes` as the journal and checks the promise; returns the outcomes.
    static func expectRefused(
        _ bytes: [UInt8], label: String, commands: [[String]] = commands,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let sandbox = try ReliabilitySandbox()
        try sandbox.write(bytes)
        let before = JournalFingerprint.current(of: sandbox.journal)
        for command in commands {
            let outcome = try sandbox.lumbar(command, timeout: 30)
            let name = "\(label), lumbar \(command[0])"
            #expect(
                outcome.status == .exited(65), "\(name): expected exit 65 (unreadable data), got \(outcome.status)", sourceLocation: sourceLocation)
            let lines = outcome.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(name): the error is not one line: \(outcome.stderr.debugDescription)", sourceLocation: sourceLocation)
            let terminalControls = outcome.stderr.dropLast().unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
            #expect(
                !terminalControls, "\(name): the error passes control characters to the terminal: \(outcome.stderr.debugDescription)",
                sourceLocation: sourceLocation)
            #expect(
                outcome.stderr.hasPrefix("lumbar: error: ") && outcome.stderr.contains(sandbox.journal),
                "\(name): the error does not name the journal: \(outcome.stderr)", sourceLocation: sourceLocation)
            #expect(outcome.stdout.isEmpty, "\(name): printed \(outcome.stdout.prefix(200))", sourceLocation: sourceLocation)
        }
        let unchanged = sandbox.bytes() == bytes
        #expect(unchanged, "\(label): the journal's bytes changed", sourceLocation: sourceLocation)
        #expect(JournalFingerprint.current(of: sandbox.journal) == before, "\(label): the journal was rewritten", sourceLocation: sourceLocation)
        #expect(
            Set(sandbox.names()).subtracting(["journal.json", "journal.json.lock"]).isEmpty,
            "\(label): files appeared: \(sandbox.names())", sourceLocation: sourceLocation)
    }

    @Test("Each broken journal in the corpus, through history, checkin, status and export", arguments: ReliabilityFixtures.names("hostile"))
    func corpusFile(name: String) throws {
        try Self.expectRefused(ReliabilityFixtures.bytes("hostile", name), label: name)
    }

    @Test("A valid journal truncated at many bytes (every byte in the thorough run), through checkin")
    func truncated() throws {
        let full = ReliabilityFixtures.bytes("valid", "small.json")
        try #require(full.count > 500)
        let content = full.count - full.reversed().prefix { $0 == 0x0A || $0 == 0x20 }.count
        let step = Reliability.thorough ? 1 : 61
        for length in stride(from: 0, to: content, by: step) {
            try Self.expectRefused(Array(full[..<length]), label: "cut at byte \(length)", commands: [["checkin", "--pain", "3"]])
        }
    }

    @Test("100,000-deep nesting, a 100 MB file, a megabyte of NULs and 40 MB of blanks: refused, no crash, no hang")
    func generatedMonsters() throws {
        let depth = 100_000
        try Self.expectRefused(
            Array("{\"schemaVersion\":1,\"x\":".utf8) + [UInt8](repeating: UInt8(ascii: "["), count: depth),
            label: "100,000-deep arrays", commands: [["checkin", "--pain", "3"], ["history"]])
        try Self.expectRefused(
            Array(repeating: Array("{\"a\":".utf8), count: depth).flatMap { $0 },
            label: "100,000-deep objects", commands: [["checkin", "--pain", "3"]])
        try Self.expectRefused([UInt8](repeating: 0, count: 1_048_576), label: "1 MB of NULs", commands: [["checkin", "--pain", "3"]])
        var blanks = [UInt8](repeating: 0x20, count: 40 * 1_048_576)
        blanks.append(contentsOf: Array("}".utf8))
        try Self.expectRefused(blanks, label: "40 MB of blanks", commands: [["checkin", "--pain", "3"]])

        // A 100 MB file: sparse, so it costs no disk, but it is 100 MB to every reader.
        let sandbox = try ReliabilitySandbox()
        let fd = open(sandbox.journal, O_WRONLY | O_CREAT, 0o600)
        #expect(fd >= 0 && ftruncate(fd, 100 * 1_048_576) == 0)
        close(fd)
        let before = JournalFingerprint.current(of: sandbox.journal)
        let start = Date()
        let outcome = try sandbox.lumbar(["checkin", "--pain", "3"], timeout: 30)
        #expect(outcome.status == .exited(65), "\(outcome)")
        #expect(outcome.stderr.contains(sandbox.journal) && outcome.stderr.contains("100 MiB"), "\(outcome.stderr)")
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(JournalFingerprint.current(of: sandbox.journal) == before)
    }

    @Test("A journal from a newer lumbar: history reads it, checkin refuses to rewrite it and says to upgrade")
    func futureSchema() throws {
        let bytes = ReliabilityFixtures.bytes("valid", "future-schema.json")
        let sandbox = try ReliabilitySandbox()
        try sandbox.write(bytes)
        let history = try sandbox.lumbar(["history"])
        #expect(history.status == .exited(0), "\(history)")
        let checkin = try sandbox.lumbar(["checkin", "--pain", "3"])
        #expect(checkin.status == .exited(65), "\(checkin)")
        #expect(checkin.stderr.contains(sandbox.journal) && checkin.stderr.contains("newer lumbar"), "\(checkin.stderr)")
        let unchanged = sandbox.bytes() == bytes
        #expect(unchanged)
    }

    @Test(
        "Importing or merging a hostile file: one line naming that file, exit 65, the journal untouched",
        arguments: [
            "nul-filled.json", "truncated-in-string.json", "wrong-type-pain-string.json", "invalid-utf8-note.json", "huge-number-pain-exponent.json",
        ])
    func hostileImport(name: String) throws {
        let sandbox = try ReliabilitySandbox()
        #expect(try sandbox.lumbar(["checkin", "--pain", "2", "--note", "rel-mine"]).status == .exited(0))
        let before = sandbox.bytes()
        let incoming = sandbox.directory + "/incoming.json"
        try sandbox.write(ReliabilityFixtures.bytes("hostile", name), to: incoming)
        for command in ["import", "merge"] {
            let outcome = try sandbox.lumbar([command, incoming])
            #expect(outcome.status == .exited(65), "\(command) \(name): \(outcome)")
            #expect(outcome.stderr.split(separator: "\n").count == 1 && outcome.stderr.contains(incoming), "\(command) \(name): \(outcome.stderr)")
        }
        let unchanged = sandbox.bytes() == before
        #expect(unchanged, "a refused import changed the journal")
    }
}

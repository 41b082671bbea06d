import Foundation
import Testing

/// The bash completion script lumbar generates, run through bash's own completion machinery:
/// the script is sourced, COMP_WORDS and COMP_CWORD are set as bash sets them, the completion
/// function is called, and COMPREPLY is what a person would be offered.
@Suite struct CompletionTests {
    /// The words offered for the command line `words` (the last one is being completed), sorted.
    static func offered(_ words: [String], in directory: String? = nil) throws -> [String] {
        let script = try BinaryRunner().run(["--generate-completion-script", "bash"], store: false)
        #expect(script.status == 0, "\(script.stderr)")
        let dir = NSTemporaryDirectory() + "lumbar-completion-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/lumbar.bash"
        try script.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let program = """
            source \(path)
            COMP_WORDS=(\(quoted)); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
            _lumbar lumbar "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", program]
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? dir)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.isEmpty }.sorted()
    }

    @Test func symptomKeysAreOfferedAfterSymptom() throws {
        let offered = try Self.offered(["lumbar", "checkin", "--symptom", ""])
        #expect(offered.count == 22)
        #expect(offered.contains("stiffness") && offered.contains("leg-weakness"))
        #expect(try Self.offered(["lumbar", "checkin", "--symptom", "sti"]) == ["stiffness"])
    }

    @Test func noOffersOnlyWarningSigns() throws {
        let offered = try Self.offered(["lumbar", "checkin", "--no", ""])
        #expect(offered.count == 18)
        #expect(!offered.contains("stiffness") && offered.contains("bladder-bowel"))
    }

    @Test(arguments: [
        (
            ["lumbar", "checkin", "--care", ""],
            ["active", "core-exercise", "heat", "ice", "massage", "pain-relief", "physio", "rest", "stretching", "walking"]
        ),
        (["lumbar", "status", "--fail-at", ""], ["emergency", "info", "none", "see-doctor", "urgent", "watch"]),
        (["lumbar", "show", ""], ["chart", "guide", "history", "profile", "report", "status", "today", "training"]),
        (["lumbar", "profile", "--history", ""], ["cancer", "immunosuppression", "iv-drugs", "none", "osteoporosis", "steroids"]),
        (["lumbar", "assessed", "--rule", "leg"], ["leg-weakness"]),
        (["lumbar", "checkin", "--pain", "1"], ["1", "10"]),
        (["lumbar", "edit", "abcd", "--worst", "n"], ["none"]),
        (["lumbar", "session", "--rpe", ""], ["1", "10", "2", "3", "4", "5", "6", "7", "8", "9"]),
        (["lumbar", "export", "--format", ""], ["csv", "json"]),
        (["lumbar", "report", "--format", ""], ["html", "md"]),
        (["lumbar", "chec"], ["checkin"]),
    ])
    func enumeratedValuesAreOffered(words: [String], expected: [String]) throws {
        #expect(try Self.offered(words) == expected)
    }

    @Test(arguments: [
        ["lumbar", "status", "--store", ""],
        ["lumbar", "import", ""],
        ["lumbar", "merge", ""],
        ["lumbar", "export", "--output", ""],
        ["lumbar", "checkin", "--note-file", ""],
    ])
    func fileNamesAreOfferedForPaths(words: [String]) throws {
        let dir = NSTemporaryDirectory() + "lumbar-completion-files-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["journal.json", "checkins.csv"] {
            #expect(FileManager.default.createFile(atPath: dir + "/" + name, contents: Data()))
        }
        #expect(try Self.offered(words, in: dir) == ["checkins.csv", "journal.json"])
    }
}

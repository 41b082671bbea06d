import Foundation
import Testing

/// The manual pages `lumbar _manual` writes, rendered by `man -l` as a person would read them.
@Suite(.serialized) struct ManualPageTests {
    /// Whether `man` and groff are installed (CI installs them; `.ci/run`).
    static let manWorks =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/man")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/groff")
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Writes the pages into a new directory and returns it.
    static func writePages() throws -> String {
        let dir = NSTemporaryDirectory() + "lumbar-man-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let run = try BinaryRunner().run(["_manual", dir], store: false)
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        return dir
    }

    /// `man -l PAGE` as plain text, with the exit status and anything man or groff complained about.
    static func render(_ page: String) throws -> (status: Int32, text: String, warnings: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/man")
        process.arguments = ["-l", page]
        process.environment = [
            "MANWIDTH": "80", "MAN_KEEP_FORMATTING": "", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
            "MANROFFSEQ": "", "GROFF_NO_SGR": "1", "MANPAGER": "cat", "PAGER": "cat",
        ]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let text = out.fileHandleForReading.readDataToEndOfFile()
        let warnings = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // man may still overstrike for bold on a non-terminal: drop "x\bx".
        let plain = String(decoding: text, as: UTF8.self).replacingOccurrences(of: ".\u{8}", with: "", options: .regularExpression)
        return (process.terminationStatus, plain, String(decoding: warnings, as: UTF8.self))
    }

    @Test func everyCommandHasAPageNamedLumbarDashCommand() throws {
        let dir = try Self.writePages()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        // The commands ArgumentParser parses, as it describes them (hidden ones and its own help aside).
        let dump = try BinaryRunner().run(["--experimental-dump-help"], store: false).stdout
        let root = try #require(try BinaryRunner.json(dump) as? [String: Any])
        let tree = try #require(root["command"] as? [String: Any])
        let commands = (tree["subcommands"] as? [[String: Any]] ?? [])
            .filter { ($0["shouldDisplay"] as? Bool) != false }
            .compactMap { $0["commandName"] as? String }.filter { $0 != "help" }
        #expect(commands.contains("checkin") && commands.contains("assessed"), "\(commands)")
        #expect(Set(files) == Set(["lumbar.1"] + commands.map { "lumbar-\($0).1" }), "\(files)")
        #expect(!files.contains { $0.contains("_manual") || $0 == "lumbar-help.1" })
    }

    @Test(.enabled(if: manWorks || isCI, "needs man-db and groff (required when CI=true)"))
    func everyPageRendersWithEverySection() throws {
        let dir = try Self.writePages()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files.count >= 19)
        for file in files {
            let page = try Self.render(dir + "/" + file)
            #expect(page.status == 0, "\(file): \(page.warnings)")
            #expect(page.warnings.isEmpty, "\(file): \(page.warnings)")
            let headings = Set(page.text.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.isEmpty }.map(String.init))
            for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXAMPLES", "ENVIRONMENT", "FILES", "EXIT STATUS", "SEE ALSO"] {
                #expect(headings.contains(section), "\(file) has no \(section): \(headings.sorted())")
            }
            // Every page names the environment lumbar reads and the statuses it exits with.
            for word in ["LUMBAR_STORE", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "LUMBAR_CONFIG", "NO_COLOR", "TERM", "EDITOR", "LUMBAR_NOW", "64", "75"]
            {
                #expect(page.text.contains(word), "\(file) does not mention \(word)")
            }
            #expect(!page.text.contains("‐\n"), "\(file) hyphenates a word at a line end")
        }
    }

    @Test(.enabled(if: manWorks || isCI, "needs man-db and groff (required when CI=true)"))
    func checkinPageListsItsOptionsAndExamples() throws {
        let dir = try Self.writePages()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let page = try Self.render(dir + "/lumbar-checkin.1")
        #expect(
            page.text.contains("lumbar-checkin - Log a check-in") || page.text.contains("lumbar-checkin — Log a check-in"), "\(page.text.prefix(300))"
        )
        for option in [
            "--pain 0-10", "--symptom key", "--no key", "--no-other-signs", "--care key", "--note-file path", "--at time", "--date date",
            "--store path",
        ] {
            #expect(page.text.contains(option), "no \(option)")
        }
        #expect(page.text.contains("lumbar checkin --pain 2 --no numbness,tingling"))
        #expect(page.text.contains("lumbar checkin --date yesterday --pain 2\n"), "each example command on its own line")
    }

    @Test(.enabled(if: manWorks || isCI, "needs man-db and groff (required when CI=true)"))
    func lumbarPageListsTheTUIKeysAndEveryCommand() throws {
        let dir = try Self.writePages()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let page = try Self.render(dir + "/lumbar.1")
        #expect(page.text.contains("\nKEYS\n"))
        for key in ["t s h c g", "PgUp PgDn", "quit (asks only if a check-in is unsaved)", "Chart range"] {
            #expect(page.text.contains(key), "no \(key)")
        }
        for command in ["checkin", "status", "history", "assessed", "undelete"] {
            #expect(page.text.contains("lumbar-\(command)(1)"), "no lumbar-\(command)(1)")
        }
    }

    @Test func manualNeedsAnExistingDirectory() throws {
        let run = try BinaryRunner().run(["_manual", "/nonexistent/lumbar-man"], store: false)
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("/nonexistent/lumbar-man"))
    }

    @Test func theHiddenCommandIsNeverSuggestedNorListed() throws {
        let help = try BinaryRunner().run(["--help"], store: false)
        #expect(!help.stdout.contains("_manual"))
        let typo = try BinaryRunner().run(["manual"], store: false)
        #expect(typo.status == 64 && !typo.stderr.contains("_manual"), "\(typo.stderr)")
    }
}

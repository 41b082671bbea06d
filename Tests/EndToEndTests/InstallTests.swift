import Foundation
import Testing

/// `scripts/install` into a temporary prefix with the binary under test: `man lumbar-checkin`
/// finds its page there, completions are in place, and `--uninstall` takes it all away again.
@Suite struct InstallTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test(.enabled(if: ManualPageTests.manWorks || ManualPageTests.isCI, "needs man-db and groff (required when CI=true)"))
    func installThenManLumbarCheckinThenUninstall() throws {
        let prefix = NSTemporaryDirectory() + "lumbar-prefix-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let environment = ["PREFIX": prefix, "LUMBAR_BIN": BinaryRunner.executable, "PATH": "/usr/bin:/bin", "HOME": prefix]
        let installed = try Self.run("/bin/bash", [Self.root + "/scripts/install"], environment: environment)
        #expect(installed.status == 0, "\(installed.out)\(installed.err)")
        let manDir = prefix + "/share/man/man1"
        let pages = try FileManager.default.contentsOfDirectory(atPath: manDir)
        #expect(pages.contains("lumbar.1") && pages.contains("lumbar-checkin.1") && pages.contains("lumbar-assessed.1"), "\(pages)")
        for file in [
            "/bin/lumbar", "/share/bash-completion/completions/lumbar", "/share/zsh/site-functions/_lumbar",
            "/share/fish/vendor_completions.d/lumbar.fish",
        ] {
            #expect(FileManager.default.fileExists(atPath: prefix + file), "\(file) missing")
        }

        // `man lumbar-checkin` by name, the way a person looks it up.
        let page = try Self.run(
            "/usr/bin/man", ["-M", prefix + "/share/man", "lumbar-checkin"],
            environment: ["PATH": "/usr/bin:/bin", "MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "80", "LANG": "C.UTF-8"])
        #expect(page.status == 0, "\(page.err)")
        #expect(page.out.contains("EXAMPLES") && page.out.contains("--no-other-signs"), "\(page.out.prefix(400))")

        let removed = try Self.run("/bin/bash", [Self.root + "/scripts/install", "--uninstall"], environment: environment)
        #expect(removed.status == 0, "\(removed.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: manDir).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: prefix + "/bin/lumbar"))
    }
}

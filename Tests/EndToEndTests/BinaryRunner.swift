import Foundation
import Testing
import LumbarTestSupport

/// Runs the built `lumbar` binary as a subprocess, the way a person or a script would.
struct BinaryRunner {
    /// The result of one run.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `lumbar` executable built beside this test bundle (or `LUMBAR_BIN`).
    static let executable: String = {
        if let path = ProcessInfo.processInfo.environment["LUMBAR_BIN"], !path.isEmpty { return path }
        var candidates: [URL] = []
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(argument0.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        for directory in candidates {
            var dir = directory
            for _ in 0..<4 {
                let candidate = dir.appendingPathComponent("lumbar").path
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                    FileManager.default.isExecutableFile(atPath: candidate)
                {
                    return candidate
                }
                dir.deleteLastPathComponent()
            }
        }
        return "lumbar"
    }()

    /// The directory that holds the store for this runner.
    let directory: String
    /// Keeps the directory for as long as a copy of the runner exists, then removes it.
    private let scratch: TemporaryDirectory
    /// Environment for every run (TZ fixed, no colour).
    var environment: [String: String]

    /// A runner with a fresh store directory and a fixed time zone.
    init(timeZone: String = "Europe/Stockholm") {
        scratch = TemporaryDirectory("e2e")
        directory = scratch.path
        environment = ["TZ": timeZone, "HOME": directory, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    }

    /// The journal path used by `run`.
    var storePath: String { directory + "/data/journal.json" }

    /// Runs `lumbar` with `arguments` plus `--store` for this runner (unless `store` is false).
    @discardableResult
    func run(_ arguments: [String], store: Bool = true, stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        var args = arguments
        if store, !arguments.isEmpty { args += ["--store", storePath] }
        process.arguments = args
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Parses JSON text from a run with Foundation (independent of lumbar's own parser).
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}

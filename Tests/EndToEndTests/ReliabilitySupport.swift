import Foundation
import LumbarCore
import Testing
import LumbarTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the built `lumbar` binary (and `strace`) for the reliability tests, one fresh directory per test.
///
/// Processes are started with `posix_spawn` and their output goes to files, so hundreds of
/// runs cost little and a child killed mid-write can never block the test on a pipe.
enum Reliability {
    /// Whether the long runs were asked for (`LUMBAR_THOROUGH=1`); CI runs the quick ones.
    static let thorough: Bool = {
        let value = ProcessInfo.processInfo.environment["LUMBAR_THOROUGH"] ?? ""
        return !value.isEmpty && value != "0"
    }()

    /// A whole number from the environment, else `quick` (or `thorough` under `LUMBAR_THOROUGH`).
    static func count(_ variable: String, quick: Int, thorough: Int) -> Int {
        if let text = ProcessInfo.processInfo.environment[variable], let n = Int(text), n > 0 { return n }
        return Self.thorough ? thorough : quick
    }

    /// The `lumbar` binary: `LUMBAR_BIN`, else the one beside the test bundle.
    static let binary: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["LUMBAR_BIN"], !path.isEmpty { return path }
        var directories: [String] = []
        if let first = CommandLine.arguments.first {
            let absolute = first.hasPrefix("/") ? first : FileManager.default.currentDirectoryPath + "/" + first
            directories.append((absolute as NSString).deletingLastPathComponent)
        }
        let bundle = Bundle.main.bundlePath
        directories.append(bundle)
        directories.append((bundle as NSString).deletingLastPathComponent)
        return directories.map { ($0 as NSString).appendingPathComponent("lumbar") }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The `lumbar` binary, or a failed expectation that says how to provide it.
    static func lumbar() throws -> String {
        try #require(binary, "the lumbar binary was not found beside the test bundle; build it or set LUMBAR_BIN")
    }

    /// Whether `strace` can trace and inject here (it needs ptrace permission).
    /// Under CI every gated test must run: a missing tool or permission is a failure there, not a skip.
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    static let straceWorks: Bool = {
        guard let strace = straceBinary else { return false }
        let outcome = try? run(
            [
                strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=getpid",
                "-e", "inject=getpid:error=EPERM:when=1", "/bin/true",
            ], environment: [:], timeout: 20)
        return outcome?.status == .exited(0)
    }()

    /// `strace`'s path, if it is installed.
    static let straceBinary: String? = ["/usr/bin/strace", "/bin/strace", "/usr/local/bin/strace"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    // MARK: Processes

    /// How a child process ended.
    enum Status: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signaled(Int32)
        case timedOut

        var description: String {
            switch self {
            case .exited(let code): return "exit \(code)"
            case .signaled(let signal): return "killed by signal \(signal)"
            case .timedOut: return "timed out"
            }
        }
    }

    /// A finished run: status and both output streams.
    struct Outcome: CustomStringConvertible {
        var status: Status
        var stdout: String
        var stderr: String

        var description: String { "\(status); stdout: \(stdout.debugDescription); stderr: \(stderr.debugDescription)" }
    }

    /// A started child process.
    final class Child {
        let pid: pid_t
        private let outputPath: String
        private let errorPath: String
        private(set) var finished: Status?

        fileprivate init(pid: pid_t, outputPath: String, errorPath: String) {
            self.pid = pid
            self.outputPath = outputPath
            self.errorPath = errorPath
        }

        /// Sends `signal` unless the child has already been reaped.
        func send(_ signal: Int32 = SIGKILL) {
            if finished == nil { Reliability.signal(pid, signal) }
        }

        /// The status if the child has ended, without waiting.
        func poll() -> Status? {
            if let finished { return finished }
            var raw: Int32 = 0
            let result = waitpid(pid, &raw, WNOHANG)
            guard result == pid else { return nil }
            finished = Reliability.decode(raw)
            return finished
        }

        /// Waits up to `timeout` seconds; a child still running then is killed and reported as timed out.
        func wait(timeout: Double) -> Outcome {
            let deadline = Date().addingTimeInterval(timeout)
            var status = poll()
            var delay: useconds_t = 200
            while status == nil {
                if Date() >= deadline {
                    Reliability.signal(pid, SIGKILL)
                    var raw: Int32 = 0
                    _ = waitpid(pid, &raw, 0)
                    finished = .timedOut
                    status = .timedOut
                    break
                }
                usleep(delay)
                delay = min(delay * 2, 5_000)
                status = poll()
            }
            let stdout = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            let stderr = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            unlink(outputPath)
            unlink(errorPath)
            return Outcome(status: status ?? .timedOut, stdout: stdout, stderr: stderr)
        }
    }

    /// The base environment of every child: nothing inherited but `PATH`, so the user's real journal is never touched.
    static func environment(home: String, timeZone: String, extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": home,
            "TZ": timeZone,
            "LANG": "C.UTF-8",
            "NO_COLOR": "1",
            "TERM": "dumb",
        ]
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// Starts `arguments` (the first is the executable path) with stdin from /dev/null.
    static func start(_ arguments: [String], environment: [String: String], stdin: String = "/dev/null") throws -> Child {
        let scratch = NSTemporaryDirectory() + "lumbar-rel-out-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let outputPath = scratch + ".out"
        let errorPath = scratch + ".err"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard result == 0 else {
            throw SpawnError(message: "could not start \(arguments[0]): \(String(cString: strerror(result)))")
        }
        return Child(pid: pid, outputPath: outputPath, errorPath: errorPath)
    }

    /// Runs `arguments` to the end (or the timeout).
    static func run(_ arguments: [String], environment: [String: String], timeout: Double = 60, stdin: String = "/dev/null") throws -> Outcome {
        try start(arguments, environment: environment, stdin: stdin).wait(timeout: timeout)
    }

    static func signal(_ pid: pid_t, _ signal: Int32) {
        _ = kill(pid, signal)
    }

    static func decode(_ raw: Int32) -> Status {
        let signal = raw & 0x7f
        if signal == 0 { return .exited((raw >> 8) & 0xff) }
        return .signaled(signal)
    }

    /// A child could not be started.
    struct SpawnError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// A fresh private directory holding one journal, removed when the test ends.
final class ReliabilitySandbox {
    private let scratch = TemporaryDirectory("rel")
    var directory: String { scratch.path }
    let timeZone: String
    var journal: String { directory + "/journal.json" }

    init(timeZone: String = "Europe/Berlin") throws {
        self.timeZone = timeZone
    }

    /// The environment for `lumbar` in this sandbox.
    func environment(timeZone: String? = nil, now: String? = nil) -> [String: String] {
        var extra: [String: String] = [:]
        if let now { extra["LUMBAR_NOW"] = now }
        return Reliability.environment(home: directory, timeZone: timeZone ?? self.timeZone, extra: extra)
    }

    /// Runs `lumbar ARGUMENTS --store JOURNAL` to the end.
    func lumbar(
        _ arguments: [String], timeZone: String? = nil, now: String? = nil, store: String? = nil, timeout: Double = 60
    ) throws -> Reliability.Outcome {
        try Reliability.run(
            [try Reliability.lumbar()] + arguments + ["--store", store ?? journal],
            environment: environment(timeZone: timeZone, now: now), timeout: timeout)
    }

    /// Starts `lumbar ARGUMENTS --store JOURNAL` without waiting.
    func startLumbar(_ arguments: [String], timeZone: String? = nil, now: String? = nil) throws -> Reliability.Child {
        try Reliability.start(
            [try Reliability.lumbar()] + arguments + ["--store", journal],
            environment: environment(timeZone: timeZone, now: now))
    }

    /// Runs `strace OPTIONS -- lumbar ARGUMENTS --store JOURNAL`; strace's own report goes to `traceFile` or nowhere.
    func straced(
        _ options: [String], _ arguments: [String], traceFile: String = "/dev/null", now: String? = nil, timeout: Double = 60
    ) throws -> Reliability.Outcome {
        let strace = try #require(Reliability.straceBinary)
        return try Reliability.run(
            [strace, "-f", "-qq", "-o", traceFile] + options + ["--", try Reliability.lumbar()] + arguments + ["--store", journal],
            environment: environment(now: now), timeout: timeout)
    }

    /// The journal's bytes (empty when missing).
    func bytes(_ path: String? = nil) -> [UInt8] {
        (FileManager.default.contents(atPath: path ?? journal)).map { [UInt8]($0) } ?? []
    }

    /// Reads the journal with lumbar's own decoder.
    func load() throws -> Journal { try JournalStore(path: journal).load() }

    /// Writes `journal` as the store's file.
    func save(_ journal: Journal) throws {
        try PrivateFile.write(JournalCodec.encode(journal), to: self.journal)
    }

    /// Writes raw bytes as the journal file (mode 0600).
    func write(_ bytes: [UInt8], to path: String? = nil) throws {
        try PrivateFile.write(bytes, to: path ?? journal)
    }

    /// Every file in the directory with its bytes, to put the same state back before each injected run.
    func snapshot() -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in names() { files[name] = bytes(directory + "/" + name) }
        return files
    }

    /// Makes the directory hold exactly `files` again.
    func reset(to files: [String: [UInt8]]) throws {
        for name in names() { unlink(directory + "/" + name) }
        for (name, content) in files { try write(content, to: directory + "/" + name) }
    }

    /// The names in the directory.
    func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    /// Temp files a save leaves while it runs (and a crash may leave behind).
    func tempFiles() -> [String] { names().filter { $0.contains(".tmp-") } }

    /// The permission bits of a file in the sandbox.
    func mode(_ name: String) -> mode_t? {
        var info = stat()
        guard stat(directory + "/" + name, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }
}

/// Builds journals like a real person's: years of daily check-ins with sessions among them.
enum ReliabilityJournals {
    /// `years` of history ending the day before `end`: two check-ins a day, a session every third day.
    static func history(
        years: Int, endingBefore end: LocalDate = LocalDate(year: 2026, month: 3, day: 1)!,
        timeZone: ZoneInfo = ZoneInfo(identifier: "Europe/Berlin")!, seed: UInt64 = 1
    ) -> Journal {
        var random = SeededGenerator(seed: seed)
        let days = years * 365
        var checkIns: [CheckIn] = []
        var sessions: [Session] = []
        let symptoms = Symptom.known.suffix(4)
        for offset in stride(from: days, to: 0, by: -1) {
            let day = end.adding(days: -offset)
            for hour in [8, 20] {
                guard let at = local(day, hour: hour, minute: Int.random(in: 0..<60, using: &random), in: timeZone) else { continue }
                let pain = Int.random(in: 0...6, using: &random)
                checkIns.append(
                    CheckIn(
                        date: day, at: at, pain: pain, worst: pain + Int.random(in: 0...2, using: &random),
                        symptoms: pain > 3 ? [symptoms.randomElement(using: &random)!] : [],
                        care: pain > 2 ? [SelfCare.known.randomElement(using: &random)!] : [],
                        note: hour == 20 && pain > 4 ? "long day, \(pain)/10 after work" : "",
                        updatedAt: at))
            }
            if offset % 3 == 0, let at = local(day, hour: 18, minute: 30, in: timeZone) {
                sessions.append(
                    Session(
                        at: at, kind: ["run", "deadlift", "squat", "swim"].randomElement(using: &random)!,
                        minutes: Int.random(in: 20...90, using: &random), rpe: Int.random(in: 3...9, using: &random),
                        updatedAt: at))
            }
        }
        return Journal(profile: Profile(birthYear: 1980), sessions: sessions, checkIns: checkIns)
    }

    /// The instant of a wall-clock time on `day` in `timeZone`.
    static func local(_ day: LocalDate, hour: Int, minute: Int, in timeZone: ZoneInfo) -> Timestamp? {
        let text = "\(day)T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute):00"
        if case .success(let t) = Timestamp.parse(text, localTimeZone: timeZone) { return t }
        return nil
    }
}

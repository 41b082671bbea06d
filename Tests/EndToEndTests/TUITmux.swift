import Foundation
import Testing

/// A detached tmux session on a private server socket running the real `lumbar` binary, driven
/// with send-keys and read with capture-pane, as a person at a terminal would see it.
final class TUITmux {
    /// The tmux executable, if installed.
    static let tmuxPath: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let candidate = dir + "/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Whether these tests should run: tmux is here, or CI is set (then a missing tmux fails them).
    static var shouldRun: Bool { tmuxPath != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    let socket = "lumbar-e2e-\(UUID().uuidString.prefix(8))"
    let name = "tui"
    /// The journal the TUI runs on.
    let storePath: String
    /// A directory this driver owns and removes when it ends, if any.
    private let ownedDirectory: String?

    /// Starts `lumbar --store …` for `runner` at `width` × `height`.
    convenience init(width: Int = 80, height: Int = 24, runner: BinaryRunner = BinaryRunner(), extraEnvironment: [String: String] = [:]) throws {
        try FileManager.default.createDirectory(atPath: runner.directory + "/data", withIntermediateDirectories: true)
        try self.init(
            width: width, height: height, environment: runner.environment.merging(extraEnvironment) { $1 },
            storePath: runner.storePath, ownedDirectory: runner.directory)
        self.runner = runner
    }

    /// The runner whose directory the TUI uses, kept so the directory lives as long as the TUI.
    private var runner: BinaryRunner?

    /// Starts `lumbar --store storePath` with exactly `environment` (an xterm `TERM` unless it names a real one) at
    /// `width` × `height`; after it exits, the pane prints its exit status and the terminal
    /// modes, then waits.
    init(
        width: Int, height: Int, environment: [String: String], storePath: String, ownedDirectory: String? = nil,
        executable: String = BinaryRunner.executable, keepTerm: Bool = false
    ) throws {
        self.ownedDirectory = ownedDirectory
        self.storePath = storePath
        guard TUITmux.tmuxPath != nil else {
            throw TUIError("tmux is not installed; the TUI end-to-end tests need it (CI=true makes its absence a failure)")
        }
        var environment = environment
        if !keepTerm, environment["TERM"] == nil || environment["TERM"] == "dumb" { environment["TERM"] = "xterm-256color" }
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        // `trap : INT` keeps this shell alive when Ctrl-C reaches the pane's process group, as an
        // interactive shell would; lumbar still gets SIGINT with its default disposition.
        let script =
            "trap : INT; env -i \(assignments) \(Self.quote(executable)) --store \(Self.quote(storePath)); "
            + "echo LUMBAR-EXIT=$?; echo MODES: $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$') END; sleep 600"
        // The server this starts must not inherit a pipe we read to its end: it would never close.
        try tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "sh", "-c", script], capture: false)
    }

    deinit {
        // kill-server alone can leave the detached server running; end exactly what this session started.
        let pane = (try? tmux(["display-message", "-p", "-t", name, "#{pane_pid} #{pid}"])) ?? ""
        let pids = pane.split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }
        _ = try? tmux(["kill-server"], capture: false)
        if pids.count == 2 {
            kill(-pids[0], SIGKILL)  // the pane's shell and everything it started
            kill(pids[1], SIGKILL)  // the server
        }
        let socketDirectory = (ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp") + "/tmux-\(getuid())"
        unlink(socketDirectory + "/" + socket)
        if let ownedDirectory { try? FileManager.default.removeItem(atPath: ownedDirectory) }
    }

    /// Sends tmux key names ("Enter", "Escape", "C-c", "Down") or single characters.
    func press(_ keys: String...) throws {
        for key in keys { try tmux(["send-keys", "-t", name, key]) }
    }

    /// Types `text` literally.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    /// The pane's text now.
    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// The pane's text with its SGR escape sequences (colours and attributes).
    func styledScreen() throws -> String { try tmux(["capture-pane", "-e", "-p", "-t", name]) }

    /// The SGR parameters used on the pane, e.g. [1, 7, 31, 45].
    func sgrParameters() throws -> Set<Int> {
        let text = try styledScreen()
        var result = Set<Int>()
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "m") else { break }
            let body = rest[..<end]
            if body.allSatisfy({ $0.isNumber || $0 == ";" }) {
                for part in body.split(separator: ";") { if let n = Int(part) { result.insert(n) } }
            }
            rest = rest[end...]
        }
        return result
    }

    /// Waits until the pane shows `text` and returns the screen; fails with the last screen after `timeout`.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 8, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        Issue.record("timed out waiting for \"\(text)\"; the screen was:\n\(last)", sourceLocation: sourceLocation)
        throw TUIError("timed out waiting for \(text)")
    }

    /// Waits until `condition` holds for the screen and returns it; fails with the last screen after `timeout`.
    @discardableResult
    func waitUntil(
        _ what: String, timeout: Double = 8, sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(50_000)
        }
        Issue.record("timed out waiting for \(what); the screen was:\n\(last)", sourceLocation: sourceLocation)
        throw TUIError("timed out waiting for \(what)")
    }

    /// Waits for lumbar to exit with `status` and returns the screen, which then also shows the
    /// terminal's line modes after it ("MODES: icanon echo END" when restored).
    @discardableResult
    func waitForExit(_ status: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor("LUMBAR-EXIT=\(status)", sourceLocation: sourceLocation)
        return try waitFor(" END", sourceLocation: sourceLocation)
    }

    /// Resizes the tmux window (the program gets SIGWINCH).
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// The pid of the running `lumbar` (the child of the pane's shell).
    func lumbarPID() throws -> Int32 {
        let shell = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try Self.output("/usr/bin/pgrep", ["-P", shell])
        guard let pid = children.split(separator: "\n").first.flatMap({ Int32($0) }) else { throw TUIError("lumbar is not running") }
        return pid
    }

    /// Runs a tmux command against this driver's server.
    @discardableResult
    func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        try Self.output(TUITmux.tmuxPath ?? "tmux", ["-L", socket, "-f", "/dev/null"] + arguments, capture: capture)
    }

    private static func output(_ executable: String, _ arguments: [String], capture: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard capture else {
            try spawnAndWait(executable, arguments)
            return ""
        }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs a command that may start the tmux server, waiting for the command alone.
    ///
    /// Foundation's `Process` learns that a child ended when every copy of a descriptor it
    /// shares with the child is closed; the tmux server forks from the client and keeps that
    /// copy, so `waitUntilExit` would wait for the server. posix_spawn + waitpid waits for the
    /// client only.
    private static func spawnAndWait(_ executable: String, _ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [Int32(0), 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard result == 0 else { throw TUIError("cannot run \(executable): error \(result)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
    }

    private static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// A failure in driving the TUI.
struct TUIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

import Foundation
import Testing

@Suite struct ReportCommandTests {
    static let now = "2026-03-20T09:00+01:00"

    /// A runner whose journal holds a deadlift strain logged through the command line.
    func loggedRunner() throws -> BinaryRunner {
        let lumbar = BinaryRunner()
        let entries: [[String]] = [
            [
                "session", "--at", "2026-03-02T18:00", "--kind", "deadlift", "--minutes", "50", "--rpe", "9", "--sudden-pain",
                "--note", "1RM attempt | 140 kg",
            ],
            ["checkin", "--at", "2026-03-03T08:00", "--pain", "5", "--worst", "6", "--symptom", "stiffness", "--care", "heat"],
            ["checkin", "--at", "2026-03-04T08:00", "--pain", "7", "--care", "rest"],
            [
                "checkin", "--at", "2026-03-06T21:00", "--pain", "8", "--symptom", "radiating-pain,night-pain",
                "--note", "<b>woke at 3am</b> & couldn't settle",
            ],
            ["checkin", "--at", "2026-03-18T08:00", "--pain", "4", "--care", "stretching"],
        ]
        for arguments in entries {
            let run = try lumbar.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        return lumbar
    }

    @Test func markdownGoesToStandardOutput() throws {
        let lumbar = try loggedRunner()
        let run = try lumbar.run(["report", "--now", Self.now])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("# Self-tracked lower back pain log\n"))
        #expect(run.stdout.contains("**A self-tracked log, not a diagnosis.**"))
        #expect(run.stdout.contains("- **Period:** **Mon 2 Mar 2026 – Fri 20 Mar 2026 (19 days)**"))
        #expect(run.stdout.contains("- **Why:** Starts at the deadlift session of Mon 2 Mar, which the worst episode"))
        #expect(run.stdout.contains("- **Level now:** **see-doctor**"))
        #expect(run.stdout.contains("- **Onset:** Tue 3 Mar 08:00, pain 5/10"))
        #expect(run.stdout.contains("- **Trigger:** **deadlift**, Mon 2 Mar 18:00, 50 min, RPE 9; pain began during it; 14 h before the onset"))
        #expect(run.stdout.contains(" (`acute-injury`) | watch Tue 3 Mar → **see-doctor** Wed 4 Mar **(still raised)** |"))
        #expect(run.stdout.contains(" (`severe-72-96h`) | **see-doctor** Fri 6 Mar → cleared Wed 18 Mar |"))
        #expect(run.stdout.contains("| Fri 6 Mar | 8 | – |"))
        #expect(run.stdout.contains("1RM attempt \\| 140 kg"))
        #expect(run.stdout.contains("\\<b\\>woke at 3am\\</b\\> & couldn't settle"))
    }

    @Test func htmlGoesToAPrivateFile() throws {
        let lumbar = try loggedRunner()
        let path = lumbar.directory + "/out/report.html"
        let run = try lumbar.run(["report", "--now", Self.now, "--format", "html", "--output", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("Wrote the HTML report for 2026-03-02 to 2026-03-20 to \(path)."))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg class=\"chart\""))
        #expect(html.contains("&lt;b&gt;woke at 3am&lt;/b&gt; &amp; couldn&#39;t settle"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }

    @Test func theClockAndTheTimeZoneComeFromTheEnvironment() throws {
        var lumbar = try loggedRunner()
        lumbar.environment["LUMBAR_NOW"] = "2026-03-06T23:30+01:00"
        let stockholm = try lumbar.run(["report"])
        #expect(stockholm.status == 0, "\(stockholm.stderr)")
        #expect(stockholm.stdout.contains("- **Period:** **Mon 2 Mar 2026 – Fri 6 Mar 2026 (5 days)**"))
        #expect(stockholm.stdout.contains("- **Generated:** Fri 6 Mar 2026 23:30, times in Europe/Stockholm"))
        lumbar.environment["TZ"] = "America/New_York"
        let newYork = try lumbar.run(["report"])
        #expect(newYork.stdout.contains("- **Generated:** Fri 6 Mar 2026 17:30, times in America/New_York"))
        #expect(newYork.stdout.contains("- **Trigger:** **deadlift**, Mon 2 Mar 12:00"))
    }

    @Test func anExplicitPeriodIsKeptAndAFutureEndStopsAtToday() throws {
        let lumbar = try loggedRunner()
        let run = try lumbar.run(["report", "--now", Self.now, "--from", "2026-03-01", "--to", "2026-04-30"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("- **Period:** **Sun 1 Mar 2026 – Fri 20 Mar 2026 (20 days)**"))
        #expect(run.stdout.contains("- **Why:** Chosen by the person making the report."))
        let past = try lumbar.run(["report", "--now", Self.now, "--from", "2026-03-01", "--to", "2026-03-05"])
        #expect(past.stdout.contains("- **Level at end of period:**"))
        #expect(past.stdout.contains("**Day 2** (onset day = day 0), still open on Thu 5 Mar."))
        #expect(past.stdout.contains("| Thu 5 Mar |"))
        #expect(!past.stdout.contains("| Fri 6 Mar |"))
    }

    @Test func anEmptyJournalMakesACalmReport() throws {
        let lumbar = BinaryRunner()
        let run = try lumbar.run(["report", "--now", Self.now])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("No episode of back pain"))
        #expect(run.stdout.contains("- **Level now:** none (no flag raised)"))
        #expect(run.stdout.contains("- **Period:** **Thu 19 Feb 2026 – Fri 20 Mar 2026 (30 days)**"))
        #expect(run.stdout.contains("- **Why:** The last 30 days, as no episode of back pain overlaps the last 90 days."))
    }

    @Test func theDefaultPeriodHoldsTheTriggerSessionOfAnEpisodeThatBeganFortyDaysAgo() throws {
        let lumbar = BinaryRunner()
        // Onset Sun 8 Feb 2026, 40 days before Fri 20 Mar; the squat was the evening before.
        let entries: [[String]] = [
            ["session", "--at", "2026-02-07T17:30", "--kind", "back squat", "--minutes", "45", "--rpe", "8"],
            ["checkin", "--at", "2026-02-08T09:00", "--pain", "6"],
            ["checkin", "--at", "2026-02-20T09:00", "--pain", "4"],
            ["checkin", "--at", "2026-03-10T09:00", "--pain", "3"],
            ["checkin", "--at", "2026-03-19T09:00", "--pain", "2"],
        ]
        for arguments in entries {
            let run = try lumbar.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        let run = try lumbar.run(["report", "--now", Self.now])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("- **Period:** **Sat 7 Feb 2026 – Fri 20 Mar 2026 (42 days)**"))
        #expect(run.stdout.contains("| Sat 7 Feb 17:30 | back squat **(trigger)** | 45 | 8 | no |"))
        #expect(run.stdout.contains("| Sat 7 Feb | – | – | – | no check-in | | back squat 17:30 (45 min, RPE 8) |"))
        #expect(run.stdout.contains("- **Status:** **Day 40** (onset day = day 0), still open on Fri 20 Mar."))
    }

    @Test(.enabled(if: TUITmux.shouldRun)) func onATerminalTheHTMLGoesToAPrivateFileInTheCurrentDirectory() throws {
        let lumbar = try loggedRunner()
        let directory = lumbar.directory + "/here"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let first = try ReportTerminal.run(
            ["report", "--now", Self.now, "--store", lumbar.storePath], in: directory,
            environment: lumbar.environment)
        let path = directory + "/lumbar-report-2026-03-20.html"
        #expect(first.status == 0, "\(first.screen)")
        #expect(first.screen.contains("Wrote the HTML report for 2026-03-02 to 2026-03-20 to"), "\(first.screen)")
        #expect(first.screen.replacingOccurrences(of: "\n", with: "").contains("lumbar-report-2026-03-20.html"))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        // A second report keeps the first and takes the next free name.
        let second = try ReportTerminal.run(
            ["report", "--now", Self.now, "--store", lumbar.storePath], in: directory,
            environment: lumbar.environment)
        #expect(second.status == 0)
        #expect(FileManager.default.fileExists(atPath: directory + "/lumbar-report-2026-03-20-2.html"))
        // Piped, the same command prints Markdown and writes no file.
        let piped = try lumbar.run(["report", "--now", Self.now])
        #expect(piped.stdout.hasPrefix("# Self-tracked lower back pain log\n"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
                == ["lumbar-report-2026-03-20-2.html", "lumbar-report-2026-03-20.html"])
    }

    @Test(arguments: [
        (["report", "--from", "2026-02-30"], "--from '2026-02-30' is not a real date"),
        (
            ["report", "--to", "funday"],
            "--to must be a day (YYYY-MM-DD, today, yesterday or a weekday name such as mon) or a time such as -7d, got 'funday'"
        ),
        (["report", "--format", "pdf"], "pdf"),
        (["report", "--from", "2026-03-10", "--to", "2026-03-01"], "--from 2026-03-10 is after --to 2026-03-01"),
        (["report", "--from", "2026-04-01"], "--from 2026-04-01 is after today (2026-03-20)"),
        (["report", "--from", "2024-01-01"], "a report covers at most 366"),
        (["report", "--now", "soon"], "--now must be an ISO 8601 time"),
    ])
    func badInputIsOneLineAndExits64(arguments: [String], expected: String) throws {
        let lumbar = try loggedRunner()
        let path = lumbar.directory + "/bad.md"
        let now = arguments.contains("--now") ? [] : ["--now", Self.now]
        let run = try lumbar.run(arguments + now + ["--output", path])
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stderr.hasPrefix("lumbar: error: "), "\(run.stderr)")
        #expect(run.stderr.contains(expected), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}

/// Runs one lumbar command on a real terminal (a detached tmux pane, 80x24) in a given directory.
enum ReportTerminal {
    struct Result {
        var status: Int32
        var screen: String
    }

    /// `text` as one single-quoted shell word.
    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    static func run(_ arguments: [String], in directory: String, environment: [String: String]) throws -> Result {
        guard let tmux = TUITmux.tmuxPath else { throw TUIError("tmux is not installed (CI=true makes its absence a failure)") }
        let socket = "lumbar-report-\(UUID().uuidString.prefix(8))"
        let statusFile = directory + "/../status-\(socket)"
        let assignments = environment.merging(["TERM": "xterm-256color"]) { $1 }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\(quote($0.value))" }.joined(separator: " ")
        let command = ([BinaryRunner.executable] + arguments).map(quote).joined(separator: " ")
        let script = "env -i \(assignments) \(command); echo $? > \(quote(statusFile)); sleep 30"
        func tmuxRun(_ arguments: [String], capture: Bool) throws -> String {
            let argv = [tmux, "-L", socket, "-f", "/dev/null"] + arguments
            guard capture else {
                // Foundation's Process would wait for the forked tmux server, which keeps a copy of
                // the descriptors; posix_spawn + waitpid waits for the client alone (as TUITmux does).
                var actions = posix_spawn_file_actions_t()
                posix_spawn_file_actions_init(&actions)
                defer { posix_spawn_file_actions_destroy(&actions) }
                for fd in [Int32(0), 1, 2] {
                    posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
                }
                let cArguments = argv.map { strdup($0) } + [nil]
                defer { for pointer in cArguments { free(pointer) } }
                var pid: pid_t = 0
                let result = posix_spawn(&pid, tmux, &actions, nil, cArguments, environ)
                guard result == 0 else { throw TUIError("cannot run \(tmux): error \(result)") }
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1, errno == EINTR {}
                return ""
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tmux)
            process.arguments = Array(argv.dropFirst())
            process.standardInput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        _ = try tmuxRun(["new-session", "-d", "-s", "report", "-x", "80", "-y", "24", "-c", directory, "sh", "-c", script], capture: false)
        defer {
            let pane = (try? tmuxRun(["display-message", "-p", "-t", "report", "#{pane_pid}"], capture: true)) ?? ""
            _ = try? tmuxRun(["kill-server"], capture: false)
            if let pid = Int32(pane.trimmingCharacters(in: .whitespacesAndNewlines)) { kill(-pid, SIGKILL) }
            try? FileManager.default.removeItem(atPath: statusFile)
        }
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: statusFile, encoding: .utf8),
                let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return Result(status: status, screen: try tmuxRun(["capture-pane", "-p", "-J", "-t", "report"], capture: true))
            }
            usleep(50_000)
        }
        throw TUIError("lumbar \(arguments.joined(separator: " ")) did not finish on the terminal within 20 s")
    }
}

import Foundation
import Testing

@Suite struct ReportCommandTests {
    static let now = "2026-03-20T09:00+01:00"

    /// A runner whose journal holds a deadlift strain logged through the command line.
    func loggedRunner() throws -> BinaryRunner {
        let lumbar = BinaryRunner()
        let entries: [[String]] = [
            ["session", "--at", "2026-03-02T18:00", "--kind", "deadlift", "--minutes", "50", "--rpe", "9", "--sudden-pain",
             "--note", "1RM attempt | 140 kg"],
            ["checkin", "--at", "2026-03-03T08:00", "--pain", "5", "--worst", "6", "--symptom", "stiffness", "--care", "heat"],
            ["checkin", "--at", "2026-03-04T08:00", "--pain", "7", "--care", "rest"],
            ["checkin", "--at", "2026-03-06T21:00", "--pain", "8", "--symptom", "radiating-pain,night-pain",
             "--note", "<b>woke at 3am</b> & couldn't settle"],
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
        #expect(run.stdout.contains("- **Period:** Wed 18 Feb – Fri 20 Mar 2026 (31 days)"))
        #expect(run.stdout.contains("- **Level now:** **see-doctor**"))
        #expect(run.stdout.contains("- **Onset:** Tue 3 Mar 08:00, pain 5/10"))
        #expect(run.stdout.contains("- **Trigger session:** deadlift, Mon 2 Mar 18:00 (50 min, RPE 9, sharp pain at the session); 14 h before the onset"))
        #expect(run.stdout.contains("| Sharp pain at a session (`acute-injury`) | watch → **see-doctor** | Tue 3 Mar |"))
        #expect(run.stdout.contains("| Severe pain 72–96 h after the start (`severe-72-96h`) | **see-doctor** | Fri 6 Mar |"))
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
        #expect(run.stderr.contains("Wrote the HTML report for 2026-02-18 to 2026-03-20 to \(path)."))
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
        #expect(stockholm.stdout.contains("- **Period:** Wed 4 Feb – Fri 6 Mar 2026 (31 days)"))
        #expect(stockholm.stdout.contains("- **Generated:** Fri 6 Mar 2026 23:30 (times in Europe/Stockholm)"))
        lumbar.environment["TZ"] = "America/New_York"
        let newYork = try lumbar.run(["report"])
        #expect(newYork.stdout.contains("- **Generated:** Fri 6 Mar 2026 17:30 (times in America/New_York)"))
        #expect(newYork.stdout.contains("- **Trigger session:** deadlift, Mon 2 Mar 12:00"))
    }

    @Test func anExplicitPeriodIsKeptAndAFutureEndStopsAtToday() throws {
        let lumbar = try loggedRunner()
        let run = try lumbar.run(["report", "--now", Self.now, "--from", "2026-03-01", "--to", "2026-04-30"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("- **Period:** Sun 1 Mar – Fri 20 Mar 2026 (20 days)"))
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
    }

    @Test(arguments: [
        (["report", "--from", "2026-02-30"], "--from '2026-02-30' is not a real date"),
        (["report", "--to", "yesterday"], "--to must be a date as YYYY-MM-DD, got 'yesterday'"),
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

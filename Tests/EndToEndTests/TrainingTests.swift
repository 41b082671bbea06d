import Foundation
import LumbarCore
import Testing

/// `lumbar training --json` through the binary, on a generated year whose answers are known by
/// construction, and the one stderr line of `lumbar session` without a load.
@Suite(.serialized) struct TrainingTests {
    static let zone = ZoneInfo(identifier: "Europe/Stockholm")!
    /// Monday of the first of the 52 weeks; the year ends on Sun 8 Mar 2026.
    static let firstMonday = LocalDate("2025-03-10")!
    /// Weeks whose Monday deadlift is followed by an episode from Tuesday 08:00 (pain 4, 3, then 0, 0).
    static let deadliftEpisodeWeeks = [5, 12, 19, 26, 33, 40]
    /// Of those, the weeks whose deadlift was 120 min at RPE 8 (960) instead of 60 min at RPE 7 (420).
    static let heavyWeeks: Set = [5, 12, 19]
    /// The week whose deadlift was marked sudden pain.
    static let suddenWeek = 26
    /// The week with an episode from Saturday 12:00, five hours after yoga (07:00) and days after anything else.
    static let yogaEpisodeWeek = 47

    static func stamp(_ date: LocalDate, _ clock: String) -> Timestamp {
        guard case .success(let t) = Timestamp.parse("\(date) \(clock)", localTimeZone: zone) else { fatalError("bad time \(date) \(clock)") }
        return t
    }

    /// 52 weeks: a deadlift every Monday 18:00, a 40-min RPE 5 run every Wednesday 07:00, yoga
    /// without a load every Saturday 07:00 (73 h before a Tuesday 08:00 onset), a check-in every day at 08:00 (pain 0 unless an episode
    /// says otherwise), and seven episodes.
    static func year() -> Journal {
        var sessions: [Session] = []
        var pains: [LocalDate: Int] = [:]
        var extra: [CheckIn] = []
        for week in 0..<52 {
            let monday = firstMonday.adding(days: 7 * week)
            let heavy = heavyWeeks.contains(week)
            let deadlift = stamp(monday, "18:00")
            sessions.append(
                Session(
                    at: deadlift, kind: "deadlift", minutes: heavy ? 120 : 60, rpe: heavy ? 8 : 7,
                    suddenPain: week == suddenWeek, updatedAt: deadlift))
            let run = stamp(monday.adding(days: 2), "07:00")
            sessions.append(Session(at: run, kind: "run", minutes: 40, rpe: 5, updatedAt: run))
            let yoga = stamp(monday.adding(days: 5), "07:00")
            sessions.append(Session(at: yoga, kind: "yoga", updatedAt: yoga))
            if deadliftEpisodeWeeks.contains(week) {
                pains[monday.adding(days: 1)] = 4
                pains[monday.adding(days: 2)] = 3
            }
            if week == yogaEpisodeWeek {
                let saturday = monday.adding(days: 5)
                let onset = stamp(saturday, "12:00")
                extra.append(CheckIn(date: saturday, at: onset, pain: 3, updatedAt: onset))
                pains[saturday.adding(days: 1)] = 2
            }
        }
        var checkIns = extra
        for day in 0..<(52 * 7) {
            let date = firstMonday.adding(days: day)
            let at = stamp(date, "08:00")
            checkIns.append(CheckIn(date: date, at: at, pain: pains[date] ?? 0, updatedAt: at))
        }
        // After the year: a yes to numbness on Tue 10 Mar, which no clinician has assessed.
        let numb = stamp(LocalDate("2026-03-10")!, "08:00")
        checkIns.append(CheckIn(date: numb.localDate, at: numb, pain: 2, symptoms: [.numbness], updatedAt: numb))
        return Journal(sessions: sessions, checkIns: checkIns)
    }

    static let runner: BinaryRunner = {
        let lumbar = BinaryRunner()
        try? FileManager.default.createDirectory(atPath: lumbar.directory + "/data", withIntermediateDirectories: true)
        try? PrivateFile.write(JournalCodec.encode(year()), to: lumbar.storePath)
        return lumbar
    }()

    func training(at now: String) throws -> [String: Any] {
        let run = try Self.runner.run(["training", "--now", now, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        return try #require(try BinaryRunner.json(run.stdout) as? [String: Any])
    }

    func answer(at now: String) throws -> (answer: String?, reasons: [String]) {
        let today = try training(at: now)["today"] as? [String: Any]
        return (today?["answer"] as? String, today?["reasons"] as? [String] ?? [])
    }

    /// The date of `week`'s day (0 = Monday).
    static func day(_ week: Int, _ weekday: Int) -> String { firstMonday.adding(days: 7 * week + weekday).description }

    @Test func theYearsKindsAndWeek() throws {
        let root = try training(at: "2026-03-08T20:00")
        let week = try #require(root["week"] as? [String: Any])
        #expect(week["load"] as? Int == 620)
        #expect(week["usual"] as? Int == 620)
        #expect(week["changePercent"] as? Int == 0)
        let kinds = try #require(root["kinds"] as? [[String: Any]])
        #expect(kinds.map { $0["kind"] as? String } == ["deadlift", "run", "yoga"])
        #expect(kinds.map { $0["sessions"] as? Int } == [52, 52, 52])
        // Each Tuesday episode followed a deadlift done at pain 0: 0 → 4 is a flare; the Wednesday
        // runs went from 4 to 3; the yoga before the Saturday episode went from 0 to 3.
        #expect(kinds.map { $0["flared"] as? Int } == [6, 0, 1])
        #expect(kinds.map { $0["judged"] as? Int } == [52, 52, 52])
        #expect(kinds.map { $0["triggers"] as? Int } == [6, 0, 1])
        #expect(kinds.map { $0["suddenTriggers"] as? Int } == [1, 0, 0])
        #expect(kinds.map { $0["medianLoad"] as? Int } == [420, 200, nil])
        #expect(kinds.map { $0["sessionsWithoutLoad"] as? Int } == [0, 0, 52])
        #expect(root["sessionsWithoutLoad"] as? Int == 52)
        let weeks = try #require(root["weeks"] as? [[String: Any]])
        #expect(weeks.count == 12)
        #expect(weeks.allSatisfy { $0["load"] as? Int == 620 })
    }

    @Test func theYearsEpisodesAreCountedNotScored() throws {
        let root = try training(at: "2026-03-08T20:00")
        let counts = try #require(root["episodeCounts"] as? [String: Any])
        #expect(counts["episodes"] as? Int == 7)
        #expect(counts["afterHeavyWeek"] as? Int == 3)
        #expect(counts["suddenTriggers"] as? Int == 1)
        let afterKind = try #require(counts["afterKind"] as? [[String: Any]])
        #expect(afterKind.map { $0["kind"] as? String } == ["deadlift", "yoga"])
        #expect(afterKind.map { $0["episodes"] as? Int } == [6, 1])
        let episodes = try #require(root["episodes"] as? [[String: Any]])
        let first = try #require(episodes.first)
        #expect((first["onset"] as? String)?.hasPrefix(Self.day(5, 1) + "T08:00") == true)
        #expect((first["trigger"] as? [String: Any])?["load"] as? Int == 960)
        #expect((first["week"] as? [String: Any])?["load"] as? Int == 1160)
        #expect((first["week"] as? [String: Any])?["usual"] as? Int == 620)
        #expect(first["triggerShareOfUsual"] as? Int == 155)
        #expect(episodes.last?["trigger"].map { ($0 as? [String: Any])?["kind"] as? String } == "yoga")
        #expect(!root.keys.contains { $0.lowercased().contains("risk") })
        let text = try Self.runner.run(["training", "--now", "2026-03-08T20:00"])
        #expect(text.stdout.contains("6 of 7 episodes began within 72 h of a session of deadlift."))
        #expect(text.stdout.contains("3 of 7 followed a week at or over 1.5 × the usual."))
        #expect(text.stdout.contains("not a risk score"))
    }

    @Test func todaysAnswersThroughTheYear() throws {
        // Pain-free, an ordinary week.
        #expect(try answer(at: "2026-03-08T20:00").answer == "train")
        // The day after a heavy deadlift: pain 4, up from 0 before it.
        let risen = try answer(at: "\(Self.day(5, 1))T20:00")
        #expect(risen.answer == "rest")
        #expect(risen.reasons.first?.contains("up 4 from 0") == true)
        // Wednesday: pain 3, not up since before the morning run.
        #expect(try answer(at: "\(Self.day(5, 2))T20:00").answer == "light")
        // Thursday: pain-free, and the week is 87 % over the usual: said, as a fact.
        let heavy = try answer(at: "\(Self.day(5, 3))T20:00")
        #expect(heavy.answer == "train")
        #expect(heavy.reasons.contains { $0.contains("87 % above your usual 620") })
        // 48 h after the sudden deadlift (Monday 18:00) it is still rest; a minute later pain 3 is light.
        let sudden = try answer(at: "\(Self.day(Self.suddenWeek, 2))T18:00")
        #expect(sudden.answer == "rest")
        #expect(sudden.reasons.contains { $0.contains("Sharp pain began with the deadlift") })
        #expect(try answer(at: "\(Self.day(Self.suddenWeek, 2))T18:01").answer == "light")
        // The last check-in is Sunday 08:00: on Monday at 08:01 it is more than 24 h old.
        let fresh = try answer(at: "2026-03-09T08:00")
        #expect(fresh.answer == "train")
        #expect(!fresh.reasons.contains { $0.contains("more than 24 h ago") })
        let stale = try answer(at: "2026-03-09T08:01")
        #expect(stale.answer == "train")
        #expect(stale.reasons.contains { $0.contains("more than 24 h ago") })
        // Numbness stands and has not been assessed.
        #expect(try answer(at: "2026-03-10T09:00").answer == "not-until-checked")
    }

    @Test func sessionWithoutLoadSaysWhyOnStderr() throws {
        let lumbar = BinaryRunner()
        let bare = try lumbar.run(["session", "--kind", "run", "--at", "2026-03-02T07:00"])
        #expect(bare.status == 0)
        #expect(bare.stderr.split(separator: "\n").count == 1)
        #expect(bare.stderr.contains("--minutes") && bare.stderr.contains("--rpe"))
        let loaded = try lumbar.run(["session", "--kind", "run", "--at", "2026-03-03T07:00", "--minutes", "40", "--rpe", "5"])
        #expect(loaded.status == 0)
        #expect(loaded.stderr.isEmpty)
        let json = try lumbar.run(["training", "--now", "2026-03-03T08:00", "--json"])
        let root = try #require(try BinaryRunner.json(json.stdout) as? [String: Any])
        #expect((root["week"] as? [String: Any])?["load"] as? Int == 200)
        #expect((root["week"] as? [String: Any])?["sessionsWithoutLoad"] as? Int == 1)
    }

    @Test func badNowIsOneLineAndUsageExit() throws {
        let run = try BinaryRunner().run(["training", "--now", "funday"])
        #expect(run.status == 64)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stdout.isEmpty)
    }

    @Test(.enabled(if: TUITmux.shouldRun, "tmux is not installed (set CI=true to make that a failure)"))
    func theTrainingScreenInTmuxAtBothSizes() throws {
        let runner = BinaryRunner()
        try FileManager.default.createDirectory(atPath: runner.directory + "/data", withIntermediateDirectories: true)
        try PrivateFile.write(JournalCodec.encode(Self.year()), to: runner.storePath)
        let tui = try TUITmux(runner: runner, extraEnvironment: ["LUMBAR_NOW": "2026-03-08T20:00"])
        try tui.waitFor("lumbar")
        try tui.press("w")
        let wide = try tui.waitFor("12 weeks ago")
        #expect(wide.contains("TRAIN  Train, and build up gradually."))
        #expect(wide.contains("Load this week 620, the same as your usual 620"))
        #expect(wide.contains("deadlift") && wide.contains("6/52"))
        try tui.resize(width: 40, height: 12)
        let narrow = try tui.waitFor("Train; build up gradually.")
        #expect(narrow.contains("12 wk ago"))
        #expect(narrow.contains("not a diagnosis"))
        try tui.press("q")
        try tui.waitForExit(0)
    }
}

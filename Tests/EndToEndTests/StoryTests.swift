import Foundation
import Testing

/// The stories of issue #10, each told to the binary as a person would log it and read back
/// through `lumbar status`. Each one fails on version 1 of the rules.
@Suite struct StoryTests {
    /// One person's journal, logged through the command line.
    struct Story {
        var lumbar = BinaryRunner()

        /// Runs a command that must succeed; returns its run.
        @discardableResult
        func log(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> BinaryRunner.Run {
            let run = try lumbar.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)", sourceLocation: sourceLocation)
            return run
        }

        /// A check-in at `at` (a local time) with `pain` and any further options.
        @discardableResult
        func checkIn(_ at: String, pain: Int, _ more: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> BinaryRunner.Run {
            try log(["checkin", "--at", at, "--pain", "\(pain)"] + more, sourceLocation: sourceLocation)
        }

        /// `status --json` as of `now`.
        func status(_ now: String) throws -> StatusJSON {
            let run = try lumbar.run(["status", "--now", now, "--json"])
            #expect(run.status == 0, "\(run.stderr)")
            return StatusJSON(root: try #require(try BinaryRunner.json(run.stdout) as? [String: Any]))
        }

        /// The human-readable status as of `now`.
        func statusText(_ now: String) throws -> String {
            try lumbar.run(["status", "--now", now]).stdout
        }
    }

    /// The parts of `status --json` the stories read.
    struct StatusJSON {
        var root: [String: Any]

        var level: String? { root["level"] as? String }
        var flags: [[String: Any]] { root["flags"] as? [[String: Any]] ?? [] }
        var rules: [String] { flags.compactMap { $0["rule"] as? String } }
        var episodeDay: Int? { (root["episode"] as? [String: Any])?["day"] as? Int }

        /// The flag of `rule`, if raised.
        func flag(_ rule: String) -> [String: Any]? { flags.first { $0["rule"] as? String == rule } }
        /// The level of `rule`'s flag, if raised.
        func level(of rule: String) -> String? { flag(rule)?["level"] as? String }
    }

    static let levels = ["none", "info", "watch", "see-doctor", "urgent", "emergency"]

    /// Whether `level` is below `other` in the contract's order.
    static func isBelow(_ level: String?, _ other: String) -> Bool {
        guard let level, let rank = levels.firstIndex(of: level), let limit = levels.firstIndex(of: other) else { return false }
        return rank < limit
    }

    // MARK: 1. A warning sign stands until it is answered

    @Test func bladderTroubleAndSaddleNumbnessStandThroughAWeekOfCheckInsThatDoNotAnswerThem() throws {
        let story = Story()
        try story.checkIn("2026-03-02T08:00", pain: 5, "--symptom", "bladder-bowel,saddle-numbness")
        for day in 3...9 {
            let run = try story.checkIn("2026-03-0\(day)T08:00", pain: 3)
            #expect(run.stdout.contains("lumbar checkin --no bladder-bowel,saddle-numbness"), "\(run.stdout)")
        }
        let week = try story.status("2026-03-09T20:00")
        #expect(week.level == "emergency")
        #expect(week.level(of: "bladder-bowel") == "emergency")
        #expect(week.level(of: "saddle-numbness") == "emergency")
        let text = try story.statusText("2026-03-09T20:00")
        #expect(text.hasPrefix("Level: emergency"), "\(text)")
        #expect(text.contains("lumbar checkin --no"), "\(text)")

        let answered = try story.checkIn("2026-03-10T08:00", pain: 2, "--no", "bladder-bowel,saddle-numbness")
        #expect(!answered.stdout.contains("Still standing"))
        let after = try story.status("2026-03-10T09:00")
        #expect(after.flag("bladder-bowel") == nil && after.flag("saddle-numbness") == nil, "\(after.rules)")
        #expect(Self.isBelow(after.level, "see-doctor"), "\(String(describing: after.level))")
    }

    // MARK: 2. The full cauda equina questions

    @Test(arguments: [
        (["urinary-difficulty"], "urinary-difficulty", "emergency"),
        (["sexual-dysfunction"], "sexual-dysfunction", "urgent"),
        (["sexual-dysfunction", "saddle-numbness"], "sexual-dysfunction", "emergency"),
        (["sexual-dysfunction", "urinary-difficulty"], "sexual-dysfunction", "emergency"),
        (["both-legs"], "both-legs", "emergency"),
    ])
    func theCaudaEquinaQuestionsAreAskedAndEscalated(symptoms: [String], rule: String, level: String) throws {
        let story = Story()
        try story.checkIn("2026-03-02T08:00", pain: 3, "--symptom", symptoms.joined(separator: ","))
        let status = try story.status("2026-03-02T09:00")
        #expect(status.level(of: rule) == level, "\(symptoms): \(status.flags)")
        #expect(status.level == level)
    }

    @Test func sexualProblemsBecomeAnEmergencyWhenACaudaEquinaSignStandsFromAnotherDay() throws {
        let story = Story()
        try story.checkIn("2026-03-02T08:00", pain: 3, "--symptom", "sexual-dysfunction")
        #expect(try story.status("2026-03-02T09:00").level(of: "sexual-dysfunction") == "urgent")
        try story.checkIn("2026-03-04T08:00", pain: 3, "--symptom", "both-legs")
        #expect(try story.status("2026-03-04T09:00").level(of: "sexual-dysfunction") == "emergency")
    }

    @Test func theCheckInAsksEveryCaudaEquinaQuestion() throws {
        let help = try BinaryRunner().run(["checkin", "--help"], store: false)
        for key in ["bladder-bowel", "urinary-difficulty", "saddle-numbness", "sexual-dysfunction", "both-legs"] {
            #expect(help.stdout.contains(key), "\(key)")
        }
    }

    // MARK: 3. A sudden injury is never hidden

    @Test func aSuddenInjuryIsNotHiddenByAnOldEpisodeKeptOpenByOneMissedDay() throws {
        let story = Story()
        try story.checkIn("2026-03-02T08:00", pain: 2)
        try story.checkIn("2026-03-03T08:00", pain: 0)
        // 4 March is not logged, so the two pain-free dates are not consecutive.
        try story.checkIn("2026-03-05T08:00", pain: 0)
        try story.log(["session", "--at", "2026-03-05T18:00", "--kind", "deadlift", "--rpe", "9", "--sudden-pain"])
        try story.checkIn("2026-03-06T08:00", pain: 8, "--symptom", "sharp-pain")
        let status = try story.status("2026-03-06T09:00")
        #expect(status.level(of: "acute-injury") == "see-doctor", "\(status.flags)")
        #expect(!Self.isBelow(status.level, "see-doctor"))
    }

    @Test func aSuddenInjuryIsNotHiddenByAnEasyWalkLoggedAfterIt() throws {
        let story = Story()
        try story.log(["session", "--at", "2026-03-02T18:00", "--kind", "deadlift", "--rpe", "9", "--sudden-pain"])
        try story.log(["session", "--at", "2026-03-02T19:30", "--kind", "walk", "--rpe", "2"])
        // No sharp-pain answer: it would make the walk a sudden session too (a yes within 48 h).
        try story.checkIn("2026-03-03T08:00", pain: 8, "--symptom", "stiffness")
        let status = try story.status("2026-03-03T09:00")
        #expect(status.level(of: "acute-injury") == "see-doctor", "\(status.flags)")
        let evidence = (status.flag("acute-injury")?["evidence"] as? [String])?.joined(separator: " ") ?? ""
        #expect(evidence.contains("deadlift"), "\(evidence)")
    }

    // MARK: 4. Severe pain escalates without a session; fever and weight loss are urgent

    @Test func severePainForThirteenDaysWithNoSessionIsSeeDoctor() throws {
        let story = Story()
        for day in 2...14 {
            try story.checkIn(String(format: "2026-03-%02dT08:00", day), pain: 8)
        }
        // 72 h and 96 h are counted from the onset when no session is logged.
        #expect(try story.status("2026-03-05T07:00").level(of: "severe-72-96h") == nil)
        #expect(try story.status("2026-03-05T09:00").level(of: "severe-72-96h") == "watch")
        #expect(try story.status("2026-03-06T09:00").level(of: "severe-72-96h") == "see-doctor")
        let status = try story.status("2026-03-14T20:00")
        #expect(status.level(of: "severe-72-96h") == "see-doctor")
        #expect(status.level == "see-doctor", "\(status.flags)")
    }

    @Test(arguments: ["fever", "weight-loss"])
    func feverOrWeightLossIsADoctorToday(symptom: String) throws {
        let story = Story()
        try story.checkIn("2026-03-02T08:00", pain: 4, "--symptom", symptom)
        let status = try story.status("2026-03-02T09:00")
        #expect(status.level(of: "systemic-signs") == "urgent")
        #expect(status.level == "urgent")
        let action = status.flag("systemic-signs")?["action"] as? String ?? ""
        #expect(action.contains("today") && !action.lowercased().contains("physiotherapist within"), "\(action)")
    }

    // MARK: 5. No reassurance beside an emergency

    @Test func noOrdinarySorenessReassuranceBesideAnEmergency() throws {
        let story = Story()
        try story.log(["session", "--at", "2026-03-02T18:00", "--kind", "squat", "--rpe", "7"])
        try story.checkIn("2026-03-03T08:00", pain: 3, "--symptom", "bladder-bowel,stiffness")
        let status = try story.status("2026-03-03T09:00")
        #expect(status.level == "emergency")
        #expect(status.flag("doms-window") == nil, "\(status.rules)")
        let text = try story.statusText("2026-03-03T09:00").lowercased()
        #expect(!text.contains("ordinary"), "\(text)")
        #expect(!text.contains("fits ordinary"))
    }

    // MARK: 6. An episode ends after silence

    @Test func aTwingeInAprilAfterNewExerciseIsNotDay85OfAJanuaryInjury() throws {
        let story = Story()
        try story.log(["session", "--at", "2026-01-05T18:00", "--kind", "deadlift", "--rpe", "8"])
        for (day, pain) in [(6, 6), (7, 4), (8, 3), (9, 2)] {
            try story.checkIn("2026-01-0\(day)T08:00", pain: pain)
        }
        try story.log(["session", "--at", "2026-03-31T18:00", "--kind", "run"])
        try story.checkIn("2026-04-01T08:00", pain: 2)
        let status = try story.status("2026-04-01T09:00")
        #expect(status.episodeDay == 0)
        #expect(status.flag("pain-2-4-weeks") == nil, "\(status.rules)")
        #expect(Self.isBelow(status.level, "see-doctor"), "\(String(describing: status.level))")
    }

    @Test func aTwingeInAprilAfterAPainFreeDateAndSilenceStartsANewEpisode() throws {
        let story = Story()
        for (day, pain) in [(6, 6), (7, 3), (8, 0)] {
            try story.checkIn("2026-01-0\(day)T08:00", pain: pain)
        }
        try story.checkIn("2026-04-01T08:00", pain: 2)
        let status = try story.status("2026-04-01T09:00")
        #expect(status.episodeDay == 0)
        #expect(status.flag("pain-2-4-weeks") == nil, "\(status.rules)")
        #expect(Self.isBelow(status.level, "see-doctor"), "\(String(describing: status.level))")
    }

    // MARK: 7. A clinician's assessment covers chronic low pain until new evidence

    @Test func chronicLowPainAssessedIsCoveredAndANewYesRaisesItAgain() throws {
        let story = Story()
        for offset in 0..<30 {
            // 2 February to 3 March, pain 2 every morning, no sessions.
            let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: offset, to: Self.date(2026, 2, 2))!
            try story.checkIn(Self.isoDate(date) + "T08:00", pain: 2)
        }
        let before = try story.status("2026-03-03T20:00")
        #expect(before.level(of: "pain-2-4-weeks") == "see-doctor")
        #expect(before.level == "see-doctor")

        let journal = FileManager.default.contents(atPath: story.lumbar.storePath)
        for (arguments, message) in [
            (["assessed", "--at", "2026-02-03T20:00"], "no flag at see-doctor was raised at that time"),
            (["assessed", "--at", "2026-03-03T20:00", "--rule", "bladder-bowel"], "not raised at that time: bladder-bowel"),
        ] {
            let refused = try story.lumbar.run(arguments)
            #expect(refused.status == 64, "\(arguments)")
            #expect(refused.stderr.contains(message) && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        }
        #expect(FileManager.default.contents(atPath: story.lumbar.storePath) == journal)

        let assessed = try story.log(["assessed", "--at", "2026-03-03T20:00", "--note", "GP: muscular, keep active"])
        #expect(assessed.stdout.contains("covering pain-2-4-weeks (see-doctor)"), "\(assessed.stdout)")
        let covered = try story.status("2026-03-03T20:30")
        #expect(covered.flag("pain-2-4-weeks")?["assessedAt"] as? String == "2026-03-03T20:00:00+01:00")
        #expect(covered.level == "none" || covered.level == "watch" || covered.level == "info", "\(String(describing: covered.level))")

        for day in 4...10 {
            try story.checkIn("2026-03-\(String(format: "%02d", day))T08:00", pain: 2)
        }
        let weekLater = try story.status("2026-03-10T20:00")
        #expect(Self.isBelow(weekLater.level, "see-doctor"), "\(weekLater.flags)")

        try story.checkIn("2026-03-11T08:00", pain: 2, "--symptom", "numbness")
        let raised = try story.status("2026-03-11T09:00")
        #expect(raised.level(of: "nerve-signs") == "see-doctor")
        #expect(raised.flag("nerve-signs")?["assessedAt"] == nil)
        #expect(raised.level == "see-doctor")
    }

    // MARK: 8. The lifter

    @Test func theLifterLoggingEveryMorningForSixMonthsIsNeverToldToSeeADoctorForTrainingSoreness() throws {
        let story = Story()
        // Sunday 4 January 2026 to Sunday 5 July 2026: lifts on Monday, Wednesday and Friday at
        // 18:00; every morning at 07:30 the soreness is 3 the day after a lift, 2 the day after
        // that, and gone on Monday.
        let start = Self.date(2026, 1, 4)
        let calendar = Calendar(identifier: .gregorian)
        var checkIns: [[String: Any]] = []
        var sessions: [[String: Any]] = []
        var dates: [String] = []
        for offset in 0..<183 {
            let date = calendar.date(byAdding: .day, value: offset, to: start)!
            let day = Self.isoDate(date)
            dates.append(day)
            // 0 = Sunday ... 6 = Saturday.
            let weekday = offset % 7
            let pain = [2, 0, 3, 2, 3, 2, 3][weekday]
            let painOnFirstSunday = offset == 0 ? 0 : pain
            checkIns.append([
                "id": UUID().uuidString.lowercased(), "date": day, "at": "\(day)T07:30", "pain": painOnFirstSunday,
                "worst": NSNull(), "symptoms": painOnFirstSunday > 0 ? ["stiffness"] : [], "care": [], "note": "",
                "updatedAt": "\(day)T07:30",
            ])
            if [1, 3, 5].contains(weekday) {
                sessions.append([
                    "id": UUID().uuidString.lowercased(), "at": "\(day)T18:00", "kind": "barbell lifting",
                    "minutes": 75, "rpe": 8, "suddenPain": false, "note": "", "updatedAt": "\(day)T18:00",
                ])
            }
        }
        // Times with their offsets in Stockholm, as lumbar writes them.
        func stamped(_ entries: [[String: Any]]) -> [[String: Any]] {
            entries.map { entry in
                var entry = entry
                for key in ["at", "updatedAt"] {
                    if let local = entry[key] as? String { entry[key] = Self.stockholm(local) }
                }
                return entry
            }
        }
        let file = story.lumbar.directory + "/lifter.json"
        try FileManager.default.createDirectory(atPath: story.lumbar.directory, withIntermediateDirectories: true)
        let export: [String: Any] = [
            "schemaVersion": 1, "profile": ["birthYear": 1990],
            "sessions": stamped(sessions), "checkIns": stamped(checkIns),
        ]
        try JSONSerialization.data(withJSONObject: export).write(to: URL(fileURLWithPath: file))
        let imported = try story.log(["import", file])
        #expect(imported.stdout.contains("\(checkIns.count + sessions.count) added"), "\(imported.stdout)")

        var seeDoctorDays: [String] = []
        for day in dates {
            let status = try story.status("\(day)T12:00")
            let high = status.flags.filter { !Self.isBelow($0["level"] as? String, "see-doctor") }
            if !high.isEmpty || !Self.isBelow(status.level, "see-doctor") {
                seeDoctorDays.append("\(day): \(high.compactMap { $0["rule"] as? String })")
            }
        }
        #expect(seeDoctorDays.isEmpty, "\(seeDoctorDays.count) days: \(seeDoctorDays.prefix(10))")
    }

    // MARK: Dates

    static func date(_ year: Int, _ month: Int, _ day: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
    }

    static func isoDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// "2026-03-02T07:30" in Stockholm with its offset: "2026-03-02T07:30:00+01:00".
    static func stockholm(_ local: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Stockholm")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        let instant = formatter.date(from: local)!
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ssxxx"
        return formatter.string(from: instant)
    }
}

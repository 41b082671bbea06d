import Foundation
import LumbarCore
import LumbarText
import Testing

/// The real binary's full-screen UI in tmux: a check-in typed and saved, history showing it,
/// the chart, resizing, and quitting with the terminal restored.
@Suite(.serialized, .enabled(if: TUITmux.shouldRun, "tmux is not installed (set CI=true to make that a failure)"))
struct TUIEndToEndTests {
    /// Noon today in Stockholm, for runs with a fixed clock.
    static var fixedNow: String { today + "T12:00" }

    static let today: String = {
        let zone = ZoneInfo(identifier: "Europe/Stockholm")!
        return LocalDate(instant: Date(), in: zone).description
    }()

    @Test func aCheckInTypedAndSavedThenHistoryAndChartShowIt() throws {
        let tui = try TUITmux()
        try tui.waitFor("Check-in for today")
        try tui.type("6")
        try tui.waitFor("(not saved)")
        try tui.press("Enter")
        let status = try tui.waitFor("Check-in saved for")
        #expect(status.contains("not a diagnosis"))

        let journal = try JournalStore(path: tui.storePath).load()
        #expect(journal.checkIns.count == 1)
        #expect(journal.checkIns.first?.pain == 6)

        try tui.press("h")
        let history = try tui.waitFor(Self.today)
        let row = history.split(separator: "\n").first { $0.contains(Self.today) } ?? ""
        #expect(row.contains(" 6"))
        #expect(row.contains("█"))

        try tui.press("c")
        let chart = try tui.waitFor("Pain, last 14 days")
        #expect(chart.contains("▆") || chart.contains("█") || chart.contains("▇"))
        try tui.press("4")
        try tui.waitFor("all time")

        try tui.press("q")
        let after = try tui.waitForExit(0)
        #expect(!after.contains("Pain, last"), "the alternate screen was not left")
        #expect(after.contains("MODES: icanon echo END"), "terminal modes not restored:\n\(after)")
    }

    @Test func aWholeCheckInWithSymptomsAnswersNoteAndSession() throws {
        let tui = try TUITmux()
        try tui.waitFor("Check-in for today")
        try tui.type("10")  // two digits at once make 10
        try tui.waitFor("10/10")
        try tui.press("Tab", "Tab", "Tab", "Tab")  // worst, symptoms, self-care, then the warning signs
        try tui.waitFor("y yes  n no  N no to the rest")
        for _ in 0..<14 { try tui.press("n") }  // no to each question before night pain
        try tui.press("y", "Tab")  // yes to night pain; the rest left unanswered
        try tui.type("stiff 痛い 😣x")
        try tui.press("BSpace")
        try tui.press("Tab")
        try tui.type("deadlift")
        try tui.press("Tab", "Tab")
        try tui.type("45")
        try tui.press("Enter")
        try tui.waitFor("Session logged: deadlift")
        let journal = try JournalStore(path: tui.storePath).load()
        let checkIn = try #require(journal.checkIns.first)
        #expect(checkIn.pain == 10)
        #expect(checkIn.symptoms == [.nightPain])
        #expect(checkIn.answer(to: .limitedMobility) == nil)
        #expect(checkIn.denied == Array(Symptom.warningSigns.prefix(14)))
        #expect(checkIn.note == "stiff 痛い 😣")
        #expect(journal.sessions.first?.kind == "deadlift")
        #expect(journal.sessions.first?.minutes == 45)
        try tui.press("q")
        try tui.waitForExit(0)
    }

    @Test func twoCheckInsOnOneDayNeitherOverwritten() throws {
        var runner = BinaryRunner()
        runner.environment["LUMBAR_NOW"] = Self.fixedNow
        try FileManager.default.createDirectory(atPath: runner.directory + "/data", withIntermediateDirectories: true)
        #expect(try runner.run(["checkin", "--pain", "3"]).status == 0)
        let tui = try TUITmux(runner: runner)
        try tui.waitFor("Status")
        try tui.press("t")
        try tui.waitFor("Another check-in today")
        try tui.type("6")
        try tui.press("Enter")
        try tui.waitFor("Check-in saved for")
        let journal = try JournalStore(path: tui.storePath).load()
        #expect(journal.checkIns.map(\.pain) == [3, 6])
        #expect(Set(journal.checkIns.map(\.date.description)) == [Self.today])
        try tui.press("q")
        try tui.waitForExit(0)
    }

    @Test func theStandingYesQuestionComesFirstUnanswered() throws {
        var runner = BinaryRunner()
        runner.environment["LUMBAR_NOW"] = Self.fixedNow
        try FileManager.default.createDirectory(atPath: runner.directory + "/data", withIntermediateDirectories: true)
        let zone = ZoneInfo(identifier: "Europe/Stockholm")!
        let twoDaysAgo = LocalDate(instant: Date(), in: zone).adding(days: -2)
        #expect(try runner.run(["checkin", "--date", twoDaysAgo.description, "--pain", "3", "--symptom", "tingling"]).status == 0)
        let tui = try TUITmux(runner: runner)
        try tui.waitFor("Check-in for today")
        try tui.press("Tab", "Tab", "Tab", "Tab")
        let screen = try tui.waitFor("Still tingling? (you said yes on \(twoDaysAgo.shortDescription))")
        let lines = screen.split(separator: "\n")
        let still = lines.firstIndex { $0.contains("Still tingling?") }
        let first = lines.firstIndex { $0.contains("bladder or bowels?") }
        #expect(lines.first { $0.contains("Still tingling?") }?.contains("[ - ]") == true, "an answer was pre-selected")
        if let still, let first { #expect(still < first) }
        #expect(screen.contains("Unanswered is not \"no\""))
        try tui.press("q")
        try tui.waitForExit(0)
    }

    @Test func anOutsideEditIsNeverSilentlyOverwritten() throws {
        var runner = BinaryRunner()
        runner.environment["LUMBAR_NOW"] = Self.fixedNow
        try FileManager.default.createDirectory(atPath: runner.directory + "/data", withIntermediateDirectories: true)
        #expect(try runner.run(["checkin", "--pain", "3"]).status == 0)
        let tui = try TUITmux(runner: runner)
        try tui.waitFor("Status")
        try tui.press("h")
        try tui.waitFor(Self.today)
        try tui.press("e")  // edit the selected entry
        try tui.waitFor("Editing the check-in of")
        try tui.type("5")
        try tui.waitFor("(not saved)")
        let id = try #require(JournalStore(path: tui.storePath).load().checkIns.first?.id)
        let edit = try runner.run(["edit", String(id.uuidString.prefix(8)).lowercased(), "--symptom", "numbness,leg-weakness"])
        #expect(edit.status == 0, "\(edit.stderr)")
        try tui.waitFor("changed by another lumbar")
        try tui.press("Enter")
        try tui.waitFor("changed elsewhere")
        try tui.press("n")
        let kept = try #require(JournalStore(path: tui.storePath).load().checkIns.first)
        #expect(kept.symptoms == [.numbness, .legWeakness])
        #expect(kept.pain == 3)
        try tui.press("q")
        try tui.waitFor("not saved")
        try tui.press("y")
        try tui.waitForExit(0)
        #expect(try JournalStore(path: tui.storePath).load().checkIns.first?.symptoms == [.numbness, .legWeakness])
    }

    @Test func resizingRelayoutsAtOnceAtEverySize() throws {
        let tui = try TUITmux()
        try tui.waitFor("Check-in for today")
        try tui.resize(width: 40, height: 12)
        let small = try tui.waitFor("Pain now")
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 40 })
        try tui.resize(width: 20, height: 6)
        try tui.waitFor("too small")
        try tui.resize(width: 120, height: 40)
        let large = try tui.waitFor("Warning signs: y yes, n no, N no to all the rest")
        #expect(large.contains("Self-care since the last check-in"))
        try tui.press("q")
        try tui.waitForExit(0)
    }

    @Test func ctrlCAndSIGTERMRestoreTheTerminal() throws {
        let first = try TUITmux()
        try first.waitFor("Check-in for today")
        try first.press("C-c")
        let interrupted = try first.waitForExit(130)
        #expect(interrupted.contains("MODES: icanon echo END"))

        let second = try TUITmux()
        try second.waitFor("Check-in for today")
        kill(try second.lumbarPID(), SIGTERM)
        let terminated = try second.waitForExit(143)
        #expect(terminated.contains("MODES: icanon echo END"))
    }

    @Test func aCheckInFromAnotherShellIsPickedUpAndKept() throws {
        // A fixed clock (LUMBAR_NOW) must not stop the TUI from noticing the file change.
        let runner = BinaryRunner()
        let tui = try TUITmux(runner: runner, extraEnvironment: ["LUMBAR_NOW": Self.fixedNow])
        try tui.waitFor("Check-in for today")
        try tui.type("4")  // an unsaved draft
        try runner.run(["session", "--kind", "climbing from another shell", "--minutes", "30"])
        try tui.press("h")
        try tui.waitFor("climbing from another shell")
        try tui.press("t")
        try tui.waitFor("4/10")
        try tui.press("Enter")
        try tui.waitFor("Check-in saved for")
        let journal = try JournalStore(path: tui.storePath).load()
        #expect(journal.sessions.count == 1)
        #expect(journal.checkIns.count == 1)
        try tui.press("q")
        try tui.waitForExit(0)
    }

    @Test func quitAsksWhenADraftIsUnsaved() throws {
        let tui = try TUITmux()
        try tui.waitFor("Check-in for today")
        try tui.type("3")
        try tui.press("q")
        try tui.waitFor("Your changes on Today are not saved.")
        try tui.press("n")
        try tui.press("q")
        try tui.waitFor("Your changes on Today are not saved.")
        try tui.press("y")
        try tui.waitForExit(0)
        #expect(try JournalStore(path: tui.storePath).load().checkIns.isEmpty)
    }

    @Test func anUnreadableJournalStopsBeforeTheUIWithOneLineAndIsLeftAlone() throws {
        let runner = BinaryRunner()
        try FileManager.default.createDirectory(atPath: runner.directory + "/data", withIntermediateDirectories: true)
        let broken = Data(#"{"schemaVersion":1,"checkIns":["#.utf8)
        #expect(FileManager.default.createFile(atPath: runner.storePath, contents: broken))
        let tui = try TUITmux(runner: runner)
        let screen = try tui.waitForExit(65)
        #expect(screen.contains("lumbar: error: cannot read the journal"))
        #expect(screen.contains("MODES: icanon echo END"))
        #expect(FileManager.default.contents(atPath: runner.storePath) == broken)
    }

    /// Foreground and background colour codes (basic, bright, 256 and RGB forms).
    static func colourCodes(_ parameters: Set<Int>) -> Set<Int> {
        parameters.filter {
            (30...37).contains($0) || (40...47).contains($0) || (90...97).contains($0) || (100...107).contains($0) || $0 == 38 || $0 == 48
        }
    }

    @Test func coloursOnlyWhereWantedNoColorAndMonochromeHonoured() throws {
        let coloured = try TUITmux()
        try coloured.waitFor("Check-in for today")
        #expect(!Self.colourCodes(try coloured.sgrParameters()).isEmpty, "a colour terminal shows colour")

        for environment in [["NO_COLOR": "1"], ["TERM": "vt100"]] {
            let plain = try TUITmux(extraEnvironment: environment)
            try plain.waitFor("Check-in for today")
            try plain.type("8")
            try plain.press("Enter")
            try plain.waitFor("Check-in saved")
            let parameters = try plain.sgrParameters()
            #expect(Self.colourCodes(parameters).isEmpty, "\(environment): colour codes \(Self.colourCodes(parameters))")
            #expect(parameters.contains(7), "\(environment): the banner and tabs fall back to reverse video")
            try plain.press("q")
            try plain.waitForExit(0)
        }
    }
}

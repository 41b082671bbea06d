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

/// What the reliability tests do to the real TUI beyond what a person types: raw bytes, pastes,
/// and checks that it is alive and leaves the terminal as it found it.
extension TUITmux {
    /// Starts the TUI on `sandbox`'s journal, in its environment (with colour allowed).
    convenience init(_ sandbox: ReliabilitySandbox, width: Int = 80, height: Int = 24, now: String? = nil) throws {
        var environment = sandbox.environment(now: now)
        environment.removeValue(forKey: "NO_COLOR")
        try self.init(width: width, height: height, environment: environment, storePath: sandbox.journal)
    }

    /// Sends raw bytes as if typed at the terminal (invalid UTF-8 and escape sequences included).
    func send(bytes: [UInt8]) throws {
        for chunk in stride(from: 0, to: bytes.count, by: 128) {
            try tmux(["send-keys", "-t", name, "-H"] + bytes[chunk..<min(bytes.count, chunk + 128)].map { String(format: "%02x", $0) })
        }
    }

    /// Pastes `text` as a terminal would (bracketed only if the program asked for it).
    func paste(_ text: String, through sandbox: ReliabilitySandbox) throws {
        let file = sandbox.directory + "/paste.txt"
        try sandbox.write(Array(text.utf8), to: file)
        try tmux(["load-buffer", "-b", "relpaste", file])
        try tmux(["paste-buffer", "-p", "-d", "-b", "relpaste", "-t", name])
    }

    /// Whether `lumbar` is still running (not a zombie) in the pane.
    func lumbarIsRunning() throws -> Bool {
        guard let pid = try? lumbarPID() else { return false }
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
        let shown = try screen()
        return state != "Z" && !shown.contains("LUMBAR-EXIT=")
    }

    /// Waits until two captures 100 ms apart agree (the TUI has handled what it was sent), at most `timeout` seconds.
    @discardableResult
    func settle(timeout: Double = 3) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = try screen()
        while Date() < deadline {
            usleep(100_000)
            let now = try screen()
            if now == last { return now }
            last = now
        }
        return last
    }

    /// Answers "no" to a confirmation dialog if one is open (hostile keys can open one, and
    /// Escape does not close it), and returns the settled screen.
    @discardableResult
    func declineDialog() throws -> String {
        var shown = try settle()
        for _ in 0..<5 where shown.contains("y yes") && !shown.contains("Quit without") {
            try press("n")
            shown = try settle()
        }
        return shown
    }

    /// Leaves whatever is open (text field, dialog, overlay) and shows the status screen, waiting
    /// for each key to be handled (the screen settles) instead of assuming a fixed delay is enough.
    func reachStatusScreen(timeout: Double = 30, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            try press("Escape")
            try declineDialog()
            try press("s")
            if try declineDialog().contains("not a diagnosis") { return }
        } while Date() < deadline
        Issue.record("the status screen could not be reached; the screen was:\n\((try? screen()) ?? "")", sourceLocation: sourceLocation)
        throw TUIError("the status screen could not be reached")
    }

    /// Leaves whatever is open (text field, overlay), quits (answering yes to a draft question)
    /// and checks that lumbar exits 0 with the terminal's line modes restored. Each step waits
    /// for the screen to settle, so a loaded machine only makes it slower.
    func quitAndCheckTerminal(timeout: Double = 30, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, try !screen().contains("LUMBAR-EXIT=") {
            try press("Escape")
            try declineDialog()
            try press("q")
            let shown = try declineDialog()
            // The dialog wraps its question, so only its start is matched.
            if shown.contains("Quit without") {
                try press("y")
                try settle()
            }
        }
        let after = try waitForExit(0, sourceLocation: sourceLocation)
        #expect(after.contains("MODES: icanon echo END"), "the terminal was not restored:\n\(after)", sourceLocation: sourceLocation)
    }
}

/// Promises 3 and 7 at the real terminal: the TUI beside another shell, and the TUI under hostile input.
@Suite(
    "Reliability: the TUI at a real terminal", .serialized,
    .enabled(if: TUITmux.shouldRun, "tmux is not installed (set CI=true to make that a failure)"))
struct ReliabilityTerminalTests {
    static let now = "2026-03-10T12:00:00+01:00"

    @Test("The TUI open while another shell logs a check-in: it notices, keeps its own draft, and saving keeps both")
    func anotherShellLogsWhileTheTUIIsOpen() throws {
        let sandbox = try ReliabilitySandbox()
        let tui = try TUITmux(sandbox, now: Self.now)
        try tui.waitFor("Check-in for today")
        try tui.type("4")
        try tui.waitFor("4/10")

        let other = try sandbox.lumbar(["checkin", "--pain", "7", "--note", "rel-other-shell"], now: Self.now)
        try #require(other.status == .exited(0), "\(other)")
        let logged = try #require(try sandbox.load().checkIns.first)
        let noticed = try tui.waitFor("another lumbar")
        #expect(noticed.contains("4/10"), "the draft was replaced when the journal changed:\n\(noticed)")

        try tui.press("Enter")
        try tui.waitFor("Check-in saved")
        var journal = try sandbox.load()
        #expect(journal.checkIns.count == 2, "\(journal.checkIns.map(\.pain))")
        #expect(journal.checkIn(id: logged.id) == logged, "the other shell's check-in was overwritten")
        #expect(journal.checkIns.contains { $0.pain == 4 && $0.id != logged.id })

        let later = try sandbox.lumbar(["checkin", "--pain", "2", "--note", "rel-later"], now: Self.now)
        try #require(later.status == .exited(0), "\(later)")
        try tui.press("h")
        try tui.waitFor("rel-later")
        try tui.quitAndCheckTerminal()
        journal = try sandbox.load()
        #expect(journal.checkIns.count == 3)
        #expect(journal.checkIn(id: logged.id) == logged)
    }

    /// Bytes a keyboard, a paste or a confused terminal can send; never the ones the terminal
    /// itself acts on (^C ^Z ^\ send signals, ^S ^Q stop and start output) nor q, which quits.
    static func hostileBytes(count: Int, seed: UInt64) -> [UInt8] {
        var random = SeededGenerator(seed: seed)
        let sequences: [[UInt8]] = [
            [0x1B, 0x5B, 0x41], [0x1B, 0x5B, 0x42], [0x1B, 0x5B, 0x31, 0x3B, 0x35, 0x43], [0x1B, 0x4F, 0x50], [0x1B, 0x5B, 0x32, 0x30, 0x30, 0x7E],
            [0x1B, 0x5B], [0x1B], [0x1B, 0x5D, 0x30, 0x3B, 0x68, 0x69, 0x07], Array("\u{1B}[99999999999999999999m".utf8),
            Array("\u{1B}[999;999R".utf8), [0x1B, 0x5B, 0x4D, 0x20, 0x21, 0x21], Array("\u{1B}[<0;10;5M".utf8), Array("\u{1B}[15~".utf8),
            [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xFE, 0xFF], [0x80, 0x80, 0x80],
            Array("😣痛é".utf8), [0x09], [0x0D], [0x0A], [0x7F], [0x08], [0x00],
        ]
        let forbidden: Set<UInt8> = [0x03, 0x1A, 0x1C, 0x11, 0x13, UInt8(ascii: "q"), UInt8(ascii: "Q")]
        var bytes: [UInt8] = []
        while bytes.count < count {
            if Int.random(in: 0..<3, using: &random) == 0 {
                bytes += sequences.randomElement(using: &random)!
            } else {
                let byte = UInt8.random(in: 0...255, using: &random)
                if !forbidden.contains(byte) { bytes.append(byte) }
            }
        }
        return bytes
    }

    @Test("Hostile bytes, escape sequences, invalid UTF-8 and a 10 KB paste at the real TUI: it stays up, answers, and restores the terminal")
    func hostileInput() throws {
        let sandbox = try ReliabilitySandbox()
        try sandbox.save(ReliabilityJournals.history(years: 1, endingBefore: LocalDate(year: 2026, month: 3, day: 10)!))
        let tui = try TUITmux(sandbox, now: Self.now)
        try tui.waitFor("? help")
        let bytes = Self.hostileBytes(count: Reliability.count("LUMBAR_TERMINAL_BYTES", quick: 4_000, thorough: 40_000), seed: 11)
        for start in stride(from: 0, to: bytes.count, by: 512) {
            try tui.send(bytes: Array(bytes[start..<min(bytes.count, start + 512)]))
            usleep(20_000)
            let running = try tui.lumbarIsRunning()
            #expect(running, "lumbar died after \(start + 512) hostile bytes:\n\((try? tui.screen()) ?? "")")
        }
        var paste = ""
        while paste.utf8.count < 10_240 { paste += "Back felt tight after deadlifts, heat helped 痛い 😣 " }
        try tui.paste(paste, through: sandbox)
        try tui.settle()
        let running = try tui.lumbarIsRunning()
        #expect(running, "lumbar died on a 10 KB paste:\n\((try? tui.screen()) ?? "")")
        // It still answers: out of any field or dialog, to the status screen.
        try tui.reachStatusScreen()
        try tui.quitAndCheckTerminal()
        #expect(throws: Never.self, "the journal does not open after the storm") { _ = try sandbox.load() }
    }

    @Test("A 10 KB multi-line paste into the note at the real TUI: it goes in as text (line breaks, q and u included), and Enter saves it")
    func pasteIntoTheNote() throws {
        let sandbox = try ReliabilitySandbox()
        let tui = try TUITmux(sandbox, now: Self.now)
        try tui.waitFor("Check-in for today")
        try tui.type("5")
        try tui.press("Tab", "Tab", "Tab", "Tab", "Tab")  // worst, symptoms, self-care, warning signs, note
        try tui.type("x")
        var paste = ""
        while paste.utf8.count < 10_240 { paste += "used heat, quit early?\nyes. Dull ache 痛い 😣\n" }
        try tui.paste(paste, through: sandbox)
        try tui.settle()
        #expect(try tui.lumbarIsRunning(), "the paste ended the TUI")
        #expect(try sandbox.load().checkIns.isEmpty, "a line break in the paste saved the check-in")
        try tui.press("Enter")
        try tui.waitFor("Check-in saved")
        let saved = try #require(try sandbox.load().checkIns.first)
        #expect(saved.pain == 5)
        #expect(saved.note.hasPrefix("xused heat, quit early? yes. Dull ache 痛い 😣"), "\(saved.note.prefix(80))")
        try tui.quitAndCheckTerminal()
    }

    @Test("A resize storm: hundreds of sizes from 1×1 to 250×80 in quick succession; the process lives and draws a whole frame")
    func resizeStorm() throws {
        let sandbox = try ReliabilitySandbox()
        try sandbox.save(ReliabilityJournals.history(years: 1, endingBefore: LocalDate(year: 2026, month: 3, day: 10)!))
        let tui = try TUITmux(sandbox, now: Self.now)
        try tui.waitFor("? help")
        var random = SeededGenerator(seed: 5)
        let resizes = Reliability.count("LUMBAR_RESIZES", quick: 300, thorough: 3_000)
        for n in 0..<resizes {
            try tui.resize(width: Int.random(in: 1...250, using: &random), height: Int.random(in: 1...80, using: &random))
            if n % 25 == 0 {
                try tui.press(["h", "c", "s", "g", "t", "Down", "Tab"].randomElement(using: &random)!)
                #expect(try tui.lumbarIsRunning(), "lumbar died during the resize storm (after \(n) resizes)")
            }
        }
        try tui.resize(width: 80, height: 24)
        try tui.press("s")
        // capture-pane may catch a frame mid-repaint under load; the frame must become whole.
        var frame = try tui.waitFor("not a diagnosis")
        let deadline = Date().addingTimeInterval(5)
        while frame.split(separator: "\n").first?.contains("? help") != true, Date() < deadline {
            usleep(100_000)
            frame = try tui.screen()
        }
        let lines = frame.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.contains("? help") == true, "the tab bar is missing after the storm:\n\(frame)")
        #expect(lines.allSatisfy { $0.count <= 80 }, "a line is wider than the terminal:\n\(frame)")
        try tui.quitAndCheckTerminal()
    }
}

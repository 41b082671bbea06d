import Foundation
import LumbarCore
@testable import LumbarUI
import Testing
import LumbarTestSupport

/// Promise 7 at the update function: no key sequence crashes the TUI or loses a draft check-in.
///
/// The harness plays the event loop's part: it runs every `.save` against an in-memory "disk"
/// (failing one in five, as a full disk would), feeds back `.saved` or `.saveFailed`, and
/// between keys sends resizes, clock ticks (also backwards) and journals changed by "another
/// lumbar", as the real loop does.
@Suite("Reliability: hostile keyboards (update function)")
struct ReliabilityKeyboardTests {
    /// What the person has typed into the Today form and not saved.
    struct Draft: Equatable {
        var date: LocalDate, pain: Int?, worst: Int?, symptoms: Set<Symptom>, care: Set<SelfCare>, note: String
        var kind: String, time: String, minutes: String, rpe: String, sudden: Bool

        init(_ form: TodayForm) {
            date = form.date
            pain = form.pain
            worst = form.worst
            symptoms = form.symptoms
            care = form.care
            note = form.note.text
            kind = form.kind.text
            time = form.time.text
            minutes = form.minutes.text
            rpe = form.rpe.text
            sudden = form.sudden
        }
    }

    /// The TUI's state with the loop's side effects played against an in-memory journal.
    struct Harness {
        var state: AppState
        var disk: Journal
        var now: Date
        let zone: ZoneInfo
        var random: SeededGenerator
        var saves = 0, failedSaves = 0, quits = 0, reloads = 0, renders = 0
        /// One save in this many fails (0: none).
        var failEvery = 5

        init(journal: Journal, now: Date, zone: ZoneInfo, seed: UInt64) {
            state = AppState(journal: journal, now: now, timeZone: zone, width: 80, height: 24)
            disk = journal
            self.now = now
            self.zone = zone
            random = SeededGenerator(seed: seed)
        }

        /// Sends `message` and runs its effects to the end; returns whether a check-in save
        /// succeeded and whether the app quit (and with what status).
        mutating func send(_ message: Message) -> (savedCheckIn: Bool, failedSave: Bool, quit: Int32?) {
            var pending = state.update(message)
            var savedCheckIn = false
            var failedSave = false
            while !pending.isEmpty {
                switch pending.removeFirst() {
                case .quit(let code):
                    return (savedCheckIn, failedSave, code)
                case .save(let transaction):
                    if failEvery > 0, Int.random(in: 0..<failEvery, using: &random) == 0 {
                        failedSaves += 1
                        failedSave = true
                        pending += state.update(.saveFailed(transaction, reason: "could not write: the disk is full"))
                    } else {
                        saves += 1
                        var journal = disk
                        let undo = transaction.apply(to: &journal, at: Timestamp(now, in: zone))
                        disk = journal
                        if transaction.purpose == .checkIn { savedCheckIn = true }
                        pending += state.update(.saved(transaction, journal: journal, undo: undo))
                    }
                case .writeReport(let file):
                    // Random keys may ask for a report; nothing is written, the state just hears it went.
                    pending += state.update(.reportWritten(file, path: "/reports/" + file.name))
                case .pollJournal:
                    break  // outside changes are sent as their own messages here
                }
            }
            return (savedCheckIn, failedSave, nil)
        }

        /// Another lumbar changes the file: logs a check-in, edits one, or deletes one.
        mutating func externalChange() -> Message {
            reloads += 1
            var journal = disk
            let stamp = Timestamp(now, in: zone)
            switch Int.random(in: 0..<3, using: &random) {
            case 0 where !journal.checkIns.isEmpty:
                var entry = journal.checkIns[Int.random(in: 0..<journal.checkIns.count, using: &random)]
                entry.note = "edited in another shell"
                entry.updatedAt = stamp
                journal.upsert(entry)
            case 1 where !journal.checkIns.isEmpty:
                journal.delete(id: journal.checkIns[Int.random(in: 0..<journal.checkIns.count, using: &random)].id, at: stamp)
            default:
                journal.upsert(
                    CheckIn(
                        date: LocalDate(instant: now, in: zone), at: stamp, pain: Int.random(in: 0...10, using: &random),
                        note: "from another shell", updatedAt: stamp))
            }
            disk = journal
            return .journalReloaded(journal)
        }
    }

    /// Whether two messages are the same key.
    static func same(_ a: Message, _ b: Message) -> Bool {
        if case .key(let x) = a, case .key(let y) = b { return x == y }
        return false
    }

    /// Whether the message is the answer yes to a question.
    static func isYes(_ message: Message) -> Bool {
        if case .key(.character(let c)) = message { return c == "y" || c == "Y" }
        return false
    }

    /// A hostile key: anything a keyboard, a paste or a confused terminal can produce.
    static func randomKey(_ random: inout SeededGenerator) -> Key {
        let strange: [Character] = [
            "é", "e\u{301}", "😣", "👩🏽‍⚕️", "🇸🇪", "痛", "ש", "\u{200D}", "\u{200B}", "\u{301}", "\u{FEFF}",
            "\u{202E}", "\u{FFFD}", "\u{1B}", "\u{7F}", "\u{0}", "\u{9B}", "\t", "\n", "\r\n", "\u{10FFFF}", "ｗ",
        ]
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<35: return .character(Character(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &random))))
        case 35..<45: return .character("0123456789".randomElement(using: &random)!)
        case 45..<55: return .character(strange.randomElement(using: &random)!)
        case 55..<60:
            let scalar = UInt32.random(in: 0xA0...0x2FFFF, using: &random)
            return .character(Character(Unicode.Scalar(scalar) ?? "?"))
        case 60..<68: return .control(Character(Unicode.Scalar(UInt8.random(in: 0x61...0x7A, using: &random))))
        case 68..<71: return .function(Int.random(in: -1...14, using: &random))
        default:
            let named: [Key] = [.enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown]
            return named.randomElement(using: &random)!
        }
    }

    @Test("Ten thousand hostile keys with pastes, resizes, ticks, outside changes and failing saves: no crash, every frame drawn, no draft lost")
    func tenThousandKeys() throws {
        let zone = try #require(ZoneInfo(identifier: "Europe/Berlin"))
        let start = try Timestamp.parse("2026-03-01T21:00:00+01:00", localTimeZone: zone).get().date
        let keys = Reliability.count("LUMBAR_KEYBOARD_KEYS", quick: 10_000, thorough: 200_000)
        var harness = Harness(
            journal: ReliabilityJournals.history(years: 1, endingBefore: LocalDate(year: 2026, month: 3, day: 1)!),
            now: start, zone: zone, seed: 0x6B65_7973)
        var lostDrafts: [String] = []
        var lostOnDateChange: [String] = []
        var sent = 0
        while sent < keys {
            let draftBefore = harness.state.form.isDirty ? Draft(harness.state.form) : nil
            let overlayBefore = harness.state.overlay
            let onDateRow = harness.state.screen == .today && harness.state.overlay == nil && harness.state.form.focusedField == .date
            let message: Message
            var isKey = false
            switch Int.random(in: 0..<100, using: &harness.random) {
            case 0..<3:
                message = .resize(width: Int.random(in: -5...260, using: &harness.random), height: Int.random(in: -5...90, using: &harness.random))
            case 3..<5:
                harness.now = harness.now.addingTimeInterval(Double.random(in: -7_200...100_000, using: &harness.random))
                message = .tick(harness.now)
            case 5..<6:
                message = harness.externalChange()
            case 6..<8:
                // A bracketed paste: sometimes 10 KB, with line breaks, tabs, escapes and commands' letters.
                let length = Int.random(in: 0..<10, using: &harness.random) == 0 ? 10_240 : Int.random(in: 0...300, using: &harness.random)
                var text = ""
                while text.count < length {
                    let key = Self.randomKey(&harness.random)
                    if case .character(let c) = key {
                        text.append(c)
                    } else {
                        text.append(["\n", "\t", "q", "u", "\u{1B}[A"].randomElement(using: &harness.random)!)
                    }
                }
                message = .paste(text)
                isKey = true
            default:
                let key = Self.randomKey(&harness.random)
                // Ctrl-C is the interrupt: it leaves at once by design (exit 130); count it as a key only now and then.
                if key == .control("c"), Int.random(in: 0..<20, using: &harness.random) != 0 { continue }
                message = .key(key)
                isKey = true
                sent += 1
            }
            let result = harness.send(message)
            if let code = result.quit {
                harness.quits += 1
                if draftBefore != nil && code == 0 {
                    // Quitting with a draft is allowed only as the answer yes to "Quit without saving them?".
                    var confirmed = false
                    if case .confirm(let question) = overlayBefore, question.action == .quit { confirmed = Self.isYes(message) }
                    if !confirmed { lostDrafts.append("key \(sent): quit without asking, draft \(draftBefore!)") }
                }
                // The person starts lumbar again.
                harness.state = AppState(
                    journal: harness.disk, now: harness.now, timeZone: zone, width: harness.state.width, height: harness.state.height)
                continue
            }
            if let draftBefore {
                let after = harness.state.form.isDirty ? Draft(harness.state.form) : nil
                var discardedOnRequest = false
                if case .confirm(let question) = overlayBefore, case .editDiscardingDraft = question.action {
                    discardedOnRequest = Self.isYes(message)
                }
                if result.failedSave, after == nil {
                    lostDrafts.append("key \(sent): a failed save dropped the draft \(draftBefore)")
                } else if !isKey, after != draftBefore {
                    lostDrafts.append("\(message): changed the draft \(draftBefore) to \(String(describing: after))")
                } else if after == nil, !result.savedCheckIn, !discardedOnRequest, onDateRow,
                    [.key(.left), .key(.right), .key(.character("-")), .key(.character("+")), .key(.character("="))].contains(where: {
                        Self.same($0, message)
                    })
                {
                    lostOnDateChange.append("key \(sent) \(message): draft \(draftBefore)")
                } else if after == nil, !result.savedCheckIn, !discardedOnRequest {
                    lostDrafts.append("key \(sent) \(message): the draft \(draftBefore) vanished without a save or a yes")
                }
            }
            if isKey && sent % 7 == 0 || !isKey {
                let frame = AppView.render(harness.state)
                harness.renders += 1
                #expect(frame.width == max(0, harness.state.width) && frame.height == max(0, harness.state.height))
            }
        }
        print(
            "keyboard fuzz: \(keys) keys, \(harness.saves) saves, \(harness.failedSaves) failed saves, \(harness.quits) quits, "
                + "\(harness.reloads) outside changes, \(harness.renders) frames")
        #expect(lostOnDateChange.isEmpty, "drafts lost on a date change (\(lostOnDateChange.count)): \(lostOnDateChange.prefix(2))")
        #expect(lostDrafts.isEmpty, "drafts lost (\(lostDrafts.count)):\n\(lostDrafts.prefix(8).joined(separator: "\n\n"))")
        #expect(harness.saves > 0 && harness.failedSaves > 0, "the keys never reached a save; the fuzz is not exercising the form")
    }

    /// Focuses the note field of a fresh Today form with pain 5 set, as a person would.
    static func formWithNoteFocused(_ harness: inout Harness) {
        _ = harness.send(.key(.character("5")))
        for _ in 0..<40 where harness.state.form.focusedField != .note { _ = harness.send(.key(.tab)) }
        if !harness.state.form.editing { _ = harness.send(.key(.enter)) }
    }

    /// Pastes `text` into the note field of a Today form with pain 5 (a terminal without
    /// bracketed paste delivers a paste as keys, a line break as Enter). Returns where it quit,
    /// if it did, and whether the check-in with pain 5 is saved or still a draft afterwards.
    static func paste(_ text: String) throws -> (quitAt: Int?, kept: Bool, noteLength: Int) {
        let zone = try #require(ZoneInfo(identifier: "Europe/Berlin"))
        let now = try Timestamp.parse("2026-03-01T21:00:00+01:00", localTimeZone: zone).get().date
        var harness = Harness(journal: Journal(), now: now, zone: zone, seed: 7)
        harness.failEvery = 0
        Self.formWithNoteFocused(&harness)
        try #require(harness.state.form.focusedField == .note && harness.state.form.editing, "could not reach the note field")
        // A terminal in bracketed-paste mode (which the TUI turns on) delivers a paste whole.
        var quitAt: Int?
        if harness.send(.paste(text)).quit != nil { quitAt = 0 }
        _ = AppView.render(harness.state)
        let saved = harness.disk.checkIns.contains { $0.pain == 5 }
        let drafted = harness.state.form.isDirty && harness.state.form.pain == 5
        return (quitAt, saved || drafted, harness.state.form.note.text.count)
    }

    @Test("A 10 KB paste into the note field: no crash, the check-in it belongs to kept, the note within its limit")
    func tenKilobytePaste() throws {
        // Prose with line breaks, the letters of most commands and some UTF-8.
        let line = "Back felt tight after deadlifts; used heat, did the stretches, quit early? yes. Dull ache 痛い 😣.\n"
        var text = ""
        while text.utf8.count < 10_240 { text += line }
        let oneLine = String(text.map { $0 == "\n" ? " " : $0 })
        let flat = try Self.paste(oneLine)
        #expect(flat.quitAt == nil && flat.kept, "a one-line 10 KB paste: \(flat)")
        #expect(flat.noteLength == 280, "the note takes its first 280 characters")
        let prose = try Self.paste(text)
        #expect(prose.kept, "the check-in with pain 5 is neither saved nor still a draft after a multi-line paste")
        #expect(prose.quitAt == nil, "the paste quit the TUI at character \(prose.quitAt ?? 0)")
        #expect(prose.noteLength == 280, "line breaks become spaces and the note takes its first 280 characters")
    }

    @Test("A pasted note whose second line starts with u: the line break does not save and the u does not undo")
    func pastedLineBreakThenUndo() throws {
        let result = try Self.paste("slept badly\nuh, sore again")
        #expect(result.kept, "the check-in with pain 5 was lost: \(result)")
    }

    @Test("Moving an unsaved Today draft to another day never drops what was typed")
    func dateChangeKeepsDraft() throws {
        let zone = try #require(ZoneInfo(identifier: "Europe/Berlin"))
        let now = try Timestamp.parse("2026-03-03T21:00:00+01:00", localTimeZone: zone).get().date
        // Yesterday already has a check-in; today has none.
        let yesterday = try Timestamp.parse("2026-03-02T09:00:00+01:00", localTimeZone: zone).get()
        let journal = Journal(sessions: [], checkIns: [CheckIn(date: yesterday.localDate, at: yesterday, pain: 2, updatedAt: yesterday)])
        var harness = Harness(journal: journal, now: now, zone: zone, seed: 1)
        harness.failEvery = 0
        _ = harness.send(.key(.character("7")))
        let typed = Draft(harness.state.form)
        #expect(typed.pain == 7 && harness.state.form.isDirty)
        // Up to the date row, then one day back.
        for _ in 0..<10 where harness.state.form.focusedField != .date { _ = harness.send(.key(.backTab)) }
        try #require(harness.state.form.focusedField == .date)
        _ = harness.send(.key(.left))
        let after = Draft(harness.state.form)
        #expect(after.pain == 7 || harness.state.overlay != nil, "the draft with pain 7 was replaced by \(after) without a question")
    }
}

import Foundation
import LumbarCore
import Testing
@testable import LumbarUI

/// The runtime itself, on a headless terminal: what ends it, what it draws and when, and the
/// subscriptions it runs on their timers (the journal poll, the minute clock).
@Suite struct ProgramTests {
    @Test func aSignalEndsTheProgramWith128PlusTheSignal() {
        var d = Driver(Fixtures.episode)
        d.terminal.pendingSignal = 15
        d.feed([.key(.down)])
        #expect(d.exitCode == Int32(143))
        #expect(d.terminal.queue == [.key(.down)], "the signal is seen before the next key is read")
    }

    @Test func ctrlCQuitsWith130AndAHangUpWith129EvenWithADraft() {
        var d = Driver(Journal())
        d.type("4")
        d.press(.control("c"))
        #expect(d.exitCode == 130)
        var hungUp = Driver(Journal())
        hungUp.type("4")
        #expect(hungUp.state.hasUnsavedDraft)
        hungUp.feed([.hangUp])
        #expect(hungUp.exitCode == 129)
    }

    @Test func aResizeRedrawsEveryCellAtTheNewSize() {
        var d = Driver(Fixtures.episode)
        _ = d.drawn()
        d.terminal.size = TerminalSize(width: 40, height: 12)
        d.feed([.resize])
        #expect(d.terminal.invalidations == 1)
        #expect(d.state.width == 40 && d.state.height == 12)
        _ = d.drawn()
        #expect(d.terminal.frame?.width == 40)
    }

    @Test func theFirstStepDrawsAndAnIdleStepDrawsNothing() {
        var d = Driver(Fixtures.episode)
        d.feed([.key(.character("h"))])
        #expect(d.terminal.frames.count == 1, "drawn once before reading the key")
        _ = d.drawn()
        #expect(d.terminal.frames.count == 2)
        // A second with nothing typed and nothing changed on disk: the poll runs, nothing is drawn.
        d.idle()
        #expect(d.exitCode == nil)
        #expect(d.terminal.frames.count == 2)
    }

    @Test func theJournalIsPolledOnceASecondAndAnOutsideChangeShowsUp() {
        var d = Driver(Fixtures.episode)
        d.press(.character("h"))
        _ = d.drawn()
        #expect(d.effects.polls == 0)
        var outside = d.stored
        let stamp = Fixtures.stamp("2026-03-05T19:00:00+01:00")
        outside.upsert(Session(at: stamp, kind: "swim", updatedAt: stamp))
        d.stored = outside
        // Nothing typed: each step waits out the time to the next poll.
        d.idle()
        #expect(d.exitCode == nil)
        #expect(d.terminal.elapsed == .seconds(1))
        #expect(d.effects.polls == 1)
        #expect(d.state.journal.sessions.count == Fixtures.episode.sessions.count + 1)
        #expect(d.drawn().contains("swim"))
        #expect(d.screen.contains("changed by another lumbar"))
        for _ in 0..<4 { d.idle() }
        #expect(d.effects.polls == 5)
        #expect(d.terminal.elapsed == .seconds(5))
    }

    @Test func keysDoNotHoldThePollBack() {
        var d = Driver(Fixtures.episode)
        d.press(.character("h"))
        // Keys arrive faster than the poll's interval; the poll still runs once its second is up.
        d.terminal.queue = Array(repeating: .key(.down), count: 3)
        d.idle()
        #expect(d.effects.polls == 0)
        d.terminal.queue = []
        d.idle()
        #expect(d.effects.polls == 1)
    }

    @Test func theMinuteClockReevaluatesTheStatusWithoutAKey() {
        var d = Driver(Fixtures.episode)
        let minute = d.state.evaluatedMinute
        _ = d.drawn()
        let drawn = d.terminal.frames.count
        d.clock = Fixtures.now.addingTimeInterval(30)
        d.idle()
        #expect(d.state.evaluatedMinute == minute, "the same minute: no tick")
        #expect(d.terminal.frames.count == drawn)
        d.clock = Fixtures.now.addingTimeInterval(61)
        d.idle()
        _ = d.drawn()
        #expect(d.state.evaluatedMinute == minute + 1)
        #expect(d.terminal.frames.count == drawn + 1)
    }

    @Test func eachKeyIsPrecededByATickFromTheClock() {
        var d = Driver(Journal())
        d.clock = Fixtures.now.addingTimeInterval(5)
        d.press(.down)
        #expect(d.state.now == Fixtures.now.addingTimeInterval(5))
    }

    @Test func theFrameDrawnWhileASaveRunsSaysSaving() {
        var d = Driver(Journal())
        var during: [String] = []
        let terminal = d.terminal
        d.effects.whilePerforming = { effect in
            if case .save = effect, let frame = terminal.frame { during.append(frame.lines.last ?? "") }
        }
        d.type("4")
        d.press(.enter)
        #expect(d.stored.checkIns.count == 1)
        #expect(during.count == 1)
        #expect(during.first?.hasPrefix("Saving") == true, "message bar during the save: \(during)")
        #expect(!d.state.isSaving)
        #expect(!d.screen.contains("Saving"))
    }

    @Test func aFailedSaveClearsSavingAndSaysWhy() {
        var d = Driver(Journal())
        d.effects.failSaves = "the disk is full"
        d.type("4")
        d.press(.enter)
        #expect(!d.state.isSaving)
        #expect(d.screen.contains("Not saved: the disk is full"))
        #expect(d.state.hasUnsavedDraft)
    }
}

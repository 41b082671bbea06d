import Foundation
import LumbarCore
import Testing
@testable import LumbarUI

/// The Training screen: goldens at 80×24 and 40×12, and what must hold at every size.
@Suite(.serialized) struct TrainingScreenTests {
    func render(_ state: AppState) -> String { AppView.render(state).lines.joined(separator: "\n") }

    /// Twelve weeks up to Thu 5 Mar 2026: deadlifts on Mondays (60 min, RPE 7), runs on
    /// Wednesdays (40 min, RPE 5), yoga on Saturdays without a load, a check-in every morning,
    /// an episode after the deadlift of 9 Feb, and a heavier week now (a 120-min deadlift on 2 Mar: 1,040 against the usual 620).
    static let trainingJournal: Journal = {
        var sessions: [Session] = []
        var checkIns: [CheckIn] = []
        let firstMonday = LocalDate("2025-12-08")!
        for day in 0..<88 {
            let date = firstMonday.adding(days: day)
            let n = 2000 + day * 3
            switch date.isoWeekday {
            case 1:
                let heavy = date == LocalDate("2026-03-02")!
                sessions.append(Fixtures.session(n, "\(date)T18:00:00+01:00", kind: "deadlift", minutes: heavy ? 120 : 60, rpe: 7))
            case 3: sessions.append(Fixtures.session(n, "\(date)T07:00:00+01:00", kind: "run", minutes: 40, rpe: 5))
            case 6: sessions.append(Fixtures.session(n, "\(date)T10:00:00+01:00", kind: "yoga"))
            default: break
            }
            let pain: Int =
                switch date.description {
                case "2026-02-10": 5
                case "2026-02-11": 4
                case "2026-02-12": 2
                case "2026-03-03": 2
                default: 0
                }
            checkIns.append(Fixtures.checkIn(n + 1, "\(date)T08:00:00+01:00", pain: pain))
        }
        return Journal(sessions: sessions, checkIns: checkIns)
    }()

    @Test func goldens() {
        for (w, h) in [(80, 24), (40, 12)] {
            let state = Fixtures.state(Self.trainingJournal, width: w, height: h, screen: .training)
            Golden.check(render(state), named: "training-weeks-\(w)x\(h)")
        }
    }

    @Test func restAfterASuddenSession() {
        var journal = Self.trainingJournal
        journal.upsert(Fixtures.session(91, "2026-03-05T07:00:00+01:00", kind: "squat", minutes: 30, rpe: 8, sudden: true))
        journal.upsert(Fixtures.checkIn(90, "2026-03-05T09:00:00+01:00", pain: 4))
        for (w, h) in [(80, 24), (40, 12)] {
            let state = Fixtures.state(journal, width: w, height: h, screen: .training)
            #expect(AppView.render(state).lines[1].contains("REST"))
            Golden.check(render(state), named: "training-rest-\(w)x\(h)")
        }
    }

    @Test func theAnswerTheLoadAndTheDisclaimerShowAtEverySize() {
        for (w, h) in [(40, 10), (40, 12), (50, 16), (80, 24), (120, 40), (200, 60)] {
            let state = Fixtures.state(Self.trainingJournal, width: w, height: h, screen: .training)
            let lines = AppView.render(state).lines
            #expect(lines.count == h)
            #expect(lines[1].contains("TRAIN"), "\(w)x\(h): \(lines[1])")
            #expect(lines.contains { $0.contains("Load this week 1,040") }, "\(w)x\(h)")
            #expect(lines[h - 2].contains("not a diagnosis"), "\(w)x\(h)")
        }
    }

    @Test func theScreenReachesByItsKeyAndTheTabShowsIt() {
        var state = Fixtures.state(Self.trainingJournal, width: 80, height: 24, screen: .status)
        _ = state.update(.key(.character("w")))
        #expect(state.screen == .training)
        #expect(AppView.render(state).lines[0].contains("w:Training"))
        _ = state.update(.key(.escape))
        #expect(state.screen == .status)
    }

    @Test("pain sits on a 0–10 scale over the bars", arguments: [(0, 5), (10, 0), (5, 2), (3, 3), (1, 4)])
    func painRows(pain: Int, row: Int) {
        #expect(LoadChart.painRow(pain, plotHeight: 6, top: 0) == row)
    }

    @Test func theChartDrawsEachWeeksLoadAndPain() {
        let now = Fixtures.now
        let weeks = WeekBar.weeks(12, in: Self.trainingJournal, now: now, timeZone: Fixtures.zone)
        var buffer = Buffer(width: 70, height: 8)
        LoadChart.draw(weeks, glyphs: .ascii, in: Rect(x: 0, y: 0, width: 70, height: 8), into: &buffer)
        let lines = buffer.lines
        // The highest week (this one, 1,040) fills the whole plot column; the axis names it.
        #expect(lines[0].hasPrefix(" 1,040"))
        #expect(lines[5].contains("#"))
        // A pain-free week's mean and highest pain sit on the bottom row, the episode week's higher up.
        #expect(lines.prefix(6).contains { $0.contains("x") })
        #expect(lines[6].contains("12 weeks ago") && lines[6].contains("this week"))
    }

    @Test func aFrameOverTenYearsIsTimed() {
        var sessions: [Session] = []
        var checkIns: [CheckIn] = []
        let first = LocalDate("2016-03-06")!
        for day in 0..<3653 {
            let date = first.adding(days: day)
            checkIns.append(Fixtures.checkIn(100_000 + day, "\(date)T08:00:00Z", pain: day % 30 < 4 ? 3 : 0))
            if day % 2 == 0 {
                sessions.append(Fixtures.session(200_000 + day, "\(date)T18:00:00Z", kind: day % 4 == 0 ? "squat" : "run", minutes: 40, rpe: 6))
            }
        }
        let state = Fixtures.state(Journal(sessions: sessions, checkIns: checkIns), width: 80, height: 24, screen: .training)
        let clock = ContinuousClock()
        var lines: [String] = []
        let elapsed = clock.measure { lines = AppView.render(state).lines }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        var again = state
        _ = again.update(.key(.character("x")))
        let next = clock.measure { _ = AppView.render(again) }
        let nextSeconds = Double(next.components.seconds) + Double(next.components.attoseconds) * 1e-18
        print("training screen, 10 years, one frame: \(seconds * 1000) ms; the next key's frame: \(nextSeconds * 1000) ms")
        #expect(lines.contains { $0.contains("squat") })
        // Loose bounds for a debug build on a shared 2-core machine: they catch a quadratic slip,
        // and a key on the screen that recomputes the whole history.
        #expect(seconds < 1.0)
        #expect(nextSeconds < seconds / 4)
    }

    @Test func aChangedJournalIsDrawnAtOnce() {
        var state = Fixtures.state(Self.trainingJournal, width: 80, height: 24, screen: .training)
        #expect(AppView.render(state).lines[1].contains("TRAIN"))
        var journal = Self.trainingJournal
        journal.upsert(Fixtures.checkIn(95, "2026-03-05T19:00:00+01:00", pain: 8))
        _ = state.update(.journalReloaded(journal))
        #expect(AppView.render(state).lines[1].contains("REST"))
        _ = state.update(.journalReloaded(Self.trainingJournal))
        #expect(AppView.render(state).lines[1].contains("TRAIN"))
    }

    @Test func inASCII() {
        let state = Fixtures.state(Self.trainingJournal, width: 80, height: 24, screen: .training, glyphs: .ascii)
        let text = render(state)
        #expect(!text.unicodeScalars.contains { !$0.isASCII })
        Golden.check(text, named: "training-weeks-ascii-80x24")
    }
}

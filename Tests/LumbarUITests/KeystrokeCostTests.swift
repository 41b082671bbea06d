import Foundation
import LumbarCore
import Testing
@testable import LumbarUI

/// What one keystroke costs at 200×60 (update, render, diff against the last frame) with ten
/// years of daily check-ins: the work must not grow with the journal.
@Suite struct KeystrokeCostTests {
    static let decade = journal(days: 3650)
    /// Two months: enough entries to fill a 200×60 screen, so it draws what the decade draws
    /// and the comparison measures the journal's length, not a full screen against an empty one.
    static let twoMonths = journal(days: 60)

    static func journal(days: Int) -> Journal {
        var checkIns: [CheckIn] = []
        var sessions: [Session] = []
        let start = LocalDate(year: 2016, month: 3, day: 6)!
        for d in 0..<days {
            let date = start.adding(days: d)
            let t = Fixtures.stamp("\(date)T08:00:00+01:00")
            checkIns.append(
                CheckIn(
                    date: date, at: t, pain: (d * 7) % 11, symptoms: d % 9 == 0 ? [.stiffness] : [],
                    care: [.active], note: "day \(d) note with some words in it", updatedAt: t))
            if d % 3 == 0 {
                let s = Fixtures.stamp("\(date)T18:00:00+01:00")
                sessions.append(Session(at: s, kind: ["run", "deadlift", "yoga"][d % 3 == 0 ? (d / 3) % 3 : 0], minutes: 40, updatedAt: s))
            }
        }
        return Journal(sessions: sessions, checkIns: checkIns)
    }

    /// CPU time of the calling thread in nanoseconds: other tests running in parallel do not count.
    static func threadCPUTime() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Median CPU time in milliseconds of `keys` cycled through update + render + diff.
    static func medianKeystroke(_ state: inout AppState, keys: [Key], rounds: Int) -> Double {
        var last = AppView.render(state)
        var times: [Double] = []
        for i in 0..<rounds {
            let start = Self.threadCPUTime()
            _ = state.update(.key(keys[i % keys.count]))
            let frame = AppView.render(state)
            let runs = FrameDiff.runs(from: last, to: frame)
            last = frame
            let end = Self.threadCPUTime()
            _ = runs.count
            times.append(Double(end - start) / 1e6)
        }
        times.sort()
        return times[times.count / 2]
    }

    @Test func keystrokeCostDoesNotGrowWithTheJournal() {
        var results: [String: Double] = [:]
        for (name, journal) in [("empty", Journal()), ("twoMonths", Self.twoMonths), ("decade", Self.decade)] {
            for (screen, keys) in [
                (ScreenName.history, [Key.down, .down, .up]), (.today, [.character("j"), .character("k"), .character(" ")]),
                (.chart, [.character("1"), .character("4"), .character("3")]), (.status, [.down, .up]),
            ] {
                var state = Fixtures.state(journal, width: 200, height: 60, screen: screen)
                results["\(name)/\(screen)"] = Self.medianKeystroke(&state, keys: keys, rounds: 41)
            }
        }
        let report = results.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.2f", $0.value)) ms" }.joined(separator: ", ")
        print("keystroke CPU at 200x60 (median): " + report)
        #if DEBUG
        let budget = 40.0  // unoptimised build; the 2 ms goal is for release builds
        #else
        let budget = 2.0
        #endif
        for (key, ms) in results { #expect(ms <= budget, "\(key): \(ms) ms") }
        // Ten years of entries may not make a key cost more than a few times two months' worth,
        // which fill the same screen (the chart is left out: its "all" range draws every week by design).
        for screen in ["history", "today", "status"] {
            let small = results["twoMonths/\(screen)"] ?? 0
            let decade = results["decade/\(screen)"] ?? 0
            #expect(decade <= max(small * 2, small + 1.5), "\(screen): \(decade) ms vs \(small) ms")
        }
    }
}

import Foundation
import Testing
@testable import LumbarCore
import LumbarTestSupport

/// The status cache holds only a slice of the journal; these tests prove the slice is enough:
/// the engine's status on it equals the status on the whole journal, for many generated
/// journals, at many `now`s from the slice's horizon on, in zones from UTC−12 to UTC+14.
@Suite struct StatusSliceTests {
    /// Zones the status is evaluated in: the one logged in, both extremes, and the southern hemisphere.
    static let zones = ["Europe/Stockholm", "America/New_York", "Pacific/Auckland", "Pacific/Kiritimati", "Etc/GMT+12"]

    @Test("the status on the slice equals the status on the whole journal", arguments: Array(1...24))
    func sliceEvaluatesAsTheWholeJournal(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed) &* 7919)
        let b = Self.generate(&rng, years: seed % 4 == 0 ? 4 : 2)
        let journal = b.journal
        let (slice, horizon) = StatusSlice.make(journal)
        #expect(slice.checkIns.count <= journal.checkIns.count)
        let start = Timestamp(epochMilliseconds: horizon, utcOffsetSeconds: 0)
        // From the horizon (14 days before the newest entry, which is then in the future) to months later.
        var offsets: [Double] = [
            0, 0.001, 1, 23, 24 * 7, 24 * 13.9, 24 * 14, 24 * 14 + 1, 24 * 14 + 71, 24 * 14 + 73,
            24 * 21, 24 * 27, 24 * 29, 24 * 45,
        ]
        for _ in 0..<6 { offsets.append(Double(Int.random(in: 0...(24 * 120), using: &rng))) }
        for hours in offsets {
            let now = start.adding(hours: hours).date
            for id in Self.zones {
                let zone = ZoneInfo(identifier: id)!
                let whole = EscalationEngine.evaluate(journal, now: now, timeZone: zone)
                let part = EscalationEngine.evaluate(slice, now: now, timeZone: zone)
                #expect(part == whole, "seed \(seed), \(hours) h after the horizon, in \(id)")
            }
        }
    }

    @Test("the generated journals exercise what the slice must keep, and the slice is small")
    func theGeneratorCoversTheHardCases() {
        var open = 0, standingOld = 0, assessed = 0, recurring = 0, small = 0, longEpisodes = 0
        for seed in 1...24 {
            var rng = SeededGenerator(seed: UInt64(seed) &* 7919)
            let b = Self.generate(&rng, years: seed % 4 == 0 ? 4 : 2)
            let journal = b.journal
            let (slice, horizon) = StatusSlice.make(journal)
            let now = Timestamp(epochMilliseconds: horizon + StatusSlice.lookBack, utcOffsetSeconds: 0).adding(hours: 1).date
            let status = EscalationEngine.evaluate(journal, now: now, timeZone: b.zone)
            if let day = status.episodeDay {
                open += 1
                if day > 90 { longEpisodes += 1 }
            }
            let answers = StandingAnswer.all(in: journal, at: now).values
            if answers.contains(where: { $0.checkIn.at.epochMilliseconds < horizon - 180 * 24 * ChronologicalSearch.hour }) { standingOld += 1 }
            if status.flags.contains(where: { ($0.assessedAt?.epochMilliseconds ?? .max) < horizon - 180 * 24 * ChronologicalSearch.hour }) {
                assessed += 1
            }
            if status.flags.contains(where: { $0.rule == .recurringPain }) { recurring += 1 }
            if slice.checkIns.count * 4 < journal.checkIns.count { small += 1 }
        }
        #expect(
            open >= 4 && longEpisodes >= 1 && standingOld >= 3 && assessed >= 2 && recurring >= 1 && small >= 10,
            "open \(open), long \(longEpisodes), old standing answers \(standingOld), assessed long ago \(assessed), recurring \(recurring), small slices \(small)"
        )
    }

    @Test("an empty journal, and one without check-ins, slice to themselves")
    func emptyJournals() {
        #expect(StatusSlice.make(Journal()).slice == Journal())
        var b = JournalBuilder()
        b.session("2026-03-02 18:00")
        let (slice, horizon) = StatusSlice.make(b.journal)
        #expect(slice.sessions == b.journal.sessions)
        #expect(horizon == b.time("2026-03-02 18:00").epochMilliseconds - StatusSlice.lookBack)
    }

    /// A journal of `years` of irregular logging: calm spells, short episodes after sessions,
    /// flares of weeks to months, silences, warning signs answered yes or no (some left standing
    /// for a long time), sudden sessions, sharp pain, assessments, and a profile.
    static func generate(_ rng: inout SeededGenerator, years: Int) -> JournalBuilder {
        var b = JournalBuilder()
        if Bool.random(using: &rng) { b.birthYear = Int.random(in: 1940...2010, using: &rng) }
        if Int.random(in: 0...3, using: &rng) == 0 { b.history = [HistoryItem.known.randomElement(using: &rng)!] }
        var time = b.time("2022-01-03 08:00")
        let end = time.adding(hours: Double(24 * 365 * years))
        var painful = 0  // days left in the current spell of pain
        var level = 0
        // Questions answered yes early on and never again: they stand for the whole journal.
        let early = Symptom.warningSigns.shuffled(using: &rng).prefix(Int.random(in: 0...2, using: &rng))
        var first = true
        // Some people answer the early signs yes again now and then, some never answer them no again.
        let repeatEarly = Bool.random(using: &rng)
        let keepEarly = Bool.random(using: &rng)
        let ending = Int.random(in: 0...3, using: &rng)
        while time < end {
            time = time.adding(hours: Double(Int.random(in: 4...40, using: &rng)))
            if Int.random(in: 0...60, using: &rng) == 0 { time = time.adding(hours: Double(Int.random(in: 100...500, using: &rng))) }
            if Int.random(in: 0...3, using: &rng) < 2 {
                let sudden = Int.random(in: 0...30, using: &rng) == 0
                b.session(
                    time.adding(hours: -Double(Int.random(in: 1...30, using: &rng))), ["run", "deadlift", "squat"].randomElement(using: &rng)!,
                    suddenPain: sudden)
                if painful == 0, Int.random(in: 0...4, using: &rng) == 0 {
                    painful = Int.random(in: 2...6, using: &rng); level = Int.random(in: 1...8, using: &rng)
                }
            }
            if painful == 0, Int.random(in: 0...120, using: &rng) == 0 {
                painful = Int.random(in: 20...200, using: &rng)  // a flare of weeks to months
                level = Int.random(in: 2...9, using: &rng)
            }
            var pain = 0
            let daysLeft = Int((end.epochMilliseconds - time.epochMilliseconds) / (24 * ChronologicalSearch.hour))
            // Some journals end in a flare of months, some in pain that keeps coming back.
            if ending == 1, daysLeft <= 150, painful == 0, daysLeft > 140 { painful = 400; level = 6 }
            if ending == 2, daysLeft < 45 {
                painful = 0
                pain = time.localDate.dayNumber % 8 < 5 ? Int.random(in: 4...6, using: &rng) : 0
            } else if painful > 0 {
                painful -= 1
                level = min(10, max(1, level + Int.random(in: -2...2, using: &rng)))
                pain = Int.random(in: 0...9, using: &rng) == 0 ? 0 : level
            } else if Int.random(in: 0...12, using: &rng) == 0 {
                pain = Int.random(in: 1...3, using: &rng)
            }
            var yes: [Symptom] = []
            var no: [Symptom] = []
            // The early answers, now and then given yes again: a long unbroken run of yes, or a new
            // run after an odd no, which an assessment's coverage has to look back through.
            if first || (repeatEarly && Int.random(in: 0...30, using: &rng) == 0) { yes += early; first = false }
            if Int.random(in: 0...4, using: &rng) == 0, pain > 0 { yes.append([.sharpPain, .stiffness, .dullAche].randomElement(using: &rng)!) }
            if Int.random(in: 0...70, using: &rng) == 0 { yes.append(Symptom.warningSigns.randomElement(using: &rng)!) }
            switch Int.random(in: 0...9, using: &rng) {
            case 0: no = Symptom.warningSigns.filter { !yes.contains($0) && !early.contains($0) }
            case 1: no = [Symptom.warningSigns.randomElement(using: &rng)!].filter { !yes.contains($0) && !(keepEarly && early.contains($0)) }
            default: break
            }
            let firstCheckIn = b.checkIns.isEmpty
            b.checkIn(time, pain: pain, Array(Set(yes)).sorted { $0.rawValue < $1.rawValue }, no: no)
            let at = time.adding(hours: 2).description
            if firstCheckIn || Int.random(in: 0...400, using: &rng) == 0 {
                // A clinician sees what is raised (the early answers' flags too, which then stay covered for years).
                let raised = b.status(at: at).flags.map(\.rule)
                if !raised.isEmpty { _ = try? b.assessed(at, naming: raised) }
            } else if Int.random(in: 0...150, using: &rng) == 0 {
                let rules = RuleID.allCases.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng))
                b.assessed(at, rules.map { ($0, [Level.watch, .seeDoctor, .urgent, .emergency].randomElement(using: &rng)!) })
            }
        }
        return b
    }
}

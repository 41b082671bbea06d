import Foundation
import Testing
@testable import LumbarCore
import LumbarTestSupport

/// Opening, lulls, closing, gaps and triggers. Stockholm; Mon 2 Mar 2026 onwards.
@Suite("Episodes")
struct EpisodeTrackerTests {
    @Test("an episode opens at the first painful check-in")
    func opening() {
        var b = JournalBuilder()
        b.checkIn("2026-03-02 09:00", pain: 0)
        b.checkIn("2026-03-03 09:00", pain: 0)
        #expect(b.status(at: "2026-03-04 08:00").episode == nil)
        let onset = b.checkIn("2026-03-04 09:00", pain: 3)
        b.checkIn("2026-03-04 20:00", pain: 5)
        let status = b.status(at: "2026-03-04 21:00")
        let episode = status.episode
        #expect(episode?.onset == onset)
        #expect(episode?.peak == 5)
        #expect(episode?.latest.pain == 5)
        #expect(status.episodeDay == 0)
    }

    @Test("a single pain-free day is a lull inside the episode")
    func lull() {
        var b = JournalBuilder()
        let onset = b.checkIn("2026-03-02 09:00", pain: 3)
        b.checkIn("2026-03-03 09:00", pain: 0)
        #expect(b.status(at: "2026-03-03 20:00").episode?.onset == onset)
        b.checkIn("2026-03-04 09:00", pain: 2)
        let status = b.status(at: "2026-03-04 10:00")
        #expect(status.episode?.onset == onset)
        #expect(status.episodeDay == 2)
        #expect(EpisodeTracker.episodes(in: b.journal, upTo: b.time("2026-03-04 10:00").date, timeZone: b.zone).count == 1)
    }

    @Test("two consecutive pain-free dates close it as soon as the second date's check-ins are all 0")
    func closing() {
        var b = JournalBuilder()
        b.checkIn("2026-03-02 09:00", pain: 3)
        b.checkIn("2026-03-03 09:00", pain: 0)
        b.checkIn("2026-03-04 07:00", pain: 0)
        #expect(b.status(at: "2026-03-04 06:59").episode != nil)
        #expect(b.status(at: "2026-03-04 07:00").episode == nil)
        let episodes = EpisodeTracker.episodes(in: b.journal, upTo: b.time("2026-03-04 08:00").date, timeZone: b.zone)
        #expect(episodes.count == 1)
        #expect(episodes.first?.closeDate == LocalDate("2026-03-04"))
        #expect(episodes.first?.isOpen == false)
        #expect(episodes.first?.peak == 3)
    }

    @Test("a painful check-in later on the second date undoes the close; the same episode goes on")
    func undoneClose() {
        var b = JournalBuilder()
        let onset = b.checkIn("2026-03-02 09:00", pain: 3)
        b.checkIn("2026-03-03 09:00", pain: 0)
        b.checkIn("2026-03-04 07:00", pain: 0)
        b.checkIn("2026-03-04 15:00", pain: 2)
        #expect(b.status(at: "2026-03-04 14:59").episode == nil)
        let status = b.status(at: "2026-03-04 15:00")
        #expect(status.episode?.onset == onset)
        #expect(status.episode?.latest.pain == 2)
        let episodes = EpisodeTracker.episodes(in: b.journal, upTo: b.time("2026-03-04 16:00").date, timeZone: b.zone)
        #expect(episodes.count == 1)
        #expect(episodes.first?.isOpen == true)
    }

    @Test("pain-free dates with an unlogged day between them do not close it")
    func gap() {
        var b = JournalBuilder()
        let onset = b.checkIn("2026-03-02 09:00", pain: 3)
        b.checkIn("2026-03-03 09:00", pain: 0)
        b.checkIn("2026-03-05 09:00", pain: 0)
        #expect(b.status(at: "2026-03-05 20:00").episode?.onset == onset)
        b.checkIn("2026-03-06 09:00", pain: 0)
        #expect(b.status(at: "2026-03-06 09:00").episode == nil)
        let episodes = EpisodeTracker.episodes(in: b.journal, upTo: b.time("2026-03-07 00:00").date, timeZone: b.zone)
        #expect(episodes.map(\.closeDate) == [LocalDate("2026-03-06")])
    }

    @Test("days without check-ins keep an episode open however long the gap")
    func longGap() {
        var b = JournalBuilder()
        let onset = b.checkIn("2026-03-02 09:00", pain: 3)
        let status = b.status(at: "2026-04-02 09:00")
        #expect(status.episode?.onset == onset)
        #expect(status.episodeDay == 31)
        #expect(status.flags.contains { $0.rule == .logToday })
    }

    @Test("the onset date is never pain-free, even with pain-free check-ins before the onset")
    func onsetDatePainful() {
        var b = JournalBuilder()
        b.checkIn("2026-03-01 09:00", pain: 0)
        b.checkIn("2026-03-02 08:00", pain: 0)
        let onset = b.checkIn("2026-03-02 12:00", pain: 3)
        b.checkIn("2026-03-03 09:00", pain: 0)
        #expect(b.status(at: "2026-03-03 10:00").episode?.onset == onset)
        b.checkIn("2026-03-04 09:00", pain: 0)
        #expect(b.status(at: "2026-03-04 10:00").episode == nil)
    }

    @Test("after a close, the next painful check-in opens a new episode")
    func newEpisode() {
        var b = JournalBuilder()
        let first = b.checkIn("2026-03-02 09:00", pain: 6)
        b.checkIn("2026-03-03 09:00", pain: 0)
        b.checkIn("2026-03-04 09:00", pain: 0)
        let second = b.checkIn("2026-03-06 09:00", pain: 2)
        let status = b.status(at: "2026-03-06 10:00")
        #expect(status.episode?.onset == second)
        #expect(status.episode?.peak == 2)
        #expect(status.episodeDay == 0)
        let episodes = EpisodeTracker.episodes(in: b.journal, upTo: b.time("2026-03-06 10:00").date, timeZone: b.zone)
        #expect(episodes.map(\.onset) == [first, second])
        #expect(episodes.map(\.closeDate) == [LocalDate("2026-03-04"), nil])
        #expect(episodes.map(\.peak) == [6, 2])
        #expect(episodes.map(\.checkInRange) == [0..<3, 3..<4])
    }

    @Test("episode rules stay quiet once the episode has closed; symptom rules do not")
    func closedEpisodeQuiet() {
        var b = JournalBuilder()
        b.session("2026-03-01 18:00")
        b.checkIn("2026-03-02 09:00", pain: 9)
        b.checkIn("2026-03-03 09:00", pain: 0)
        b.checkIn("2026-03-04 09:00", pain: 0, [.tingling])
        let status = b.status(at: "2026-03-04 10:00")
        #expect(status.episode == nil)
        #expect(status.flags.map(\.rule) == [.nerveSigns])
    }

    @Test("the trigger is the latest session in [onset − 72 h, onset] and later sessions do not move it")
    func triggerFixed() {
        var b = JournalBuilder()
        b.session("2026-03-01 10:00", "run")
        let deadlift = b.session("2026-03-02 18:00", "deadlift")
        b.checkIn("2026-03-03 09:00", pain: 4)
        b.session("2026-03-03 18:00", "swim")
        b.checkIn("2026-03-04 09:00", pain: 5)
        #expect(b.status(at: "2026-03-04 10:00").episode?.trigger == deadlift)
        // A session logged late whose time falls in the window is a candidate like any other.
        let late = b.session("2026-03-02 20:00", "squat")
        #expect(b.status(at: "2026-03-04 10:00").episode?.trigger == late)
    }

    @Test(
        "trigger window boundary: exactly 72 h before the onset counts, a minute more does not",
        arguments: [
            ("2026-02-28 09:00", true), ("2026-02-28 08:59", false), ("2026-03-03 09:00", true), ("2026-03-03 09:01", false),
        ])
    func triggerBoundary(sessionAt: String, isTrigger: Bool) {
        var b = JournalBuilder()
        let session = b.session(sessionAt)
        b.checkIn("2026-03-03 09:00", pain: 4)
        let trigger = b.status(at: "2026-03-03 12:00").episode?.trigger
        #expect((trigger == session) == isTrigger)
        #expect((trigger == nil) == !isTrigger)
    }

    @Test("of two sessions at the same time, the one logged last is the trigger")
    func triggerTie() {
        var b = JournalBuilder()
        b.session("2026-03-02 18:00", "deadlift")
        let second = b.session("2026-03-02 18:00", "squat")
        b.checkIn("2026-03-03 09:00", pain: 4)
        #expect(b.status(at: "2026-03-03 10:00").episode?.trigger == second)
    }

    @Test("entries after now are ignored, so status at T is the state as of T")
    func afterNowIgnored() {
        var b = JournalBuilder()
        b.checkIn("2026-03-03 09:00", pain: 4)
        b.checkIn("2026-03-03 12:00", pain: 9)
        let status = b.status(at: "2026-03-03 11:59")
        #expect(status.episode?.latest.pain == 4)
        #expect(status.episode?.peak == 4)
        #expect(status.flags.isEmpty)
        #expect(b.status(at: "2026-03-03 12:00").episode?.peak == 9)
        #expect(b.status(at: "2026-03-03 12:00").flags.map(\.rule) == [.intensePain])
        #expect(EpisodeTracker.episodes(in: b.journal, upTo: b.time("2026-03-03 08:59").date, timeZone: b.zone).isEmpty)
    }

    @Test("the backward scan finds the same current episode as a walk over the whole history", arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func backwardMatchesForward(seed: Int) {
        var rng = SeededGenerator(seed: UInt64(seed))
        var limits = SeededGenerator(seed: UInt64(seed) &+ 1000)
        var gaps = SeededGenerator(seed: UInt64(seed) &+ 2000)
        for zoneID in ["Europe/Stockholm", "America/New_York", "Pacific/Auckland"] {
            var b = JournalBuilder(zoneID)
            var time = b.time("2026-01-01 08:00")
            var calm = true
            for _ in 0..<400 {
                // Irregular logging (several a day, some days skipped) through calm and painful spells,
                // with odd pain-free check-ins in a painful spell and odd twinges in a calm one.
                time = time.adding(hours: Double(Int.random(in: 3...36, using: &rng)))
                // Now and then a silence of one to three weeks, so the silence closes are exercised too.
                if Int.random(in: 0...25, using: &gaps) == 0 { time = time.adding(hours: Double(Int.random(in: 150...500, using: &gaps))) }
                if Int.random(in: 0...6, using: &rng) == 0 { calm.toggle() }
                let odd = Int.random(in: 0...5, using: &rng) == 0
                let pain = calm != odd ? 0 : Int.random(in: 1...8, using: &rng)
                b.checkIn(time, pain: pain)
                if Int.random(in: 0...3, using: &rng) == 0 { b.session(time.adding(hours: -5)) }
            }
            let journal = b.journal
            var open = 0
            var closed = 0
            for _ in 0..<60 {
                let now = b.time("2026-01-01 08:00").adding(hours: Double(Int.random(in: 0...(24 * 500), using: &rng)))
                let all = EpisodeTracker.episodes(in: journal, upTo: now.date, timeZone: b.zone)
                let expected = all.last.flatMap { $0.isOpen ? $0 : nil }
                #expect(EpisodeTracker.currentEpisode(in: journal, at: now.date, timeZone: b.zone) == expected, "\(zoneID) at \(now)")
                // The recent episodes, as recurring-pain reads them, agree with the whole walk from any index on.
                let limit = Int.random(in: 0...journal.checkIns.count, using: &limits)
                let recent = EpisodeTracker.recentEpisodes(in: journal, upTo: now.date, timeZone: b.zone, coveringFrom: limit)
                let wanted = all.filter { $0.checkInRange.upperBound > limit }
                #expect(Array(recent.suffix(wanted.count)) == wanted, "\(zoneID) at \(now) from \(limit)")
                if expected == nil { closed += 1 } else { open += 1 }
            }
            // The generated history must exercise both answers, and many closes.
            #expect(open > 5 && closed > 5)
            #expect(EpisodeTracker.episodes(in: journal, upTo: time.date, timeZone: b.zone).count > 10)
            let silences = EpisodeTracker.episodes(in: journal, upTo: time.date, timeZone: b.zone).filter { episode in
                guard let close = episode.closeDate else { return false }
                let checkIns = journal.checkIns[episode.checkInRange]
                let last = checkIns.filter { $0.date == close }
                let previous = checkIns.filter { $0.date == close.adding(days: -1) }
                // Not a pair of pain-free dates: a silence closed it.
                return !(last.allSatisfy { $0.pain == 0 } && !previous.isEmpty && previous.allSatisfy { $0.pain == 0 })
            }
            #expect(!silences.isEmpty, "some episodes closed by a silence")
        }
    }

    // MARK: silences (version 2)

    @Test(
        "a pain-free date followed by 7 or more dates without a check-in closes the episode on that date",
        arguments: [
            ("2026-03-10 09:00", true), ("2026-03-09 23:59", false),
        ])
    func pauseAfterPainFree(nextAt: String, closed: Bool) {
        var b = JournalBuilder()
        b.checkIn("2026-03-01 09:00", pain: 5)
        b.checkIn("2026-03-03 09:00", pain: 0)
        b.checkIn(nextAt, pain: 4)
        let status = b.status(at: nextAt)
        #expect((status.episodeDay == 0) == closed)
        let episodes = EpisodeTracker.episodes(in: b.journal, upTo: b.time(nextAt).date, timeZone: b.zone)
        #expect(episodes.first?.closeDate == (closed ? LocalDate("2026-03-03") : nil))
        #expect(episodes.count == (closed ? 2 : 1))
    }

    @Test(
        "a pain-free date with no check-in since counts as closed once now is 7 dates on",
        arguments: [
            ("2026-03-10 00:00", false), ("2026-03-09 23:59", true),
        ])
    func pauseUntilNow(now: String, open: Bool) {
        var b = JournalBuilder()
        b.checkIn("2026-03-01 09:00", pain: 5)
        b.checkIn("2026-03-03 09:00", pain: 0)
        #expect((b.status(at: now).episode != nil) == open)
        #expect(b.status(at: now).flags.contains { $0.rule == .logToday } == open)
    }

    @Test(
        "mild pain, 14 silent dates, then new pain within 72 h after a new session: a new episode",
        arguments: [
            // (last mild pain, next check-in, session, closed)
            (3, "2026-03-17 09:00", "2026-03-16 18:00", true),
            (4, "2026-03-17 09:00", "2026-03-16 18:00", false),  // not mild
            (3, "2026-03-16 09:00", "2026-03-15 18:00", false),  // only 13 dates later
            (3, "2026-03-17 09:00", "2026-03-14 08:59", false),  // the session is more than 72 h before
            (3, "2026-03-17 09:00", "2026-03-03 08:00", false),  // the session is before the mild date's last check-in
        ])
    func mildSilence(mild: Int, nextAt: String, sessionAt: String, closed: Bool) {
        var b = JournalBuilder()
        b.checkIn("2026-03-01 09:00", pain: 6)
        b.checkIn("2026-03-03 09:00", pain: mild)
        b.session(sessionAt)
        b.checkIn(nextAt, pain: 5)
        let episode = b.status(at: nextAt).episode
        #expect((episode?.onset.date == b.time(nextAt).localDate) == closed)
        #expect((episode?.onset.date == LocalDate("2026-03-01")) == !closed)
    }

    @Test("mild pain and then nothing logged does not close the episode (no next check-in)")
    func mildSilenceUntilNow() {
        var b = JournalBuilder()
        b.checkIn("2026-03-01 09:00", pain: 3)
        b.session("2026-03-20 18:00")
        #expect(b.status(at: "2026-04-01 09:00").episode?.onset.date == LocalDate("2026-03-01"))
    }

    @Test("a missed day does not hide a new sudden injury: the old episode closed after its silence")
    func newInjuryAfterSilence() {
        var b = JournalBuilder()
        b.checkIn("2026-02-01 09:00", pain: 4)
        b.checkIn("2026-02-02 09:00", pain: 0)
        b.session("2026-02-20 18:00", suddenPain: true)
        b.checkIn("2026-02-20 20:00", pain: 8)
        let status = b.status(at: "2026-02-20 21:00")
        #expect(status.episodeDay == 0)
        #expect(status.episode?.trigger?.suddenPain == true)
        #expect(b.level(.acuteInjury, at: "2026-02-20 21:00") == .seeDoctor)
    }
}

import Foundation
import Testing
@testable import LumbarCore
import LumbarTestSupport

/// The load week [now − 168 h, now] and the usual week (a quarter of [now − 840 h, now − 168 h)),
/// in real hours, across daylight-saving changes, and sessions without a load.
@Suite("Training: load week")
struct LoadWeekTests {
    static let now = "2026-03-10 18:00"

    /// The week at `now` with one session of load 100 that many minutes before now.
    func week(sessionMinutesBeforeNow minutes: Int, now: String = now) -> LoadWeek {
        var b = TrainingBuilder()
        b.session(b.time(now, plusMinutes: -minutes), minutes: 20, rpe: 5)
        return b.week(at: b.time(now))
    }

    @Test(
        "the week is [now − 168 h, now]; the usual week's 28 days end just before it",
        arguments: [
            (0, 100, 0), (168 * 60, 100, 0), (168 * 60 + 1, 0, 100), (840 * 60, 0, 100), (840 * 60 + 1, 0, 0), (-1, 0, 0),
        ])
    func windows(minutesBeforeNow: Int, load: Int, usualTotal: Int) {
        let week = week(sessionMinutesBeforeNow: minutesBeforeNow)
        #expect(week.load == load)
        #expect(week.usualTotal == usualTotal)
        #expect(week.usual == Double(usualTotal) / 4)
    }

    @Test(
        "a session at the same wall-clock time 7 days before crosses a DST change by real hours",
        arguments: [
            // Spring forward on Sun 29 Mar 2026: 7 calendar days before Wed 1 Apr 18:00 is only 167 h.
            ("2026-04-01 18:00", "2026-03-25 18:00", true),
            ("2026-04-01 18:00", "2026-03-25 17:00", true),
            ("2026-04-01 18:00", "2026-03-25 16:59", false),
            // Fall back on Sun 25 Oct 2026: 7 calendar days before Wed 28 Oct 18:00 is 169 h.
            ("2026-10-28 18:00", "2026-10-21 18:00", false),
            ("2026-10-28 18:00", "2026-10-21 19:00", true),
        ])
    func weekAcrossDaylightSaving(now: String, session: String, inWeek: Bool) {
        var b = TrainingBuilder()
        b.session(session, minutes: 10, rpe: 10)
        let week = b.week(at: b.time(now))
        #expect(week.load == (inWeek ? 100 : 0))
        #expect(week.usualTotal == (inWeek ? 0 : 100))
    }

    @Test(
        "the usual week's 28 days are 672 real hours across a DST change",
        arguments: [
            // now Wed 1 Apr 18:00 +02:00; 840 h earlier is Wed 25 Feb 17:00 +01:00 (one hour of the span was skipped).
            ("2026-02-25 17:00", 100), ("2026-02-25 16:59", 0), ("2026-02-25 18:00", 100),
        ])
    func usualAcrossDaylightSaving(session: String, usualTotal: Int) {
        var b = TrainingBuilder()
        b.session(session, minutes: 10, rpe: 10)
        #expect(b.week(at: b.time("2026-04-01 18:00")).usualTotal == usualTotal)
    }

    @Test("sessions without minutes or RPE add no load and are counted apart")
    func sessionsWithoutLoad() {
        var b = TrainingBuilder()
        b.session("2026-03-09 18:00", minutes: 30, rpe: 6)
        b.session("2026-03-08 18:00", minutes: nil, rpe: 6)
        b.session("2026-03-07 18:00", minutes: 30, rpe: nil)
        b.session("2026-02-20 18:00", minutes: nil, rpe: nil)
        b.session("2026-02-21 18:00", minutes: 40, rpe: 5)
        let week = b.week(at: b.time(Self.now))
        #expect(week.load == 180)
        #expect(week.sessions == 3)
        #expect(week.sessionsWithoutLoad == 2)
        #expect(week.usualTotal == 200)
        #expect(week.usualSessions == 1)
    }

    @Test(
        "heavy: the week at least 1.5 × the usual, which must have some load",
        arguments: [
            (150, 400, true, Int?.some(50)), (149, 400, false, 49), (600, 400, true, 500), (100, 400, false, 0),
            (50, 400, false, -50), (100, 0, false, nil), (0, 0, false, nil), (151, 401, true, 51),
        ])
    func heavy(load: Int, usualTotal: Int, heavy: Bool, change: Int?) {
        let week = LoadWeek(
            end: TrainingBuilder().time(Self.now), load: load, usualTotal: usualTotal, sessions: 1,
            sessionsWithoutLoad: 0, usualSessions: 1)
        #expect(week.isHeavy == heavy)
        #expect(week.changePercent == change)
    }

    @Test("12 weekly bars: load per week and the pain logged in it, highest and mean")
    func weekBars() {
        var b = TrainingBuilder()
        b.session("2026-03-09 18:00", minutes: 30, rpe: 6)
        b.session("2026-03-02 18:00", minutes: 10, rpe: 5)  // 192 h before now: the second newest week
        b.session("2025-12-01 18:00", minutes: 10, rpe: 5)  // before the 12 weeks
        b.checkIn("2026-03-10 08:00", pain: 4)
        b.checkIn("2026-03-09 08:00", pain: 1)
        b.checkIn("2026-03-03 18:00", pain: 6)  // exactly now − 168 h: the newest week
        let now = b.time(Self.now)
        let bars = WeekBar.weeks(12, in: b.journal, now: now.date, timeZone: b.zone)
        #expect(bars.count == 12)
        #expect(bars.last?.load == 180)
        #expect(bars.last?.highestPain == 6)
        #expect(bars.last?.meanPain.map { ($0 * 100).rounded() } == 367)
        #expect(bars[10].load == 50)
        #expect(bars[10].highestPain == nil)
        #expect(bars.dropLast(2).allSatisfy { $0.load == 0 && $0.sessions == 0 })
        #expect(bars.first?.start == now.adding(hours: -12 * 168))
    }
}

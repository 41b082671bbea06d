import Foundation
import Testing
@testable import LumbarCore
import LumbarTestSupport

/// Today's answer, the load week and the 12 weekly bars read only recent entries, so their time
/// must not grow with the history: a 10-year journal within 2 × a 1-month one.
@Suite("Training cost", .serialized)
struct TrainingCostTests {
    static let lastDay = LocalDate("2026-03-10")!

    /// `days` days up to `lastDay`: a check-in at 08:00 and 21:00, a session of load most days
    /// (one in ten without minutes), and a 30-day cycle of six painful days.
    static func journal(days: Int) -> Journal {
        var b = TrainingBuilder()
        for back in stride(from: days - 1, through: 0, by: -1) {
            let date = lastDay.adding(days: -back)
            let phase = back % 30
            let pain = phase < 6 ? 1 + phase % 4 : 0
            b.checkIn("\(date) 08:00", pain: pain)
            b.checkIn("\(date) 21:00", pain: pain)
            if back % 7 != 3 {
                b.session("\(date) 18:00", ["squat", "run", "deadlift"][back % 3], minutes: back % 10 == 0 ? nil : 30 + back % 40, rpe: 4 + back % 5)
            }
        }
        return b.journal
    }

    static func suffix(of journal: Journal, from first: LocalDate) -> Journal {
        Journal(sessions: journal.sessions.filter { $0.at.localDate >= first }, checkIns: journal.checkIns.filter { $0.date >= first })
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    @Test("the answer for now: a 10-year journal within 2 × a 1-month one")
    func tenYearsVersusOneMonth() {
        let zone = ZoneInfo(identifier: "Europe/Stockholm")!
        let decade = Self.journal(days: 3653)
        // 12 weeks of bars plus the 28 days before the load week reach back 84 days: the month
        // journal is a suffix, so its older bars are empty, and only the answer must agree.
        let month = Self.suffix(of: decade, from: Self.lastDay.adding(days: -30))
        let now = Self.lastDay.end(in: zone).date
        #expect(decade.checkIns.count > 7000)
        #expect(decade.sessions.count > 3000)

        let long = TrainingReport.current(decade, now: now, timeZone: zone)
        let short = TrainingReport.current(month, now: now, timeZone: zone)
        #expect(long.today == short.today)
        #expect(long.week.load == short.week.load)
        #expect(long.week.load > 0)

        let repetitions = 40
        var decadeSamples: [Double] = []
        var monthSamples: [Double] = []
        var loads = 0
        let clock = ContinuousClock()
        // Interleaved so that a busy moment on the shared machine hits both sides alike.
        for _ in 0..<11 {
            decadeSamples.append(
                Self.seconds(
                    clock.measure {
                        for _ in 0..<repetitions { loads += TrainingReport.current(decade, now: now, timeZone: zone).week.load }
                    }))
            monthSamples.append(
                Self.seconds(
                    clock.measure {
                        for _ in 0..<repetitions { loads += TrainingReport.current(month, now: now, timeZone: zone).week.load }
                    }))
        }
        let decadeMedian = decadeSamples.sorted()[decadeSamples.count / 2]
        let monthMedian = monthSamples.sorted()[monthSamples.count / 2]
        let ratio = decadeMedian / monthMedian
        print(
            "training cost: 10 years \(decadeMedian / Double(repetitions) * 1e6) µs, 1 month \(monthMedian / Double(repetitions) * 1e6) µs, ratio \(ratio)"
        )
        #expect(loads == 22 * repetitions * long.week.load)
        #expect(ratio < 2, "10-year median \(decadeMedian) s vs 1-month \(monthMedian) s")
    }

    @Test("the whole report over 10 years is timed and stays under a second")
    func wholeReportOverTenYears() {
        let zone = ZoneInfo(identifier: "Europe/Stockholm")!
        let decade = Self.journal(days: 3653)
        let now = Self.lastDay.end(in: zone).date
        let clock = ContinuousClock()
        var report: TrainingReport?
        let elapsed = clock.measure { report = TrainingReport.make(decade, now: now, timeZone: zone) }
        print("training report over 10 years: \(Self.seconds(elapsed) * 1000) ms")
        #expect(report?.sessions == decade.sessions.count)
        #expect((report?.leads.count ?? 0) > 100)
        #expect(Self.seconds(elapsed) < 1.0)
    }
}

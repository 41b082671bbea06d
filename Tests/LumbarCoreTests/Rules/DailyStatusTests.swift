import Foundation
import Testing
@testable import LumbarCore
import LumbarTestSupport

@Suite("Day-by-day evaluation")
struct DailyStatusTests {
    /// Deadlift Mon 2 Mar 18:00; onset Tue 3 Mar; severe on Thu 5 Mar 20:00 and Sat 7 Mar 09:00.
    static func journal() -> JournalBuilder {
        var b = JournalBuilder()
        b.session("2026-03-02 18:00")
        b.checkIn("2026-03-03 09:00", pain: 4)
        b.checkIn("2026-03-05 20:00", pain: 8)
        b.checkIn("2026-03-07 09:00", pain: 8)
        return b
    }

    @Test("each day is evaluated at its end, the day of now at now, and later days are left out")
    func days() {
        let b = Self.journal()
        let now = b.time("2026-03-07 12:00")
        let days = EscalationEngine.daily(
            b.journal, from: LocalDate("2026-03-02")!, through: LocalDate("2026-03-09")!,
            now: now.date, timeZone: b.zone)
        #expect(days.map(\.date.description) == ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07"])
        #expect(days.first?.status.now.description == "2026-03-02T23:59:59.999+01:00")
        #expect(days.last?.status.now == now)
        #expect(days.map(\.status.level) == [.none, .info, .info, .watch, .watch, .seeDoctor])
    }

    @Test("first firings give the first day of each rule, its level then, and the highest it reached")
    func firstFirings() {
        let b = Self.journal()
        let days = EscalationEngine.daily(
            b.journal, from: LocalDate("2026-03-01")!, through: LocalDate("2026-03-08")!,
            now: b.time("2026-03-08 23:00").date, timeZone: b.zone)
        let firings = EscalationEngine.firstFirings(in: days)
        #expect(firings.map(\.rule) == [.domsWindow, .intensePain, .severe72to96h])
        #expect(firings.map(\.date.description) == ["2026-03-03", "2026-03-05", "2026-03-05"])
        #expect(firings.first { $0.rule == .severe72to96h }?.level == .watch)
        #expect(firings.first { $0.rule == .severe72to96h }?.highestLevel == .seeDoctor)
    }

    @Test("day ends follow the calendar across the spring change")
    func dst() {
        var b = JournalBuilder("Europe/Stockholm")
        b.checkIn("2026-03-28 09:00", pain: 3)
        let days = EscalationEngine.daily(
            b.journal, from: LocalDate("2026-03-28")!, through: LocalDate("2026-03-30")!,
            now: b.time("2026-04-01 00:00").date, timeZone: b.zone)
        #expect(
            days.map(\.status.now.description) == [
                "2026-03-28T23:59:59.999+01:00", "2026-03-29T23:59:59.999+02:00", "2026-03-30T23:59:59.999+02:00",
            ])
        #expect(days.map { $0.status.episodeDay } == [0, 1, 2])
        #expect(days.last?.status.flags.map(\.rule) == [.logToday])
    }
}

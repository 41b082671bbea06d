import Foundation
import Testing
@testable import LumbarCore
import LumbarText
import LumbarTestSupport

/// Real hours across daylight-saving changes, calendar days across them, and local dates of UTC times.
@Suite("Rule time")
struct RuleTimeTests {
    @Test("72 real hours across New York's spring change end at 19:00 local, not 18:00")
    func newYorkSpring() {
        var b = JournalBuilder("America/New_York")
        // Sat 7 Mar 18:00 EST = 23:00Z; clocks go forward on Sun 8 Mar; 72 h later is Tue 10 Mar 23:00Z = 19:00 EDT.
        b.session("2026-03-07 18:00")
        b.checkIn("2026-03-08 09:00", pain: 5)
        var early = b
        early.checkIn("2026-03-10 18:59", pain: 8)
        #expect(early.level(.severe72to96h, at: "2026-03-10 18:59") == nil)
        b.checkIn("2026-03-10 19:00", pain: 8)
        let flag = b.flag(.severe72to96h, at: "2026-03-10 19:00")
        #expect(flag?.level == .watch)
        #expect(flag?.window?.text.text == "72 h after Sat 18:00 deadlift = Tue 19:00; 96 h = Wed 19:00")
        #expect(flag?.window?.end?.description == "2026-03-10T19:00:00-04:00")
        #expect(b.level(.domsWindow, at: "2026-03-10 18:59") == .info)
        #expect(b.level(.domsWindow, at: "2026-03-10 19:00") == nil)
    }

    @Test("72 real hours across Stockholm's spring change end at 19:00 local")
    func stockholmSpring() {
        var b = JournalBuilder("Europe/Stockholm")
        // Sat 28 Mar 18:00 CET = 17:00Z; clocks go forward on Sun 29 Mar; +72 h = Tue 31 Mar 17:00Z = 19:00 CEST.
        b.session("2026-03-28 18:00")
        b.checkIn("2026-03-29 10:00", pain: 4)
        b.checkIn("2026-03-31 18:59", pain: 7)
        #expect(b.level(.severe72to96h, at: "2026-03-31 18:59") == nil)
        b.checkIn("2026-03-31 19:00", pain: 7)
        #expect(b.level(.severe72to96h, at: "2026-03-31 19:00") == .watch)
        #expect(b.flag(.severe72to96h, at: "2026-03-31 19:00")?.window?.text.text == "72 h after Sat 18:00 deadlift = Tue 19:00; 96 h = Wed 19:00")
    }

    @Test("72 real hours across New York's autumn change end at 17:00 local")
    func newYorkAutumn() {
        var b = JournalBuilder("America/New_York")
        // Sat 31 Oct 18:00 EDT = 22:00Z; clocks go back on Sun 1 Nov; +72 h = Tue 3 Nov 22:00Z = 17:00 EST.
        b.session("2026-10-31 18:00")
        b.checkIn("2026-11-01 09:00", pain: 4)
        b.checkIn("2026-11-03 16:59", pain: 9)
        #expect(b.level(.severe72to96h, at: "2026-11-03 16:59") == nil)
        b.checkIn("2026-11-03 17:00", pain: 9)
        #expect(b.level(.severe72to96h, at: "2026-11-03 17:00") == .watch)
    }

    @Test(
        "day 14 is counted on the calendar across the spring change",
        arguments: [
            ("Europe/Stockholm", "2026-03-20 00:30", "2026-04-03 00:10", "2026-04-02 23:59"),
            ("America/New_York", "2026-03-01 00:30", "2026-03-15 00:10", "2026-03-14 23:59"),
        ])
    func dayAcrossDST(zoneID: String, onset: String, day14: String, day13: String) {
        var b = JournalBuilder(zoneID)
        b.checkIn(onset, pain: 5)
        b.checkIn(b.time(day13, plusHours: 0, minutes: -10), pain: 5)
        // Fewer than 14 × 24 real hours have passed at day14, yet it is day 14 on the calendar.
        #expect(b.time(onset).hours(to: b.time(day14)) < 14 * 24)
        #expect(b.status(at: day14).episodeDay == 14)
        #expect(b.level(.pain2to4Weeks, at: day14) == .seeDoctor)
        #expect(b.status(at: day13).episodeDay == 13)
        #expect(b.level(.pain2to4Weeks, at: day13) == nil)
    }

    @Test("a check-in at 23:30 UTC belongs to the next local day in Stockholm")
    func utcLateEntry() {
        var stockholm = JournalBuilder("Europe/Stockholm")
        stockholm.checkIn("2026-03-02T12:00:00Z", pain: 3)
        stockholm.checkIn("2026-03-03T12:00:00Z", pain: 0)
        let late = stockholm.checkIn("2026-03-03T23:30:00Z", pain: 0)
        #expect(late.date == LocalDate("2026-03-04"))
        // Tue 3 and Wed 4 Mar are both pain-free: the episode closed.
        #expect(stockholm.status(at: "2026-03-04T00:00:00Z").episode == nil)

        var utc = JournalBuilder("UTC")
        utc.checkIn("2026-03-02T12:00:00Z", pain: 3)
        utc.checkIn("2026-03-03T12:00:00Z", pain: 0)
        let sameDay = utc.checkIn("2026-03-03T23:30:00Z", pain: 0)
        #expect(sameDay.date == LocalDate("2026-03-03"))
        #expect(utc.status(at: "2026-03-04T00:00:00Z").episode != nil)
    }

    @Test("now's local date comes from the evaluation time zone")
    func nowDateInZone() {
        var b = JournalBuilder("Europe/Stockholm")
        b.checkIn("2026-03-03 09:00", pain: 3)
        // 23:30Z on 4 Mar is 00:30 on 5 Mar in Stockholm: two calendar days after the check-in.
        let now = b.time("2026-03-04T23:30:00Z")
        #expect(EscalationEngine.evaluate(b.journal, now: now.date, timeZone: b.zone).flags.map(\.rule) == [.logToday])
        #expect(EscalationEngine.evaluate(b.journal, now: now.date, timeZone: ZoneInfo(identifier: "UTC")!).flags.isEmpty)
    }

    @Test("a date's start is its first instant, even where midnight is skipped")
    func dayStart() {
        let saoPaulo = ZoneInfo(identifier: "America/Sao_Paulo")!
        // Brazil's clocks jumped from 00:00 to 01:00 on 4 Nov 2018.
        #expect(LocalDate("2018-11-04")!.start(in: saoPaulo).clockTime == "01:00")
        #expect(LocalDate("2018-11-05")!.start(in: saoPaulo).clockTime == "00:00")
        let stockholm = ZoneInfo(identifier: "Europe/Stockholm")!
        let start = LocalDate("2026-03-29")!.start(in: stockholm)
        let end = LocalDate("2026-03-29")!.end(in: stockholm)
        #expect(start.description == "2026-03-29T00:00:00+01:00")
        #expect(end.description == "2026-03-29T23:59:59.999+02:00")
        #expect(start.hours(to: end) < 23)
    }

    @Test("times in windows are shown in the user's zone, whatever offset the entries were logged in")
    func displayZone() {
        var b = JournalBuilder("Europe/Stockholm")
        b.session("2026-03-02T12:00:00-05:00")  // logged while in New York: 18:00 in Stockholm.
        b.checkIn("2026-03-03 09:00", pain: 3)
        #expect(b.flag(.domsWindow, at: "2026-03-03 10:00")?.window?.text.text == "72 h after Mon 18:00 deadlift = Thu 18:00")
    }

    // MARK: both changes in three zones (version 2)

    @Test(
        "hours rules count real hours across both changes in Stockholm, New York and Sydney",
        arguments: [
            ("Europe/Stockholm", "2026-03-28 18:00", "2026-03-31 19:00", "2026-04-01 19:00"),
            ("Europe/Stockholm", "2026-10-24 18:00", "2026-10-27 17:00", "2026-10-28 17:00"),
            ("America/New_York", "2026-03-07 18:00", "2026-03-10 19:00", "2026-03-11 19:00"),
            ("America/New_York", "2026-10-31 18:00", "2026-11-03 17:00", "2026-11-04 17:00"),
            ("Australia/Sydney", "2026-10-03 18:00", "2026-10-06 19:00", "2026-10-07 19:00"),
            ("Australia/Sydney", "2026-04-04 18:00", "2026-04-07 17:00", "2026-04-08 17:00"),
        ])
    func hoursAcrossChanges(zoneID: String, session: String, mark72: String, mark96: String) {
        var b = JournalBuilder(zoneID)
        b.session(session)
        b.checkIn(b.time(session, plusHours: 12), pain: 5)
        var before = b
        before.checkIn(b.time(mark72, plusHours: 0, minutes: -1), pain: 8)
        #expect(before.level(.severe72to96h, at: b.time(mark72, plusHours: 0, minutes: -1)) == nil)
        #expect(before.level(.domsWindow, at: b.time(mark72, plusHours: 0, minutes: -1)) == nil, "pain 8: peak above 6")
        b.checkIn(mark72, pain: 8)
        #expect(b.time(session).hours(to: b.time(mark72)) == 72)
        #expect(b.level(.severe72to96h, at: mark72) == .watch)
        b.checkIn(b.time(mark96, plusHours: 0, minutes: -1), pain: 8)
        #expect(b.level(.severe72to96h, at: b.time(mark96, plusHours: 0, minutes: -1)) == .watch)
        b.checkIn(mark96, pain: 8)
        #expect(b.level(.severe72to96h, at: mark96) == .seeDoctor)
    }

    @Test(
        "day rules count calendar dates across both changes in Stockholm, New York and Sydney",
        arguments: [
            ("Europe/Stockholm", "2026-03-20"), ("Europe/Stockholm", "2026-10-20"),
            ("America/New_York", "2026-03-01"), ("America/New_York", "2026-10-25"),
            ("Australia/Sydney", "2026-09-27"), ("Australia/Sydney", "2026-03-29"),
        ])
    func daysAcrossChanges(zoneID: String, onsetDate: String) {
        var b = JournalBuilder(zoneID)
        let onset = LocalDate(onsetDate)!
        b.checkIn("\(onset) 00:30", pain: 5)
        b.checkIn("\(onset.adding(days: 13)) 23:00", pain: 5)
        let day13 = "\(onset.adding(days: 13)) 23:59"
        let day14 = "\(onset.adding(days: 14)) 00:01"
        #expect(b.status(at: day13).episodeDay == 13)
        #expect(b.level(.pain2to4Weeks, at: day13) == nil)
        #expect(b.status(at: day14).episodeDay == 14)
        #expect(b.level(.pain2to4Weeks, at: day14) == .seeDoctor)
    }

    @Test("east of UTC, local dates decide: a Tokyo morning is the previous UTC date")
    func eastOfUTC() {
        let tokyo = ZoneInfo(identifier: "Asia/Tokyo")!
        var b = JournalBuilder("Asia/Tokyo")
        // 08:00 in Tokyo is 23:00Z the day before.
        let checkIn = b.checkIn("2026-03-03 08:00", pain: 3)
        #expect(checkIn.date == LocalDate("2026-03-03"))
        #expect(checkIn.at.date.formatted(.iso8601.year().month().day()) == "2026-03-02")
        // 00:30 on 5 Mar in Tokyo (15:30Z on 4 Mar): two local dates after the check-in.
        let now = b.time("2026-03-05 00:30")
        #expect(EscalationEngine.evaluate(b.journal, now: now.date, timeZone: tokyo).flags.map(\.rule) == [.logToday])
        #expect(EscalationEngine.evaluate(b.journal, now: now.date, timeZone: ZoneInfo(identifier: "UTC")!).flags.isEmpty)
        // Two pain-free Tokyo mornings close the episode, though both are evenings of the UTC dates before.
        b.checkIn("2026-03-04 08:00", pain: 0)
        b.checkIn("2026-03-05 08:00", pain: 0)
        #expect(b.status(at: "2026-03-05 08:00").episode == nil)
        // A pain-free date and seven silent dates: counted on Tokyo dates.
        var silent = JournalBuilder("Asia/Tokyo")
        silent.checkIn("2026-03-01 08:00", pain: 4)
        silent.checkIn("2026-03-02 08:00", pain: 0)
        #expect(silent.status(at: "2026-03-08 23:59").episode != nil)
        #expect(silent.status(at: "2026-03-09 00:00").episode == nil)
    }
}

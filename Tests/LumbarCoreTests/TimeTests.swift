import Foundation
import LumbarTestSupport
import Testing
@testable import LumbarCore
import LumbarText

@Suite struct TimeTests {
    @Test func localDateArithmeticMatchesTheCalendar() throws {
        let d = try #require(LocalDate("2024-02-28"))
        #expect(d.adding(days: 1).description == "2024-02-29")
        #expect(d.adding(days: 2).description == "2024-03-01")
        #expect(try #require(LocalDate("2026-03-03")).weekdayAbbreviation == "Tue")
        #expect(LocalDate(dayNumber: 0).description == "1970-01-01")
        #expect(try #require(LocalDate("2026-01-01")).days(to: try #require(LocalDate("2027-01-01"))) == 365)
        #expect(LocalDate("2025-02-29") == nil)
        #expect(LocalDate("2026-13-01") == nil)
        #expect(LocalDate("2026-1-01") == nil)
    }

    @Test func dayNumberRoundTripsOverFourCenturies() {
        for n in stride(from: -150_000, through: 150_000, by: 37) {
            #expect(LocalDate(dayNumber: n).dayNumber == n)
        }
    }

    @Test func parsesOffsetsZuluAndLocalTimes() throws {
        let stockholm = try #require(ZoneInfo(identifier: "Europe/Stockholm"))
        let withOffset = try Timestamp.parse("2026-03-02T18:00:00+01:00", localTimeZone: .gmt).get()
        let zulu = try Timestamp.parse("2026-03-02T17:00Z", localTimeZone: .gmt).get()
        let local = try Timestamp.parse("2026-03-02T18:00", localTimeZone: stockholm).get()
        #expect(withOffset.epochMilliseconds == zulu.epochMilliseconds)
        #expect(local.epochMilliseconds == zulu.epochMilliseconds)
        #expect(local.utcOffsetSeconds == 3600)
        #expect(withOffset.description == "2026-03-02T18:00:00+01:00")
        #expect(zulu.description == "2026-03-02T17:00:00Z")
        let summer = try Timestamp.parse("2026-07-01T12:00", localTimeZone: stockholm).get()
        #expect(summer.utcOffsetSeconds == 7200)
        #expect(try Timestamp.parse("2026-03-02T18:00:00.250-05:30", localTimeZone: .gmt).get().description == "2026-03-02T18:00:00.250-05:30")
    }

    @Test func refusesBadTimes() throws {
        let stockholm = try #require(ZoneInfo(identifier: "Europe/Stockholm"))
        #expect(Timestamp.parse("yesterday", localTimeZone: .gmt) == .failure(.malformed))
        #expect(Timestamp.parse("2026-02-30T10:00", localTimeZone: .gmt) == .failure(.outOfRange))
        #expect(Timestamp.parse("2026-03-02T24:00", localTimeZone: .gmt) == .failure(.outOfRange))
        #expect(Timestamp.parse("2026-03-29T02:30", localTimeZone: stockholm) == .failure(.nonexistentLocalTime))
    }

    @Test func anEntryAt2330UTCBelongsToTheNextLocalDayEastOfUTC() throws {
        let stockholm = try #require(ZoneInfo(identifier: "Europe/Stockholm"))
        let t = try Timestamp.parse("2026-03-02T23:30Z", localTimeZone: .gmt).get()
        #expect(LocalDate(instant: t.date, in: stockholm).description == "2026-03-03")
        #expect(LocalDate(instant: t.date, in: .gmt).description == "2026-03-02")
    }

    @Test func hoursAreRealAcrossDaylightSaving() throws {
        let ny = try #require(ZoneInfo(identifier: "America/New_York"))
        let before = try Timestamp.parse("2026-03-07T18:00", localTimeZone: ny).get()
        let after = try Timestamp.parse("2026-03-10T18:00", localTimeZone: ny).get()
        #expect(before.hours(to: after) == 71)
    }
}

/// A date from another year is never shown as if it were this year's.
@Suite struct ShortDateYearTests {
    @Test func aDateFromAnotherYearCarriesItsYear() throws {
        let old = try #require(LocalDate(year: 2022, month: 4, day: 7))
        let today = try #require(LocalDate(year: 2026, month: 12, day: 1))
        #expect(old.shortDescription(seenOn: today) == "Thu 7 Apr 2022")
        let recent = try #require(LocalDate(year: 2026, month: 4, day: 7))
        #expect(recent.shortDescription(seenOn: today) == "Tue 7 Apr")
    }

    @Test func aStandingYesFromYearsAgoIsDatedWithItsYear() throws {
        var b = JournalBuilder()
        b.checkIn("2022-04-07 20:00", pain: 1, [.legWeakness])
        b.checkIn("2026-12-01 08:00", pain: 1)
        let flag = try #require(b.flag(.legWeakness, at: "2026-12-01 09:00"))
        #expect(flag.headline.text.contains("You said yes on Thu 7 Apr 2022."), "\(flag.headline.text)")
    }
}

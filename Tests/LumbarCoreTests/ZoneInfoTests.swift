import Foundation
import Testing
@testable import LumbarCore

/// `ZoneInfo` reads the system's tz database itself (no ICU); Foundation's `TimeZone`, backed
/// by ICU and its own copy of the rules, is the independent reference it is checked against.
@Suite struct ZoneInfoTests {
    static let sampleZones = [
        "Europe/Stockholm", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "Pacific/Apia",
        "Australia/Lord_Howe", "America/St_Johns", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham",
        "America/Sao_Paulo", "Africa/Casablanca", "Europe/Dublin", "America/Santiago", "Antarctica/Troll",
        "Europe/London", "America/Los_Angeles", "Asia/Tehran", "Pacific/Kiritimati", "America/Godthab",
    ]

    @Test(arguments: sampleZones)
    func offsetsMatchFoundationEveryFewHoursFrom1990To2036(identifier: String) throws {
        let zone = try #require(ZoneInfo(identifier: identifier))
        let reference = try #require(TimeZone(identifier: identifier))
        var mismatches: [String] = []
        // 1990-01-01 to 2036-12-31 in steps of 7 h 13 min, so every hour of the day is hit.
        var t: Int64 = 631_152_000
        while t < 2_114_380_800 {
            let date = Date(timeIntervalSince1970: TimeInterval(t))
            let expected = reference.secondsFromGMT(for: date)
            let got = zone.secondsFromGMT(for: date)
            if got != expected, mismatches.count < 5 { mismatches.append("\(date): \(got) vs \(expected)") }
            t += 7 * 3600 + 13 * 60
        }
        #expect(mismatches.isEmpty, "\(identifier): \(mismatches)")
    }

    @Test(arguments: ["Europe/Stockholm", "America/New_York", "Australia/Sydney", "America/Santiago", "Europe/Dublin"])
    func theFootersRuleContinuesPastTheLastTransition(identifier: String) throws {
        let zone = try #require(ZoneInfo(identifier: identifier))
        let reference = try #require(TimeZone(identifier: identifier))
        var t: Int64 = 2_147_483_648  // 2038, past every 32-bit transition
        while t < 3_250_000_000 {  // 2072
            let date = Date(timeIntervalSince1970: TimeInterval(t))
            #expect(zone.secondsFromGMT(for: date) == reference.secondsFromGMT(for: date), "\(identifier) at \(date)")
            t += 5 * 86_400 + 3_607
        }
    }

    @Test func posixRulesReadEveryForm() throws {
        let stockholm = try #require(POSIXZoneRule(parsing: "CET-1CEST,M3.5.0,M10.5.0/3"))
        #expect(stockholm.standardOffset == 3600 && stockholm.daylightOffset == 7200)
        // 2026-03-29 01:00 UTC is the switch; a second before it is still winter time.
        #expect(stockholm.offset(at: 1_774_746_000 - 1) == 3600)
        #expect(stockholm.offset(at: 1_774_746_000) == 7200)
        let tehranLike = try #require(POSIXZoneRule(parsing: "<+0330>-3:30"))
        #expect(tehranLike.offset(at: 0) == 12_600 && tehranLike.daylightOffset == nil)
        let usDefault = try #require(POSIXZoneRule(parsing: "EST5EDT"))
        #expect(usDefault.offset(at: 1_783_000_000) == -14_400)  // July 2026
        #expect(usDefault.offset(at: 1_767_000_000) == -18_000)  // December 2025
        let julian = try #require(POSIXZoneRule(parsing: "AAA-1BBB,J60/0,J300/0"))
        // J60 is March 1 even in a leap year: February 29 is never counted.
        #expect(julian.offset(at: 1_835_395_200 - 3600 - 1) == 3600)  // 2028-02-29T23:59:59 local
        #expect(julian.offset(at: 1_835_481_600 - 3600) == 7200)  // 2028-03-01T00:00 local
        let greenland = try #require(POSIXZoneRule(parsing: "<-02>2<-01>,M3.5.0/-1,M10.5.0/0"))
        #expect(greenland.start?.time == -3600)
        for bad in ["", "C", "CET", "CET-1CEST,M13.1.0,M10.5.0", "CET-1CEST,M3.5.0", "<+03", "CET-1CEST,M3.6.0,M10.5.0", "CET-99"] {
            #expect(POSIXZoneRule(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func theProcessZoneFollowsTZAsPOSIXSays() throws {
        #expect(ZoneInfo.resolveCurrent(tz: "Europe/Stockholm", tzdir: nil).identifier == "Europe/Stockholm")
        #expect(ZoneInfo.resolveCurrent(tz: ":Asia/Tokyo", tzdir: nil).secondsFromGMT(for: Date()) == 32_400)
        #expect(ZoneInfo.resolveCurrent(tz: "", tzdir: nil).secondsFromGMT(for: Date()) == 0)
        #expect(ZoneInfo.resolveCurrent(tz: "/usr/share/zoneinfo/America/New_York", tzdir: nil).identifier == "America/New_York")
        let posix = ZoneInfo.resolveCurrent(tz: "XXX-5:45", tzdir: nil)
        #expect(posix.secondsFromGMT(for: Date()) == 20_700)
        #expect(ZoneInfo.resolveCurrent(tz: "No/Such_Zone", tzdir: nil) == .gmt)
        // A name never reaches outside the database.
        #expect(ZoneInfo(identifier: "../../../etc/passwd") == nil)
        #expect(ZoneInfo(identifier: "/etc/localtime") == nil)
    }

    @Test func fixedOffsetsAreNamedAsFoundationNamesThem() throws {
        let plusOne = try #require(ZoneInfo(secondsFromGMT: 3600))
        #expect(plusOne.identifier == TimeZone(secondsFromGMT: 3600)?.identifier)
        let minusFiveThirty = try #require(ZoneInfo(secondsFromGMT: -19_800))
        #expect(minusFiveThirty.identifier == TimeZone(secondsFromGMT: -19_800)?.identifier)
        #expect(ZoneInfo(identifier: "GMT+0100")?.secondsFromGMT(for: Date()) == 3600)
        #expect(ZoneInfo(secondsFromGMT: 19 * 3600) == nil)
        #expect(ZoneInfo(identifier: "UTC")?.secondsFromGMT(for: Date()) == 0)
    }

    @Test(arguments: ["Europe/Stockholm", "America/New_York", "Australia/Sydney", "America/Sao_Paulo", "Asia/Tokyo"])
    func theStartOfEveryDayMatchesFoundationsCalendar(identifier: String) throws {
        let zone = try #require(ZoneInfo(identifier: identifier))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: identifier))
        // Every day of 2016–2019 (São Paulo still skipped midnight then).
        for dayNumber in 16_801...18_261 {
            let day = LocalDate(dayNumber: dayNumber)
            let noonUTC = Date(timeIntervalSince1970: TimeInterval(dayNumber * 86_400 + 43_200))
            let expected = calendar.startOfDay(for: noonUTC.addingTimeInterval(-TimeInterval(calendar.timeZone.secondsFromGMT(for: noonUTC))))
            let got = day.start(in: zone)
            #expect(got.epochMilliseconds == Int64(expected.timeIntervalSince1970) * 1000, "\(identifier) \(day)")
        }
    }
}

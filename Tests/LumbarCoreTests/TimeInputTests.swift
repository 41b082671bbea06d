import Foundation
import Testing
@testable import LumbarCore

@Suite struct TimeInputTests {
    static let stockholm = ZoneInfo(identifier: "Europe/Stockholm") ?? .gmt

    /// The instant `text` (ISO with an offset) names; the fixed "now" of a table.
    static func instant(_ text: String) -> Date {
        guard case .success(let t) = Timestamp.parse(text, localTimeZone: .gmt) else { return .distantPast }
        return t.date
    }

    /// Wednesday 2026-03-04, 15:00 in Stockholm (winter time, +01:00).
    static let wednesday = instant("2026-03-04T15:00:00+01:00")

    @Test(arguments: [
        ("now", "2026-03-04T15:00:00+01:00"),
        ("NOW", "2026-03-04T15:00:00+01:00"),
        ("18:00", "2026-03-04T18:00:00+01:00"),
        ("7:30", "2026-03-04T07:30:00+01:00"),
        ("today", "2026-03-04T15:00:00+01:00"),
        ("today 9:15", "2026-03-04T09:15:00+01:00"),
        ("yesterday", "2026-03-03T12:00:00+01:00"),
        ("Yesterday 18:00", "2026-03-03T18:00:00+01:00"),
        ("mon", "2026-03-02T12:00:00+01:00"),
        ("monday 7:30", "2026-03-02T07:30:00+01:00"),
        ("thu", "2026-02-26T12:00:00+01:00"),
        ("wed", "2026-03-04T15:00:00+01:00"),
        ("wed 09:00", "2026-03-04T09:00:00+01:00"),
        // Later today has not happened yet, so the weekday means last week's.
        ("Wednesday 16:00", "2026-02-25T16:00:00+01:00"),
        ("-2h", "2026-03-04T13:00:00+01:00"),
        (" -2H ", "2026-03-04T13:00:00+01:00"),
        ("-30m", "2026-03-04T14:30:00+01:00"),
        ("-1d", "2026-03-03T15:00:00+01:00"),
        ("2026-03-02T18:00", "2026-03-02T18:00:00+01:00"),
        ("2026-03-02 18:00", "2026-03-02T18:00:00+01:00"),
        ("2026-03-02T17:00Z", "2026-03-02T18:00:00+01:00"),
        ("2026-03-02T18:00:00-05:00", "2026-03-03T00:00:00+01:00"),
    ])
    func everyFormReadsAsAPersonMeansIt(text: String, expected: String) {
        let result = TimeInput.parse(text, now: Self.wednesday, timeZone: Self.stockholm)
        #expect(result.map(\.description) == .success(expected), "\(text)")
    }

    @Test(
        arguments: [
            // Spring forward: 02:00–02:59 on 2026-03-29 never happens in Stockholm.
            ("2026-03-29T12:00:00+02:00", "02:30", nil),
            ("2026-03-29T12:00:00+02:00", "today 2:30", nil),
            ("2026-03-29T12:00:00+02:00", "2026-03-29T02:30", nil),
            ("2026-03-29T12:00:00+02:00", "03:30", "2026-03-29T03:30:00+02:00"),
            ("2026-03-29T12:00:00+02:00", "01:30", "2026-03-29T01:30:00+01:00"),
            // Relative times count real hours across the change.
            ("2026-03-29T12:00:00+02:00", "-12h", "2026-03-28T23:00:00+01:00"),
            ("2026-03-30T12:00:00+02:00", "sun", "2026-03-29T12:00:00+02:00"),
            // Fall back: 02:00–02:59 on 2026-10-25 happens twice; a typed wall time is the first.
            ("2026-10-25T12:00:00+01:00", "2:30", "2026-10-25T02:30:00+02:00"),
            ("2026-10-25T12:00:00+01:00", "2026-10-25T02:30", "2026-10-25T02:30:00+02:00"),
            ("2026-10-26T12:00:00+01:00", "yesterday 02:30", "2026-10-25T02:30:00+02:00"),
            ("2026-10-25T12:00:00+01:00", "-10h", "2026-10-25T02:00:00+01:00"),
            ("2026-10-25T12:00:00+01:00", "-11h", "2026-10-25T02:00:00+02:00"),
        ] as [(String, String, String?)])
    func daylightSavingChangesResolveLikeLocalISOTimes(now: String, text: String, expected: String?) {
        let result = TimeInput.parse(text, now: Self.instant(now), timeZone: Self.stockholm)
        if let expected {
            #expect(result.map(\.description) == .success(expected), "\(text) at \(now)")
        } else {
            #expect(result.map(\.description) == .failure(.nonexistentLocalTime), "\(text) at \(now)")
        }
    }

    @Test(arguments: [
        ("-2x", TimeInput.Failure.badDuration),
        ("-h", .badDuration),
        ("-1.5h", .badDuration),
        ("-1234567d", .badDuration),
        ("25:00", .badClockTime),
        ("12:60", .badClockTime),
        ("mon 25:00", .badClockTime),
        ("funday", .unrecognized),
        ("last tuesday", .unrecognized),
        ("yesterday noon", .unrecognized),
        ("today 18:00 sharp", .unrecognized),
        ("18.00", .unrecognized),
        ("1800", .unrecognized),
        ("", .unrecognized),
        ("2026-02-30T10:00", .outOfRange),
    ])
    func refusalsSayWhy(text: String, failure: TimeInput.Failure) {
        let result = TimeInput.parse(text, now: Self.wednesday, timeZone: Self.stockholm)
        #expect(result.map(\.description) == .failure(failure), "\(text)")
    }

    @Test(arguments: [
        ("-2x", "--at '-2x' is not a relative time; write a minus sign, a whole number and h, m or d, such as -2h, -30m or -1d"),
        ("25:00", "--at '25:00' is not a time of day; hours run from 0 to 23 and minutes from 00 to 59"),
        (
            "funday",
            "--at must be an ISO 8601 time such as 2026-03-02T18:00 or 2026-03-02T17:00Z, or now, 18:00, yesterday 18:00, mon 7:30, -2h, -30m or -1d, got 'funday'"
        ),
        (
            "2026-03-29T02:30",
            "--at '2026-03-29T02:30' does not exist in time zone Europe/Stockholm (the clocks skip it); give an offset or another time"
        ),
    ])
    func refusalMessagesNameTheValueAndTheFix(text: String, message: String) throws {
        let result = TimeInput.parse(text, now: Self.wednesday, timeZone: Self.stockholm)
        guard case .failure(let failure) = result else {
            Issue.record("\(text) was accepted")
            return
        }
        #expect(failure.message(for: text, option: "--at", timeZone: Self.stockholm) == message)
    }

    @Test(arguments: [
        ("2026-03-01", "2026-03-01"),
        ("today", "2026-03-04"),
        ("Yesterday", "2026-03-03"),
        ("wed", "2026-03-04"),
        ("mon", "2026-03-02"),
        ("thursday", "2026-02-26"),
    ])
    func datesReadAsAPersonMeansThem(text: String, expected: String) {
        let result = TimeInput.parseDate(text, now: Self.wednesday, timeZone: Self.stockholm)
        #expect(result.map(\.description) == .success(expected), "\(text)")
    }

    @Test func badDatesAreRefused() {
        #expect(TimeInput.parseDate("2026-02-30", now: Self.wednesday, timeZone: Self.stockholm) == .failure(.outOfRange))
        #expect(TimeInput.parseDate("funday", now: Self.wednesday, timeZone: Self.stockholm) == .failure(.unrecognized))
        #expect(TimeInput.parseDate("yesterday 18:00", now: Self.wednesday, timeZone: Self.stockholm) == .failure(.unrecognized))
    }

    @Test func theDateFollowsTheTimeZoneNotUTC() {
        // 23:30 UTC on Wednesday is already Thursday in Stockholm.
        let late = Self.instant("2026-03-04T23:30:00Z")
        #expect(TimeInput.parseDate("today", now: late, timeZone: Self.stockholm).map(\.description) == .success("2026-03-05"))
        #expect(TimeInput.parseDate("today", now: late, timeZone: .gmt).map(\.description) == .success("2026-03-04"))
    }
}

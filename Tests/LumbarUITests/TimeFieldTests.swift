import Foundation
import LumbarCore
import LumbarText
import Testing
@testable import LumbarUI

/// The form's session time and date read what the command line reads, never a time still to
/// come, and say beside the field what they understood.
@Suite struct TimeFieldTests {
    /// A new session named "run" with `time` typed in the time field (now: Thu 5 Mar 20:15).
    private func typedSession(_ time: String, preferences: Preferences = .standard) -> Driver {
        var d = Driver(Journal(), preferences: preferences)
        d.state.form.focus = d.state.form.index(of: .kind) ?? 0
        d.state.form.editing = true
        d.type("run")
        d.press(.tab)
        d.type(time)
        return d
    }

    @Test(arguments: [
        ("18:00", "2026-03-05T18:00:00+01:00", "= Thu 5 Mar 18:00"),
        ("yesterday 18:00", "2026-03-04T18:00:00+01:00", "= Wed 4 Mar 18:00"),
        ("mon 7:30", "2026-03-02T07:30:00+01:00", "= Mon 2 Mar 07:30"),
        ("-2h", "2026-03-05T18:15:00+01:00", "= Thu 5 Mar 18:15"),
        ("-1d", "2026-03-04T20:15:00+01:00", "= Wed 4 Mar 20:15"),
        ("now", "2026-03-05T20:15:00+01:00", "= Thu 5 Mar 20:15"),
        ("2026-03-01T09:00", "2026-03-01T09:00:00+01:00", "= Sun 1 Mar 09:00"),
    ])
    func eachFormIsEchoedAndSaved(typed: String, expected: String, echo: String) {
        var d = typedSession(typed)
        #expect(d.screen.contains(echo), "\(d.screen)")
        d.press(.enter)
        let session = d.stored.sessions.first
        #expect(session?.at == Fixtures.stamp(expected), "\(typed)")
        #expect(session?.kind == "run")
    }

    @Test func theEchoFollowsTheTwelveHourClock() {
        let d = typedSession("yesterday 18:00", preferences: Preferences(clock: .twelveHour))
        #expect(d.screen.contains("= Wed 4 Mar 6:00 PM"))
    }

    @Test(arguments: [
        ("23:30", "still to come"),
        ("tomorrow", "Type the session time as"),
        ("-2x", "not a relative time"),
        ("25:00", "not a time of day"),
        ("2026-03-29T02:30", "clocks skip it"),
    ])
    func refusalsSaveNothingAndSayWhy(typed: String, message: String) {
        var d = typedSession(typed)
        d.press(.enter)
        #expect(d.stored.sessions.isEmpty)
        #expect(d.state.form.focusedField == .time)
        #expect(d.screen.contains(message), "\(typed): \(d.screen)")
    }

    @Test func anUnreadableTimeIsMarkedBeforeSaving() {
        let d = typedSession("tomorow")
        #expect(d.screen.contains("? HH:MM, yesterday 18:00"))
    }

    @Test(arguments: [
        ("yesterday", LocalDate(year: 2026, month: 3, day: 4)),
        ("mon", LocalDate(year: 2026, month: 3, day: 2)),
        ("2026-02-28", LocalDate(year: 2026, month: 2, day: 28)),
        ("today", LocalDate(year: 2026, month: 3, day: 5)),
    ])
    func aTypedDateMovesTheForm(typed: String, expected: LocalDate?) {
        var d = Driver(Journal())
        d.press(.backTab)
        #expect(d.state.form.focusedField == .date)
        d.press(.character(" "))
        d.type(typed)
        #expect(d.screen.contains("= \(expected?.shortDescription ?? "?")"), "\(d.screen)")
        d.press(.enter)
        #expect(d.state.form.date == expected)
        #expect(d.state.form.dateEntry == nil)
    }

    @Test func typingADigitOnTheDateRowStartsADate() {
        var d = Driver(Journal())
        d.press(.backTab)
        d.type("2026-03-01")
        d.press(.enter)
        #expect(d.state.form.date == LocalDate(year: 2026, month: 3, day: 1))
        d.press(.tab)
        d.type("4")
        d.press(.enter)
        #expect(d.stored.checkIns.first?.at == Fixtures.stamp("2026-03-01T12:00:00+01:00"))
    }

    @Test(arguments: [
        ("2026-03-06", "still to come"),
        ("funday", "Type a date as YYYY-MM-DD"),
        ("2026-02-30", "not a real date"),
    ])
    func aBadOrFutureDateIsRefusedAndEscPutsTheDateBack(typed: String, message: String) {
        var d = Driver(Journal())
        d.press(.backTab)
        d.press(.character(" "))
        d.type(typed)
        d.press(.enter)
        #expect(d.state.form.date == LocalDate(year: 2026, month: 3, day: 5))
        #expect(d.screen.contains(message), "\(typed): \(d.screen)")
        d.press(.escape)
        #expect(d.state.form.dateEntry == nil)
        #expect(d.state.form.date == LocalDate(year: 2026, month: 3, day: 5))
        #expect(d.state.screen == .today)
    }

    @Test func lettersTypedIntoADateAreNotScreenKeys() {
        var d = Driver(Journal())
        d.press(.backTab)
        d.press(.character(" "))
        d.type("sat")
        #expect(d.state.screen == .today)
        d.press(.enter)
        #expect(d.state.form.date == LocalDate(year: 2026, month: 2, day: 28))
    }
}

import Foundation
import LumbarCore
import LumbarText
import Testing
@testable import LumbarUI

/// Each setting the TUI reads changes what it shows or saves; the defaults change nothing.
@Suite struct PreferencesUITests {
    @Test func sundayWeeksPutSundayFirstInTheCalendar() {
        var monday = Driver(Fixtures.episode, width: 80, height: 24)
        monday.press(.character("c"))
        #expect(monday.screen.contains("Mo  Tu  We  Th  Fr  Sa  Su"))
        // 1 March 2026 is a Sunday: the last column of a Monday week, the first of a Sunday week.
        #expect(monday.screen.contains("Sa  Su\n"))
        var sunday = Driver(Fixtures.episode, width: 80, height: 24, preferences: Preferences(weekStart: .sunday))
        sunday.press(.character("c"))
        let lines = sunday.screen.split(separator: "\n").map(String.init)
        let header = lines.firstIndex { $0.contains("Su  Mo  Tu  We  Th  Fr  Sa") }
        #expect(header != nil, "\(sunday.screen)")
        if let header {
            // The 1st sits under "Su", and the 2nd–7th follow on the same row.
            let first = lines[header + 1]
            #expect(first.trimmingCharacters(in: .whitespaces).hasSuffix("1   2   3▒  4▓  5▒  6   7"), "\(first)")
        }
    }

    @Test func usualItemsFromTheSettingsComeFirstInTheirOrder() {
        let preferences = Preferences(usualSymptoms: [.dullAche], usualCare: [.physio, .massage])
        let d = Driver(Fixtures.episode, preferences: preferences)
        #expect(Array(d.state.form.careOrder.prefix(2)) == [.physio, .massage])
        #expect(d.state.form.symptomOrder.first == .dullAche)
        // The rest keep the order learned from the log (heat and stiffness were used most).
        let plain = Driver(Fixtures.episode)
        #expect(Array(d.state.form.careOrder.dropFirst(2)) == plain.state.form.careOrder.filter { $0 != .physio && $0 != .massage })
        #expect(plain.state.form.careOrder.first != .physio)
        let fields = d.state.form.fields
        let firstCare = fields.firstIndex { if case .care = $0 { return true } else { return false } }
        #expect(firstCare.map { fields[$0] } == .care(.physio))
    }

    @Test func aBackfilledCheckInIsSavedAtTheBackfillTime() {
        let time = TimeOfDay(hour: 9, minute: 30)
        var d = Driver(Journal(), preferences: Preferences(backfillTime: time ?? .noon))
        d.press(.backTab)
        d.press(.left)
        d.press(.tab)
        d.type("3")
        d.press(.enter)
        let saved = d.stored.checkIns.first
        #expect(saved?.date == LocalDate(year: 2026, month: 3, day: 4))
        #expect(saved?.at.clockTime == "09:30")
    }

    @Test func theTwelveHourClockShowsInTheStatusEpisodeLine() {
        let now = Fixtures.stamp("2026-03-05T20:15:00+01:00").date
        let twelve = AppState(
            journal: Fixtures.episode, now: now, timeZone: Fixtures.zone, width: 100, height: 30,
            preferences: Preferences(clock: .twelveHour))
        let standard = AppState(journal: Fixtures.episode, now: now, timeZone: Fixtures.zone, width: 100, height: 30)
        var a = twelve, b = standard
        a.show(.status)
        b.show(.status)
        let twelveText = AppView.render(a).lines.joined(separator: "\n")
        let standardText = AppView.render(b).lines.joined(separator: "\n")
        #expect(twelveText.contains("Mon 6:00 PM"), "\(twelveText)")
        #expect(standardText.contains("Mon 18:00"))
        #expect(!standardText.contains("PM"))
    }
}

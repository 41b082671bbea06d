import Testing
import LumbarCore
import LumbarText
import LumbarTestSupport

/// Loads as people read them: grouped digits, the week against the usual one.
@Suite("Load text")
struct LoadTextTests {
    @Test(
        "the week in words",
        arguments: [
            (2150, 5360, "this week 2,150, 60 % above your usual 1,340"),
            (1000, 8000, "this week 1,000, 50 % below your usual 2,000"),
            (500, 2000, "this week 500, the same as your usual 500"),
            (300, 0, "this week 300; no usual week yet (no load logged in the 28 days before)"),
        ])
    func words(load: Int, usualTotal: Int, text: String) {
        let week = LoadWeek(
            end: TrainingBuilder().time("2026-03-10 18:00"), load: load, usualTotal: usualTotal, sessions: 1,
            sessionsWithoutLoad: 0, usualSessions: 1)
        #expect(LoadText.week(week) == text)
    }

    @Test("thousands are grouped", arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (1234567, "1,234,567"), (-4200, "-4,200")])
    func grouping(value: Int, text: String) {
        #expect(LoadText.number(value) == text)
    }
}

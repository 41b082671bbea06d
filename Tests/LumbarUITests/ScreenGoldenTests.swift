import Foundation
import LumbarCore
import Testing
@testable import LumbarUI

/// Every screen at 80×24 and 40×12 from fixed journals, compared with golden text.
@Suite struct ScreenGoldenTests {
    static let sizes = [(80, 24), (40, 12)]

    func render(_ state: AppState) -> String { AppView.render(state).lines.joined(separator: "\n") }

    @Test(arguments: ScreenName.allCases)
    func episodeJournal(screen: ScreenName) {
        for (w, h) in Self.sizes {
            let state = Fixtures.state(Fixtures.episode, width: w, height: h, screen: screen)
            Golden.check(render(state), named: "\(screen.rawValue)-episode-\(w)x\(h)")
        }
        // Colours and attributes carry meaning (a red flag, the selected row), so they are pinned too.
        let state = Fixtures.state(Fixtures.episode, width: 80, height: 24, screen: screen)
        Golden.checkStyles(AppView.render(state), named: "\(screen.rawValue)-episode-80x24")
    }

    @Test(arguments: ScreenName.allCases)
    func emptyJournal(screen: ScreenName) {
        for (w, h) in Self.sizes {
            let state = Fixtures.state(Journal(), width: w, height: h, screen: screen)
            Golden.check(render(state), named: "\(screen.rawValue)-empty-\(w)x\(h)")
        }
    }
}

/// The chart's ranges, the overlays and the ASCII fallback.
@Suite struct MoreGoldenTests {
    func render(_ state: AppState) -> String { AppView.render(state).lines.joined(separator: "\n") }

    @Test(arguments: [("1", "14d"), ("2", "90d"), ("3", "1y"), ("4", "all")])
    func chartRangesOverAYear(key: String, name: String) {
        var state = Fixtures.state(Fixtures.year, width: 80, height: 24, screen: .chart)
        _ = state.update(.key(.character(Character(key))))
        Golden.check(render(state), named: "chart-year-\(name)-80x24")
    }

    @Test func chartInASCII() {
        let state = Fixtures.state(Fixtures.episode, width: 80, height: 24, screen: .chart, glyphs: .ascii)
        Golden.check(render(state), named: "chart-episode-ascii-80x24")
    }

    @Test func helpOverlay() {
        for (w, h) in [(80, 24), (40, 12)] {
            var state = Fixtures.state(Fixtures.episode, width: w, height: h, screen: .history)
            _ = state.update(.key(.character("?")))
            Golden.check(render(state), named: "help-\(w)x\(h)")
        }
    }

    @Test func deleteConfirmation() {
        var state = Fixtures.state(Fixtures.episode, width: 80, height: 24, screen: .history)
        _ = state.update(.key(.down))
        _ = state.update(.key(.character("x")))
        Golden.check(render(state), named: "history-delete-confirm-80x24")
    }

    @Test func todayMidwayThroughTheForm() {
        var state = Fixtures.state(Journal(), width: 80, height: 24, screen: .today)
        for key in [Key.character("7"), .tab, .character("8"), .tab, .character(" "), .tab, .tab, .character("y"), .down, .character("n")] {
            _ = state.update(.key(key))
        }
        Golden.check(render(state), named: "today-scrolled-80x24")
        for key in [Key.character("N")] + Key.typing("slept badly, 痛い") + [.tab] + Key.typing("dead") {
            _ = state.update(.key(key))
        }
        Golden.check(render(state), named: "today-session-80x24")
    }
}

/// The states the one-pass check-in and the Status screen gained: a second check-in on a day,
/// the standing-yes questions, a long level line and an assessed flag at 60×20.
@Suite struct CheckInGoldenTests {
    func render(_ state: AppState) -> String { AppView.render(state).lines.joined(separator: "\n") }

    @Test func aSecondCheckInOnADay() {
        for (w, h) in [(80, 24), (40, 12)] {
            var state = Fixtures.state(Fixtures.episode, width: w, height: h, screen: .status)
            _ = state.update(.key(.character("t")))
            Golden.check(render(state), named: "today-another-\(w)x\(h)")
        }
    }

    @Test func theWarningSignBlockWithStandingYesFirst() {
        let friday = Fixtures.stamp("2026-03-06T19:00:00+01:00").date
        for (w, h) in [(80, 24), (40, 12)] {
            var state = AppState(journal: Fixtures.episode, now: friday, timeZone: Fixtures.zone, width: w, height: h)
            for key in [Key.character("3"), .tab, .tab, .tab, .tab, .character("n")] { _ = state.update(.key(key)) }
            Golden.check(render(state), named: "today-signs-\(w)x\(h)")
        }
    }

    @Test func theSessionPartWithTheRPEWord() {
        var state = Fixtures.state(Journal(), width: 80, height: 24, screen: .today)
        for _ in 0..<20 where state.form.focusedField != .kind { _ = state.update(.key(.tab)) }
        for key in Key.typing("deadlift") + [.tab] + Key.typing("18:30") + [.tab] + Key.typing("45") + [.tab] + Key.typing("7") {
            _ = state.update(.key(key))
        }
        let screen = render(state)
        #expect(screen.contains("[18:30 "))  // the first digit stays in view
        #expect(screen.contains("= Thu 5 Mar 18:30"))  // and what it was read as is said
        #expect(screen.contains("very hard"))
        Golden.check(screen, named: "today-session-rpe-80x24")
    }

    /// A status with an emergency flag and an assessed urgent one.
    static func assessedStatus(_ base: Status) -> Status {
        var status = base
        let assessed = RuleFlag(
            rule: .legWeakness, level: .urgent, headline: "A weak leg was logged on Wed 4 Mar.",
            action: "See a doctor today.", evidence: ["2026-03-04: leg weakness"],
            evidenceDates: [LocalDate(year: 2026, month: 3, day: 4)!], window: nil, sources: [],
            assessedAt: Fixtures.stamp("2026-03-05T10:00:00+01:00"))
        let emergency = RuleFlag(
            rule: .bladderBowel, level: .emergency, headline: "Bladder or bowel trouble was logged.",
            action: "Call emergency services or go to A&E (the emergency department) now.",
            evidence: ["2026-03-05: bladder/bowel trouble"], evidenceDates: [LocalDate(year: 2026, month: 3, day: 5)!],
            window: nil, sources: [])
        status.flags = [emergency, assessed]
        status.level = .emergency
        return status
    }

    @Test func theLevelLineWrapsAndAssessedFlagsSaySo() {
        for (w, h, name) in [(80, 24, "80x24"), (60, 20, "60x20"), (40, 12, "40x12")] {
            var state = Fixtures.state(Fixtures.episode, width: w, height: h, screen: .status)
            state.status = Self.assessedStatus(state.status)
            let screen = render(state)
            let banner = StatusScreen.bannerLines(state, width: w)
            #expect(
                banner.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ").hasSuffix(state.status.level.action),
                "\(name): the level line is cut")
            #expect(banner.allSatisfy { screen.contains($0) })
            #expect(screen.contains("ASSESSED") || h < 20, "\(name)")
            Golden.check(screen, named: "status-assessed-\(name)")
        }
    }
}

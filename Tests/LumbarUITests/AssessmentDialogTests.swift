import Foundation
import LumbarCore
import Testing
@testable import LumbarUI

/// `a` on Status records that a clinician assessed flags, through the engine's builder.
@Suite struct AssessmentDialogTests {
    /// A weak leg logged this morning: an urgent flag.
    static let weakLeg = Journal(
        sessions: [],
        checkIns: [
            Fixtures.checkIn(1, "2026-03-05T08:00:00+01:00", pain: 5, symptoms: [.legWeakness])
        ])

    @Test func anUrgentFlagIsCoveredOnlyWhenADoctorAssessedIt() throws {
        var d = Driver(Self.weakLeg)
        #expect(d.state.screen == .status)
        let urgent = try #require(d.state.status.flags.first { $0.rule == .legWeakness })
        #expect(urgent.level >= .urgent)
        d.type("a")
        guard case .assessment(let form)? = d.state.overlay else {
            Issue.record("no assessment dialog")
            return
        }
        #expect(form.covered[0] == nil)  // never pre-answered
        #expect(d.screen.contains("did a doctor assess it?"))
        d.press(.down, until: { !$0.overlayFocusIsOnFlag })
        d.type("GP, Dr Lee")
        d.press(.enter)
        #expect(d.stored.assessments.isEmpty)
        #expect(d.screen.contains("Say whether a doctor assessed"))
        d.type("y")  // focus went back to the unanswered flag
        d.press(.down, until: { !$0.overlayFocusIsOnFlag })
        d.press(.enter)
        let saved = try #require(d.stored.assessments.first)
        #expect(saved.rules.contains(Assessment.CoveredRule(rule: "leg-weakness", level: urgent.level)))
        #expect(saved.note == "GP, Dr Lee")
        #expect(d.state.overlay == nil)
        #expect(d.state.status.flags.first { $0.rule == .legWeakness }?.assessedAt != nil)
        #expect(d.screen.contains("ASSESSED"))
        d.type("u")
        #expect(d.stored.assessments.isEmpty)
    }

    @Test func noAnswerAndEscRecordNothing() {
        var d = Driver(Self.weakLeg)
        d.type("a")
        d.type("n")
        d.press(.down, until: { !$0.overlayFocusIsOnFlag })
        d.press(.enter)
        #expect(d.stored.assessments.isEmpty)
        #expect(d.screen.contains("Tick at least one flag"))
        d.press(.escape)
        #expect(d.state.overlay == nil)
        #expect(d.stored.assessments.isEmpty)
    }

    @Test func withoutFlagsThereIsNothingToAssess() {
        let calm = Journal(sessions: [], checkIns: [Fixtures.checkIn(1, "2026-03-05T08:00:00+01:00", pain: 0)])
        var d = Driver(calm)
        d.type("s")
        d.type("a")
        #expect(d.state.overlay == nil)
        #expect(d.screen.contains("no assessment to record"))
    }

    @Test func theDialogAt80x24And40x12() {
        for (w, h) in [(80, 24), (40, 12)] {
            var state = Fixtures.state(Self.weakLeg, width: w, height: h, screen: .status)
            _ = state.update(.key(.character("a")))
            Golden.check(AppView.render(state).lines.joined(separator: "\n"), named: "status-assess-dialog-\(w)x\(h)")
        }
    }
}

extension AppState {
    /// Whether the assessment dialog's focus is on a flag row (not the note).
    var overlayFocusIsOnFlag: Bool {
        if case .assessment(let form)? = overlay { return form.focus < form.noteRow }
        return false
    }
}

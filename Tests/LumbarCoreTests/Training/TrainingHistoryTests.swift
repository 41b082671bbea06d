import Foundation
import Testing
@testable import LumbarCore
import LumbarTestSupport

/// The per-kind table and what came before each episode.
@Suite("Training: kinds and episodes")
struct TrainingHistoryTests {
    @Test("kinds group case-insensitively, most sessions first, with the median load of those that have one")
    func kinds() {
        var b = TrainingBuilder()
        b.session("2026-02-02 18:00", "Deadlift", minutes: 60, rpe: 8)  // 480
        b.session("2026-02-05 18:00", "deadlift ", minutes: 30, rpe: 8)  // 240
        b.session("2026-02-09 18:00", "deadlift", minutes: 45, rpe: 8)  // 360
        b.session("2026-02-12 18:00", "deadlift", minutes: nil, rpe: 8)
        b.session("2026-02-06 07:00", "run", minutes: 40, rpe: 5)  // 200
        b.session("2026-02-08 07:00", "run", minutes: 20, rpe: 5)  // 100
        b.session("2026-02-07 10:00", "yoga", minutes: nil, rpe: nil)
        let report = b.report(at: "2026-03-01 12:00")
        #expect(report.kinds.map(\.kind) == ["Deadlift", "run", "yoga"])
        #expect(report.kinds.map(\.sessions) == [4, 2, 1])
        #expect(report.kinds.map(\.sessionsWithoutLoad) == [1, 0, 1])
        #expect(report.kinds.map(\.medianLoad) == [360, 150, nil])
        #expect(report.sessionsWithoutLoad == 2)
        #expect(report.sessions == 7)
    }

    @Test("flares per kind count only sessions with a pain before and after")
    func flaresPerKind() {
        var b = TrainingBuilder()
        b.checkIn("2026-02-02 08:00", pain: 1)
        b.session("2026-02-02 18:00", "deadlift")
        b.checkIn("2026-02-03 08:00", pain: 3)  // flared: 1 → 3
        b.checkIn("2026-02-04 08:00", pain: 0)
        b.checkIn("2026-02-05 08:00", pain: 0)
        b.session("2026-02-05 18:00", "deadlift")
        b.checkIn("2026-02-06 08:00", pain: 1)  // not flared: 0 → 1
        b.session("2026-02-08 18:00", "deadlift")  // nothing logged after: not judged
        let kind = b.report(at: "2026-03-01 12:00").kinds.first
        #expect(kind?.sessions == 3)
        #expect(kind?.judged == 2)
        #expect(kind?.flared == 1)
    }

    @Test("before each episode: its trigger, the trigger's load against the usual week, the week's change, sudden")
    func leads() {
        let report = TrainingBuilder.threeEpisodes().report(at: "2026-03-01 12:00")
        #expect(report.leads.count == 3)
        let first = report.leads[0]
        #expect(first.trigger?.session.kind == "deadlift")
        #expect(first.trigger?.isSudden == true)
        #expect(first.week.load == 540)
        #expect(first.week.usualTotal == 400)
        #expect(first.week.isHeavy)
        #expect(first.triggerShareOfUsual == 540)
        #expect(report.leads[1].trigger?.session.kind == "run")
        #expect(report.leads[1].kindsBefore == ["run"])
        #expect(report.leads[2].trigger == nil)
        #expect(report.kinds.first { $0.kind == "deadlift" }?.triggers == 1)
        #expect(report.kinds.first { $0.kind == "deadlift" }?.suddenTriggers == 1)
        #expect(report.kinds.first { $0.kind == "run" }?.triggers == 1)
        #expect(report.kinds.first { $0.kind == "run" }?.suddenTriggers == 0)
    }

    @Test("across episodes, counts only")
    func counts() {
        let counts = TrainingBuilder.threeEpisodes().report(at: "2026-03-01 12:00").counts
        #expect(counts.episodes == 3)
        #expect(counts.afterKind == [KindCount(kind: "deadlift", episodes: 1), KindCount(kind: "run", episodes: 1)])
        #expect(counts.afterHeavyWeek == 1)
        #expect(counts.suddenTriggers == 1)
        #expect(
            counts.sentences == [
                "1 of 3 episodes began within 72 h of a session of deadlift.",
                "1 of 3 episodes began within 72 h of a session of run.",
                "1 of 3 followed a week at or over 1.5 × the usual.",
                "1 of 3 began with sudden pain in a session.",
            ])
    }

    @Test("the report as of an earlier moment ignores later entries")
    func asOfEarlier() {
        let report = TrainingBuilder.threeEpisodes().report(at: "2026-01-30 09:00")
        #expect(report.leads.count == 1)
        #expect(report.sessions == 5)
        #expect(report.today.answer == .rest)
    }
}

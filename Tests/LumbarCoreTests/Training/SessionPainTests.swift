import Foundation
import Testing
@testable import LumbarCore
import LumbarTestSupport

/// Load, the pain before and after a session, the next morning, flares and sudden sessions,
/// each with both sides of its boundaries. Stockholm; the session is Mon 2 Mar 2026 18:00.
@Suite("Training: sessions")
struct SessionPainTests {
    static let at = "2026-03-02 18:00"
    static let later = "2026-03-06 12:00"

    @Test(
        "load is minutes × RPE, and none without both",
        arguments: [
            (Int?.some(60), Int?.some(7), Int?.some(420)), (45, 9, 405), (nil, 7, nil), (60, nil, nil), (nil, nil, nil),
        ])
    func load(minutes: Int?, rpe: Int?, expected: Int?) {
        var b = TrainingBuilder()
        #expect(b.session(Self.at, minutes: minutes, rpe: rpe).load == expected)
    }

    @Test(
        "pain before: the latest check-in in [session − 24 h, session], both ends included",
        arguments: [
            (-24 * 60, Int?.some(3)), (-24 * 60 - 1, nil), (0, 3), (-60, 3), (1, nil),
        ])
    func painBefore(minutesFromSession: Int, expected: Int?) {
        var b = TrainingBuilder()
        let session = b.session(Self.at)
        b.checkIn(b.time(Self.at, plusMinutes: minutesFromSession), pain: 3)
        #expect(b.pain(of: session, at: Self.later).before?.pain == expected)
    }

    @Test("pain before is the latest of several, not the highest")
    func painBeforeIsLatest() {
        var b = TrainingBuilder()
        let session = b.session(Self.at)
        b.checkIn("2026-03-02 08:00", pain: 5)
        b.checkIn("2026-03-02 12:00", pain: 1)
        #expect(b.pain(of: session, at: Self.later).before?.pain == 1)
    }

    @Test(
        "pain after: the highest in [session, session + 24 h], both ends included",
        arguments: [
            (24 * 60, Int?.some(6)), (24 * 60 + 1, Int?.some(2)), (0, 6), (-1, 2),
        ])
    func painAfter(minutesFromSession: Int, expected: Int?) {
        var b = TrainingBuilder()
        let session = b.session(Self.at)
        b.checkIn("2026-03-02 20:00", pain: 2)
        b.checkIn(b.time(Self.at, plusMinutes: minutesFromSession), pain: 6)
        #expect(b.pain(of: session, at: Self.later).after?.pain == expected)
    }

    @Test("pain after ignores check-ins after now")
    func painAfterStopsAtNow() {
        var b = TrainingBuilder()
        let session = b.session(Self.at)
        b.checkIn("2026-03-02 20:00", pain: 2)
        b.checkIn("2026-03-03 09:00", pain: 7)
        #expect(b.pain(of: session, at: "2026-03-03 08:59").after?.pain == 2)
        #expect(b.pain(of: session, at: "2026-03-03 09:00").after?.pain == 7)
    }

    @Test(
        "the next morning: the first check-in of the next date, when it is before 12:00",
        arguments: [
            (["2026-03-03 11:59"], String?.some("2026-03-03 11:59")),
            (["2026-03-03 12:00"], nil),
            (["2026-03-03 07:00", "2026-03-03 09:00"], "2026-03-03 07:00"),
            (["2026-03-03 12:30", "2026-03-03 13:00"], nil),
            (["2026-03-02 23:59", "2026-03-04 08:00"], nil),
            (["2026-03-03 00:00"], "2026-03-03 00:00"),
        ])
    func nextMorning(times: [String], expected: String?) {
        var b = TrainingBuilder()
        let session = b.session(Self.at)
        for (index, time) in times.enumerated() { b.checkIn(time, pain: index + 1) }
        #expect(b.pain(of: session, at: Self.later).nextMorning?.at == expected.map(b.time))
    }

    @Test(
        "flared: pain after ≥ pain before + 2",
        arguments: [
            (Int?.some(2), Int?.some(4), true), (2, 3, false), (0, 2, true), (0, 1, false), (5, 10, true),
            (nil, 8, false), (3, nil, false),
        ])
    func flared(before: Int?, after: Int?, expected: Bool) {
        var b = TrainingBuilder()
        let session = b.session(Self.at)
        if let before { b.checkIn("2026-03-02 10:00", pain: before) }
        if let after { b.checkIn("2026-03-03 08:00", pain: after) }
        let pain = b.pain(of: session, at: Self.later)
        #expect(pain.flared == expected)
        #expect(pain.isJudged == (before != nil && after != nil))
    }

    @Test(
        "sudden: marked sudden pain, or a sharp-pain yes within 48 h after",
        arguments: [
            (false, Int?.none, false), (true, nil, true), (false, 48 * 60, true), (false, 48 * 60 + 1, false), (false, 0, true), (false, -1, false),
        ])
    func sudden(marked: Bool, sharpPainMinutesAfter: Int?, expected: Bool) {
        var b = TrainingBuilder()
        let session = b.session(Self.at, sudden: marked)
        if let minutes = sharpPainMinutesAfter { b.checkIn(b.time(Self.at, plusMinutes: minutes), pain: 4, [.sharpPain]) }
        #expect(b.pain(of: session, at: Self.later).isSudden == expected)
    }
}

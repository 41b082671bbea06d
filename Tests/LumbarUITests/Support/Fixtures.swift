import Foundation
import LumbarCore
@testable import LumbarUI

/// Fixed journals and a fixed clock for screen tests.
enum Fixtures {
    static let zone = ZoneInfo(identifier: "Europe/Stockholm")!

    /// Thu 5 Mar 2026 20:15 in Stockholm (+01:00).
    static let now = stamp("2026-03-05T20:15:00+01:00").date

    static func stamp(_ text: String) -> Timestamp {
        switch Timestamp.parse(text, localTimeZone: zone) {
        case .success(let t): return t
        case .failure(let e): fatalError("bad fixture time \(text): \(e)")
        }
    }

    static func id(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))!
    }

    static func checkIn(
        _ n: Int, _ at: String, pain: Int, worst: Int? = nil, symptoms: [Symptom] = [], care: [SelfCare] = [], note: String = ""
    ) -> CheckIn {
        let t = stamp(at)
        return CheckIn(id: id(n), date: t.localDate, at: t, pain: pain, worst: worst, symptoms: symptoms, care: care, note: note, updatedAt: t)
    }

    static func session(_ n: Int, _ at: String, kind: String, minutes: Int? = nil, rpe: Int? = nil, sudden: Bool = false) -> Session {
        let t = stamp(at)
        return Session(id: id(n), at: t, kind: kind, minutes: minutes, rpe: rpe, suddenPain: sudden, updatedAt: t)
    }

    /// A deadlift on Mon 2 Mar, three painful days after it, and a quiet February before.
    static let episode: Journal = Journal(
        profile: Profile(birthYear: 1980),
        sessions: [
            session(101, "2026-02-20T07:30:00+01:00", kind: "run", minutes: 40, rpe: 5),
            session(102, "2026-02-24T18:00:00+01:00", kind: "yoga", minutes: 60, rpe: 3),
            session(103, "2026-03-02T18:00:00+01:00", kind: "deadlift", minutes: 45, rpe: 8, sudden: true),
        ],
        checkIns: [
            checkIn(1, "2026-02-21T09:00:00+01:00", pain: 2, symptoms: [.stiffness], care: [.stretching], note: "a bit stiff after the run"),
            checkIn(2, "2026-02-22T09:00:00+01:00", pain: 0),
            checkIn(3, "2026-02-23T09:00:00+01:00", pain: 0),
            checkIn(
                4, "2026-03-03T08:30:00+01:00", pain: 6, worst: 7, symptoms: [.sharpPain, .stiffness], care: [.ice, .rest],
                note: "sharp twinge on the last rep"),
            checkIn(
                5, "2026-03-04T08:10:00+01:00", pain: 7, worst: 8, symptoms: [.nightPain, .numbness, .spasm], care: [.heat, .painRelief],
                note: "woke at 3 am; 痛い 😣"),
            checkIn(6, "2026-03-05T08:00:00+01:00", pain: 5, worst: 6, symptoms: [.stiffness], care: [.active, .heat], note: "better after a walk"),
        ])

    /// A year of daily check-ins with weekly runs, for the longer chart ranges.
    static let year: Journal = {
        var checkIns: [CheckIn] = []
        var sessions: [Session] = []
        let start = LocalDate(year: 2025, month: 3, day: 6)!
        for d in 0..<365 {
            let date = start.adding(days: d)
            let pain = [0, 0, 1, 2, 3, 2, 1, 0, 0, 4, 6, 5, 3, 1][d % 14]
            checkIns.append(checkIn(1000 + d, "\(date)T08:00:00+01:00", pain: pain, symptoms: pain >= 6 ? [.nightPain] : []))
            if d % 7 == 2 { sessions.append(session(5000 + d, "\(date)T18:00:00+01:00", kind: "run", minutes: 30)) }
        }
        return Journal(sessions: sessions, checkIns: checkIns)
    }()

    static func state(
        _ journal: Journal, width: Int = 80, height: Int = 24, screen: ScreenName? = nil,
        glyphs: Glyphs = .unicode
    ) -> AppState {
        var s = AppState(journal: journal, now: now, timeZone: zone, width: width, height: height, glyphs: glyphs)
        if let screen { s.show(screen); s.backStack = [] }
        return s
    }
}

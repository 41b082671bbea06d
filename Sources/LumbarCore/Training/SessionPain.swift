#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How the back answered one session: the pain before it, the highest pain in the 24 h after
/// it, the next morning's check-in, and whether it flared or was sudden.
public struct SessionPain: Hashable, Sendable {
    /// The session.
    public var session: Session
    /// The latest check-in with `at` in [session − 24 h, session]; `nil` when none.
    public var before: CheckIn?
    /// The check-in with the highest pain with `at` in [session, session + 24 h] (up to now), the
    /// first of equals; `nil` when none.
    public var after: CheckIn?
    /// The first check-in dated the day after the session's date, when it was logged before 12:00.
    public var nextMorning: CheckIn?
    /// Whether sharp pain began with the session: marked so, or a sharp-pain yes within 48 h after it.
    public var isSudden: Bool

    /// A session's pain from its parts.
    public init(session: Session, before: CheckIn?, after: CheckIn?, nextMorning: CheckIn?, isSudden: Bool) {
        self.session = session
        self.before = before
        self.after = after
        self.nextMorning = nextMorning
        self.isSudden = isSudden
    }

    /// Whether the pain after was at least 2 points above the pain before (both must be known).
    public var flared: Bool {
        guard let before, let after else { return false }
        return after.pain >= before.pain + TrainingWindow.flarePoints
    }

    /// Whether both the pain before and after are known, so the session could be judged.
    public var isJudged: Bool { before != nil && after != nil }

    /// The pain around `session` from `checkIns` in `at` order, reading nothing after `now`.
    ///
    /// - Complexity: O(log n) plus the check-ins of the 72 h after the session.
    public static func of(_ session: Session, checkIns: [CheckIn], now: Date) -> SessionPain {
        let nowMs = ChronologicalSearch.milliseconds(of: now)
        let at = session.at.epochMilliseconds
        let upToSession = ChronologicalSearch.end(of: checkIns, upTo: min(at, nowMs), by: \.at)
        var before: CheckIn?
        if upToSession > 0 {
            let candidate = checkIns[upToSession - 1]
            if candidate.at.epochMilliseconds >= at - TrainingWindow.milliseconds(hours: TrainingWindow.painBeforeHours) {
                before = candidate
            }
        }
        let afterEnd = min(at + TrainingWindow.milliseconds(hours: TrainingWindow.painAfterHours), nowMs)
        let suddenEnd = min(at + TrainingWindow.milliseconds(hours: TrainingWindow.suddenSharpPainHours), nowMs)
        let nextDate = session.at.localDate.adding(days: 1)
        // Check-ins dated the next day lie within 72 h of the session in any pair of UTC offsets.
        let scanEnd = min(at + 72 * ChronologicalSearch.hour, nowMs)
        var after: CheckIn?
        var nextMorning: CheckIn?
        var foundNextDate = false
        var isSudden = session.suddenPain
        var index = ChronologicalSearch.start(of: checkIns, from: at, by: \.at)
        while index < checkIns.count {
            let checkIn = checkIns[index]
            let time = checkIn.at.epochMilliseconds
            if time > scanEnd { break }
            if time <= afterEnd, checkIn.pain > (after?.pain ?? -1) { after = checkIn }
            if time <= suddenEnd, checkIn.has(.sharpPain) { isSudden = true }
            if !foundNextDate, checkIn.date == nextDate {
                foundNextDate = true
                if checkIn.at.localParts.hour < TrainingWindow.morningEndsAtHour { nextMorning = checkIn }
            }
            index += 1
        }
        return SessionPain(session: session, before: before, after: after, nextMorning: nextMorning, isSudden: isSudden)
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Today's training answer with its reasons, evaluated like the escalation rules: pure, `now` a parameter.
public struct TrainingToday: Hashable, Sendable {
    /// The answer.
    public var answer: TrainingAnswer
    /// Why, one line each, the deciding reason first.
    public var reasons: [Phrase]
    /// The check-in whose pain the answer used (the latest at or before now); `nil` when none.
    public var painCheckIn: CheckIn?
    /// Whether that check-in is more than 24 h old (the answer then asks for a new one).
    public var isStale: Bool
    /// The see-doctor-or-higher flags no clinician has assessed, most urgent first.
    public var unassessedFlags: [RuleFlag]

    /// An answer from its parts.
    public init(answer: TrainingAnswer, reasons: [Phrase], painCheckIn: CheckIn?, isStale: Bool, unassessedFlags: [RuleFlag]) {
        self.answer = answer
        self.reasons = reasons
        self.painCheckIn = painCheckIn
        self.isStale = isStale
        self.unassessedFlags = unassessedFlags
    }

    /// Today's answer for `journal` at `now`, with times written in `timeZone`.
    ///
    /// - Parameter week: the load week ending at now (passed in so it is computed once).
    /// - Complexity: the escalation engine's evaluation plus O(log n) and the sessions of the last 48 h.
    public static func evaluate(
        _ journal: Journal, now: Date, timeZone: ZoneInfo, week: LoadWeek, clock: Preferences.ClockStyle = .twentyFourHour
    ) -> TrainingToday {
        let status = EscalationEngine.evaluate(journal, now: now, timeZone: timeZone, clock: clock)
        return evaluate(journal, now: now, timeZone: timeZone, week: week, status: status, clock: clock)
    }

    /// Today's answer given the escalation status at the same `now` (for callers that have it).
    public static func evaluate(
        _ journal: Journal, now: Date, timeZone: ZoneInfo, week: LoadWeek, status: Status,
        clock: Preferences.ClockStyle = .twentyFourHour
    ) -> TrainingToday {
        let nowMs = ChronologicalSearch.milliseconds(of: now)
        let nowStamp = Timestamp(now, in: timeZone)
        let checkIns = journal.checkIns
        let sessions = journal.sessions
        let checkInEnd = ChronologicalSearch.end(of: checkIns, upTo: nowMs, by: \.at)
        let latest = checkInEnd > 0 ? checkIns[checkInEnd - 1] : nil
        let isStale = latest.map { nowMs - $0.at.epochMilliseconds > TrainingWindow.milliseconds(hours: TrainingWindow.staleCheckInHours) } ?? false
        func when(_ time: Timestamp) -> Phrase { "\(near: time, reference: nowStamp, in: timeZone, clock: clock)" }

        var freshness: [Phrase] = []
        if let latest, isStale {
            freshness.append(
                "Your latest check-in is from \(dateTime: latest.at, in: timeZone, clock: clock), more than 24 h ago: check in now so the answer reads today's pain."
            )
        } else if latest == nil {
            freshness.append("No check-in yet: check in so the answer can read your pain.")
        }

        let flags = status.flags.filter { $0.level >= .seeDoctor && $0.assessedAt == nil }
        if !flags.isEmpty {
            let reasons: [Phrase] =
                flags.map { "\($0.level.key): \($0.headline) (\($0.rule.rawValue))" }
                + ["Training waits until a doctor or physiotherapist has assessed this; the status (lumbar status) says what to do."]
            return TrainingToday(answer: .notUntilChecked, reasons: reasons, painCheckIn: latest, isStale: isStale, unassessedFlags: flags)
        }

        var rest: [Phrase] = []
        if let latest, latest.pain >= TrainingWindow.restPain {
            rest.append("Pain \(latest.pain) at \(when(latest.at)): 7 or more.")
        }
        let sessionEnd = ChronologicalSearch.end(of: sessions, upTo: nowMs, by: \.at)
        if let latest, sessionEnd > 0 {
            let last = SessionPain.of(sessions[sessionEnd - 1], checkIns: checkIns, now: now)
            if let before = last.before, latest.pain >= before.pain + TrainingWindow.restRise {
                rest.append(
                    "Pain \(latest.pain) at \(when(latest.at)), up \(latest.pain - before.pain) from \(before.pain) before your latest session (\(last.session.kindName), \(when(last.session.at)))."
                )
            }
        }
        let suddenFrom = ChronologicalSearch.start(
            of: sessions, from: nowMs - TrainingWindow.milliseconds(hours: TrainingWindow.suddenRestHours), by: \.at)
        for index in suddenFrom..<max(suddenFrom, sessionEnd) {
            let pain = SessionPain.of(sessions[index], checkIns: checkIns, now: now)
            guard pain.isSudden else { continue }
            let until = pain.session.at.adding(hours: Double(TrainingWindow.suddenRestHours))
            rest.append(
                "Sharp pain began with the \(pain.session.kindName) of \(when(pain.session.at)): rest until 48 h after it (\(when(until)))."
            )
        }
        if !rest.isEmpty {
            return TrainingToday(answer: .rest, reasons: rest + freshness, painCheckIn: latest, isStale: isStale, unassessedFlags: [])
        }
        guard let latest else {
            // Without any pain on record the cautious answer is light; the reason asks for a check-in.
            return TrainingToday(answer: .light, reasons: freshness, painCheckIn: nil, isStale: false, unassessedFlags: [])
        }
        if latest.pain >= 1 {
            return TrainingToday(
                answer: .light, reasons: ["Pain \(latest.pain) at \(when(latest.at)): mild to moderate (1–6)."] + freshness,
                painCheckIn: latest, isStale: isStale, unassessedFlags: [])
        }
        var reasons: [Phrase] = ["Pain-free at \(when(latest.at))."]
        if week.isHeavy, let change = week.changePercent {
            reasons.append(
                "This week's load is \(load: week.load), \(change) % above your usual \(load: week.usualRounded): sudden jumps in load are one way backs get hurt, so build up from your usual week gradually."
            )
        }
        return TrainingToday(answer: .train, reasons: reasons + freshness, painCheckIn: latest, isStale: isStale, unassessedFlags: [])
    }
}

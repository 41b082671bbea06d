#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The part of a journal that the status reads, at any `now` from a horizon on, in any zone.
///
/// `EscalationEngine.evaluate` reads the current episode, the dates around the last 28, the
/// sessions near them, the standing answers and the assessments (see `RuleContext`). The slice
/// keeps exactly what that can reach, with margins of days, so the status evaluated on it
/// equals the status on the whole journal for every `now` at or after `horizon`
/// (`StatusSliceTests` checks it on seeded journals):
///
/// - the check-ins from a point before which no episode can still be open (the tracker's own
///   `safeStart`, for every set of check-ins a `now` from the horizon on can see, at the
///   earliest date such a `now` has in any zone), two date groups and ten days earlier, and
///   the sessions from three days before that (so every entry after any such `now` is kept);
/// - of the older check-ins, those that give or bound a standing answer: each question's
///   latest answer and, when that is yes and assessments exist, the first yes of its unbroken
///   run and the no before it, or its latest yes at or before the earliest assessment (what
///   `AssessmentCoverage` asks when it looks back to an assessment);
/// - every assessment and the profile.
///
/// Every later `now` needs no more: the tracker's safe point and every window only move
/// forward with `now`.
public enum StatusSlice {
    /// Milliseconds in one day of 24 hours.
    static let day: Int64 = 24 * ChronologicalSearch.hour
    /// The largest offset west of UTC a zone has (UTC−12), with two hours to spare.
    static let westmost: Int64 = 14 * ChronologicalSearch.hour

    /// How long before the newest entry (or the clock, when entries lie in the future) the
    /// slice still answers: `status --now` a little in the past, or a check-in logged ahead.
    static let lookBack: Int64 = 14 * day

    /// The slice of `journal` and the horizon (epoch milliseconds) from which it evaluates as
    /// the whole journal does: `lookBack` before the newest entry's `at` or `clock`, whichever
    /// is earlier. Entries after a `now` are in the slice, so they are counted as the engine counts them.
    public static func make(_ journal: Journal, clock: Int64 = .max) -> (slice: Journal, horizon: Int64) {
        let checkIns = journal.checkIns
        let sessions = journal.sessions
        let latest = [checkIns.last?.at, sessions.last?.at, journal.assessments.last?.at].compactMap { $0?.epochMilliseconds }.max()
        guard let latest else { return (journal, Int64.min) }
        let horizon = min(latest, clock) - lookBack
        let cut = checkInCut(journal, from: horizon)
        let sessionCut = ChronologicalSearch.start(of: sessions, from: cut.time - 3 * day, by: \.at)
        let pinned = standingAnswerCheckIns(
            checkIns, before: cut.index, wanted: journal.answeredWarningSigns,
            earliestAssessment: journal.assessments.first?.at.epochMilliseconds)
        let kept = pinned.map { checkIns[$0] } + checkIns[cut.index...]
        let slice = Journal(
            schemaVersion: journal.schemaVersion, profile: journal.profile,
            sessions: Array(sessions[sessionCut...]), checkIns: kept,
            assessments: journal.assessments)
        return (slice, horizon)
    }

    /// The earliest local date an instant has in any zone: its date at the westmost offset.
    static func earliestDate(_ milliseconds: Int64) -> LocalDate {
        LocalDate(dayNumber: Int(floorDivide(milliseconds - westmost, day)))
    }

    /// The first check-in the slice keeps whole from (for every `now` from `horizon` on), and
    /// the time the margins were taken from.
    static func checkInCut(_ journal: Journal, from horizon: Int64) -> (index: Int, time: Int64) {
        let checkIns = journal.checkIns
        let count = checkIns.count
        // Before the start of `today − 35` (the first date `RuleContext` reads) in the eastmost
        // zone, with the date slack and three days to spare.
        let firstRead = Int64(earliestDate(horizon).adding(days: -35).dayNumber) * day - westmost - RuleContext.dateSlack - 3 * day
        let limit = ChronologicalSearch.start(of: checkIns, from: firstRead, by: \.at)
        // The tracker's safe point for each set of check-ins a `now` from the horizon on can see
        // (every end from the horizon's to the last), at the earliest date such a `now` has:
        // a later date or a later start of the 28 dates only moves the safe point forward.
        var first = count
        let fromEnd = ChronologicalSearch.end(of: checkIns, upTo: horizon, by: \.at)
        for end in fromEnd...count {
            let earliestNow = end > fromEnd ? checkIns[end - 1].at.epochMilliseconds : horizon
            first = min(first, EpisodeTracker.safeStart(journal, before: min(limit, end), end: end, today: earliestDate(earliestNow)))
        }
        // The two date groups before the safe point decided it; the slice must show them too.
        for _ in 0..<2 where first > 0 {
            first = EpisodeTracker.group(checkIns, endingBefore: first).range.lowerBound
        }
        let from = first < count ? min(checkIns[first].at.epochMilliseconds, firstRead) : firstRead
        // Ten days more: a sudden session up to 7 days before an onset, and the check-ins after it.
        let time = from - 10 * day
        var index = ChronologicalSearch.start(of: checkIns, from: time, by: \.at)
        if index > 0, index < count {
            index = EpisodeTracker.group(checkIns, endingBefore: index + 1).range.lowerBound
        }
        return (index, time)
    }

    /// Indexes (ascending) among `checkIns[..<end]` of the check-ins that give each warning-sign
    /// question its latest answer there and, for a yes when assessments exist, what
    /// `StandingAnswer.stoodYesUnbroken` needs to look back to the earliest one: the first yes
    /// of that unbroken run of yes answers and the no just before it, or the latest yes at or
    /// before the earliest assessment.
    ///
    /// The scan stops once every question some check-in of the journal answers (`wanted`) is settled.
    static func standingAnswerCheckIns(
        _ checkIns: [CheckIn], before end: Int, wanted: Set<Symptom>,
        earliestAssessment: Int64?
    ) -> [Int] {
        enum Phase { case run(first: Int), done }
        var phases: [Symptom: Phase] = [:]
        var pinned = Set<Int>()
        var settled = 0
        let warning = StandingAnswer.warningSet
        let wanted = wanted.intersection(warning)
        func settle(_ symptom: Symptom) {
            phases[symptom] = .done
            if wanted.contains(symptom) { settled += 1 }
        }
        func answer(_ symptom: Symptom, yes: Bool, at index: Int) {
            let atOrBeforeEveryAssessment = earliestAssessment.map { checkIns[index].at.epochMilliseconds <= $0 } ?? true
            switch phases[symptom] {
            case nil:
                pinned.insert(index)
                if yes && !atOrBeforeEveryAssessment { phases[symptom] = .run(first: index) } else { settle(symptom) }
            case .run(let first)?:
                if yes {
                    if atOrBeforeEveryAssessment {
                        pinned.insert(index)
                        settle(symptom)
                    } else {
                        phases[symptom] = .run(first: index)
                    }
                } else {
                    pinned.insert(first)
                    pinned.insert(index)
                    settle(symptom)
                }
            case .done?:
                break
            }
        }
        // The lists are read without copying whole check-ins (their retains were most of the cost);
        // a no list equal to the one just read changes nothing, since a no settles its question.
        var lastDenied: [Symptom] = []
        var index = end - 1
        while index >= 0, settled < wanted.count {
            let symptoms = checkIns[index].symptoms
            if !symptoms.isEmpty {
                for symptom in symptoms where warning.contains(symptom) { answer(symptom, yes: true, at: index) }
            }
            let denied = checkIns[index].denied
            if !denied.isEmpty, denied != lastDenied {
                for symptom in denied { answer(symptom, yes: false, at: index) }
                lastDenied = denied
            }
            index -= 1
        }
        for case .run(let first) in phases.values { pinned.insert(first) }
        return pinned.sorted()
    }

    /// `a / b` rounded toward minus infinity.
    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}

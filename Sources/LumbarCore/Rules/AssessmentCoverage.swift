#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which raised flags a clinician's assessments cover, per the contract's "Assessments" section.
enum AssessmentCoverage {
    /// 12 weeks of real time: how long a clinician's view of persisting pain holds.
    static let persistence: Int64 = 84 * 24 * ChronologicalSearch.hour

    /// `flags` with `assessedAt` set on the covered ones (the latest covering assessment) and
    /// their action saying so. Assessments after now are ignored.
    static func apply(_ flags: [RuleFlag], _ context: RuleContext) -> [RuleFlag] {
        let assessments = context.journal.assessments
        let end = ChronologicalSearch.end(of: assessments, upTo: context.now.epochMilliseconds, by: \.at)
        guard end > 0 else { return flags }
        return flags.map { flag in
            guard let cover = assessments[..<end].last(where: { covers($0, flag, context) }) else { return flag }
            var covered = flag
            covered.assessedAt = cover.at
            let when: Phrase = "\(dateTime: cover.at, in: context.timeZone)"
            covered.action =
                flag.level >= .urgent
                ? "A clinician assessed this on \(when). If it gets worse, or another sign on the emergency line appears, act now: \(flag.action)"
                : "A clinician assessed this on \(when), so it does not count toward the level; it is raised again if it gets worse or something new appears."
            return covered
        }
    }

    /// Whether assessment `assessment` covers `flag` now.
    static func covers(_ assessment: Assessment, _ flag: RuleFlag, _ context: RuleContext) -> Bool {
        if let stored = assessment.level(of: flag.rule.rawValue), flag.level <= stored {
            if flag.rule.isWarningSignRule {
                // Every key that sets the flag off stood yes at the assessment and was never answered no since.
                let time = assessment.at.epochMilliseconds
                if WarningSignRules.keys(flag.rule, context).allSatisfy({
                    StandingAnswer.stoodYesUnbroken($0, in: context.journal, since: time, upTo: context.checkInEnd)
                }) {
                    return true
                }
            } else if flag.rule == .recurringPain {
                let date = assessment.at.converted(to: context.timeZone).localDate
                if date >= context.windowStart, date <= context.today { return true }
            } else if let episode = context.episode, assessment.at >= episode.onset.at {
                return true
            }
        }
        guard flag.rule.isPersistenceRule,
            assessment.at.epochMilliseconds >= context.now.epochMilliseconds - persistence,
            let stored = assessment.rules.filter({ RuleID(rawValue: $0.rule)?.isPersistenceRule == true }).map(\.level).max()
        else { return false }
        return flag.level <= stored
    }
}

extension EscalationEngine {
    /// The assessment `lumbar assessed` and the TUI record: the status is evaluated at `at` and
    /// the record covers, with the level each had then, every flag at see-doctor (when `rules` is
    /// `nil`) or exactly the named flags (any level; urgent and emergency ones only this way).
    /// Flags already covered by an earlier assessment count as raised.
    ///
    /// - Throws: `AssessmentError.nothingToCover` for a default with no flag at see-doctor,
    ///   `AssessmentError.notRaised` when a named rule was not raised at `at`.
    public static func assessment(
        of journal: Journal, at: Date, timeZone: ZoneInfo, rules: [RuleID]?,
        note: String, id: UUID, updatedAt: Timestamp
    ) throws(AssessmentError) -> Assessment {
        let status = evaluate(journal, now: at, timeZone: timeZone)
        let raised = status.flags
        let chosen: [RuleFlag]
        if let rules {
            let missing = rules.filter { rule in !raised.contains { $0.rule == rule } }
            guard missing.isEmpty else { throw .notRaised(missing, raised: raised.map(\.rule)) }
            chosen = raised.filter { rules.contains($0.rule) }
        } else {
            chosen = raised.filter { $0.level == .seeDoctor }
            guard !chosen.isEmpty else { throw .nothingToCover(raised: raised.map(\.rule)) }
        }
        let order = RuleID.allCases
        let covered = chosen.sorted { (order.firstIndex(of: $0.rule) ?? 0) < (order.firstIndex(of: $1.rule) ?? 0) }
            .map { Assessment.CoveredRule(rule: $0.rule.rawValue, level: $0.level) }
        return Assessment(id: id, at: status.now, rules: covered, note: note, updatedAt: updatedAt)
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Evaluates the escalation rules of shared/escalation-rules.md (version 2) against a journal.
public enum EscalationEngine {
    /// The status as of `now`, reading time in `timeZone` and writing it on `clock`. Pure: no I/O, no clock.
    ///
    /// Entries after `now` are ignored (and counted), so evaluating at a past instant gives the
    /// state as it was then.
    ///
    /// - Complexity: reads the current episode, the last 28 dates and the check-ins that gave
    ///   the standing answers (plus binary searches), not the whole history.
    public static func evaluate(_ journal: Journal, now: Date, timeZone: ZoneInfo, clock: Preferences.ClockStyle = .twentyFourHour) -> Status {
        let context = RuleContext(journal: journal, now: now, timeZone: timeZone, clock: clock)
        var flags = WarningSignRules.flags(context) + EpisodeRules.flags(context)
        if let recurring = RecurringPainRule.flag(context) { flags.append(recurring) }
        // doms-window stays quiet beside any flag at watch or above, assessed or not.
        if let doms = EpisodeRules.domsWindow(context, others: flags) { flags.append(doms) }
        flags = sorted(AssessmentCoverage.apply(flags, context))
        let future = (journal.checkIns.count - context.checkInEnd) + (journal.sessions.count - context.sessionEnd)
        return Status(now: context.now, level: level(of: flags), flags: flags, episode: context.episode, ignoredFutureEntries: future)
    }

    /// The status level: the highest level among flags not assessed; a covered flag at urgent or
    /// emergency holds it at watch at least.
    static func level(of flags: [RuleFlag]) -> Level {
        let counted = flags.filter { $0.assessedAt == nil }.map(\.level).max() ?? .none
        let coveredSerious = flags.contains { $0.assessedAt != nil && $0.level >= .urgent }
        return coveredSerious ? max(counted, .watch) : counted
    }

    /// Most urgent first; equal levels in the contract's rule order, so the output is stable.
    static func sorted(_ flags: [RuleFlag]) -> [RuleFlag] {
        let order = Dictionary(uniqueKeysWithValues: RuleID.allCases.enumerated().map { ($1, $0) })
        return flags.sorted {
            $0.level != $1.level ? $0.level > $1.level : (order[$0.rule] ?? 0) < (order[$1.rule] ?? 0)
        }
    }
}

import Foundation

/// Evaluates the escalation rules of shared/escalation-rules.md against a journal.
public enum EscalationEngine {
    /// The status as of `now`, reading time in `timeZone`. Pure: no I/O, no clock.
    ///
    /// Entries after `now` are ignored, so evaluating at a past instant gives the state as it was then.
    ///
    /// - Complexity: reads only the current episode and the last 7 days of check-ins (plus
    ///   binary searches), not the whole history.
    public static func evaluate(_ journal: Journal, now: Date, timeZone: TimeZone) -> Status {
        let context = RuleContext(journal: journal, now: now, timeZone: timeZone)
        let flags = sorted(SymptomRules.flags(context) + EpisodeRules.flags(context))
        let summary = context.episode.map {
            EpisodeSummary(onset: $0.onset, day: context.day, peak: $0.peak, latest: $0.latest, trigger: $0.trigger)
        }
        return Status(now: context.now, level: flags.map(\.level).max() ?? .none, flags: flags, episode: summary)
    }

    /// Most urgent first; equal levels in the contract's rule order, so the output is stable.
    static func sorted(_ flags: [Flag]) -> [Flag] {
        let order = Dictionary(uniqueKeysWithValues: RuleID.allCases.enumerated().map { ($1, $0) })
        return flags.sorted {
            $0.level != $1.level ? $0.level > $1.level : (order[$0.rule] ?? 0) < (order[$1.rule] ?? 0)
        }
    }
}

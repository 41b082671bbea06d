import Foundation

/// Evaluates the escalation rules of shared/escalation-rules.md against a journal.
public enum EscalationEngine {
    /// The status as of `now`, reading time in `timeZone`. Pure: no I/O, no clock.
    ///
    /// Placeholder until the engine lands on this branch: reports no flags and no episode.
    public static func evaluate(_ journal: Journal, now: Date, timeZone: TimeZone) -> Status {
        Status(now: Timestamp(now, in: timeZone), level: .none, flags: [], episode: nil)
    }
}

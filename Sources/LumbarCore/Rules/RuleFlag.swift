#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One raised flag: which rule, how urgent, what to do, what set it off, and where the rule comes from.
public struct RuleFlag: Hashable, Sendable {
    /// The rule that fired.
    public var rule: RuleID
    /// Its level.
    public var level: Level
    /// One line saying what was seen, in lumbar's words.
    public var headline: Phrase
    /// What to do at this level.
    public var action: Phrase
    /// The entries that set it off: their dates and what about them ("2026-03-05: pain 8").
    public var evidence: [Phrase]
    /// The dates of those entries.
    public var evidenceDates: [LocalDate]
    /// The window it concerns, if any.
    public var window: FlagWindow?
    /// The articles the rule rests on, the main one first.
    public var sources: [Article]
    /// When a clinician last assessed it (the latest covering assessment's time); `nil` when
    /// it is not covered. A covered flag does not count toward the status level.
    public var assessedAt: Timestamp?

    /// A flag.
    public init(
        rule: RuleID, level: Level, headline: Phrase, action: Phrase, evidence: [Phrase],
        evidenceDates: [LocalDate], window: FlagWindow?, sources: [Article], assessedAt: Timestamp? = nil
    ) {
        self.assessedAt = assessedAt
        self.rule = rule
        self.level = level
        self.headline = headline
        self.action = action
        self.evidence = evidence
        self.evidenceDates = evidenceDates
        self.window = window
        self.sources = sources
    }
}

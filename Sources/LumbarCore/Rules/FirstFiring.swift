#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// When a rule first fired over a run of days, and how far it went.
public struct FirstFiring: Hashable, Sendable {
    /// The rule.
    public var rule: RuleID
    /// The first day it fired.
    public var date: LocalDate
    /// Its level that day.
    public var level: Level
    /// The highest level it reached over the days looked at.
    public var highestLevel: Level

    /// A first firing.
    public init(rule: RuleID, date: LocalDate, level: Level, highestLevel: Level) {
        self.rule = rule
        self.date = date
        self.level = level
        self.highestLevel = highestLevel
    }
}

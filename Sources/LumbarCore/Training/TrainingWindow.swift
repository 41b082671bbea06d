#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The time windows and thresholds of the training rules (docs/training.md), in one place.
public enum TrainingWindow {
    /// Hours before a session in which the latest check-in is its "pain before".
    public static let painBeforeHours: Int64 = 24
    /// Hours after a session over which its "pain after" is the highest pain.
    public static let painAfterHours: Int64 = 24
    /// Points the pain after must exceed the pain before by for a session to have flared.
    public static let flarePoints = 2
    /// Hours after a sudden session during which the answer is rest.
    public static let suddenRestHours: Int64 = 48
    /// Hours a check-in's sharp-pain answer can make a session sudden (the contract's 48 h).
    public static let suddenSharpPainHours: Int64 = 48
    /// Hours after which the latest check-in is too old to stand for today's pain.
    public static let staleCheckInHours: Int64 = 24
    /// Real hours in the load week.
    public static let weekHours: Int64 = 168
    /// Weeks before the load week that make up the usual week.
    public static let usualWeeks: Int64 = 4
    /// Hours before an episode's onset in which a session counts as leading to it (the trigger window).
    public static let episodeLeadHours = Int64(Episode.triggerWindowHours)
    /// A week at least this many times the usual one is named in the answer and the episode counts,
    /// written as a fraction so that exactly 1.5 × counts.
    public static let heavyWeek = (numerator: 3, denominator: 2)
    /// The lowest pain that makes the answer rest.
    public static let restPain = PainScale.severe
    /// The rise in pain since before the latest session that makes the answer rest.
    public static let restRise = 2
    /// The local hour before which the next date's first check-in counts as "the next morning".
    public static let morningEndsAtHour = 12

    /// Milliseconds in `hours` real hours.
    static func milliseconds(hours: Int64) -> Int64 { hours * ChronologicalSearch.hour }
}

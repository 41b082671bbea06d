#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The result of evaluating the rules at one moment.
public struct Status: Hashable, Sendable {
    /// The evaluation time.
    public var now: Timestamp
    /// The highest level among the flags (`none` without flags).
    public var level: Level
    /// The flags, most urgent first.
    public var flags: [RuleFlag]
    /// The episode open at `now` (its peak and latest check-in as of now), or `nil` when none is.
    public var episode: Episode?
    /// How many check-ins and sessions have an `at` after now (ignored by every rule).
    public var ignoredFutureEntries: Int
    /// Calendar days from the open episode's onset date to now's date (onset day = 0), or `nil` without one.
    public var episodeDay: Int? { episode?.day(asOf: now.localDate) }
    /// The one line naming the signs that mean emergency care at once; every status carries it.
    public var safetyNet: String { Status.emergencyLine }

    /// The signs that mean emergency care at once, in lumbar's words, for every status at any level.
    public static let emergencyLine =
        "Get emergency care now (call the emergency number, or go to an emergency department) for: trouble passing urine or controlling your bladder or bowels; numbness or changed feeling around the genitals, back passage, buttocks or inner thighs; pain, numbness or weakness in both legs; chest pain; or back pain that began after a serious accident (a road crash, a fall from a height)."

    /// A status.
    public init(now: Timestamp, level: Level, flags: [RuleFlag], episode: Episode?, ignoredFutureEntries: Int = 0) {
        self.ignoredFutureEntries = ignoredFutureEntries
        self.now = now
        self.level = level
        self.flags = flags
        self.episode = episode
    }
}

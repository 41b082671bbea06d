#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The time window a flag concerns, with its boundaries.
public struct FlagWindow: Hashable, Sendable {
    /// What the window is measured from ("Mon 18:00 deadlift").
    public var start: Timestamp
    /// The boundary the flag is about, if any.
    public var end: Timestamp?
    /// The window in words, times in the user's zone: "72 h after Mon 18:00 deadlift = Thu 18:00".
    public var text: String

    /// A window.
    public init(start: Timestamp, end: Timestamp?, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

/// One raised flag: which rule, how urgent, what to do, what set it off, and where the rule comes from.
public struct Flag: Hashable, Sendable {
    /// The rule that fired.
    public var rule: RuleID
    /// Its level.
    public var level: Level
    /// One line saying what was seen, in lumbar's words.
    public var headline: String
    /// What to do at this level.
    public var action: String
    /// The entries that set it off: their dates and what about them ("2026-03-05: pain 8").
    public var evidence: [String]
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
    public init(rule: RuleID, level: Level, headline: String, action: String, evidence: [String],
                evidenceDates: [LocalDate], window: FlagWindow?, sources: [Article], assessedAt: Timestamp? = nil) {
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

/// The current episode as the rules see it.
public struct EpisodeSummary: Hashable, Sendable {
    /// The check-in that opened it.
    public var onset: CheckIn
    /// Calendar days from the onset date to now's local date (onset day = 0).
    public var day: Int
    /// The highest pain in the episode up to now.
    public var peak: Int
    /// The latest check-in of the episode up to now.
    public var latest: CheckIn
    /// The session the episode is traced to, fixed at onset; may be absent.
    public var trigger: Session?

    /// An episode summary.
    public init(onset: CheckIn, day: Int, peak: Int, latest: CheckIn, trigger: Session?) {
        self.onset = onset
        self.day = day
        self.peak = peak
        self.latest = latest
        self.trigger = trigger
    }
}

/// The result of evaluating the rules at one moment.
public struct Status: Hashable, Sendable {
    /// The evaluation time.
    public var now: Timestamp
    /// The highest level among the flags (`none` without flags).
    public var level: Level
    /// The flags, most urgent first.
    public var flags: [Flag]
    /// The current episode, or `nil` when none is open.
    public var episode: EpisodeSummary?
    /// How many check-ins and sessions have an `at` after now (ignored by every rule).
    public var ignoredFutureEntries: Int
    /// The one line naming the signs that mean emergency care at once; every status carries it.
    public var safetyNet: String { Status.emergencyLine }

    /// The signs that mean emergency care at once, in lumbar's words, for every status at any level.
    public static let emergencyLine = "Get emergency care now (call the emergency number, or go to an emergency department) for: trouble passing urine or controlling your bladder or bowels; numbness or changed feeling around the genitals, back passage, buttocks or inner thighs; pain, numbness or weakness in both legs; chest pain; or back pain that began after a serious accident (a road crash, a fall from a height)."

    /// A status.
    public init(now: Timestamp, level: Level, flags: [Flag], episode: EpisodeSummary?, ignoredFutureEntries: Int = 0) {
        self.ignoredFutureEntries = ignoredFutureEntries
        self.now = now
        self.level = level
        self.flags = flags
        self.episode = episode
    }
}

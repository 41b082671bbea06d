#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A moment the escalation rules measure an episode against, placed in time: the trigger
/// session, 72 h and 96 h after the episode's start, and days 14, 28 and 42 of the episode.
///
/// The one home of these marks: the rules, the status line, reports and the chart read the
/// numbers from here.
public struct EpisodeMark: Hashable, Sendable {
    /// Which moment.
    public enum Kind: Hashable, Sendable, CaseIterable {
        /// The session the episode is traced to.
        case trigger
        /// 72 h after the start: ordinary soreness has usually faded.
        case hours72
        /// 96 h after the start: severe pain now calls for an appointment.
        case hours96
        /// Day 14 of the episode: two weeks without improvement is worth a check.
        case day14
        /// Day 28 of the episode: four weeks.
        case day28
        /// Day 42 of the episode: six weeks, the mark for the risk-factor rule.
        case day42

        /// Hours after the episode's start, for the hour marks.
        public var hours: Int? {
            switch self {
            case .hours72: return EpisodeMark.sorenessHours
            case .hours96: return EpisodeMark.appointmentHours
            case .trigger, .day14, .day28, .day42: return nil
            }
        }

        /// The episode day (the onset date is day 0), for the day marks.
        public var day: Int? {
            switch self {
            case .day14: return EpisodeMark.twoWeeksDay
            case .day28: return EpisodeMark.fourWeeksDay
            case .day42: return EpisodeMark.sixWeeksDay
            case .trigger, .hours72, .hours96: return nil
            }
        }
    }

    /// Hours after the start by which ordinary soreness has faded (the contract's 72 h).
    public static let sorenessHours = 72
    /// Hours after the start from which severe pain calls for an appointment (the contract's 96 h).
    public static let appointmentHours = 96
    /// The episode day of the two-week mark.
    public static let twoWeeksDay = 14
    /// The episode day of the four-week mark.
    public static let fourWeeksDay = 28
    /// The episode day of the six-week mark.
    public static let sixWeeksDay = 42

    /// Which moment this is.
    public var kind: Kind
    /// When it falls, in the zone it was placed in.
    public var at: Timestamp

    /// A mark.
    public init(kind: Kind, at: Timestamp) {
        self.kind = kind
        self.at = at
    }
}

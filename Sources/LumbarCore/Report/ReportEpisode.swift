#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The episode a report is about: the most significant one overlapping its period.
public struct ReportEpisode: Hashable, Sendable {
    /// The check-in that opened it.
    public var onset: CheckIn
    /// The date it closed (the second of two pain-free days), `nil` while open.
    public var closeDate: LocalDate?
    /// Days from the onset date to the report's day (open) or to the close date (closed); onset day = 0.
    public var day: Int
    /// The highest pain in the episode.
    public var peak: Int
    /// The first check-in that reached the peak.
    public var peakCheckIn: CheckIn
    /// The episode's latest check-in.
    public var latest: CheckIn
    /// The session it is traced to, if any.
    public var trigger: Session?
    /// Its check-ins up to the report's time, in time order.
    public var checkIns: [CheckIn]
    /// The time marks the rules watch: trigger, 72 h and 96 h after it, days 14, 28 and 42.
    public var marks: [ReportMark]

    /// A report episode.
    public init(onset: CheckIn, closeDate: LocalDate?, day: Int, peak: Int, peakCheckIn: CheckIn, latest: CheckIn,
                trigger: Session?, checkIns: [CheckIn], marks: [ReportMark]) {
        self.onset = onset
        self.closeDate = closeDate
        self.day = day
        self.peak = peak
        self.peakCheckIn = peakCheckIn
        self.latest = latest
        self.trigger = trigger
        self.checkIns = checkIns
        self.marks = marks
    }

    /// Whether the episode was still open at the report's time.
    public var isOpen: Bool { closeDate == nil }

    /// How many check-ins it holds.
    public var checkInCount: Int { checkIns.count }

    /// The last check-in of the episode at or before `time`, if any.
    public func checkIn(atOrBefore time: Timestamp) -> CheckIn? {
        checkIns.last { $0.at <= time }
    }

    /// The marks of an episode with this onset and trigger, in time order.
    public static func windowMarks(onset: CheckIn, trigger: Session?, timeZone: ZoneInfo) -> [ReportMark] {
        var marks: [ReportMark] = []
        if let trigger {
            let start = trigger.at.converted(to: timeZone)
            marks.append(ReportMark(kind: .trigger, at: start))
            marks.append(ReportMark(kind: .hours72, at: start.adding(hours: 72).converted(to: timeZone)))
            marks.append(ReportMark(kind: .hours96, at: start.adding(hours: 96).converted(to: timeZone)))
        }
        marks.append(ReportMark(kind: .day14, at: onset.date.adding(days: 14).start(in: timeZone)))
        marks.append(ReportMark(kind: .day28, at: onset.date.adding(days: 28).start(in: timeZone)))
        marks.append(ReportMark(kind: .day42, at: onset.date.adding(days: 42).start(in: timeZone)))
        return marks.sorted { $0.at < $1.at }
    }
}

/// A moment the escalation rules measure from or to.
public struct ReportMark: Hashable, Sendable {
    /// Which moment.
    public enum Kind: Hashable, Sendable, CaseIterable {
        /// The session the episode is traced to.
        case trigger
        /// 72 h after the trigger: ordinary soreness has usually faded.
        case hours72
        /// 96 h after the trigger: severe pain now calls for an appointment.
        case hours96
        /// Day 14 of the episode: two weeks without improvement is worth a check.
        case day14
        /// Day 28 of the episode: four weeks.
        case day28
        /// Day 42 of the episode: six weeks, the mark for the risk-factor rule.
        case day42

        /// A short label for charts and lists ("72 h").
        public var label: String {
            switch self {
            case .trigger: return "session"
            case .hours72: return "72 h"
            case .hours96: return "96 h"
            case .day14: return "day 14"
            case .day28: return "day 28"
            case .day42: return "day 42"
            }
        }

        /// What the mark is, in words for a legend ("72 h after the trigger session").
        public var meaning: String {
            switch self {
            case .trigger: return "trigger session"
            case .hours72: return "72 h after the trigger session"
            case .hours96: return "96 h after the trigger session"
            case .day14: return "day 14 of the episode (2 weeks)"
            case .day28: return "day 28 of the episode (4 weeks)"
            case .day42: return "day 42 of the episode (6 weeks)"
            }
        }
    }

    /// Which moment this is.
    public var kind: Kind
    /// When it falls, in the report's zone.
    public var at: Timestamp

    /// A mark.
    public init(kind: Kind, at: Timestamp) {
        self.kind = kind
        self.at = at
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One episode of back pain found in the journal: from its onset until it closed, or still open.
///
/// The one episode type: the rules, the status (`Status.episode`), reports and training read it;
/// what they show of it (its day, marks, peak check-in) is computed from it.
public struct Episode: Hashable, Sendable {
    /// The check-in that opened it (the first with pain ≥ 1 while no episode was open).
    public var onset: CheckIn
    /// The date it counts as closed on: the second of two consecutive pain-free dates, or the
    /// last date before a silence; `nil` while it is open.
    public var closeDate: LocalDate?
    /// The highest pain among its check-ins.
    public var peak: Int
    /// Its last check-in.
    public var latest: CheckIn
    /// The session it is traced to: the latest one with `at` in [onset − 72 h, onset]; may be absent.
    public var trigger: Session?
    /// The positions of its check-ins in `journal.checkIns`, onset first.
    public var checkInRange: Range<Int>

    /// Hours before the onset in which a session can be the episode's trigger (the contract's 72 h).
    public static let triggerWindowHours = 72

    /// An episode.
    public init(onset: CheckIn, closeDate: LocalDate?, peak: Int, latest: CheckIn, trigger: Session?, checkInRange: Range<Int>) {
        self.onset = onset
        self.closeDate = closeDate
        self.peak = peak
        self.latest = latest
        self.trigger = trigger
        self.checkInRange = checkInRange
    }

    /// Whether the episode was still open at the time it was found.
    public var isOpen: Bool { closeDate == nil }

    /// The instant the rules measure hours from: the trigger's time, or the onset's without one.
    public var start: Timestamp { trigger?.at ?? onset.at }

    /// Calendar days from the onset date (day 0) to `date`, or to the close date once closed.
    public func day(asOf date: LocalDate) -> Int {
        onset.date.days(to: closeDate ?? date)
    }

    /// The first of `checkIns` (the episode's own) that reached the peak; the onset without one.
    public func peakCheckIn(among checkIns: [CheckIn]) -> CheckIn {
        checkIns.first { $0.pain == peak } ?? onset
    }

    /// Its marks in time order, placed in `timeZone`: the trigger (when there is one), the hour
    /// marks counted from `start`, and the day marks at the start of their dates.
    public func marks(in timeZone: ZoneInfo) -> [EpisodeMark] {
        var marks: [EpisodeMark] = []
        if let trigger { marks.append(EpisodeMark(kind: .trigger, at: trigger.at.converted(to: timeZone))) }
        for kind in EpisodeMark.Kind.allCases {
            if let hours = kind.hours {
                marks.append(EpisodeMark(kind: kind, at: start.adding(hours: Double(hours)).converted(to: timeZone)))
            } else if let day = kind.day {
                marks.append(EpisodeMark(kind: kind, at: onset.date.adding(days: day).start(in: timeZone)))
            }
        }
        return marks.sorted { $0.at < $1.at }
    }

    /// The first hour or day mark later than `now`, or `nil` when all have passed.
    public func nextMark(after now: Timestamp, in timeZone: ZoneInfo) -> EpisodeMark? {
        marks(in: timeZone).first { $0.kind != .trigger && $0.at > now }
    }
}

extension Episode {
    /// Two episodes are equal when they hold the same facts; where their check-ins sit in a
    /// journal is not one, so a status read from ten years of log equals one read from a month.
    /// Within one journal the same onset and latest check-in mean the same positions anyway.
    public static func == (lhs: Episode, rhs: Episode) -> Bool {
        lhs.onset == rhs.onset && lhs.closeDate == rhs.closeDate && lhs.peak == rhs.peak
            && lhs.latest == rhs.latest && lhs.trigger == rhs.trigger
    }

    /// Hashes the facts `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(onset)
        hasher.combine(closeDate)
        hasher.combine(peak)
        hasher.combine(latest)
        hasher.combine(trigger)
    }
}

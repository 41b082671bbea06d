#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The days a report covers and why lumbar chose them.
public struct ReportPeriod: Hashable, Sendable {
    /// Why a period was chosen.
    public enum Reason: Hashable, Sendable {
        /// The person gave the first day.
        case requested
        /// The most significant episode overlapping the look-back window: the period runs from its
        /// trigger session (or its onset, without one) to the last day.
        case episode(onset: LocalDate, trigger: Session?, peak: Int, days: Int, isOpen: Bool, clipped: Bool)
        /// No episode overlaps the look-back window, so the period is the last `days` days.
        case recentDays(Int)
    }

    /// The first day covered.
    public var first: LocalDate
    /// The last day covered.
    public var last: LocalDate
    /// Why these days.
    public var reason: Reason

    /// How far back the default period looks for an episode, in days (the last day included).
    public static let lookBackDays = 90
    /// How many days the default period covers when no episode overlaps the look-back window.
    public static let recentDays = 30

    /// A period.
    public init(first: LocalDate, last: LocalDate, reason: Reason) {
        self.first = first
        self.last = last
        self.reason = reason
    }

    /// The period lumbar chooses for a report ending on `last`: from the start of the most
    /// significant episode overlapping the 90 days up to `last` — its trigger session's day, or its
    /// onset — else the last 30 days. Never longer than `Report.maximumDays`.
    public static func standard(through last: LocalDate, journal: Journal, now: Date, timeZone: ZoneInfo) -> ReportPeriod {
        let end = last.end(in: timeZone).date
        let asOf = end < now ? end : now
        let windowStart = last.adding(days: -(lookBackDays - 1))
        let asOfDate = LocalDate(instant: asOf, in: timeZone)
        let overlapping = EpisodeTracker.episodes(in: journal, upTo: asOf, timeZone: timeZone).filter {
            $0.onset.date <= last && ($0.closeDate ?? asOfDate) >= windowStart
        }
        guard let main = mostSignificant(overlapping, asOf: asOfDate) else {
            return ReportPeriod(first: last.adding(days: -(recentDays - 1)), last: last, reason: .recentDays(recentDays))
        }
        let start = main.trigger.map { $0.at.converted(to: timeZone).localDate } ?? main.onset.date
        let earliest = last.adding(days: -(Report.maximumDays - 1))
        return ReportPeriod(
            first: max(start, earliest), last: last,
            reason: .episode(
                onset: main.onset.date, trigger: main.trigger, peak: main.peak,
                days: main.day(asOf: asOfDate), isOpen: main.isOpen,
                clipped: start < earliest))
    }

    /// The episode a report is about: the highest peak, ties going to the longest, then to the latest.
    public static func mostSignificant(_ episodes: [Episode], asOf: LocalDate) -> Episode? {
        var best: Episode?
        for episode in episodes {
            guard let current = best else { best = episode; continue }
            let candidate = (episode.peak, episode.day(asOf: asOf))
            let known = (current.peak, current.day(asOf: asOf))
            if candidate >= known { best = episode }
        }
        return best
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds episodes in a journal: all of them (for charts and reports), the recent ones, or the one open now.
///
/// An open episode closes on the second of two consecutive pain-free dates, or after a silence:
/// a pain-free date followed by 7 or more dates without a check-in, or a date with pain ≤ 3
/// followed by 14 or more such dates when the next check-in comes within 72 h after a new session.
/// A date is judged on its check-ins up to now, so a painful check-in later that date undoes a close.
public enum EpisodeTracker {
    /// Every episode among the check-ins up to `now`, oldest first; the last one may be open.
    ///
    /// - Complexity: O(n) in the check-ins up to `now`.
    public static func episodes(in journal: Journal, upTo now: Date, timeZone: ZoneInfo) -> [Episode] {
        let end = ChronologicalSearch.end(of: journal.checkIns, upTo: ChronologicalSearch.milliseconds(of: now), by: \.at)
        return scan(journal, from: 0, to: end, today: LocalDate(instant: now, in: timeZone))
    }

    /// The episode open at `now`, or `nil` when none is.
    ///
    /// - Complexity: proportional to the current episode and the dates just before it, plus
    ///   O(log n) to find `now`.
    public static func currentEpisode(in journal: Journal, at now: Date, timeZone: ZoneInfo) -> Episode? {
        recentEpisodes(in: journal, upTo: now, timeZone: timeZone, coveringFrom: .max).last.flatMap { $0.isOpen ? $0 : nil }
    }

    /// Every episode up to `now`, reading now's date at the offset of the latest check-in up to
    /// then (the zone the person last logged in); for callers without a time zone at hand.
    public static func episodes(in journal: Journal, upTo now: Date) -> [Episode] {
        episodes(in: journal, upTo: now, timeZone: loggingZone(of: journal, at: now))
    }

    /// The episode open at `now`, reading now's date at the offset of the latest check-in up to then.
    public static func currentEpisode(in journal: Journal, at now: Date) -> Episode? {
        currentEpisode(in: journal, at: now, timeZone: loggingZone(of: journal, at: now))
    }

    /// A fixed zone at the offset of the latest check-in up to `now` (UTC without one).
    static func loggingZone(of journal: Journal, at now: Date) -> ZoneInfo {
        let end = ChronologicalSearch.end(of: journal.checkIns, upTo: ChronologicalSearch.milliseconds(of: now), by: \.at)
        let offset = end > 0 ? journal.checkIns[end - 1].at.utcOffsetSeconds : 0
        return ZoneInfo(secondsFromGMT: offset) ?? ZoneInfo(identifier: "UTC") ?? .current
    }

    /// The episodes that hold the check-ins from index `limit` to now (and perhaps some before),
    /// found by scanning forward from the latest point before `limit` where no episode can be open.
    static func recentEpisodes(in journal: Journal, upTo now: Date, timeZone: ZoneInfo, coveringFrom limit: Int) -> [Episode] {
        let end = ChronologicalSearch.end(of: journal.checkIns, upTo: ChronologicalSearch.milliseconds(of: now), by: \.at)
        let today = LocalDate(instant: now, in: timeZone)
        let start = safeStart(journal, before: min(limit, end), end: end, today: today)
        return scan(journal, from: start, to: end, today: today)
    }

    /// The session an episode starting at `onset` is traced to: the latest one with `at` in
    /// [onset − 72 h, onset], ties going to the one logged last; `nil` when there is none.
    ///
    /// - Complexity: O(log n) in the sessions.
    public static func trigger(forOnsetAt onset: Timestamp, in sessions: [Session]) -> Session? {
        let end = ChronologicalSearch.end(of: sessions, upTo: onset.epochMilliseconds, by: \.at)
        guard end > 0 else { return nil }
        let candidate = sessions[end - 1]
        return candidate.at.epochMilliseconds >= onset.epochMilliseconds - Int64(Episode.triggerWindowHours) * ChronologicalSearch.hour
            ? candidate : nil
    }

    /// The check-ins of one local date, as the tracker reads them.
    struct DateGroup {
        /// The date.
        var date: LocalDate
        /// Its check-ins' positions.
        var range: Range<Int>
        /// Its highest pain.
        var highest: Int

        /// Whether every check-in of the date has pain 0.
        var isPainFree: Bool { highest == 0 }
    }

    /// The date group of consecutive check-ins starting at `index`.
    static func group(_ checkIns: [CheckIn], startingAt index: Int, end: Int) -> DateGroup {
        let date = checkIns[index].date
        var highest = 0
        var next = index
        while next < end, checkIns[next].date == date {
            highest = max(highest, checkIns[next].pain)
            next += 1
        }
        return DateGroup(date: date, range: index..<next, highest: highest)
    }

    /// The date group of consecutive check-ins ending just before `index`.
    static func group(_ checkIns: [CheckIn], endingBefore index: Int) -> DateGroup {
        let date = checkIns[index - 1].date
        var highest = 0
        var first = index
        while first > 0, checkIns[first - 1].date == date {
            first -= 1
            highest = max(highest, checkIns[first].pain)
        }
        return DateGroup(date: date, range: first..<index, highest: highest)
    }

    /// Whether a silence after `last` (the episode's last date so far) closes it, given the next
    /// check-in `next`, or now's date `today` when none came.
    static func silenceCloses(after last: DateGroup, next: CheckIn?, today: LocalDate, journal: Journal) -> Bool {
        let nextDate = next?.date ?? today
        let gap = last.date.days(to: nextDate)
        if last.isPainFree, gap >= 7 { return true }
        // Mild pain then two silent weeks: closed only when new pain follows new exercise.
        guard let next, last.highest <= 3, gap >= 14 else { return false }
        let sessions = journal.sessions
        let before = ChronologicalSearch.end(of: sessions, upTo: next.at.epochMilliseconds, by: \.at)
        guard before > 0 else { return false }
        let session = sessions[before - 1]
        let lastAt = journal.checkIns[last.range.upperBound - 1].at.epochMilliseconds
        return session.at.epochMilliseconds >= next.at.epochMilliseconds - Int64(Episode.triggerWindowHours) * ChronologicalSearch.hour
            && session.at.epochMilliseconds > lastAt
    }

    /// The latest index ≤ `limit` after which no episode can be open, whatever came before it.
    static func safeStart(_ journal: Journal, before limit: Int, end: Int, today: LocalDate) -> Int {
        let checkIns = journal.checkIns
        var next: DateGroup?
        var index = end
        while index > 0 {
            let current = group(checkIns, endingBefore: index)
            if let next {
                if current.isPainFree, next.isPainFree, current.date.adding(days: 1) == next.date,
                    next.range.upperBound <= limit
                {
                    return next.range.upperBound
                }
                if current.range.upperBound <= limit,
                    silenceCloses(after: current, next: checkIns[next.range.lowerBound], today: today, journal: journal)
                {
                    return current.range.upperBound
                }
            } else if current.range.upperBound <= limit,
                silenceCloses(after: current, next: nil, today: today, journal: journal)
            {
                return current.range.upperBound
            }
            next = current
            index = current.range.lowerBound
        }
        return 0
    }

    /// The episodes among `journal.checkIns[from..<end]`, where no episode is open at `from`.
    static func scan(_ journal: Journal, from: Int, to end: Int, today: LocalDate) -> [Episode] {
        let checkIns = journal.checkIns
        var episodes: [Episode] = []
        var onset: Int?
        var last: DateGroup?
        var index = from
        while index < end {
            let current = group(checkIns, startingAt: index, end: end)
            if let start = onset, let previous = last,
                silenceCloses(after: previous, next: checkIns[index], today: today, journal: journal)
            {
                episodes.append(episode(journal, start..<previous.range.upperBound, closeDate: previous.date))
                onset = nil
            }
            if let start = onset {
                if current.isPainFree, let previous = last, previous.isPainFree, previous.date.adding(days: 1) == current.date {
                    episodes.append(episode(journal, start..<current.range.upperBound, closeDate: current.date))
                    onset = nil
                    last = nil
                } else {
                    last = current
                }
            } else if let first = current.range.first(where: { checkIns[$0].pain >= 1 }) {
                onset = first
                last = current
            }
            index = current.range.upperBound
        }
        if let start = onset, let previous = last {
            if silenceCloses(after: previous, next: nil, today: today, journal: journal) {
                episodes.append(episode(journal, start..<previous.range.upperBound, closeDate: previous.date))
            } else {
                episodes.append(episode(journal, start..<end, closeDate: nil))
            }
        }
        return episodes
    }

    /// An episode over `range` of the journal's check-ins.
    static func episode(_ journal: Journal, _ range: Range<Int>, closeDate: LocalDate?) -> Episode {
        let checkIns = journal.checkIns
        let onset = checkIns[range.lowerBound]
        var peak = 0
        for index in range { peak = max(peak, checkIns[index].pain) }
        return Episode(
            onset: onset, closeDate: closeDate, peak: peak, latest: checkIns[range.upperBound - 1],
            trigger: trigger(forOnsetAt: onset.at, in: journal.sessions), checkInRange: range)
    }
}

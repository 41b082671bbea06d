import Foundation

/// Finds episodes in a journal: all of them (for charts and reports), or just the one open now.
///
/// A date is pain-free when it has check-ins up to now and all of them have pain 0. An open
/// episode closes at the first check-in of the second of two consecutive pain-free dates;
/// a painful check-in later that date makes the date painful, so the close never happened.
/// Check-in dates are taken to be the local date of `at` (the command line guarantees it).
public enum EpisodeTracker {
    /// Every episode among the check-ins up to `now`, oldest first; the last one may be open.
    ///
    /// - Complexity: O(n) in the check-ins up to `now`.
    public static func episodes(in journal: Journal, upTo now: Date) -> [Episode] {
        let checkIns = journal.checkIns
        let end = TimeOrder.end(of: checkIns, upTo: TimeOrder.milliseconds(of: now), by: \.at)
        var highestPain: [Int: Int] = [:]
        for checkIn in checkIns[..<end] {
            highestPain[checkIn.date.dayNumber] = max(highestPain[checkIn.date.dayNumber] ?? 0, checkIn.pain)
        }
        var episodes: [Episode] = []
        var onset: Int?
        for index in 0..<end {
            let checkIn = checkIns[index]
            if let start = onset {
                let day = checkIn.date.dayNumber
                if highestPain[day] == 0, highestPain[day - 1] == 0 {
                    episodes.append(episode(checkIns, start..<(index + 1), closeDate: checkIn.date, sessions: journal.sessions))
                    onset = nil
                }
            } else if checkIn.pain >= 1 {
                onset = index
            }
        }
        if let start = onset {
            episodes.append(episode(checkIns, start..<end, closeDate: nil, sessions: journal.sessions))
        }
        return episodes
    }

    /// The episode open at `now`, or `nil` when none is.
    ///
    /// Scans back from `now` to the most recent pair of consecutive pain-free dates and takes the
    /// first painful check-in after it as the onset, so the history before that is never read.
    ///
    /// - Complexity: proportional to the current episode plus the check-ins of the 36 hours
    ///   before its closing pair, and O(log n) to find `now`.
    public static func currentEpisode(in journal: Journal, at now: Date) -> Episode? {
        let checkIns = journal.checkIns
        let end = TimeOrder.end(of: checkIns, upTo: TimeOrder.milliseconds(of: now), by: \.at)
        guard let start = currentOnsetIndex(in: checkIns, end: end) else { return nil }
        return episode(checkIns, start..<end, closeDate: nil, sessions: journal.sessions)
    }

    /// The session an episode starting at `onset` is traced to: the latest one with `at` in
    /// [onset − 72 h, onset], ties going to the one logged last; `nil` when there is none.
    ///
    /// - Complexity: O(log n) in the sessions.
    public static func trigger(forOnsetAt onset: Timestamp, in sessions: [Session]) -> Session? {
        let end = TimeOrder.end(of: sessions, upTo: onset.epochMilliseconds, by: \.at)
        guard end > 0 else { return nil }
        let candidate = sessions[end - 1]
        return candidate.at.epochMilliseconds >= onset.epochMilliseconds - 72 * TimeOrder.hour ? candidate : nil
    }

    /// An episode over `range` of `checkIns`.
    static func episode(_ checkIns: [CheckIn], _ range: Range<Int>, closeDate: LocalDate?, sessions: [Session]) -> Episode {
        let onset = checkIns[range.lowerBound]
        var peak = 0
        for index in range { peak = max(peak, checkIns[index].pain) }
        return Episode(onset: onset, closeDate: closeDate, peak: peak, latest: checkIns[range.upperBound - 1],
                       trigger: trigger(forOnsetAt: onset.at, in: sessions), checkInRange: range)
    }

    /// Hours of slack between an instant and the start of its local date: time zones reach
    /// UTC+14, so no check-in dated D has `at` more than 14 h before D 00:00 UTC; 36 is generous.
    static let dateSlack: Int64 = 36 * TimeOrder.hour

    /// The index of the current episode's onset among `checkIns[0..<end]`, or `nil`.
    static func currentOnsetIndex(in checkIns: [CheckIn], end: Int) -> Int? {
        guard end > 0 else { return nil }
        var highestPain: [Int: Int] = [:]
        var firstIndex: [Int: Int] = [:]
        var earliestDay = Int.max
        // Candidate second day of a closing pair, walked down one date at a time. Starting two
        // days past the last check-in covers a date that an earlier check-in logged further east could carry.
        var secondDay = checkIns[end - 1].date.dayNumber + 2
        var index = end - 1
        while true {
            let unscannedLatest: Int64? = index >= 0 ? checkIns[index].at.epochMilliseconds : nil
            // A pair can be judged once no unscanned check-in can still belong to its first date.
            while unscannedLatest.map({ $0 < Int64(secondDay - 1) * 86_400_000 - dateSlack }) ?? true {
                if highestPain[secondDay - 1] == 0, highestPain[secondDay] == 0, let closing = firstIndex[secondDay] {
                    return firstPainfulIndex(in: checkIns, from: closing + 1, to: end)
                }
                secondDay -= 1
                if unscannedLatest == nil, secondDay - 1 < earliestDay {
                    return firstPainfulIndex(in: checkIns, from: 0, to: end)
                }
            }
            let checkIn = checkIns[index]
            let day = checkIn.date.dayNumber
            highestPain[day] = max(highestPain[day] ?? 0, checkIn.pain)
            firstIndex[day] = index
            earliestDay = min(earliestDay, day)
            index -= 1
        }
    }

    /// The first index in `from..<to` with pain ≥ 1.
    private static func firstPainfulIndex(in checkIns: [CheckIn], from: Int, to: Int) -> Int? {
        var index = from
        while index < to {
            if checkIns[index].pain >= 1 { return index }
            index += 1
        }
        return nil
    }
}

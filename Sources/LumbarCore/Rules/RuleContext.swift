#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the rules read at one moment: now, the standing answers, the recent episodes and the last dates.
///
/// Built with binary searches and short scans, so it touches only the current episode, the last
/// 28 dates and the check-ins that gave the standing answers, however long the journal is.
struct RuleContext {
    /// The journal being read (entries after now are never looked at).
    let journal: Journal
    /// The evaluation time, with the user's offset at that instant.
    let now: Timestamp
    /// Now's local date in the user's zone.
    let today: LocalDate
    /// The user's time zone, for every time shown.
    let timeZone: ZoneInfo
    /// How the flags' texts write clock times.
    let clock: Preferences.ClockStyle
    /// Now − 168 h: the start of "the 7 days up to now".
    let weekStart: Int64
    /// The number of check-ins with `at` ≤ now (they are `journal.checkIns[..<checkInEnd]`).
    let checkInEnd: Int
    /// The number of sessions with `at` ≤ now.
    let sessionEnd: Int
    /// The standing answer to each warning-sign question that has one.
    let answers: [Symptom: StandingAnswer]
    /// The episodes that hold the check-ins of the last 28 dates, oldest first.
    let recentEpisodes: [Episode]
    /// The episode open at now, if any.
    let episode: Episode?
    /// The highest pain of each date (by day number) among the check-ins near the last 28 dates
    /// and near the latest check-in of the episode.
    let highestPain: [Int: Int]

    /// The first of the 28 dates that `recurring-pain` reads.
    var windowStart: LocalDate { today.adding(days: -27) }

    /// The context for `journal` as of `now` in `timeZone`.
    init(journal: Journal, now date: Date, timeZone: ZoneInfo, clock: Preferences.ClockStyle = .twentyFourHour) {
        self.clock = clock
        let milliseconds = ChronologicalSearch.milliseconds(of: date)
        self.journal = journal
        self.timeZone = timeZone
        now = Timestamp(epochMilliseconds: milliseconds, utcOffsetSeconds: timeZone.secondsFromGMT(for: date))
        today = now.localDate
        weekStart = milliseconds - 168 * ChronologicalSearch.hour
        let checkIns = journal.checkIns
        checkInEnd = ChronologicalSearch.end(of: checkIns, upTo: milliseconds, by: \.at)
        sessionEnd = ChronologicalSearch.end(of: journal.sessions, upTo: milliseconds, by: \.at)
        answers = StandingAnswer.all(in: journal, at: date)
        // Eight dates before the window, so training soreness can look back 7 dates from its first date.
        let firstDate = today.adding(days: -35)
        let firstIndex = ChronologicalSearch.start(of: checkIns, from: firstDate.start(in: timeZone).epochMilliseconds - Self.dateSlack, by: \.at)
        recentEpisodes = EpisodeTracker.recentEpisodes(in: journal, upTo: date, timeZone: timeZone, coveringFrom: firstIndex)
        let open = recentEpisodes.last.flatMap { $0.isOpen ? $0 : nil }
        episode = open
        var highest = Self.highestPain(checkIns, from: firstDate, through: today, end: checkInEnd, timeZone: timeZone)
        if let latest = open?.latest, latest.date < firstDate.adding(days: 8) {
            let older = Self.highestPain(checkIns, from: latest.date.adding(days: -7), through: latest.date, end: checkInEnd, timeZone: timeZone)
            highest.merge(older) { max($0, $1) }
        }
        highestPain = highest
    }

    /// Hours of slack between an instant and its stored local date: zones reach ±14 h, and a
    /// check-in keeps the date of the zone it was logged in.
    static let dateSlack: Int64 = 36 * ChronologicalSearch.hour

    /// The highest pain of each date in `first...last` among the check-ins before `end`.
    static func highestPain(
        _ checkIns: [CheckIn], from first: LocalDate, through last: LocalDate, end: Int,
        timeZone: ZoneInfo
    ) -> [Int: Int] {
        var result: [Int: Int] = [:]
        var index = ChronologicalSearch.start(of: checkIns, from: first.start(in: timeZone).epochMilliseconds - dateSlack, by: \.at)
        let stop = last.end(in: timeZone).epochMilliseconds + dateSlack
        while index < end, checkIns[index].at.epochMilliseconds <= stop {
            let checkIn = checkIns[index]
            if checkIn.date >= first, checkIn.date <= last {
                result[checkIn.date.dayNumber] = max(result[checkIn.date.dayNumber] ?? 0, checkIn.pain)
            }
            index += 1
        }
        return result
    }

    /// The check-ins of the current episode, onset first (empty without one).
    var episodeCheckIns: ArraySlice<CheckIn> {
        guard let episode else { return [] }
        return journal.checkIns[episode.checkInRange]
    }

    /// The sessions with `at` in `[from, through]` (milliseconds), never after now.
    func sessions(from: Int64, through: Int64) -> ArraySlice<Session> {
        let sessions = journal.sessions[..<sessionEnd]
        let lower = ChronologicalSearch.start(of: sessions, from: from, by: \.at)
        let upper = ChronologicalSearch.end(of: sessions, upTo: through, by: \.at)
        return sessions[lower..<max(lower, upper)]
    }

    /// The check-ins with `at` in `[from, through]` (milliseconds), never after now.
    func checkIns(from: Int64, through: Int64) -> ArraySlice<CheckIn> {
        let checkIns = journal.checkIns[..<checkInEnd]
        let lower = ChronologicalSearch.start(of: checkIns, from: from, by: \.at)
        let upper = ChronologicalSearch.end(of: checkIns, upTo: through, by: \.at)
        return checkIns[lower..<max(lower, upper)]
    }

    /// Whether `session` is sudden: marked sudden pain, or followed within 48 h by a check-in
    /// that answers sharp pain yes (judged on the journal up to now).
    func isSudden(_ session: Session) -> Bool {
        if session.suddenPain { return true }
        let from = session.at.epochMilliseconds
        return checkIns(from: from, through: from + 48 * ChronologicalSearch.hour).contains { $0.has(.sharpPain) }
    }

    /// Whether `checkIn` is training soreness: pain ≤ 3, no warning sign answered yes by it,
    /// within 72 h after a session and after no sudden one, and a pain-free date among the 7
    /// dates before its own.
    func isTrainingSoreness(_ checkIn: CheckIn) -> Bool {
        guard checkIn.pain <= 3, !checkIn.symptoms.contains(where: \.isWarningSign) else { return false }
        let at = checkIn.at.epochMilliseconds
        let recent = sessions(from: at - Int64(EpisodeMark.sorenessHours) * ChronologicalSearch.hour, through: at)
        guard !recent.isEmpty, !recent.contains(where: isSudden) else { return false }
        return (1...7).contains { highestPain[checkIn.date.adding(days: -$0).dayNumber] == 0 }
    }

    /// Whether the current episode's latest check-in is training soreness (it silences the duration rules).
    var latestIsTrainingSoreness: Bool { episode.map { isTrainingSoreness($0.latest) } ?? false }

    /// Whether the standing answer to `symptom` is yes.
    func standsYes(_ symptom: Symptom) -> Bool { answers[symptom]?.isYes == true }

    /// Calendar days from the onset date to today (0 without an episode).
    var day: Int { episode.map { $0.onset.date.days(to: today) } ?? 0 }

    /// `time` seen in the user's zone.
    func local(_ time: Timestamp) -> Timestamp { time.converted(to: timeZone) }

    /// "Mon 18:00" when within a week of now, else "Mon 2 Mar 18:00".
    func text(_ time: Timestamp) -> Phrase { "\(near: time, reference: now, in: timeZone, clock: clock)" }

    /// "Mon 2 Mar 18:00", for windows a week long, where a bare weekday would repeat.
    func dateText(_ time: Timestamp) -> Phrase { "\(dateTime: time, in: timeZone, clock: clock)" }

    /// "Mon 18:00 deadlift".
    func text(_ session: Session) -> Phrase { "\(text(session.at)) \(session.kindName)" }

    /// "72 h after Mon 18:00 deadlift = Thu 18:00".
    func hoursText(_ hours: Int, after session: Session) -> Phrase {
        "\(hours) h after \(text(session)) = \(text(session.at.adding(hours: Double(hours))))"
    }

    /// "day 14 since Tue 3 Mar = Tue 17 Mar".
    func dayText(_ day: Int, since onset: LocalDate) -> Phrase {
        "day \(day) since \(date: onset) = \(date: onset.adding(days: day))"
    }

    /// The window from `session` to `hours` later.
    func hoursWindow(_ hours: Int, after session: Session, text extra: Phrase = "") -> FlagWindow {
        FlagWindow(
            start: local(session.at), end: local(session.at.adding(hours: Double(hours))),
            text: hoursText(hours, after: session) + extra)
    }

    /// The window from the onset to the start of day `day`.
    func dayWindow(_ day: Int, onset: CheckIn, text extra: Phrase = "") -> FlagWindow {
        FlagWindow(
            start: local(onset.at), end: onset.date.adding(days: day).start(in: timeZone),
            text: dayText(day, since: onset.date) + extra)
    }
}

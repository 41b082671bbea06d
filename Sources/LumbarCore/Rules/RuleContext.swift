import Foundation

/// What the rules read at one moment: now, the last 7 days of check-ins, and the current episode.
///
/// Built with binary searches and one backward scan, so it touches only the current episode
/// and the last week, however long the journal is.
struct RuleContext {
    /// The journal being read (entries after now are never looked at).
    let journal: Journal
    /// The evaluation time, with the user's offset at that instant.
    let now: Timestamp
    /// Now's local date in the user's zone.
    let today: LocalDate
    /// The user's time zone, for every time shown.
    let timeZone: TimeZone
    /// Now − 168 h: the start of "the 7 days up to now".
    let weekStart: Int64
    /// Check-ins with `at` in [now − 168 h, now].
    let recentCheckIns: ArraySlice<CheckIn>
    /// The episode open at now, if any.
    let episode: Episode?

    /// The context for `journal` as of `now` in `timeZone`.
    init(journal: Journal, now date: Date, timeZone: TimeZone) {
        let milliseconds = TimeOrder.milliseconds(of: date)
        self.journal = journal
        self.timeZone = timeZone
        now = Timestamp(epochMilliseconds: milliseconds, utcOffsetSeconds: timeZone.secondsFromGMT(for: date))
        today = now.localDate
        weekStart = milliseconds - 168 * TimeOrder.hour
        let checkIns = journal.checkIns
        let end = TimeOrder.end(of: checkIns, upTo: milliseconds, by: \.at)
        let start = TimeOrder.start(of: checkIns, from: weekStart, by: \.at)
        recentCheckIns = checkIns[min(start, end)..<end]
        episode = EpisodeTracker.currentEpisode(in: journal, at: date)
    }

    /// The check-ins of the current episode, onset first (empty without one).
    var episodeCheckIns: ArraySlice<CheckIn> {
        guard let episode else { return [] }
        return journal.checkIns[episode.checkInRange]
    }

    /// Calendar days from the onset date to today (0 without an episode).
    var day: Int { episode.map { $0.onset.date.days(to: today) } ?? 0 }

    /// `time` seen in the user's zone.
    func local(_ time: Timestamp) -> Timestamp { time.converted(to: timeZone) }

    /// "Mon 18:00" when within a week of now, else "Mon 2 Mar 18:00".
    func text(_ time: Timestamp) -> String { TimeText.near(time, reference: now, in: timeZone) }

    /// "Mon 2 Mar 18:00", for windows a week long, where a bare weekday would repeat.
    func dateText(_ time: Timestamp) -> String { TimeText.dateTime(time, in: timeZone) }

    /// "Mon 18:00 deadlift".
    func text(_ session: Session) -> String { text(session.at) + " " + TimeText.kind(of: session) }

    /// "72 h after Mon 18:00 deadlift = Thu 18:00".
    func hoursText(_ hours: Int, after session: Session) -> String {
        "\(hours) h after \(text(session)) = \(text(session.at.adding(hours: Double(hours))))"
    }

    /// "day 14 since Tue 3 Mar = Tue 17 Mar".
    func dayText(_ day: Int, since onset: LocalDate) -> String {
        "day \(day) since \(onset.shortDescription) = \(onset.adding(days: day).shortDescription)"
    }

    /// The window from `session` to `hours` later.
    func hoursWindow(_ hours: Int, after session: Session, text extra: String = "") -> FlagWindow {
        FlagWindow(start: local(session.at), end: local(session.at.adding(hours: Double(hours))),
                   text: hoursText(hours, after: session) + extra)
    }

    /// The window from the onset to the start of day `day`.
    func dayWindow(_ day: Int, onset: CheckIn, text extra: String = "") -> FlagWindow {
        FlagWindow(start: local(onset.at), end: onset.date.adding(days: day).start(in: timeZone),
                   text: dayText(day, since: onset.date) + extra)
    }
}

/// The evidence of one flag: readable lines with dates, and the dates themselves.
///
/// An entry named twice (the onset that is also the peak) gets one line with both details.
struct EvidenceList {
    private var entries: [(key: String, head: String, details: [String])] = []
    /// The dates of the entries, without repeats, oldest first.
    private(set) var dates: [LocalDate] = []

    /// "2026-03-05: pain 8, numbness", one per entry, in the order first added.
    var lines: [String] { entries.map { ([$0.head] + $0.details).joined(separator: ", ") } }

    /// Adds a check-in, with what about it matters.
    mutating func add(_ checkIn: CheckIn, _ details: [String] = []) {
        add(key: checkIn.id.uuidString, head: checkIn.date.description + ": pain \(checkIn.pain)", details: details, date: checkIn.date)
    }

    /// Adds a session, with what about it matters.
    mutating func add(_ session: Session, in timeZone: TimeZone, _ details: [String] = []) {
        let local = session.at.converted(to: timeZone)
        add(key: session.id.uuidString, head: "\(local.localDate): \(TimeText.kind(of: session)) at \(local.clockTime)",
            details: details, date: local.localDate)
    }

    /// Adds a line about something without a date of its own (the profile).
    mutating func add(line: String) {
        add(key: line, head: line, details: [], date: nil)
    }

    private mutating func add(key: String, head: String, details: [String], date: LocalDate?) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            for detail in details where !entries[index].details.contains(detail) { entries[index].details.append(detail) }
        } else {
            entries.append((key, head, details))
        }
        if let date, !dates.contains(date) {
            dates.append(date)
            dates.sort()
        }
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a clinician needs from the log: on the first page who, which episode, how it evolved,
/// what was ruled out, the flags, assessments and self-care; then the days, sessions and notes.
///
/// Built by a pure function of the journal, the period, now and the time zone; the renderers
/// (`MarkdownReport`, `HTMLReport`) only lay it out.
public struct Report: Hashable, Sendable {
    /// The first day covered.
    public var firstDay: LocalDate
    /// The last day covered (never after the day of `generatedAt`).
    public var lastDay: LocalDate
    /// Why the period was chosen.
    public var reason: ReportPeriod.Reason
    /// When the report was made, in the report's zone.
    public var generatedAt: Timestamp
    /// The moment the status and the episode are read at: the end of `lastDay`, or `generatedAt` if sooner.
    public var asOf: Timestamp
    /// The zone every time is shown in.
    public var timeZone: ZoneInfo
    /// The person's profile (birth year and history).
    public var profile: Profile
    /// The status at `asOf`.
    public var status: Status
    /// The most significant episode overlapping the period (highest peak, then longest, then latest),
    /// as found at `asOf`; `nil` when none does.
    public var episode: Episode?
    /// The episode's check-ins up to `asOf`, in time order (empty without an episode).
    public var episodeCheckIns: [CheckIn]
    /// Every day of the period, oldest first.
    public var days: [ReportDay]
    /// The flags raised on some day of the period, most urgent first.
    public var flags: [ReportFlag]
    /// How each warning-sign question was answered over the period, in asking order.
    public var warningSigns: [WarningSignAnswer]
    /// The self-care actions logged in the period.
    public var care: [CareSummary]
    /// The clinicians' assessments recorded in the period, in time order.
    public var assessments: [Assessment]
    /// The sessions of the period, in time order.
    public var sessions: [Session]
    /// The notes of the period's check-ins and sessions, in time order.
    public var notes: [ReportNote]

    /// The longest period a report covers, in days.
    public static let maximumDays = 366

    /// The report on `period` of `journal` (cut at the day of `now`), as of `now`.
    public init(journal: Journal, period: ReportPeriod, now: Date, timeZone: ZoneInfo) {
        self.init(journal: journal, from: period.first, through: period.last, now: now, timeZone: timeZone, reason: period.reason)
    }

    /// The report on `journal` from `first` through `last` (cut at the day of `now`), as of `now`.
    ///
    /// Entries after `now` are left out, as everywhere else in lumbar. Each day's level and the
    /// flags come from evaluating the rules at the end of every day of the period.
    public init(
        journal: Journal, from first: LocalDate, through last: LocalDate, now: Date, timeZone: ZoneInfo,
        reason: ReportPeriod.Reason = .requested
    ) {
        let today = LocalDate(instant: now, in: timeZone)
        let lastDay = min(last, today)
        let generatedAt = Timestamp(now, in: timeZone)
        let endOfPeriod = lastDay.end(in: timeZone)
        let asOf = endOfPeriod < generatedAt ? endOfPeriod : generatedAt
        let daily = Report.daily(journal, from: first, through: lastDay, now: now, timeZone: timeZone)

        let checkIns = journal.checkIns.filter { $0.at <= asOf && $0.date >= first && $0.date <= lastDay }
        let sessions = journal.sessions.filter {
            let date = $0.at.converted(to: timeZone).localDate
            return $0.at <= asOf && date >= first && date <= lastDay
        }

        self.firstDay = first
        self.lastDay = lastDay
        self.reason = reason
        self.generatedAt = generatedAt
        self.asOf = asOf
        self.timeZone = timeZone
        self.profile = journal.profile
        self.status = daily.last?.status ?? EscalationEngine.evaluate(journal, now: asOf.date, timeZone: timeZone)
        self.days = Report.days(
            first: first, last: lastDay, checkIns: checkIns, sessions: sessions, daily: daily,
            averages: Report.sevenDayAverages(journal, from: first, through: lastDay, asOf: asOf),
            timeZone: timeZone)
        let episode = Report.episode(journal, first: first, last: lastDay, asOf: asOf, timeZone: timeZone)
        self.episode = episode
        self.episodeCheckIns = episode.map { Array(journal.checkIns[$0.checkInRange]) } ?? []
        self.flags = ReportFlag.flags(in: daily)
        self.warningSigns = WarningSignAnswer.answers(checkIns)
        self.care = CareSummary.summaries(days)
        self.assessments = journal.assessments.filter {
            let date = $0.at.converted(to: timeZone).localDate
            return $0.at <= asOf && date >= first && date <= lastDay
        }
        self.sessions = sessions
        self.notes = Report.notes(checkIns: checkIns, sessions: sessions, timeZone: timeZone)
    }

    /// How many check-ins the period holds.
    public var checkInCount: Int { days.reduce(0) { $0 + $1.checkIns.count } }

    /// The episode's day count: from its onset date (day 0) to the day of `asOf`, or to its close date.
    public var episodeDay: Int? { episode?.day(asOf: asOf.localDate) }

    /// The first of the episode's check-ins that reached its peak.
    public var episodePeakCheckIn: CheckIn? { episode?.peakCheckIn(among: episodeCheckIns) }

    /// How many days of the period have a check-in.
    public var loggedDayCount: Int { days.filter { !$0.checkIns.isEmpty }.count }

    /// The period's rows for a daily table, runs of empty days folded.
    public var rows: [ReportRow] { ReportRow.rows(days) }

    /// The status at the end of each day from `first` through `last`: a day is read at its last
    /// millisecond, or at `now` for the day holding it; days after `now` are left out.
    ///
    /// Built on `EscalationEngine.evaluate` alone, the one entry point the rules engine keeps
    /// from contract version 1 to 2, so the report does not follow the engine's helpers around.
    static func daily(
        _ journal: Journal, from first: LocalDate, through last: LocalDate, now: Date,
        timeZone: ZoneInfo
    ) -> [(date: LocalDate, status: Status)] {
        let nowMilliseconds = Timestamp(now, in: timeZone).epochMilliseconds
        var days: [(date: LocalDate, status: Status)] = []
        var date = first
        while date <= last, date.start(in: timeZone).epochMilliseconds <= nowMilliseconds {
            let end = date.end(in: timeZone)
            let instant = end.epochMilliseconds > nowMilliseconds ? now : end.date
            days.append((date, EscalationEngine.evaluate(journal, now: instant, timeZone: timeZone)))
            date = date.adding(days: 1)
        }
        return days
    }

    // MARK: Building

    private static func days(
        first: LocalDate, last: LocalDate, checkIns: [CheckIn], sessions: [Session],
        daily: [(date: LocalDate, status: Status)], averages: [LocalDate: Double], timeZone: ZoneInfo
    ) -> [ReportDay] {
        let checkInsByDate = Dictionary(grouping: checkIns, by: \.date)
        let sessionsByDate = Dictionary(grouping: sessions) { $0.at.converted(to: timeZone).localDate }
        let levelByDate = Dictionary(daily.map { ($0.date, $0.status.level) }, uniquingKeysWith: { $1 })
        var days: [ReportDay] = []
        var date = first
        while date <= last {
            days.append(
                ReportDay(
                    date: date, checkIns: checkInsByDate[date] ?? [], sessions: sessionsByDate[date] ?? [],
                    level: levelByDate[date] ?? .none, sevenDayAverage: averages[date]))
            date = date.adding(days: 1)
        }
        return days
    }

    /// For each day of the period, the mean daily pain over it and the six days before (logged days only).
    static func sevenDayAverages(
        _ journal: Journal, from first: LocalDate, through last: LocalDate,
        asOf: Timestamp
    ) -> [LocalDate: Double] {
        let reach = first.adding(days: -6)
        var dailyPain: [LocalDate: Int] = [:]
        for checkIn in journal.checkIns where checkIn.at <= asOf && checkIn.date >= reach && checkIn.date <= last {
            dailyPain[checkIn.date] = max(dailyPain[checkIn.date] ?? 0, checkIn.pain)
        }
        var averages: [LocalDate: Double] = [:]
        var date = first
        while date <= last {
            let values = (0...6).compactMap { dailyPain[date.adding(days: -$0)] }
            if !values.isEmpty { averages[date] = Double(values.reduce(0, +)) / Double(values.count) }
            date = date.adding(days: 1)
        }
        return averages
    }

    private static func episode(
        _ journal: Journal, first: LocalDate, last: LocalDate, asOf: Timestamp,
        timeZone: ZoneInfo
    ) -> Episode? {
        let overlapping = EpisodeTracker.episodes(in: journal, upTo: asOf.date, timeZone: timeZone).filter {
            $0.onset.date <= last && ($0.closeDate ?? asOf.localDate) >= first
        }
        return ReportPeriod.mostSignificant(overlapping, asOf: asOf.localDate)
    }

    private static func notes(checkIns: [CheckIn], sessions: [Session], timeZone: ZoneInfo) -> [ReportNote] {
        var notes: [(order: Int, note: ReportNote)] = []
        for checkIn in checkIns {
            let text = checkIn.note.trimmingWhitespace()
            guard !text.isEmpty else { continue }
            notes.append((notes.count, ReportNote(at: checkIn.at.converted(to: timeZone), source: .checkIn(pain: checkIn.pain), text: text)))
        }
        for session in sessions {
            let text = session.note.trimmingWhitespace()
            guard !text.isEmpty else { continue }
            notes.append((notes.count, ReportNote(at: session.at.converted(to: timeZone), source: .session(kind: session.kind), text: text)))
        }
        // Stable by time: a session and a check-in logged at the same instant keep check-in first.
        return notes.sorted { $0.note.at != $1.note.at ? $0.note.at < $1.note.at : $0.order < $1.order }.map(\.note)
    }
}

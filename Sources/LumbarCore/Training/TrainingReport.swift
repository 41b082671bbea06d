#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Everything `lumbar training` and the Training screen show: today's answer, the load week,
/// 12 weeks of load and pain, each kind of session, and what came before each episode.
public struct TrainingReport: Hashable, Sendable {
    /// The evaluation time in the user's zone.
    public var now: Timestamp
    /// Whether to train today, and why.
    public var today: TrainingToday
    /// The load of the 7 days up to now against the usual week.
    public var week: LoadWeek
    /// The 12 weeks up to now, oldest first.
    public var weeks: [WeekBar]
    /// Each kind of session, most sessions first.
    public var kinds: [KindSummary]
    /// What came before each episode, oldest first.
    public var leads: [EpisodeLead]
    /// Counts across those episodes.
    public var counts: EpisodeCounts
    /// Sessions up to now without minutes or RPE (they carry no load).
    public var sessionsWithoutLoad: Int
    /// Sessions up to now.
    public var sessions: Int
    /// The latest sessions up to now (at most `recentCount`), oldest first, with their pain.
    public var recentSessions: [SessionPain]

    /// How many of the latest sessions the report lists one by one.
    public static let recentCount = 10

    /// Weeks in the load chart.
    public static let chartWeeks = 12

    /// A report from its parts.
    public init(
        now: Timestamp, today: TrainingToday, week: LoadWeek, weeks: [WeekBar], kinds: [KindSummary],
        leads: [EpisodeLead], counts: EpisodeCounts, sessionsWithoutLoad: Int, sessions: Int,
        recentSessions: [SessionPain]
    ) {
        self.now = now
        self.today = today
        self.week = week
        self.weeks = weeks
        self.kinds = kinds
        self.leads = leads
        self.counts = counts
        self.sessionsWithoutLoad = sessionsWithoutLoad
        self.sessions = sessions
        self.recentSessions = recentSessions
    }

    /// The whole report for `journal` at `now`. Pure: entries after `now` are ignored.
    ///
    /// - Complexity: O(n log n) in the entries up to now, for the per-kind and per-episode history;
    ///   `current(_:now:timeZone:)` alone does not grow with the history.
    /// - Parameter status: the escalation status at the same `now`, when the caller has it
    ///   (the TUI does), so it is not evaluated twice.
    public static func make(
        _ journal: Journal, now: Date, timeZone: ZoneInfo, status: Status? = nil, clock: Preferences.ClockStyle = .twentyFourHour
    ) -> TrainingReport {
        let current = current(journal, now: now, timeZone: timeZone, status: status, clock: clock)
        let nowMs = ChronologicalSearch.milliseconds(of: now)
        let sessions = journal.sessions[..<ChronologicalSearch.end(of: journal.sessions, upTo: nowMs, by: \.at)]
        let pains = sessions.map { SessionPain.of($0, checkIns: journal.checkIns, now: now) }
        let episodes = EpisodeTracker.episodes(in: journal, upTo: now)
        let triggerIDs = Set(episodes.compactMap { $0.trigger?.id })
        // Only triggers are looked up, so index just those rather than every session.
        var triggerIndex: [Session.ID: Int] = [:]
        for (index, session) in sessions.enumerated() where triggerIDs.contains(session.id) { triggerIndex[session.id] = index }
        var kindKeys = KindKeys()
        let keys = sessions.map { kindKeys.key(of: $0) }
        var spelling: [String: String] = [:]
        for (session, key) in zip(sessions, keys) where spelling[key] == nil { spelling[key] = session.kindName }
        let leads = episodes.map { episode -> EpisodeLead in
            let onset = episode.onset.at.epochMilliseconds
            let from = ChronologicalSearch.start(
                of: journal.sessions, from: onset - TrainingWindow.milliseconds(hours: TrainingWindow.episodeLeadHours), by: \.at)
            let to = ChronologicalSearch.end(of: journal.sessions, upTo: onset, by: \.at)
            let kinds = journal.sessions[from..<max(from, to)].map { kindKeys.key(of: $0) }.uniqued()
            return EpisodeLead(
                episode: episode, trigger: episode.trigger.flatMap { triggerIndex[$0.id] }.map { pains[$0] },
                week: LoadWeek.ending(at: episode.onset.at, sessions: journal.sessions), kindsBefore: kinds)
        }
        return TrainingReport(
            now: current.now, today: current.today, week: current.week, weeks: current.weeks,
            kinds: KindSummary.summaries(pains, keys: keys, triggerIDs: triggerIDs), leads: leads,
            counts: EpisodeCounts(leads, spelling: spelling),
            sessionsWithoutLoad: sessions.filter { $0.load == nil }.count, sessions: sessions.count,
            recentSessions: Array(pains.suffix(recentCount)))
    }

    /// The part of the report about now: today's answer, the load week and the 12 weeks.
    ///
    /// - Complexity: the escalation engine's evaluation plus the entries of the last 12 weeks
    ///   and binary searches; it does not read older history.
    public static func current(
        _ journal: Journal, now: Date, timeZone: ZoneInfo, status: Status? = nil, clock: Preferences.ClockStyle = .twentyFourHour
    ) -> Current {
        let stamp = Timestamp(now, in: timeZone)
        let week = LoadWeek.ending(at: stamp, sessions: journal.sessions)
        let today = TrainingToday.evaluate(
            journal, now: now, timeZone: timeZone, week: week,
            status: status ?? EscalationEngine.evaluate(journal, now: now, timeZone: timeZone, clock: clock), clock: clock)
        return Current(now: stamp, today: today, week: week, weeks: WeekBar.weeks(chartWeeks, in: journal, now: now, timeZone: timeZone))
    }

    /// The part of the report about now, which costs the same whatever the length of the history.
    public struct Current: Hashable, Sendable {
        /// The evaluation time in the user's zone.
        public var now: Timestamp
        /// Whether to train today, and why.
        public var today: TrainingToday
        /// The load of the 7 days up to now against the usual week.
        public var week: LoadWeek
        /// The 12 weeks up to now, oldest first.
        public var weeks: [WeekBar]
    }
}

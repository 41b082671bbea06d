/// What came before one episode: its trigger session, the load of the week up to its onset
/// against the usual week then, and whether the trigger was sudden. Facts, not a risk.
public struct EpisodeLead: Hashable, Sendable {
    /// The episode.
    public var episode: Episode
    /// The trigger's pain and suddenness; `nil` when no session lies in the 72 h before the onset.
    public var trigger: SessionPain?
    /// The load week ending at the onset, against the 28 days before it.
    public var week: LoadWeek
    /// The kinds of every session in the 72 h up to the onset (case folded), without repeats.
    public var kindsBefore: [String]

    /// A lead from its parts.
    public init(episode: Episode, trigger: SessionPain?, week: LoadWeek, kindsBefore: [String]) {
        self.episode = episode
        self.trigger = trigger
        self.week = week
        self.kindsBefore = kindsBefore
    }

    /// The trigger's load as a percentage of the usual week at the time; `nil` without both.
    public var triggerShareOfUsual: Int? {
        guard let load = trigger?.session.load, week.usualTotal > 0 else { return nil }
        return Int((Double(load) / week.usual * 100).rounded())
    }
}

/// How many episodes began within \(TrainingWindow.episodeLeadHours) h of a session of one kind.
public struct KindCount: Hashable, Sendable {
    /// The kind as first logged.
    public var kind: String
    /// The episodes.
    public var episodes: Int

    /// A count.
    public init(kind: String, episodes: Int) {
        self.kind = kind
        self.episodes = episodes
    }
}

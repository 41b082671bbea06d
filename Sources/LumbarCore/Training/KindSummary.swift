/// How the back has answered one kind of session: counts, the median load, flares and episodes.
public struct KindSummary: Hashable, Sendable {
    /// The kind as first logged ("Deadlift" and "deadlift" are one kind).
    public var kind: String
    /// Sessions of this kind.
    public var sessions: Int
    /// Those without minutes or RPE (no load; counted apart).
    public var sessionsWithoutLoad: Int
    /// The median load of the sessions with a load; `nil` when none has one.
    public var medianLoad: Double?
    /// Sessions with both a pain before and a pain after, so that a flare could be seen.
    public var judged: Int
    /// Sessions after which the pain rose by 2 or more within 24 h.
    public var flared: Int
    /// Sessions that became the trigger of an episode.
    public var triggers: Int
    /// Of those, the sudden ones.
    public var suddenTriggers: Int

    /// A summary from its parts.
    public init(kind: String, sessions: Int, sessionsWithoutLoad: Int, medianLoad: Double?, judged: Int, flared: Int,
                triggers: Int, suddenTriggers: Int) {
        self.kind = kind
        self.sessions = sessions
        self.sessionsWithoutLoad = sessionsWithoutLoad
        self.medianLoad = medianLoad
        self.judged = judged
        self.flared = flared
        self.triggers = triggers
        self.suddenTriggers = suddenTriggers
    }

    /// One summary per kind, most sessions first (then by name).
    ///
    /// - Parameter triggerIDs: the ids of the sessions that triggered an episode.
    public static func summaries(_ pains: [SessionPain], triggerIDs: Set<Session.ID>) -> [KindSummary] {
        var order: [String] = []
        var groups: [String: [SessionPain]] = [:]
        for pain in pains {
            let key = pain.session.kindKey
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(pain)
        }
        let summaries = order.compactMap { key -> KindSummary? in
            guard let group = groups[key], let first = group.first else { return nil }
            let loads = group.compactMap(\.session.load).sorted()
            let triggers = group.filter { triggerIDs.contains($0.session.id) }
            return KindSummary(kind: TimeText.kind(of: first.session), sessions: group.count,
                               sessionsWithoutLoad: group.count - loads.count, medianLoad: median(loads),
                               judged: group.filter(\.isJudged).count, flared: group.filter(\.flared).count,
                               triggers: triggers.count, suddenTriggers: triggers.filter(\.isSudden).count)
        }
        return summaries.sorted { $0.sessions != $1.sessions ? $0.sessions > $1.sessions : $0.kind.lowercased() < $1.kind.lowercased() }
    }

    /// The middle value of sorted `values`, the mean of the two middle ones for an even count.
    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let middle = values.count / 2
        if values.count % 2 == 1 { return Double(values[middle]) }
        return Double(values[middle - 1] + values[middle]) / 2
    }
}

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
    public init(
        kind: String, sessions: Int, sessionsWithoutLoad: Int, medianLoad: Double?, judged: Int, flared: Int,
        triggers: Int, suddenTriggers: Int
    ) {
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
        var keys = KindKeys()
        return summaries(pains, keys: pains.map { keys.key(of: $0.session) }, triggerIDs: triggerIDs)
    }

    /// One summary per kind, with each session's kind key given (`keys[i]` for `pains[i]`).
    ///
    /// Groups hold indices, not copies: a session's pain carries whole entries, and copying
    /// thousands of them cost more than everything else here.
    static func summaries(_ pains: [SessionPain], keys: [String], triggerIDs: Set<Session.ID>) -> [KindSummary] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for index in pains.indices {
            let key = keys[index]
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(index)
        }
        let summaries = order.compactMap { key -> KindSummary? in
            guard let group = members[key], let first = group.first else { return nil }
            var loads: [Int] = []
            var judged = 0
            var flared = 0
            var triggers = 0
            var suddenTriggers = 0
            for index in group {
                if let load = pains[index].session.load { loads.append(load) }
                if pains[index].isJudged { judged += 1 }
                if pains[index].flared { flared += 1 }
                if triggerIDs.contains(pains[index].session.id) {
                    triggers += 1
                    if pains[index].isSudden { suddenTriggers += 1 }
                }
            }
            loads.sort()
            return KindSummary(
                kind: pains[first].session.kindName, sessions: group.count,
                sessionsWithoutLoad: group.count - loads.count, medianLoad: median(loads),
                judged: judged, flared: flared, triggers: triggers, suddenTriggers: suddenTriggers)
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

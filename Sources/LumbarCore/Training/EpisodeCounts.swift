/// Counts across episodes: how many began within 72 h of each kind, and how many followed a heavy week.
public struct EpisodeCounts: Hashable, Sendable {
    /// Episodes counted.
    public var episodes: Int
    /// Per kind (as first logged), the episodes with a session of that kind in the 72 h before the onset; most first.
    public var afterKind: [KindCount]
    /// Episodes whose week up to the onset was at least 1.5 × the usual week.
    public var afterHeavyWeek: Int
    /// Episodes with a sudden trigger.
    public var suddenTriggers: Int

    /// Counts from leads; `spelling` maps a case-folded kind to how it is shown.
    public init(_ leads: [EpisodeLead], spelling: [String: String]) {
        episodes = leads.count
        var counts: [String: Int] = [:]
        var order: [String] = []
        for lead in leads {
            for kind in lead.kindsBefore {
                if counts[kind] == nil { order.append(kind) }
                counts[kind, default: 0] += 1
            }
        }
        afterKind = order.map { KindCount(kind: spelling[$0] ?? $0, episodes: counts[$0] ?? 0) }
            .sorted { $0.episodes != $1.episodes ? $0.episodes > $1.episodes : $0.kind < $1.kind }
        afterHeavyWeek = leads.filter(\.week.isHeavy).count
        suddenTriggers = leads.filter { $0.trigger?.isSudden == true }.count
    }

    /// The counts in words: "6 of 8 episodes began within 72 h of a deadlift; 5 followed a week over 1.5 × the usual".
    public var sentences: [String] {
        guard episodes > 0 else { return ["No episode of back pain in the log yet."] }
        let noun = episodes == 1 ? "episode" : "episodes"
        var lines = afterKind.map {
            "\($0.episodes) of \(episodes) \(noun) began within \(TrainingWindow.episodeLeadHours) h of a session of \($0.kind)."
        }
        if lines.isEmpty { lines.append("None of the \(episodes) \(noun) began within \(TrainingWindow.episodeLeadHours) h of a logged session.") }
        lines.append("\(afterHeavyWeek) of \(episodes) followed a week at or over 1.5 × the usual.")
        lines.append("\(suddenTriggers) of \(episodes) began with sudden pain in a session.")
        return lines
    }
}

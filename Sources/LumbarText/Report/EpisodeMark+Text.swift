import LumbarCore

extension EpisodeMark.Kind {
    /// A short label for charts and lists ("72 h", "day 14").
    public var label: String {
        if let hours { return "\(hours) h" }
        if let day { return "day \(day)" }
        return "session"
    }

    /// What the mark is, in words for a legend ("72 h after the trigger session").
    public var meaning: String {
        if let hours { return "\(hours) h after the trigger session" }
        if let day { return "day \(day) of the episode (\(day / 7) weeks)" }
        return "trigger session"
    }
}

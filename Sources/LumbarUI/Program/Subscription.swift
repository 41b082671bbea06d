/// Something the program keeps doing on a timer while the state asks for it (Elm's
/// subscriptions): the state lists them, the program schedules them, so no interval is wired
/// into the loop.
public enum Subscription: Hashable, Sendable {
    /// Keeps `AppState.now` current: `.tick(now)` before each key, and at each `every` when the
    /// wall-clock minute has turned since the last tick (the status is evaluated per minute).
    case clock(every: Duration)
    /// Performs `effect` every `interval`, first one interval after the program starts.
    case every(Duration, Effect)

    /// Whether this is the clock, which also ticks before each key.
    var keepsClock: Bool {
        if case .clock = self { return true }
        return false
    }

    /// How often the program wakes up for it.
    var interval: Duration {
        switch self {
        case .clock(let interval), .every(let interval, _): return max(interval, .milliseconds(1))
        }
    }
}

extension AppState {
    /// What the TUI keeps doing while it runs: the minute clock, and a look at the journal file
    /// once a second for changes another `lumbar` made (a stat, not a read).
    public var subscriptions: [Subscription] {
        [.clock(every: .seconds(1)), .every(.seconds(1), .pollJournal)]
    }
}

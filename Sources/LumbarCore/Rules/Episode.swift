/// One episode of back pain found in the journal: from its onset until it closed, or still open.
public struct Episode: Hashable, Sendable {
    /// The check-in that opened it (the first with pain ≥ 1 while no episode was open).
    public var onset: CheckIn
    /// The date it counts as closed on: the second of two consecutive pain-free dates, or the
    /// last date before a silence; `nil` while it is open.
    public var closeDate: LocalDate?
    /// The highest pain among its check-ins.
    public var peak: Int
    /// Its last check-in.
    public var latest: CheckIn
    /// The session it is traced to: the latest one with `at` in [onset − 72 h, onset]; may be absent.
    public var trigger: Session?
    /// The positions of its check-ins in `journal.checkIns`, onset first.
    public var checkInRange: Range<Int>

    /// An episode.
    public init(onset: CheckIn, closeDate: LocalDate?, peak: Int, latest: CheckIn, trigger: Session?, checkInRange: Range<Int>) {
        self.onset = onset
        self.closeDate = closeDate
        self.peak = peak
        self.latest = latest
        self.trigger = trigger
        self.checkInRange = checkInRange
    }

    /// Whether the episode was still open at the time it was found.
    public var isOpen: Bool { closeDate == nil }

    /// The instant the rules measure hours from: the trigger's time, or the onset's without one.
    public var start: Timestamp { trigger?.at ?? onset.at }
}

/// One episode of back pain found in the journal: from its onset until it closed, or still open.
public struct Episode: Hashable, Sendable {
    /// The check-in that opened it (the first with pain ≥ 1 while no episode was open).
    public var onset: CheckIn
    /// The second of the two consecutive pain-free dates that closed it; `nil` while it is open.
    public var closeDate: LocalDate?
    /// The highest pain among its check-ins.
    public var peak: Int
    /// Its last check-in (for a closed episode, the first check-in of the closing date).
    public var latest: CheckIn
    /// The session it is traced to, fixed at onset; may be absent.
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
}

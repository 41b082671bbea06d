/// A note written with a check-in or a session.
public struct ReportNote: Hashable, Sendable {
    /// What the note was written with.
    public enum Source: Hashable, Sendable {
        /// A check-in, with its pain.
        case checkIn(pain: Int)
        /// A session, with its kind.
        case session(kind: String)
    }

    /// When the entry was logged, in the report's zone.
    public var at: Timestamp
    /// What it was written with.
    public var source: Source
    /// The note as written.
    public var text: String

    /// A note.
    public init(at: Timestamp, source: Source, text: String) {
        self.at = at
        self.source = source
        self.text = text
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The time window a flag concerns, with its boundaries.
public struct FlagWindow: Hashable, Sendable {
    /// What the window is measured from ("Mon 18:00 deadlift").
    public var start: Timestamp
    /// The boundary the flag is about, if any.
    public var end: Timestamp?
    /// The window in words, times in the user's zone: "72 h after Mon 18:00 deadlift = Thu 18:00".
    public var text: Phrase

    /// A window.
    public init(start: Timestamp, end: Timestamp?, text: Phrase) {
        self.start = start
        self.end = end
        self.text = text
    }
}

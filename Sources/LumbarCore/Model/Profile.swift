#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The person's profile: what the rules need beyond the log.
public struct Profile: Hashable, Sendable {
    /// Year of birth, for the age factor of the six-week rule.
    public var birthYear: Int?
    /// Medical history items that the six-week and history rules read, without duplicates.
    public var history: [HistoryItem]
    /// Fields written by a newer lumbar, kept as they were.
    public var unknownFields: JSONObject

    /// A profile.
    public init(birthYear: Int? = nil, history: [HistoryItem] = [], unknownFields: JSONObject = JSONObject()) {
        self.birthYear = birthYear
        self.history = history.uniqued()
        self.unknownFields = unknownFields
    }

    /// Whether nothing is set.
    public var isEmpty: Bool { birthYear == nil && history.isEmpty }
}

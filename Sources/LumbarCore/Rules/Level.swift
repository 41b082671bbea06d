/// How urgent a flag is, from nothing to report up to an emergency.
public enum Level: Int, Comparable, CaseIterable, Sendable, CustomStringConvertible {
    case none, info, watch, seeDoctor, urgent, emergency

    /// The contract's key: `none`, `info`, `watch`, `see-doctor`, `urgent`, `emergency`.
    public var key: String {
        switch self {
        case .none: return "none"
        case .info: return "info"
        case .watch: return "watch"
        case .seeDoctor: return "see-doctor"
        case .urgent: return "urgent"
        case .emergency: return "emergency"
        }
    }

    /// The level for a contract key, or `nil`.
    public init?(key: String) {
        guard let level = Level.allCases.first(where: { $0.key == key.lowercased() }) else { return nil }
        self = level
    }

    /// What a person should do at this level, in one line (the contract's table of actions).
    public var action: String {
        switch self {
        case .none: return "Nothing to act on. Keep logging."
        case .info: return "Nothing to act on; this is what is typical. Keep moving gently and keep logging."
        case .watch: return "Keep logging; the flag says what would make it more serious, and when."
        case .seeDoctor: return "Book an appointment with a doctor or physiotherapist within the next few days."
        case .urgent:
            return
                "Contact a doctor today: ask for an urgent same-day appointment, or call the non-emergency medical line (111 in England). A doctor, not a physiotherapist."
        case .emergency: return "Call the emergency number or go to an emergency department now."
        }
    }

    /// The contract key, so a level prints as it is written in the contract and the JSON.
    public var description: String { key }

    /// Orders levels by urgency, `none` lowest.
    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
}

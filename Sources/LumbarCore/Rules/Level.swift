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

    /// What a person should do at this level, in one line.
    public var action: String {
        switch self {
        case .none: return "Nothing to act on. Keep logging."
        case .info: return "This is what ordinary post-exercise soreness looks like; keep moving gently and keep logging."
        case .watch: return "Keep logging daily; the flag says what would make it more serious."
        case .seeDoctor: return "Book an appointment with a doctor or physiotherapist."
        case .urgent: return "Seek medical care today."
        case .emergency: return "Call emergency services or go to A&E (the emergency department) now."
        }
    }

    /// The contract key, so a level prints as it is written in the contract and the JSON.
    public var description: String { key }

    /// Orders levels by urgency, `none` lowest.
    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One of the five articles lumbar's rules rest on, cited by title.
public enum Article: String, CaseIterable, Sendable {
    case shouldIBeWorried = "000"
    case whenDiscomfortCallsForAttention = "001"
    case causesAndReliefTips = "002"
    case whatCausesPain = "003"
    case whenToBeConcerned = "004"

    /// The article's title.
    public var title: String {
        switch self {
        case .shouldIBeWorried: return "Lower back pain after exercise – should I be worried?"
        case .whenDiscomfortCallsForAttention: return "When Post-Exercise Lower Back Discomfort Calls for Attention"
        case .causesAndReliefTips: return "Lower Back Pain After Exercise – Causes and Relief Tips"
        case .whatCausesPain: return "What causes lower back pain after exercise?"
        case .whenToBeConcerned: return "When Should You Be Concerned About Lower Back Pain After A Workout?"
        }
    }
}

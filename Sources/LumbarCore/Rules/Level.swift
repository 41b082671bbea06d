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
            return "Contact a doctor today: ask for an urgent same-day appointment, or call the non-emergency medical line (111 in England). A doctor, not a physiotherapist."
        case .emergency: return "Call the emergency number or go to an emergency department now."
        }
    }

    /// The contract key, so a level prints as it is written in the contract and the JSON.
    public var description: String { key }

    /// Orders levels by urgency, `none` lowest.
    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A source a rule rests on: one of the five articles, or a clinical guideline that backs them, cited by title.
public enum Article: String, CaseIterable, Sendable {
    /// Article 000.
    case shouldIBeWorried = "000"
    /// Article 001.
    case whenDiscomfortCallsForAttention = "001"
    /// Article 002.
    case causesAndReliefTips = "002"
    /// Article 003.
    case whatCausesPain = "003"
    /// Article 004.
    case whenToBeConcerned = "004"
    /// The NHS back-pain page's lists of when to get urgent help.
    case nhsBackPain = "nhs"
    /// The GIRFT national suspected cauda equina syndrome pathway and its symptom card.
    case girftCaudaEquina = "girft"
    /// NICE guideline NG59, low back pain and sciatica.
    case niceNG59 = "nice-ng59"
    /// NICE guideline NG234, spinal metastases and metastatic spinal cord compression.
    case niceNG234 = "nice-ng234"

    /// The five source articles, without the guidelines.
    public static let articles: [Article] = [
        .shouldIBeWorried, .whenDiscomfortCallsForAttention, .causesAndReliefTips, .whatCausesPain, .whenToBeConcerned,
    ]

    /// Whether this is a clinical guideline rather than one of the five articles.
    public var isGuideline: Bool { !Article.articles.contains(self) }

    /// The source's title.
    public var title: String {
        switch self {
        case .shouldIBeWorried: return "Lower back pain after exercise – should I be worried?"
        case .whenDiscomfortCallsForAttention: return "When Post-Exercise Lower Back Discomfort Calls for Attention"
        case .causesAndReliefTips: return "Lower Back Pain After Exercise – Causes and Relief Tips"
        case .whatCausesPain: return "What causes lower back pain after exercise?"
        case .whenToBeConcerned: return "When Should You Be Concerned About Lower Back Pain After A Workout?"
        case .nhsBackPain: return "NHS: Back pain (when to get urgent help)"
        case .girftCaudaEquina: return "GIRFT: National suspected cauda equina syndrome pathway"
        case .niceNG59: return "NICE NG59: Low back pain and sciatica in over 16s"
        case .niceNG234: return "NICE NG234: Spinal metastases and metastatic spinal cord compression"
        }
    }
}

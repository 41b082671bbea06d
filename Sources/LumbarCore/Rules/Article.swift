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

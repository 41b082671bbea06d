/// The contract's rule ids (version 2 of shared/escalation-rules.md), in the contract's order.
public enum RuleID: String, CaseIterable, Sendable {
    case bladderBowel = "bladder-bowel"
    case urinaryDifficulty = "urinary-difficulty"
    case saddleNumbness = "saddle-numbness"
    case sexualDysfunction = "sexual-dysfunction"
    case bothLegs = "both-legs"
    case legWeakness = "leg-weakness"
    case systemicSigns = "systemic-signs"
    case afterFall = "after-fall"
    case nerveSigns = "nerve-signs"
    case nightPain = "night-pain"
    case limitedMobility = "limited-mobility"
    case spreadingPain = "spreading-pain"
    case intensePain = "intense-pain"
    case acuteInjury = "acute-injury"
    case severe72to96h = "severe-72-96h"
    case notImproving = "not-improving"
    case pain2to4Weeks = "pain-2-4-weeks"
    case gettingWorse = "getting-worse"
    case sixWeekRisk = "six-week-risk"
    case historyRisk = "history-risk"
    case domsWindow = "doms-window"
    case logToday = "log-today"
    case recurringPain = "recurring-pain"

    /// The warning-sign questions that set this rule off; empty for the episode and recurring rules.
    public var symptoms: [Symptom] {
        switch self {
        case .bladderBowel: return [.bladderBowel]
        case .urinaryDifficulty: return [.urinaryDifficulty]
        case .saddleNumbness: return [.saddleNumbness]
        case .sexualDysfunction: return [.sexualDysfunction]
        case .bothLegs: return [.bothLegs]
        case .legWeakness: return [.legWeakness]
        case .systemicSigns: return [.fever, .weightLoss]
        case .afterFall: return [.afterFall]
        case .nerveSigns: return [.numbness, .tingling, .radiatingPain, .coughSneezePain, .difficultyWalking]
        case .nightPain: return [.nightPain]
        case .limitedMobility: return [.limitedMobility]
        case .spreadingPain: return [.spreadingPain]
        default: return []
        }
    }

    /// Whether the rule reads the standing answers to warning-sign questions (inside or outside an episode).
    public var isWarningSignRule: Bool { !symptoms.isEmpty }

    /// Whether the rule reads the current episode.
    public var isEpisodeRule: Bool { !isWarningSignRule && self != .recurringPain }

    /// Whether a clinician's view of it holds across episodes for 12 weeks (pain that persists).
    public var isPersistenceRule: Bool { self == .notImproving || self == .pain2to4Weeks || self == .recurringPain }

    /// Whether training soreness as the latest check-in keeps the rule quiet (the cancer branch of
    /// `history-risk` is judged apart).
    public var isSilencedByTrainingSoreness: Bool {
        [.notImproving, .pain2to4Weeks, .gettingWorse, .sixWeekRisk, .historyRisk].contains(self)
    }

    /// The rule with this contract id, or `nil`.
    public init?(id: String) { self.init(rawValue: id) }
}

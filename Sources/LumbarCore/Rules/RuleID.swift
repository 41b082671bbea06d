/// The contract's rule ids (version 2 of shared/escalation-rules.md), in the contract's order.
public enum RuleID: String, CaseIterable, Sendable {
    /// A standing yes to new bladder or bowel trouble (emergency).
    case bladderBowel = "bladder-bowel"
    /// A standing yes to new trouble passing urine (emergency).
    case urinaryDifficulty = "urinary-difficulty"
    /// A standing yes to numbness around the genitals, back passage, buttocks or inner thighs (emergency).
    case saddleNumbness = "saddle-numbness"
    /// A standing yes to new sexual problems (emergency beside a cauda equina sign, else urgent).
    case sexualDysfunction = "sexual-dysfunction"
    /// A standing yes to symptoms in both legs (emergency).
    case bothLegs = "both-legs"
    /// A standing yes to a weak leg (urgent).
    case legWeakness = "leg-weakness"
    /// A standing yes to fever or weight loss (urgent).
    case systemicSigns = "systemic-signs"
    /// A standing yes to pain that began after a fall or accident (urgent).
    case afterFall = "after-fall"
    /// A standing yes to a nerve sign: numbness, tingling, radiating pain, pain on coughing, trouble walking (see-doctor).
    case nerveSigns = "nerve-signs"
    /// A standing yes to pain that wakes you at night (see-doctor).
    case nightPain = "night-pain"
    /// A standing yes to pain that stops daily tasks (see-doctor).
    case limitedMobility = "limited-mobility"
    /// A standing yes to pain spreading across the back (see-doctor).
    case spreadingPain = "spreading-pain"
    /// A severe latest check-in in the last 7 days (watch; 9 or more: see-doctor).
    case intensePain = "intense-pain"
    /// A sudden session near the onset or during the episode (watch / see-doctor).
    case acuteInjury = "acute-injury"
    /// Severe pain 72 h or more after the start (watch; 96 h: see-doctor).
    case severe72to96h = "severe-72-96h"
    /// No clear improvement in the episode's second week (watch).
    case notImproving = "not-improving"
    /// Pain from day 14 (see-doctor unless improved) and day 28 (see-doctor).
    case pain2to4Weeks = "pain-2-4-weeks"
    /// Pain rising to 4 or more, 2 above the week's lowest, past the first 72 h (see-doctor).
    case gettingWorse = "getting-worse"
    /// Six weeks of pain that is severe or not improving, with a risk factor (see-doctor).
    case sixWeekRisk = "six-week-risk"
    /// Pain with a medical history item; the cancer branch is urgent or an emergency.
    case historyRisk = "history-risk"
    /// What ordinary soreness looks like, inside 72 h of a session (info).
    case domsWindow = "doms-window"
    /// No check-in for two or more dates during an episode (info).
    case logToday = "log-today"
    /// Pain on 14 of the last 28 dates over two or more episodes (see-doctor).
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

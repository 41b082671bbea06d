/// Whether to train today: the four answers, most cautious first.
public enum TrainingAnswer: String, CaseIterable, Sendable {
    /// A flag at see-doctor or above stands and no clinician has assessed it.
    case notUntilChecked = "not-until-checked"
    /// Rest from training and keep moving gently.
    case rest
    /// Light loads only, avoid what hurts, stop if the pain rises.
    case light
    /// Train, and build up gradually.
    case train

    /// The answer's key in `training --json`.
    public var key: String { rawValue }

    /// The answer as one line for people, in lumbar's words.
    public var headline: String {
        switch self {
        case .notUntilChecked: return "Not until it is checked: hold off training until a clinician has seen what the status flags."
        case .rest: return "Rest from training today, and keep moving gently: walking and easy movement help, bed rest does not."
        case .light: return "Light loads only: leave out what hurts, and stop if the pain rises."
        case .train: return "Train, and build up gradually."
        }
    }

    /// The answer in a few words, for narrow screens.
    public var shortHeadline: String {
        switch self {
        case .notUntilChecked: return "Have it checked first."
        case .rest: return "Rest; keep moving gently."
        case .light: return "Light loads; stop if it hurts more."
        case .train: return "Train; build up gradually."
        }
    }

    /// A short label for narrow screens.
    public var label: String {
        switch self {
        case .notUntilChecked: return "NOT UNTIL CHECKED"
        case .rest: return "REST"
        case .light: return "LIGHT"
        case .train: return "TRAIN"
        }
    }

    /// The articles the answer rests on, the main one first.
    public var sources: [Article] {
        switch self {
        case .notUntilChecked: return [.shouldIBeWorried, .whenDiscomfortCallsForAttention]
        case .rest: return [.shouldIBeWorried, .causesAndReliefTips, .whenToBeConcerned, .whatCausesPain]
        case .light: return [.shouldIBeWorried, .whenDiscomfortCallsForAttention]
        case .train: return [.shouldIBeWorried, .causesAndReliefTips]
        }
    }
}

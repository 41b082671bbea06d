/// The contract's readings of the 0–10 pain scale.
public enum PainScale {
    /// The lowest pain that counts as severe (the usual numeric-rating bands: 7–10).
    public static let severe = 7

    /// Whether `pain` is severe (7 or more).
    public static func isSevere(_ pain: Int) -> Bool { pain >= severe }

    /// Whether pain has improved from `peak` to `latest`: a drop of at least 2 points or at least 30 %.
    ///
    /// Both thresholds are the minimal clinically important change for pain scores; the
    /// percentage is compared in integers (10 × drop ≥ 3 × peak) so that exactly 30 % counts.
    public static func isImproved(peak: Int, latest: Int) -> Bool {
        let drop = peak - latest
        guard drop > 0 else { return false }
        return drop >= 2 || 10 * drop >= 3 * peak
    }
}

extension PainScale {
    /// The lowest pain that counts as very severe.
    public static let verySevere = 9

    /// Whether `pain` is very severe (9 or more).
    public static func isVerySevere(_ pain: Int) -> Bool { pain >= verySevere }
}

import LumbarCore

/// A box over the screen that takes the keys until closed.
enum Overlay: Hashable, Sendable {
    case help
    case confirm(Confirmation)
    /// Recording that a clinician assessed some of the flags raised now.
    case assessment(AssessmentForm)
}

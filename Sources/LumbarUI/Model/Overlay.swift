import LumbarCore

/// A box over the screen that takes the keys until closed.
enum Overlay: Hashable, Sendable {
    case help
    case confirm(Confirmation)
}

/// A yes/no question and what yes does.
struct Confirmation: Hashable, Sendable {
    enum Action: Hashable, Sendable {
        case quit
        case delete(Journal.Entry)
        case editDiscardingDraft(row: Int)
    }

    var question: String
    var action: Action
}

import LumbarCore

/// A yes/no question and what yes does.
struct Confirmation: Hashable, Sendable {
    enum Action: Hashable, Sendable {
        case quit
        case delete(Journal.Entry)
        case editDiscardingDraft(row: Int)
        /// Save the draft although the entry was changed elsewhere after the form loaded it.
        case saveOverwriting(Transaction)
        /// Log pain 0 at 12:00 on each of these dates of an open episode.
        case logPainFree([LocalDate])
    }

    var question: String
    var action: Action
}

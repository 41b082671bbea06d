/// A saved change that `u` can reverse.
struct UndoEntry: Hashable, Sendable {
    var changes: [JournalChange]
    var summary: String

    /// The screen where undoing this makes sense: where the person can see what comes back.
    var screen: ScreenName {
        changes.allSatisfy { if case .setProfile = $0 { return true } else { return false } } ? .profile : .history
    }
}

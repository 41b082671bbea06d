/// A saved change that `u` can reverse.
struct UndoEntry: Hashable, Sendable {
    var changes: [JournalChange]
    var summary: String
}

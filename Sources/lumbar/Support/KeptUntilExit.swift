/// Values a command has finished with that are never freed: the process ends right after, and
/// freeing a journal of ten years entry by entry costs more than some commands' own work.
enum KeptUntilExit {
    private static let kept = Locked<[any Sendable]>([])

    /// Keeps `value` alive until the process exits.
    static func keep(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }
}

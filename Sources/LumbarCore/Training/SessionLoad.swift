extension Session {
    /// The session's training load: minutes × RPE (session RPE, Foster et al. 2001); `nil` unless both were logged.
    public var load: Int? {
        guard let minutes, let rpe else { return nil }
        return minutes * rpe
    }

    /// The kind as grouped for the training summary: trimmed, case folded, "session" when empty.
    var kindKey: String { kindName.lowercased() }
}

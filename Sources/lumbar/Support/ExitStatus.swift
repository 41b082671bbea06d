import LumbarCore

/// The exit statuses lumbar uses (documented in the README).
enum ExitStatus {
    /// Success.
    static let ok: Int32 = 0
    /// `remind`: today has no check-in yet.
    static let reminder: Int32 = 1
    /// `status --fail-at`: the level reached the threshold.
    static let levelReached: Int32 = 3
    /// Bad command-line usage (EX_USAGE).
    static let usage: Int32 = 64
    /// A file that cannot be read as a journal, CSV or export (EX_DATAERR).
    static let data: Int32 = 65
    /// The full-screen view cannot run on this terminal (EX_UNAVAILABLE).
    static let unavailable: Int32 = 69
    /// A read, write, sync or rename failed (EX_IOERR).
    static let io: Int32 = 74
    /// The journal is locked by another lumbar (EX_TEMPFAIL).
    static let busy: Int32 = 75
}

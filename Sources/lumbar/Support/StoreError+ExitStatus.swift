import LumbarCore

extension StoreError {
    /// The process exit status for this error (BSD sysexits): Core says what happened, the
    /// command line decides what number that is.
    var exitCode: Int32 {
        switch self {
        case .unreadable, .unreadableFile, .newerSchema, .tooLarge: return ExitStatus.data
        case .busy: return ExitStatus.busy
        case .io, .unsafeFile: return ExitStatus.io
        }
    }
}

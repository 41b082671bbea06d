import LumbarCore

/// A failure the command line reports in one line, with the exit status it maps to.
struct CLIError: Error, CustomStringConvertible {
    /// What is wrong and how to fix it, in one line.
    var message: String
    /// The process exit status.
    var exitCode: Int32

    var description: String { message }

    /// Bad arguments (EX_USAGE).
    static func usage(_ message: String) -> CLIError { CLIError(message: message, exitCode: ExitStatus.usage) }
    /// Unreadable input data (EX_DATAERR).
    static func data(_ message: String) -> CLIError { CLIError(message: message, exitCode: ExitStatus.data) }
}

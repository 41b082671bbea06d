/// Why the TUI could not start.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal.
    case notATerminal
    /// curses could not start on this terminal type.
    case unsupportedTerminal(String)

    /// One line saying what is wrong and what to do.
    public var description: String {
        switch self {
        case .notATerminal:
            return
                "lumbar's full-screen view needs a terminal on standard input and output; use a subcommand (lumbar checkin, lumbar status, lumbar show ...) in scripts and pipes."
        case .unsupportedTerminal(let term):
            return
                "cannot start the full-screen view on terminal type \"\(term)\"; set TERM to one your system knows (e.g. xterm-256color), or use a subcommand."
        }
    }
}

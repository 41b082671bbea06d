import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where and how commands write: stdout for results, stderr for errors, colour only on a terminal.
enum Output {
    /// Whether ANSI colour may be used on stdout: a terminal, and `NO_COLOR` unset.
    static var colorEnabled: Bool {
        let env = ProcessInfo.processInfo.environment
        if let noColor = env["NO_COLOR"], !noColor.isEmpty { return false }
        if env["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    /// Writes a line to standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes bytes to standard output as they are.
    static func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
#if canImport(Glibc)
import Glibc
#endif

/// Where and how commands write: stdout for results, stderr for errors, colour only on a terminal.
///
/// Standard output is buffered here and written with `write(2)`, so that a full disk or a closed
/// pipe is seen: lumbar then says so on stderr and exits 74, instead of trapping in Foundation
/// or exiting 0 having written nothing.
enum Output {
    /// Whether ANSI colour may be used on stdout: by the `color` setting, whose `auto` is a
    /// terminal with `NO_COLOR` unset.
    static var colorEnabled: Bool {
        colorMode.enabled(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessEnvironment.variables)
    }

    /// The `color` setting, set once a command has read the settings (`auto` until then).
    static var colorMode: Preferences.ColorMode {
        get { mode.withLock { $0 } }
        set { mode.withLock { $0 = newValue } }
    }

    private static let mode = Locked<Preferences.ColorMode>(.auto)

    /// Writes a line to standard error, its control characters neutralised, after what is
    /// buffered for standard output (so a terminal shows both in the order they happened).
    static func error(_ line: String) {
        flush()
        writeError(line)
    }

    /// Writes a question to standard error with no line break, so the answer is typed after it.
    static func prompt(_ question: String) {
        flush()
        _ = writeAll(Array(TerminalSafeText.neutralize(question).utf8), to: STDERR_FILENO)
    }

    private static func writeError(_ line: String) {
        _ = writeAll(Array((TerminalSafeText.neutralize(line) + "\n").utf8), to: STDERR_FILENO)
    }

    /// Keeps a warning for `emitWarnings()`, at most once per process.
    ///
    /// Warnings wait for the end of a command that succeeded: a failing command says one thing,
    /// its error, in one line.
    static func warnOnce(_ line: String) {
        warned.withLock { list in
            if !list.contains(line) { list.append(line) }
        }
    }

    /// Writes the kept warnings to standard error, each once.
    static func emitWarnings() {
        let lines = warned.withLock { list -> [String] in
            defer { list.removeAll() }
            return list
        }
        for line in lines { error("lumbar: warning: " + line) }
    }

    /// Writes human-readable text to standard output, its control characters neutralised.
    static func text(_ text: String) {
        write(Array(TerminalSafeText.neutralize(text, keepingStyles: colorEnabled).utf8))
    }

    /// Writes bytes to standard output as they are (JSON, CSV, an export).
    static func write(_ bytes: [UInt8]) {
        pending.withLock { buffer in
            // A large block (an export's chunk) goes out as it is rather than through a copy.
            if bytes.count >= flushThreshold {
                flushLocked(&buffer)
                writeOrExit(bytes)
                return
            }
            buffer.append(contentsOf: bytes)
            if buffer.count >= flushThreshold { flushLocked(&buffer) }
        }
    }

    /// Writes what is buffered for standard output; a failure ends the process with exit 74.
    static func flush() {
        pending.withLock { flushLocked(&$0) }
    }

    private static let flushThreshold = 65_536
    private static let pending = Locked<[UInt8]>([])
    private static let warned = Locked<[String]>([])

    private static func flushLocked(_ buffer: inout [UInt8]) {
        guard !buffer.isEmpty else { return }
        writeOrExit(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` to standard output; a failure ends the process with exit 74.
    private static func writeOrExit(_ bytes: [UInt8]) {
        let code = writeAll(bytes, to: STDOUT_FILENO)
        guard code != 0 else { return }
        // A reader that went away (`| head`) wants no message; anything else is reported.
        if code != EPIPE {
            writeError(
                "lumbar: error: could not write to standard output: \(String(cString: strerror(code))). Anything saved is kept; the output is incomplete."
            )
        }
        exit(ExitStatus.io)
    }

    /// Writes all of `bytes` to `fd`; 0, or the errno of the failure.
    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32 {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(fd, base + written, buffer.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += n
        }
        return 0
    }
}

/// Every human-readable line of every command goes through lumbar's output: this shadows
/// `Swift.print` in the executable, so no command can print a journal's control characters raw.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Output.text(items.map { "\($0)" }.joined(separator: separator) + terminator)
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarUI
#if canImport(Glibc)
import Glibc
#endif

/// Facts about the terminal a command writes to.
enum Terminal {
    /// Columns and rows of the terminal on stdout, or `nil` when stdout is not one.
    static var size: (columns: Int, rows: Int)? {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Whether the locale is UTF-8, so block glyphs can be printed (the TUI's own rule).
    static var isUTF8: Bool { Glyphs.forEnvironment(ProcessEnvironment.variables) == .unicode }
}

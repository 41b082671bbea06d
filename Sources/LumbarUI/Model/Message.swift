#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// Something that happened, fed to `AppState.update`: a key, a resize, the clock, or the
/// result of an effect the loop ran.
public enum Message: Sendable {
    /// A key press.
    case key(Key)
    /// Text the terminal marked as pasted (bracketed paste): it only ever goes into the
    /// focused text field, so a pasted line break or letter never acts as a command.
    case paste(String)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// The clock moved on.
    case tick(Date)
    /// The journal changed on disk (another `lumbar` wrote it) and was read again.
    case journalReloaded(Journal)
    /// A transaction was saved; `journal` is the journal as written, `undo` reverses it.
    case saved(Transaction, journal: Journal, undo: [JournalChange])
    /// A transaction could not be saved; nothing was written.
    case saveFailed(Transaction, reason: String)
    /// A report was written to `path` (absolute).
    case reportWritten(ReportFile, path: String)
    /// A report could not be written; `reason` says why.
    case reportFailed(ReportFile, reason: String)
}

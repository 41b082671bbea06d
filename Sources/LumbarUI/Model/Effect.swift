#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// Work the program does for the update function: I/O, never done inside `update`. The
/// program ends on `.quit`; an `EffectHandler` performs the rest.
public enum Effect: Hashable, Sendable {
    /// Save a transaction through `JournalStore.update`, then send `.saved` or `.saveFailed`.
    case save(Transaction)
    /// Leave the TUI with this exit status.
    case quit(Int32)
    /// Write a report file (0600; the executable's effect handler does it), then send what it returns.
    case writeReport(ReportFile)
    /// Look whether another `lumbar` changed the journal file since it was last read or
    /// written, and send `.journalReloaded` with the new journal if it did (a subscription).
    case pollJournal
}

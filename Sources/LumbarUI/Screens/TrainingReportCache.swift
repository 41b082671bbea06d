#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization
import LumbarCore
import LumbarText

/// The last Training report drawn and what it was computed from, so that keys pressed on the
/// screen redraw it without recomputing the history (a year's report is milliseconds; keys can
/// arrive faster than that, and a paste is thousands of them).
///
/// Rendering stays a function of the state: the report is reused only for an equal journal,
/// clock, zone and status. Comparing journals is cheap when they share storage, as unchanged
/// states do.
final class TrainingReportCache: Sendable {
    static let shared = TrainingReportCache()

    /// What a report was computed from, and the report.
    private struct Entry {
        var journal: Journal
        var now: Date
        var timeZone: ZoneInfo
        var status: Status
        var report: TrainingReport
    }

    /// A few entries, latest first: one app has one state, but tests draw several at once.
    private static let capacity = 4
    private let entries = Mutex<[Entry]>([])

    /// The report for `state`, from the cache when nothing it depends on changed.
    func report(for state: AppState) -> TrainingReport {
        entries.withLock { entries in
            if let index = entries.firstIndex(where: {
                $0.now == state.now && $0.timeZone == state.timeZone && $0.status == state.status && $0.journal == state.journal
            }) {
                let entry = entries.remove(at: index)
                entries.insert(entry, at: 0)
                return entry.report
            }
            // The status is the one the state evaluated at the same minute, so it is not evaluated twice.
            let report = TrainingReport.make(
                state.journal, now: state.now, timeZone: state.timeZone, status: state.status,
                clock: state.preferences.clock)
            entries.insert(Entry(journal: state.journal, now: state.now, timeZone: state.timeZone, status: state.status, report: report), at: 0)
            if entries.count > Self.capacity { entries.removeLast() }
            return report
        }
    }
}

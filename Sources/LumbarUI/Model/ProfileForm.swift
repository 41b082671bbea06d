#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// The Profile screen's draft: the birth year as typed and the history items ticked.
struct ProfileForm: Hashable, Sendable {
    /// The rows, top to bottom: the birth year, then one per known history item.
    enum Row: Hashable, Sendable {
        case birthYear
        case item(HistoryItem)
    }

    static let rows: [Row] = [.birthYear] + HistoryItem.known.map { .item($0) }

    /// The birth year as typed ("" for none).
    var birthYear: String
    /// The history items ticked, in `HistoryItem.known` order plus any unknown ones kept as they were.
    var history: [HistoryItem]
    /// Index into `rows` of the focused row.
    var focus = 0
    /// The profile this draft started from; saving compares against it.
    var original: Profile

    init(_ profile: Profile) {
        original = profile
        birthYear = profile.birthYear.map(String.init) ?? ""
        history = profile.history
    }

    var focusedRow: Row { ProfileForm.rows[min(max(0, focus), ProfileForm.rows.count - 1)] }

    /// Whether the draft differs from the profile it started from.
    var isDirty: Bool { birthYear != (original.birthYear.map(String.init) ?? "") || Set(history) != Set(original.history) }

    mutating func toggle(_ item: HistoryItem) {
        if let index = history.firstIndex(of: item) {
            history.remove(at: index)
        } else {
            history.append(item)
            // Keep the contract's order so a saved profile reads the same however it was ticked.
            history.sort {
                (HistoryItem.known.firstIndex(of: $0) ?? Int.max, $0.rawValue) < (HistoryItem.known.firstIndex(of: $1) ?? Int.max, $1.rawValue)
            }
        }
    }

    /// The profile to save, or why it cannot be saved (a message for the bar).
    func validated(thisYear: Int) -> Result<Profile, ProfileForm.Problem> {
        var profile = original
        profile.history = history
        let typed = birthYear.trimmingSpaces()
        if typed.isEmpty {
            profile.birthYear = nil
        } else if let year = Int(typed), (1900...thisYear).contains(year) {
            profile.birthYear = year
        } else {
            return .failure(Problem(text: "Birth year \(typed) is not a year from 1900 to \(thisYear); type four digits or clear it with Backspace."))
        }
        return .success(profile)
    }

    /// Why a draft cannot be saved.
    struct Problem: Error, Hashable {
        var text: String
    }
}

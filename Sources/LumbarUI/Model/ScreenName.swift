import LumbarText
/// The TUI's screens, also the names `lumbar show` accepts.
public enum ScreenName: String, CaseIterable, Sendable {
    /// The daily check-in form.
    case today
    /// The current level, flags and episode.
    case status
    /// Every check-in and session, newest first.
    case history
    /// Pain over time with a calendar heat map.
    case chart
    /// What the flags mean, self-care advice and the sources.
    case guide
    /// Whether to train today, weekly load and pain, and each kind of session.
    case training
    /// Birth year and medical history, which some rules weigh.
    case profile
    /// A report for a doctor or physiotherapist, written to a file.
    case report

    /// The tab title.
    var title: String {
        switch self {
        case .today: return "Today"
        case .status: return "Status"
        case .history: return "History"
        case .chart: return "Chart"
        case .guide: return "Guide"
        case .training: return "Training"
        case .profile: return "Profile"
        case .report: return "Report"
        }
    }

    /// The key that opens the screen from anywhere outside a text field.
    var key: Character {
        switch self {
        case .today: return "t"
        case .status: return "s"
        case .history: return "h"
        case .chart: return "c"
        case .guide: return "g"
        case .training: return "w"
        case .profile: return "p"
        case .report: return "r"
        }
    }
}

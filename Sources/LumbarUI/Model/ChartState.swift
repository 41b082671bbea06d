/// The Chart screen's range and calendar month.
struct ChartState: Hashable, Sendable {
    /// How much history the chart spans.
    enum Range: Int, CaseIterable, Sendable {
        case twoWeeks, quarter, year, all

        var title: String {
            switch self {
            case .twoWeeks: return "14 days"
            case .quarter: return "90 days"
            case .year: return "1 year"
            case .all: return "all"
            }
        }

        var shortTitle: String {
            switch self {
            case .twoWeeks: return "14d"
            case .quarter: return "90d"
            case .year: return "1y"
            case .all: return "all"
            }
        }

        var days: Int? {
            switch self {
            case .twoWeeks: return 14
            case .quarter: return 90
            case .year: return 365
            case .all: return nil
            }
        }
    }

    var range = Range.twoWeeks
    /// Months back from the current one shown in the calendar.
    var monthsBack = 0
}

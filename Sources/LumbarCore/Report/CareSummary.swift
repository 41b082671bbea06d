/// How often one self-care action was logged over a report's period.
public struct CareSummary: Hashable, Sendable {
    /// The action.
    public var care: SelfCare
    /// The days on which it was logged, oldest first.
    public var dates: [LocalDate]

    /// A care summary.
    public init(care: SelfCare, dates: [LocalDate]) {
        self.care = care
        self.dates = dates
    }

    /// One summary per action logged, in checklist order (unknown keys last).
    public static func summaries(_ days: [ReportDay]) -> [CareSummary] {
        var datesByCare: [SelfCare: [LocalDate]] = [:]
        for day in days {
            for care in day.care { datesByCare[care, default: []].append(day.date) }
        }
        let order = SelfCare.known.filter { datesByCare[$0] != nil }
            + datesByCare.keys.filter { !$0.isKnown }.sorted()
        return order.map { CareSummary(care: $0, dates: datesByCare[$0] ?? []) }
    }
}

/// How often one self-care action was logged over a report's period, and how pain moved after it.
public struct CareSummary: Hashable, Sendable {
    /// The action.
    public var care: SelfCare
    /// The days on which it was logged, oldest first.
    public var dates: [LocalDate]
    /// How many of those days the next logged day had lower pain.
    public var lowerAfter: Int
    /// How many of those days the next logged day had the same pain.
    public var sameAfter: Int
    /// How many of those days the next logged day had higher pain.
    public var higherAfter: Int

    /// A care summary.
    public init(care: SelfCare, dates: [LocalDate], lowerAfter: Int = 0, sameAfter: Int = 0, higherAfter: Int = 0) {
        self.care = care
        self.dates = dates
        self.lowerAfter = lowerAfter
        self.sameAfter = sameAfter
        self.higherAfter = higherAfter
    }

    /// How many of its days have a later logged day in the period to compare with.
    public var comparedDays: Int { lowerAfter + sameAfter + higherAfter }

    /// One summary per action logged, in checklist order (unknown keys last). Each day's pain is
    /// compared with the next logged day's: it says what followed, not what caused it.
    public static func summaries(_ days: [ReportDay]) -> [CareSummary] {
        var summaries: [SelfCare: CareSummary] = [:]
        let logged = days.filter { $0.pain != nil }
        for (index, day) in logged.enumerated() {
            let next = index + 1 < logged.count ? logged[index + 1].pain : nil
            for care in day.care {
                var summary = summaries[care] ?? CareSummary(care: care, dates: [])
                summary.dates.append(day.date)
                if let next, let pain = day.pain {
                    if next < pain { summary.lowerAfter += 1 } else if next == pain { summary.sameAfter += 1 } else { summary.higherAfter += 1 }
                }
                summaries[care] = summary
            }
        }
        let order = SelfCare.known.filter { summaries[$0] != nil } + summaries.keys.filter { !$0.isKnown }.sorted()
        return order.compactMap { summaries[$0] }
    }
}

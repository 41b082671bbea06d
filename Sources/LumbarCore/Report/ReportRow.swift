/// A row of a report's daily table: a day with entries, or a run of days with none.
public enum ReportRow: Hashable, Sendable {
    /// A day on which something was logged, or a single empty day between logged ones.
    case day(ReportDay)
    /// Two or more consecutive days without entries, with the highest level seen on them.
    case gap(first: LocalDate, last: LocalDate, level: Level)

    /// The report's days with runs of two or more empty days folded into one row each.
    public static func rows(_ days: [ReportDay]) -> [ReportRow] {
        var rows: [ReportRow] = []
        var run: [ReportDay] = []
        func flush() {
            if run.count == 1 {
                rows.append(.day(run[0]))
            } else if let first = run.first, let last = run.last {
                rows.append(.gap(first: first.date, last: last.date, level: run.map(\.level).max() ?? .none))
            }
            run.removeAll()
        }
        for day in days {
            if day.isEmpty {
                run.append(day)
            } else {
                flush()
                rows.append(.day(day))
            }
        }
        flush()
        return rows
    }
}

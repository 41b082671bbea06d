/// One calendar day of a report: what was logged that day and the level it ended on.
public struct ReportDay: Hashable, Sendable {
    /// The day.
    public var date: LocalDate
    /// The check-ins dated that day, in time order.
    public var checkIns: [CheckIn]
    /// The sessions that took place that day (in the report's zone), in time order.
    public var sessions: [Session]
    /// The status level at the end of the day (or at the report's time, for its last day).
    public var level: Level
    /// The mean daily pain over this day and the six before it, counting logged days only; `nil` without any.
    public var sevenDayAverage: Double?

    /// A report day.
    public init(date: LocalDate, checkIns: [CheckIn], sessions: [Session], level: Level, sevenDayAverage: Double?) {
        self.date = date
        self.checkIns = checkIns
        self.sessions = sessions
        self.level = level
        self.sevenDayAverage = sevenDayAverage
    }

    /// The day's pain for the trend: the highest "pain now" logged that day, `nil` without a check-in.
    public var pain: Int? { checkIns.map(\.pain).max() }

    /// The highest "worst since the last check-in" logged that day, if any was given.
    public var worst: Int? { checkIns.compactMap(\.worst).max() }

    /// Whether nothing was logged that day.
    public var isEmpty: Bool { checkIns.isEmpty && sessions.isEmpty }

    /// Every symptom reported that day, once, in the order the check-in asks them (unknown keys last).
    public var symptoms: [Symptom] {
        let reported = Set(checkIns.flatMap(\.symptoms))
        return Symptom.known.filter(reported.contains) + reported.filter { !$0.isKnown }.sorted()
    }

    /// Every self-care action logged that day, once, in checklist order (unknown keys last).
    public var care: [SelfCare] {
        let logged = Set(checkIns.flatMap(\.care))
        return SelfCare.known.filter(logged.contains) + logged.filter { !$0.isKnown }.sorted()
    }
}

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

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

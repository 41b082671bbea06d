/// How one red-flag question was answered over a report's period.
public struct RedFlagAnswer: Hashable, Sendable {
    /// The symptom the question asks about.
    public var symptom: Symptom
    /// The days on which a check-in reported it, oldest first.
    public var dates: [LocalDate]
    /// How many of the period's check-ins reported it.
    public var count: Int
    /// How many check-ins the period holds.
    public var checkInCount: Int

    /// An answer summary.
    public init(symptom: Symptom, dates: [LocalDate], count: Int, checkInCount: Int) {
        self.symptom = symptom
        self.dates = dates
        self.count = count
        self.checkInCount = checkInCount
    }

    /// Whether any check-in reported it.
    public var wasReported: Bool { count > 0 }

    /// One summary per red-flag question, in the order the check-in asks them.
    public static func answers(_ checkIns: [CheckIn]) -> [RedFlagAnswer] {
        Symptom.known.filter(\.isWarningSign).map { symptom in
            let reporting = checkIns.filter { $0.has(symptom) }
            return RedFlagAnswer(symptom: symptom, dates: Set(reporting.map(\.date)).sorted(),
                                 count: reporting.count, checkInCount: checkIns.count)
        }
    }
}

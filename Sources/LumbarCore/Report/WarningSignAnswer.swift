/// How one warning-sign question was answered over a report's period: yes, an explicit no, or not asked.
public struct WarningSignAnswer: Hashable, Sendable {
    /// The warning sign the question asks about.
    public var symptom: Symptom
    /// The days with a check-in that answered yes, oldest first, each once.
    public var yesDates: [LocalDate]
    /// How many check-ins answered yes.
    public var yesCount: Int
    /// How many check-ins answered an explicit no (the documented negatives).
    public var noCount: Int
    /// How many check-ins did not answer the question.
    public var notAskedCount: Int
    /// After the last yes, the day of the first check-in that answered no; `nil` when a yes still
    /// stands at the end of the period (an unanswered question leaves it standing) or there was none.
    public var noSince: LocalDate?

    /// An answer summary.
    public init(
        symptom: Symptom, yesDates: [LocalDate], yesCount: Int, noCount: Int, notAskedCount: Int,
        noSince: LocalDate? = nil
    ) {
        self.symptom = symptom
        self.yesDates = yesDates
        self.yesCount = yesCount
        self.noCount = noCount
        self.notAskedCount = notAskedCount
        self.noSince = noSince
    }

    /// Whether a yes answer still stands at the end of the period.
    public var standsAtEnd: Bool { wasReported && noSince == nil }

    /// How many check-ins the period holds.
    public var checkInCount: Int { yesCount + noCount + notAskedCount }

    /// Whether any check-in answered yes.
    public var wasReported: Bool { yesCount > 0 }

    /// One summary per warning-sign question, in the order the check-in asks them.
    public static func answers(_ checkIns: [CheckIn]) -> [WarningSignAnswer] {
        Symptom.warningSigns.map { symptom in
            var yesDates: [LocalDate] = []
            var counts = (yes: 0, no: 0, notAsked: 0)
            var noSince: LocalDate?
            for checkIn in checkIns {
                switch checkIn.answer(to: symptom) {
                case true?:
                    counts.yes += 1
                    noSince = nil
                    if yesDates.last != checkIn.date { yesDates.append(checkIn.date) }
                case false?:
                    counts.no += 1
                    if counts.yes > 0, noSince == nil { noSince = checkIn.date }
                case nil: counts.notAsked += 1
                }
            }
            return WarningSignAnswer(
                symptom: symptom, yesDates: Array(Set(yesDates)).sorted(), yesCount: counts.yes,
                noCount: counts.no, notAskedCount: counts.notAsked, noSince: noSince)
        }
    }
}

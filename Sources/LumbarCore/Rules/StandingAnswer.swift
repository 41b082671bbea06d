import Foundation

/// The answer that stands to one warning-sign question at a moment: the answer of the latest
/// check-in (at ≤ now, in journal order) that answered it, yes or no.
public struct StandingAnswer: Hashable, Sendable {
    /// The question.
    public var symptom: Symptom
    /// `true` when the standing answer is yes.
    public var isYes: Bool
    /// The check-in that gave it.
    public var checkIn: CheckIn

    /// A standing answer.
    public init(symptom: Symptom, isYes: Bool, checkIn: CheckIn) {
        self.symptom = symptom
        self.isYes = isYes
        self.checkIn = checkIn
    }

    /// The standing answer to every warning-sign question answered at or before `now`, keyed by question.
    ///
    /// - Complexity: scans back from `now` until every warning sign has an answer, so at worst
    ///   the check-ins up to now.
    public static func all(in journal: Journal, at now: Date) -> [Symptom: StandingAnswer] {
        let checkIns = journal.checkIns
        let end = TimeOrder.end(of: checkIns, upTo: TimeOrder.milliseconds(of: now), by: \.at)
        var answers: [Symptom: StandingAnswer] = [:]
        let wanted = Symptom.warningSigns.count
        var index = end - 1
        while index >= 0, answers.count < wanted {
            let checkIn = checkIns[index]
            for symptom in checkIn.symptoms where symptom.isWarningSign && answers[symptom] == nil {
                answers[symptom] = StandingAnswer(symptom: symptom, isYes: true, checkIn: checkIn)
            }
            for symptom in checkIn.denied where answers[symptom] == nil {
                answers[symptom] = StandingAnswer(symptom: symptom, isYes: false, checkIn: checkIn)
            }
            index -= 1
        }
        return answers
    }

    /// The questions whose standing answer at `now` is yes, in the check-in's asking order.
    public static func standingYes(in journal: Journal, at now: Date) -> [StandingAnswer] {
        let answers = all(in: journal, at: now)
        return Symptom.warningSigns.compactMap { answers[$0] }.filter(\.isYes)
    }
}

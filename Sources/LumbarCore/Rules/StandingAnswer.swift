#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    /// - Complexity: scans back from `now` until every warning sign has an answer; a check-in
    ///   that answers nothing costs two emptiness tests. A question never answered makes the
    ///   scan reach the first check-in.
    public static func all(in journal: Journal, at now: Date) -> [Symptom: StandingAnswer] {
        all(in: journal, upTo: ChronologicalSearch.end(of: journal.checkIns, upTo: ChronologicalSearch.milliseconds(of: now), by: \.at))
    }

    /// The standing answers given by `journal.checkIns[..<end]`.
    static func all(in journal: Journal, upTo end: Int) -> [Symptom: StandingAnswer] {
        let checkIns = journal.checkIns
        var answers: [Symptom: StandingAnswer] = [:]
        // Only questions some check-in answers can have a standing answer; stop when all are found.
        let wanted = journal.answeredWarningSigns.count
        var index = end - 1
        while index >= 0, answers.count < wanted {
            let checkIn = checkIns[index]
            index -= 1
            if checkIn.denied.isEmpty, checkIn.symptoms.isEmpty { continue }
            for symptom in checkIn.symptoms where answers[symptom] == nil && warningSet.contains(symptom) {
                answers[symptom] = StandingAnswer(symptom: symptom, isYes: true, checkIn: checkIn)
            }
            for symptom in checkIn.denied where answers[symptom] == nil {
                answers[symptom] = StandingAnswer(symptom: symptom, isYes: false, checkIn: checkIn)
            }
        }
        return answers
    }

    /// The warning signs as a set, for the scan's membership tests.
    static let warningSet = Set(Symptom.warningSigns)

    /// The questions whose standing answer at `now` is yes, in the check-in's asking order.
    public static func standingYes(in journal: Journal, at now: Date) -> [StandingAnswer] {
        let answers = all(in: journal, at: now)
        return Symptom.warningSigns.compactMap { answers[$0] }.filter(\.isYes)
    }

    /// Whether `symptom` stood yes at `time` (a check-in at exactly `time` counts) and no check-in
    /// from then until `now` answered it no.
    ///
    /// - Complexity: scans back from `now` to the answer that stood at `time`.
    static func stoodYesUnbroken(_ symptom: Symptom, in journal: Journal, since time: Int64, upTo end: Int) -> Bool {
        let checkIns = journal.checkIns
        var index = end - 1
        while index >= 0 {
            let checkIn = checkIns[index]
            index -= 1
            guard let answer = checkIn.answer(to: symptom) else { continue }
            if !answer { return false }
            if checkIn.at.epochMilliseconds <= time { return true }
        }
        return false
    }
}

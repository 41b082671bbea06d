#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// What `checkin` says after saving: the yes answers that still stand, and unlogged dates of the
/// open episode that may have been pain-free.
struct CheckInFollowUp {
    /// The journal as saved, with the check-in in it.
    var journal: Journal
    /// The check-in just logged.
    var checkIn: CheckIn
    /// The process time zone, for dates in the text.
    var timeZone: ZoneInfo
    /// The `--store` path the command was given, repeated in the commands it prints.
    var storeOption: String?

    /// The warning signs whose yes still stands at the check-in because it left them unanswered,
    /// in asking order, with the command that answers them no; `nil` when there are none.
    var standingYesLine: String? {
        let standing = StandingAnswer.standingYes(in: journal, at: checkIn.at.date)
            .filter { checkIn.answer(to: $0.symptom) == nil }
        guard !standing.isEmpty else { return nil }
        let answers = standing.map { "\($0.symptom.rawValue) (\($0.checkIn.date.shortDescription(seenOn: checkIn.date)))" }
        let keys = standing.map(\.symptom.rawValue).joined(separator: ",")
        let these = standing.count == 1 ? "it no longer holds" : "they no longer hold"
        return "Still standing from earlier check-ins, unanswered here: yes to \(answers.joined(separator: ", ")). "
            + "If \(these), answer no: \(command("lumbar checkin --no \(keys) --pain N"))"
    }

    /// The dates with no check-in between the open episode's previous check-in and this painful
    /// one, asked about with the command that logs each as pain-free; `nil` when there are none.
    var unloggedDatesLine: String? {
        guard checkIn.pain >= 1,
            let episode = EpisodeTracker.currentEpisode(in: journal, at: checkIn.at.date, timeZone: timeZone),
            let position = episode.checkInRange.firstIndex(where: { journal.checkIns[$0].id == checkIn.id }),
            position > episode.checkInRange.lowerBound
        else { return nil }
        let previous = journal.checkIns[position - 1]
        let dates = Self.dates(after: previous.date, before: checkIn.date)
        guard !dates.isEmpty else { return nil }
        let log: String
        if let only = dates.first, dates.count == 1 {
            log = command("lumbar checkin --date \(only) --pain 0")
        } else {
            log = "for d in \(dates.map(\.description).joined(separator: " ")); do \(command("lumbar checkin --date $d --pain 0")); done"
        }
        let span =
            dates.count == 1
            ? "\(dates[0].shortDescription(seenOn: checkIn.date)) has"
            : "\(dates.count) dates, \(dates[0].shortDescription(seenOn: checkIn.date)) to \(dates[dates.count - 1].shortDescription(seenOn: checkIn.date)), have"
        return "Was your back pain-free on those dates? \(span) no check-in since \(previous.date.shortDescription(seenOn: checkIn.date)). If it was: \(log)"
    }

    /// The dates strictly between `start` and `end`, oldest first.
    static func dates(after start: LocalDate, before end: LocalDate) -> [LocalDate] {
        guard start.days(to: end) > 1 else { return [] }
        return (1..<start.days(to: end)).map { start.adding(days: $0) }
    }

    /// `text` with `--store PATH` added when the command was given one, so it writes the same journal.
    private func command(_ text: String) -> String {
        guard let storeOption else { return text }
        return text + " --store " + ShellWord.quoted(storeOption)
    }
}

import LumbarCore
import LumbarText

/// Short descriptions of entries for questions and messages.
enum EntryText {
    /// "the check-in of Thu 5 Mar 2026 (pain 5)" or "the deadlift session of Mon 2 Mar 2026 18:00".
    static func describe(_ entry: Journal.Entry) -> String {
        switch entry {
        case .checkIn(let c):
            return "the check-in of \(c.date.shortDescription) \(c.date.year) (pain \(c.pain))"
        case .session(let s):
            let date = s.at.localDate
            return "the \(s.kind) session of \(date.shortDescription) \(date.year) \(s.at.clockTime)"
        }
    }

    /// "the check-in Tue 3 Mar 08:10" or "the deadlift session Mon 2 Mar 18:00": what a person
    /// sees in History's date and time columns, so it can be found there.
    static func short(_ entry: Journal.Entry) -> String {
        switch entry {
        case .checkIn(let c):
            return "the check-in \(c.date.shortDescription) \(c.at.clockTime)"
        case .session(let s):
            return "the \(s.kind) session \(s.at.localDate.shortDescription) \(s.at.clockTime)"
        }
    }
}

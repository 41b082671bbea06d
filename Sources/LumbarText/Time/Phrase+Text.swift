import LumbarCore

extension Phrase {
    /// The phrase as people read it: times and dates in the form each asks for, loads with thousands separated.
    public var text: String {
        var text = ""
        for part in parts {
            switch part {
            case .text(let words): text += words
            case .time(let time): text += TimeText.text(time)
            case .date(let date, let today): text += today.map { date.shortDescription(seenOn: $0) } ?? date.shortDescription
            case .load(let load): text += LoadText.number(load)
            }
        }
        return text
    }
}

import LumbarCore

/// Dates as people read them: "Tue 3 Mar", "Thu 7 Apr 2022".
extension LocalDate {
    /// English three-letter weekday name ("Mon").
    public var weekdayAbbreviation: String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][isoWeekday - 1]
    }

    /// English three-letter month name ("Mar").
    public var monthAbbreviation: String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
    }

    /// A short human form: "Tue 3 Mar".
    public var shortDescription: String { "\(weekdayAbbreviation) \(day) \(monthAbbreviation)" }

    /// The short form, with the year when it is not `today`'s: "Thu 7 Apr 2022" seen in 2026.
    public func shortDescription(seenOn today: LocalDate) -> String {
        year == today.year ? shortDescription : shortDescription + " " + String(year)
    }
}

import LumbarCore

/// Loads and changes as people read them: "2,150", "60 % above your usual 1,340".
public enum LoadText {
    /// A whole number with thousands separated by commas.
    public static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// The week against the usual one: "this week 2,150, 60 % above your usual 1,340".
    public static func week(_ week: LoadWeek) -> String {
        let base = "this week \(number(week.load))"
        guard let change = week.changePercent else {
            return base + "; no usual week yet (no load logged in the 28 days before)"
        }
        let usual = number(week.usualRounded)
        if change > 0 { return base + ", \(change) % above your usual \(usual)" }
        if change < 0 { return base + ", \(-change) % below your usual \(usual)" }
        return base + ", the same as your usual \(usual)"
    }
}

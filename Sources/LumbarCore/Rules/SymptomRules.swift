/// The symptom rules: warning signs reported in any check-in of the 7 days up to now.
enum SymptomRules {
    /// The flags of every symptom rule that fires.
    static func flags(_ context: RuleContext) -> [Flag] {
        RuleID.allCases.filter(\.isSymptomRule).compactMap { flag($0, context) }
    }

    /// The flag of one symptom rule, or `nil` when none of its symptoms was reported this week.
    static func flag(_ rule: RuleID, _ context: RuleContext) -> Flag? {
        var evidence = EvidenceList()
        var seen: [Symptom] = []
        var lastReport: CheckIn?
        for checkIn in context.recentCheckIns {
            let matched = rule.symptoms.filter(checkIn.has)
            guard !matched.isEmpty else { continue }
            evidence.add(checkIn, matched.map(\.label))
            for symptom in matched where !seen.contains(symptom) { seen.append(symptom) }
            lastReport = checkIn
        }
        guard let lastReport, let level = rule.levels.last else { return nil }
        // The flag lasts while the latest report is inside the week, so show when that ends.
        let expiry = lastReport.at.adding(hours: 168)
        let window = FlagWindow(
            start: context.local(lastReport.at), end: context.local(expiry),
            text: "7 days after the report of \(context.dateText(lastReport.at)) = \(context.dateText(expiry))")
        return Flag(rule: rule, level: level, headline: headline(rule, seen), action: level.action,
                    evidence: evidence.lines, evidenceDates: evidence.dates, window: window, sources: rule.sources)
    }

    /// One line on what was reported.
    static func headline(_ rule: RuleID, _ symptoms: [Symptom]) -> String {
        let week = "in the last 7 days"
        switch rule {
        case .bladderBowel: return "New trouble controlling your bladder or bowels was logged \(week)."
        case .saddleNumbness: return "Numbness around the genitals, buttocks or inner thighs was logged \(week)."
        case .legWeakness: return "A weak leg, or one that cannot take your weight, was logged \(week)."
        case .nerveSigns: return "Possible nerve signs were logged \(week): \(symptoms.map(\.label).joined(separator: ", "))."
        case .nightPain: return "Back pain woke you at night \(week)."
        case .limitedMobility: return "Back pain limited how you could move \(week)."
        case .spreadingPain: return "Pain spreading to other parts of the back was logged \(week)."
        case .systemicSigns:
            let words = symptoms.map { $0 == .weightLoss ? "weight loss without trying" : $0.label }
            return "\(words.joined(separator: " and ").capitalizedFirst) \(words.count > 1 ? "were" : "was") logged \(week)."
        default: return rule.title
        }
    }
}

extension String {
    /// The string with its first character upper-cased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

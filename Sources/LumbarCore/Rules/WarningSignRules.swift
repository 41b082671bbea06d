/// The warning-sign rules: they read the standing answers, inside or outside an episode.
enum WarningSignRules {
    /// The cauda equina signs that make `sexual-dysfunction` an emergency while one of them stands yes.
    static let caudaEquinaSigns: [Symptom] = [.bladderBowel, .urinaryDifficulty, .saddleNumbness, .bothLegs]

    /// The flags of every warning-sign rule whose question stands yes.
    static func flags(_ context: RuleContext) -> [RuleFlag] {
        RuleID.allCases.filter(\.isWarningSignRule).compactMap { flag($0, context) }
    }

    /// The level `rule` fires at given the standing answers, or `nil` when none of its keys stands yes.
    static func level(_ rule: RuleID, _ context: RuleContext) -> Level? {
        guard rule.symptoms.contains(where: context.standsYes) else { return nil }
        if rule == .sexualDysfunction {
            return caudaEquinaSigns.contains(where: context.standsYes) ? .emergency : .urgent
        }
        return rule.levels.last
    }

    /// The keys that set `rule` off now, in asking order.
    static func keys(_ rule: RuleID, _ context: RuleContext) -> [Symptom] {
        rule.symptoms.filter(context.standsYes)
    }

    /// The flag of one warning-sign rule, or `nil` when none of its questions stands yes.
    static func flag(_ rule: RuleID, _ context: RuleContext) -> RuleFlag? {
        guard let level = level(rule, context) else { return nil }
        let yes = keys(rule, context).compactMap { context.answers[$0] }
        guard let latest = yes.max(by: { $0.checkIn.at < $1.checkIn.at }) else { return nil }
        let phrases = yes.map { phrase($0.symptom) }
        let stale = context.now.epochMilliseconds - latest.checkIn.at.epochMilliseconds > 168 * ChronologicalSearch.hour
        let on: Phrase = "\(date: latest.checkIn.date, seenOn: context.now.localDate)"
        let said: Phrase = stale ? "Still \(listed(phrases))? You said yes on \(on)." : "You answered yes to \(listed(phrases)) on \(on)."
        var evidence = EvidenceList()
        for answer in yes {
            evidence.add(answer.checkIn, ["\(answer.symptom.rawValue): yes, standing until answered no"])
        }
        let keys = yes.map(\.symptom.rawValue).joined(separator: ",")
        let answerNo = "If this has gone, answer it no: lumbar checkin --no \(keys) --pain N, with N your pain now (in the check-in form, key n)."
        return RuleFlag(
            rule: rule, level: level, headline: "\(said) \(reason(rule, level, keys: yes.count))",
            action: Phrase([level.action, extraAction(rule)].compactMap { $0 }.joined(separator: " ") + " " + answerNo),
            evidence: evidence.lines, evidenceDates: evidence.dates, window: nil, sources: rule.sources)
    }

    /// Why the sources treat the sign as they do, attributed to them.
    static func reason(_ rule: RuleID, _ level: Level, keys: Int) -> String {
        switch rule {
        case .bladderBowel, .urinaryDifficulty, .saddleNumbness, .bothLegs:
            return "The NHS and the GIRFT cauda equina pathway send this to emergency care at once."
        case .sexualDysfunction:
            return level == .emergency
                ? "With a bladder, bowel, saddle or both-legs sign also standing, GIRFT treats it as an emergency."
                : "On its own GIRFT rates it less likely to be an emergency, but a doctor should see you today."
        case .legWeakness: return "The articles treat a weak leg as a reason to be seen the same day."
        case .systemicSigns: return "With back pain, the NHS treats this as a reason to see a doctor today."
        case .afterFall: return "The NHS and NICE treat back pain after a fall or accident as a reason to see a doctor today."
        case .nerveSigns:
            return keys > 1
                ? "The articles treat these as signs that a nerve may be involved; have them checked."
                : "The articles treat this as a sign that a nerve may be involved; have it checked."
        default: return "The articles treat this as more than ordinary soreness; have it checked."
        }
    }

    /// What the rule adds to its level's action.
    static func extraAction(_ rule: RuleID) -> String? {
        switch rule {
        case .afterFall: return "After a serious accident (a road crash, a fall from a height), go to emergency care now."
        default: return nil
        }
    }

    /// "numbness or tingling": the phrases joined as a question lists them.
    static func listed(_ phrases: [String]) -> String {
        guard phrases.count > 1, let last = phrases.last else { return phrases.first ?? "" }
        return phrases.dropLast().joined(separator: ", ") + " or " + last
    }

    /// The sign in a few words, as it reads after "Still" or "yes to".
    static func phrase(_ symptom: Symptom) -> String {
        switch symptom {
        case .bladderBowel: return "trouble controlling your bladder or bowels"
        case .urinaryDifficulty: return "trouble passing urine"
        case .saddleNumbness: return "numbness or changed feeling around the genitals, back passage, buttocks or inner thighs"
        case .sexualDysfunction: return "new loss of feeling in the genitals or trouble with erection or ejaculation"
        case .bothLegs: return "pain, numbness, tingling or weakness in both legs"
        case .legWeakness: return "a leg that is weak or gives way"
        case .afterFall: return "pain since a fall, a blow or an accident"
        case .fever: return "a fever or feeling unwell"
        case .weightLoss: return "losing weight without trying"
        case .numbness: return "numbness"
        case .tingling: return "tingling"
        case .radiatingPain: return "pain shooting into a buttock or leg"
        case .coughSneezePain: return "pain worse on coughing or sneezing"
        case .difficultyWalking: return "trouble standing or walking"
        case .nightPain: return "pain that wakes you at night"
        case .limitedMobility: return "pain that stops daily tasks"
        case .spreadingPain: return "pain spreading to other parts of the back"
        default: return symptom.label
        }
    }
}

extension String {
    /// The string with its first character upper-cased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

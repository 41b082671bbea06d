/// The episode rules: they read only the episode open at now.
enum EpisodeRules {
    /// The flags of every episode rule that fires (none without a current episode).
    static func flags(_ context: RuleContext) -> [Flag] {
        guard let episode = context.episode else { return [] }
        let rules: [(RuleContext, Episode) -> Flag?] = [
            intensePain, acuteInjury, severe72to96h, pain2to4Weeks, worseDespiteCare, sixWeekRisk, domsWindow, logToday,
        ]
        return rules.compactMap { $0(context, episode) }
    }

    /// A flag with the rule's sources.
    private static func flag(_ rule: RuleID, _ level: Level, _ headline: String, action: String? = nil,
                             _ evidence: EvidenceList, _ window: FlagWindow?) -> Flag {
        Flag(rule: rule, level: level, headline: headline, action: action ?? level.action, evidence: evidence.lines,
             evidenceDates: evidence.dates, window: window, sources: rule.sources)
    }

    /// `intense-pain`: the latest check-in is severe and from the last 7 days.
    static func intensePain(_ context: RuleContext, _ episode: Episode) -> Flag? {
        let latest = episode.latest
        guard PainScale.isSevere(latest.pain), latest.at.epochMilliseconds >= context.weekStart else { return nil }
        var evidence = EvidenceList()
        evidence.add(latest, ["latest check-in"])
        let expiry = latest.at.adding(hours: 168)
        let window = FlagWindow(start: context.local(latest.at), end: context.local(expiry),
                                text: "7 days after the check-in of \(context.dateText(latest.at)) = \(context.dateText(expiry))")
        return flag(.intensePain, .watch, "Your latest check-in puts the pain at \(latest.pain)/10, in the severe range.",
                    action: "Keep logging daily. Book a doctor or physiotherapist if it is still 7 or more 72–96 h after the session, gets worse despite self-care, or comes with numbness, tingling or leg weakness.",
                    evidence, window)
    }

    /// `acute-injury`: the trigger brought sharp pain; see a doctor if the pain was severe within 48 h.
    static func acuteInjury(_ context: RuleContext, _ episode: Episode) -> Flag? {
        guard let trigger = episode.trigger, trigger.suddenPain else { return nil }
        let deadline = trigger.at.adding(hours: 48)
        var evidence = EvidenceList()
        evidence.add(trigger, in: context.timeZone, ["sharp pain began during or right after it"])
        let severeEarly = context.episodeCheckIns.filter {
            $0.at.epochMilliseconds <= deadline.epochMilliseconds && PainScale.isSevere($0.pain)
        }
        for checkIn in severeEarly { evidence.add(checkIn, ["within 48 h"]) }
        let window = context.hoursWindow(48, after: trigger)
        if let worst = severeEarly.map(\.pain).max() {
            return flag(.acuteInjury, .seeDoctor,
                        "Sharp pain began at the \(context.text(trigger)) and reached \(worst)/10 within 48 h: this looks like an acute injury rather than soreness.",
                        evidence, window)
        }
        let action = context.now.epochMilliseconds < deadline.epochMilliseconds
            ? "Keep logging; if the pain reaches 7/10 by \(context.text(deadline)), book a doctor or physiotherapist."
            : "Keep logging; it stayed below 7/10 for 48 h. Book a doctor or physiotherapist if it turns severe, lasts past 72–96 h, or nerve symptoms appear."
        return flag(.acuteInjury, .watch,
                    "Sharp pain began at the \(context.text(trigger)): a sign of a strain rather than ordinary soreness.",
                    action: action, evidence, window)
    }

    /// `severe-72-96h`: the latest check-in is severe 72 h or more after the trigger (96 h: see a doctor).
    static func severe72to96h(_ context: RuleContext, _ episode: Episode) -> Flag? {
        guard let trigger = episode.trigger, PainScale.isSevere(episode.latest.pain) else { return nil }
        let elapsed = episode.latest.at.epochMilliseconds - trigger.at.epochMilliseconds
        guard elapsed >= 72 * TimeOrder.hour else { return nil }
        var evidence = EvidenceList()
        evidence.add(trigger, in: context.timeZone, ["the session the episode is traced to"])
        evidence.add(episode.latest, ["\(elapsed / TimeOrder.hour) h after it"])
        let headline = "Pain is still severe (\(episode.latest.pain)/10) \(elapsed / TimeOrder.hour) h after the \(context.text(trigger)); ordinary soreness fades by about 72 h."
        if elapsed >= 96 * TimeOrder.hour {
            return flag(.severe72to96h, .seeDoctor, headline, evidence, context.hoursWindow(96, after: trigger))
        }
        let mark96 = trigger.at.adding(hours: 96)
        return flag(.severe72to96h, .watch, headline,
                    action: "Keep logging; if it is still 7 or more at the 96 h mark (\(context.text(mark96))), book a doctor or physiotherapist.",
                    evidence, context.hoursWindow(72, after: trigger, text: "; 96 h = \(context.text(mark96))"))
    }

    /// `pain-2-4-weeks`: pain remains from day 14 (see a doctor unless improved) and from day 28 (see a doctor).
    static func pain2to4Weeks(_ context: RuleContext, _ episode: Episode) -> Flag? {
        let latest = episode.latest
        let day = context.day
        guard latest.pain >= 1, day >= 14 else { return nil }
        let improved = PainScale.isImproved(peak: episode.peak, latest: latest.pain)
        var evidence = EvidenceList()
        evidence.add(episode.onset, ["onset"])
        if let peak = context.episodeCheckIns.first(where: { $0.pain == episode.peak }) { evidence.add(peak, ["peak"]) }
        evidence.add(latest, ["latest"])
        let since = "since \(episode.onset.date.shortDescription)"
        if day >= 28 {
            return flag(.pain2to4Weeks, .seeDoctor, "Back pain has gone on for \(day) days (\(since)) and is still \(latest.pain)/10.",
                        evidence, context.dayWindow(28, onset: episode.onset))
        }
        if !improved {
            return flag(.pain2to4Weeks, .seeDoctor,
                        "Back pain has gone on for \(day) days (\(since)) without clearly improving (peak \(episode.peak), now \(latest.pain)).",
                        evidence, context.dayWindow(14, onset: episode.onset))
        }
        let day28 = episode.onset.date.adding(days: 28).shortDescription
        return flag(.pain2to4Weeks, .watch,
                    "Back pain has gone on for \(day) days (\(since)); it is easing (peak \(episode.peak), now \(latest.pain)) but not gone.",
                    action: "Keep logging; book a doctor or physiotherapist if it stops easing, or if there is still pain on day 28 (\(day28)).",
                    evidence, context.dayWindow(14, onset: episode.onset, text: "; day 28 = \(day28)"))
    }

    /// `worse-despite-care`: past the first 72 h and within the week, pain rose by 2 or more while self-care was logged.
    static func worseDespiteCare(_ context: RuleContext, _ episode: Episode) -> Flag? {
        let start = episode.trigger?.at ?? episode.onset.at
        let mark72 = start.adding(hours: 72)
        let lower = max(mark72.epochMilliseconds, context.weekStart)
        let checkIns = context.episodeCheckIns
        let window = checkIns[TimeOrder.start(of: checkIns, from: lower, by: \.at)...]
        // W is a suffix of the episode, so when it is not empty its last check-in is `latest`.
        guard window.count >= 2, let latest = window.last else { return nil }
        let others = window.dropLast()
        guard let lowest = others.min(by: { $0.pain < $1.pain }), latest.pain >= lowest.pain + 2,
              window.contains(where: { !$0.care.isEmpty }) else { return nil }
        var evidence = EvidenceList()
        evidence.add(lowest, ["lowest in the window"])
        for checkIn in window where !checkIn.care.isEmpty {
            evidence.add(checkIn, ["self-care: " + checkIn.care.map(\.label).joined(separator: ", ")])
        }
        evidence.add(latest, ["latest"])
        let care = window.flatMap(\.care).reduce(into: [SelfCare]()) { if !$0.contains($1) { $0.append($1) } }
        let from = episode.trigger.map { "72 h after \(context.text($0)) = \(context.text(mark72))" }
            ?? "72 h after the onset at \(context.text(episode.onset.at)) = \(context.text(mark72))"
        let text = lower == context.weekStart
            ? "the last 7 days, since \(context.text(Timestamp(epochMilliseconds: lower, utcOffsetSeconds: 0))) (past the 72 h mark, \(from))"
            : "from \(from), to now"
        let flagWindow = FlagWindow(start: context.local(Timestamp(epochMilliseconds: lower, utcOffsetSeconds: 0)),
                                    end: context.now, text: text)
        return flag(.worseDespiteCare, .seeDoctor,
                    "Pain rose from \(lowest.pain) to \(latest.pain) although you logged self-care (\(care.map(\.label).joined(separator: ", "))).",
                    evidence, flagWindow)
    }

    /// `six-week-risk`: from day 42, pain that is severe or not improving, with a risk factor.
    static func sixWeekRisk(_ context: RuleContext, _ episode: Episode) -> Flag? {
        let latest = episode.latest
        guard context.day >= 42, latest.pain >= 1,
              !PainScale.isImproved(peak: episode.peak, latest: latest.pain) || PainScale.isSevere(latest.pain) else { return nil }
        var factors: [String] = []
        var evidence = EvidenceList()
        evidence.add(episode.onset, ["onset"])
        evidence.add(latest, ["latest"])
        if let birthYear = context.journal.profile.birthYear {
            let age = context.today.year - birthYear
            if age < 20 || age > 55 {
                factors.append("age \(age)")
                evidence.add(line: "profile: born \(birthYear), age \(age) in \(context.today.year)")
            }
        }
        for symptom in [Symptom.fever, .weightLoss, .tenderToTap] {
            guard let report = context.episodeCheckIns.first(where: { $0.has(symptom) }) else { continue }
            factors.append(symptom.label)
            evidence.add(report, [symptom.label])
        }
        guard !factors.isEmpty else { return nil }
        let state = PainScale.isSevere(latest.pain) ? "is severe (\(latest.pain)/10)" : "is not improving (peak \(episode.peak), now \(latest.pain))"
        return flag(.sixWeekRisk, .seeDoctor,
                    "Pain has lasted \(context.day) days, \(state), and a risk factor is present: \(factors.joined(separator: ", ")).",
                    evidence, context.dayWindow(42, onset: episode.onset))
    }

    /// `doms-window`: mild to moderate pain inside 72 h of the session: what ordinary soreness looks like.
    static func domsWindow(_ context: RuleContext, _ episode: Episode) -> Flag? {
        guard let trigger = episode.trigger, episode.peak <= 6,
              context.now.epochMilliseconds - trigger.at.epochMilliseconds < 72 * TimeOrder.hour else { return nil }
        var evidence = EvidenceList()
        evidence.add(trigger, in: context.timeZone)
        if let peak = context.episodeCheckIns.first(where: { $0.pain == episode.peak }) { evidence.add(peak, ["peak so far"]) }
        let mark72 = trigger.at.adding(hours: 72)
        return flag(.domsWindow, .info,
                    "Pain of at most \(episode.peak)/10 within 72 h of the \(context.text(trigger)) fits ordinary post-exercise soreness.",
                    action: "Typical soreness starts 6–8 h after a session, is worst at 24–48 h and fades by about 72 h (\(context.text(mark72))). Keep moving gently; heat or ice can ease it.",
                    evidence, context.hoursWindow(72, after: trigger))
    }

    /// `log-today`: the episode is open and the last check-in is 2 or more days old.
    static func logToday(_ context: RuleContext, _ episode: Episode) -> Flag? {
        let latest = episode.latest
        let days = latest.date.days(to: context.today)
        guard days >= 2 else { return nil }
        var evidence = EvidenceList()
        evidence.add(latest, ["last check-in"])
        let window = FlagWindow(start: context.local(latest.at), end: nil,
                                text: "last check-in \(TimeText.dateTime(latest.at, in: context.timeZone)), \(days) days ago")
        return flag(.logToday, .info, "No check-in for \(days) days: the rules only see what is logged.",
                    action: "Log a check-in today, even if the pain is 0; two pain-free days in a row close the episode.",
                    evidence, window)
    }
}

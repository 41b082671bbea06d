/// The episode rules: they read only the episode open at now.
enum EpisodeRules {
    /// The flags of every episode rule that fires, except `doms-window` (which needs the others);
    /// none without a current episode.
    static func flags(_ context: RuleContext) -> [RuleFlag] {
        guard let episode = context.episode else { return [] }
        let silenced = context.latestIsTrainingSoreness
        let worse = gettingWorse(context, episode)
        var flags: [RuleFlag?] = [intensePain(context, episode), acuteInjury(context, episode), severe72to96h(context, episode)]
        if !silenced {
            flags += [notImproving(context, episode), pain2to4Weeks(context, episode), worse, sixWeekRisk(context, episode)]
        }
        flags.append(historyRisk(context, episode, gettingWorse: worse != nil, silenced: silenced))
        flags.append(logToday(context, episode))
        return flags.compactMap { $0 }
    }

    /// A flag with the rule's sources.
    static func flag(
        _ rule: RuleID, _ level: Level, _ headline: Phrase, action: Phrase? = nil,
        _ evidence: EvidenceList, _ window: FlagWindow?
    ) -> RuleFlag {
        RuleFlag(
            rule: rule, level: level, headline: headline, action: action ?? Phrase(level.action), evidence: evidence.lines,
            evidenceDates: evidence.dates, window: window, sources: rule.sources)
    }

    /// `intense-pain`: the latest check-in is from the last 7 days and severe (watch; 9 or more: see a doctor).
    static func intensePain(_ context: RuleContext, _ episode: Episode) -> RuleFlag? {
        let latest = episode.latest
        guard PainScale.isSevere(latest.pain), latest.at.epochMilliseconds >= context.weekStart else { return nil }
        var evidence = EvidenceList()
        evidence.add(latest, ["latest check-in"])
        let expiry = latest.at.adding(hours: 168)
        let window = FlagWindow(
            start: context.local(latest.at), end: context.local(expiry),
            text: "7 days after the check-in of \(context.dateText(latest.at)) = \(context.dateText(expiry))")
        if PainScale.isVerySevere(latest.pain) {
            return flag(
                .intensePain, .seeDoctor,
                "Your latest check-in puts the pain at \(latest.pain)/10; the articles treat pain this intense as a reason to be seen.",
                evidence, window)
        }
        return flag(
            .intensePain, .watch, "Your latest check-in puts the pain at \(latest.pain)/10, in the severe range.",
            action:
                "Keep logging daily. Book a doctor or physiotherapist if it reaches 9, is still 7 or more \(EpisodeMark.appointmentHours) h after \(startText(context, episode)), or rises further.",
            evidence, window)
    }

    /// "the Mon 18:00 deadlift" or "the onset (Tue 09:00)".
    static func startText(_ context: RuleContext, _ episode: Episode) -> Phrase {
        episode.trigger.map { "the \(context.text($0))" } ?? "the onset (\(context.text(episode.onset.at)))"
    }

    /// The sudden sessions `acute-injury` judges: during the episode or up to 72 h before its onset,
    /// or up to 7 days before it when no check-in came between the session and the onset.
    static func suddenSessions(_ context: RuleContext, _ episode: Episode) -> [Session] {
        let onset = episode.onset.at.epochMilliseconds
        let candidates = context.sessions(from: onset - 168 * ChronologicalSearch.hour, through: context.now.epochMilliseconds)
        return candidates.filter { session in
            let at = session.at.epochMilliseconds
            guard context.isSudden(session) else { return false }
            if at >= onset - Int64(Episode.triggerWindowHours) * ChronologicalSearch.hour { return true }
            // A first check-in days after the injury: nothing logged between the session and the onset.
            return context.checkIns(from: at, through: onset - 1).isEmpty
        }
    }

    /// `acute-injury`: a sudden session near the onset or during the episode; see a doctor when the
    /// pain reached 7 within 48 h of it (or at the first check-in after it, when none came sooner).
    static func acuteInjury(_ context: RuleContext, _ episode: Episode) -> RuleFlag? {
        let checkIns = context.episodeCheckIns
        var best: (session: Session, level: Level, severe: CheckIn?)?
        for session in suddenSessions(context, episode) {
            let at = session.at.epochMilliseconds
            let early = checkIns.filter { $0.at.epochMilliseconds >= at && $0.at.epochMilliseconds <= at + 48 * ChronologicalSearch.hour }
            let judged = early.isEmpty ? checkIns.first { $0.at.epochMilliseconds >= at }.map { [$0] } ?? [] : Array(early)
            let severe = judged.first { PainScale.isSevere($0.pain) }
            let level: Level = severe == nil ? .watch : .seeDoctor
            if best.map({ level > $0.level || (level == $0.level && session.at > $0.session.at) }) ?? true {
                best = (session, level, severe)
            }
        }
        guard let best else { return nil }
        let session = best.session
        let why = session.suddenPain ? "marked as sudden pain" : "sharp pain logged within 48 h"
        var evidence = EvidenceList()
        evidence.add(session, in: context.timeZone, [why])
        if let severe = best.severe { evidence.add(severe, ["pain \(severe.pain) after it"]) }
        let window = context.hoursWindow(48, after: session)
        if best.level == .seeDoctor {
            return flag(
                .acuteInjury, .seeDoctor,
                "Sudden pain at the \(context.text(session)) reached \(best.severe?.pain ?? 7)/10 soon after; the articles treat this as a sign of injury rather than soreness, so have it checked.",
                evidence, window)
        }
        let deadline = session.at.adding(hours: 48)
        let action: Phrase =
            context.now < deadline
            ? "Keep logging; if the pain reaches 7/10 by \(context.text(deadline)), book a doctor or physiotherapist."
            : "Keep logging; it stayed below 7/10 for 48 h. Book a doctor or physiotherapist if it turns severe or lasts."
        return flag(
            .acuteInjury, .watch,
            "Sudden pain at the \(context.text(session)): the articles read this as a possible strain rather than ordinary soreness.",
            action: action, evidence, window)
    }

    /// `severe-72-96h`: the latest check-in is severe 72 h or more after the start (96 h: see a doctor).
    static func severe72to96h(_ context: RuleContext, _ episode: Episode) -> RuleFlag? {
        let latest = episode.latest
        let start = episode.start
        guard PainScale.isSevere(latest.pain) else { return nil }
        let elapsed = latest.at.epochMilliseconds - start.epochMilliseconds
        guard elapsed >= Int64(EpisodeMark.sorenessHours) * ChronologicalSearch.hour else { return nil }
        var evidence = EvidenceList()
        if let trigger = episode.trigger {
            evidence.add(trigger, in: context.timeZone, ["the session the episode is traced to"])
        } else {
            evidence.add(episode.onset, ["onset (no session in the \(Episode.triggerWindowHours) h before it)"])
        }
        evidence.add(latest, ["\(elapsed / ChronologicalSearch.hour) h after the start"])
        let from = startText(context, episode)
        let headline: Phrase =
            "Pain is still severe (\(latest.pain)/10) \(elapsed / ChronologicalSearch.hour) h after \(from); the articles expect ordinary soreness to fade by about \(EpisodeMark.sorenessHours) h."
        let origin: Phrase = episode.trigger.map(context.text) ?? "the onset at \(context.text(episode.onset.at))"
        let mark = { (hours: Int, extra: Phrase) in
            FlagWindow(
                start: context.local(start), end: context.local(start.adding(hours: Double(hours))),
                text: "\(hours) h after \(origin) = \(context.text(start.adding(hours: Double(hours))))\(extra)")
        }
        let appointment = EpisodeMark.appointmentHours
        let mark96 = start.adding(hours: Double(appointment))
        if elapsed >= Int64(appointment) * ChronologicalSearch.hour {
            return flag(.severe72to96h, .seeDoctor, headline, evidence, mark(appointment, ""))
        }
        return flag(
            .severe72to96h, .watch, headline,
            action:
                "Keep logging; if it is still 7 or more at the \(appointment) h mark (\(context.text(mark96))), book a doctor or physiotherapist.",
            evidence, mark(EpisodeMark.sorenessHours, "; \(appointment) h = \(context.text(mark96))"))
    }

    /// Evidence naming the onset, the peak and the latest check-in.
    static func courseEvidence(_ context: RuleContext, _ episode: Episode) -> EvidenceList {
        var evidence = EvidenceList()
        evidence.add(episode.onset, ["onset"])
        if let peak = context.episodeCheckIns.first(where: { $0.pain == episode.peak }) { evidence.add(peak, ["peak"]) }
        evidence.add(episode.latest, ["latest"])
        return evidence
    }

    /// `not-improving`: in the second week, pain that has not clearly improved.
    static func notImproving(_ context: RuleContext, _ episode: Episode) -> RuleFlag? {
        let latest = episode.latest
        let day = context.day
        let twoWeeks = EpisodeMark.twoWeeksDay
        guard day >= 7, day < twoWeeks, latest.pain >= 1,
            !PainScale.isImproved(peak: episode.peak, latest: latest.pain)
        else { return nil }
        let day14: Phrase = "\(date: episode.onset.date.adding(days: twoWeeks))"
        return flag(
            .notImproving, .watch,
            "Day \(day) since \(date: episode.onset.date) and the pain has not clearly improved (peak \(episode.peak), now \(latest.pain)).",
            action: "Keep logging daily; if it has still not clearly improved on day \(twoWeeks) (\(day14)), book a doctor or physiotherapist.",
            courseEvidence(context, episode), context.dayWindow(twoWeeks, onset: episode.onset))
    }

    /// `pain-2-4-weeks`: pain remains from day 14 (see a doctor unless improved) and from day 28 (see a doctor).
    static func pain2to4Weeks(_ context: RuleContext, _ episode: Episode) -> RuleFlag? {
        let latest = episode.latest
        let day = context.day
        let (twoWeeks, fourWeeks) = (EpisodeMark.twoWeeksDay, EpisodeMark.fourWeeksDay)
        guard latest.pain >= 1, day >= twoWeeks else { return nil }
        let improved = PainScale.isImproved(peak: episode.peak, latest: latest.pain)
        let evidence = courseEvidence(context, episode)
        let since: Phrase = "since \(date: episode.onset.date)"
        if day >= fourWeeks {
            return flag(
                .pain2to4Weeks, .seeDoctor,
                "Back pain has gone on for \(day) days (\(since)) and is still \(latest.pain)/10; the articles expect most of it to settle within a few weeks.",
                evidence, context.dayWindow(fourWeeks, onset: episode.onset))
        }
        if !improved {
            return flag(
                .pain2to4Weeks, .seeDoctor,
                "Back pain has gone on for \(day) days (\(since)) without clearly improving (peak \(episode.peak), now \(latest.pain)).",
                evidence, context.dayWindow(twoWeeks, onset: episode.onset))
        }
        let day28: Phrase = "\(date: episode.onset.date.adding(days: fourWeeks))"
        return flag(
            .pain2to4Weeks, .watch,
            "Back pain has gone on for \(day) days (\(since)); it is easing (peak \(episode.peak), now \(latest.pain)) but not gone.",
            action: "Keep logging; book a doctor or physiotherapist if it stops easing, or if there is still pain on day \(fourWeeks) (\(day28)).",
            evidence, context.dayWindow(twoWeeks, onset: episode.onset, text: "; day \(fourWeeks) = \(day28)"))
    }

    /// `getting-worse`: past 72 h from the start and within the last 7 days, pain rose to 4 or more
    /// and 2 above the lowest of the other check-ins.
    static func gettingWorse(_ context: RuleContext, _ episode: Episode) -> RuleFlag? {
        let mark72 = episode.start.adding(hours: Double(EpisodeMark.sorenessHours))
        let lower = max(mark72.epochMilliseconds, context.weekStart)
        let checkIns = context.episodeCheckIns
        let window = checkIns[ChronologicalSearch.start(of: checkIns, from: lower, by: \.at)...]
        // W is a suffix of the episode, so when it is not empty its last check-in is `latest`.
        guard window.count >= 2, let latest = window.last, latest.pain >= 4 else { return nil }
        guard let lowest = window.dropLast().min(by: { $0.pain < $1.pain }), latest.pain >= lowest.pain + 2 else { return nil }
        var evidence = EvidenceList()
        evidence.add(lowest, ["lowest in the window"])
        for checkIn in window where !checkIn.care.isEmpty {
            evidence.add(checkIn, ["self-care: " + checkIn.care.map(\.label).joined(separator: ", ")])
        }
        evidence.add(latest, ["latest"])
        let care = window.flatMap(\.care).reduce(into: [SelfCare]()) { if !$0.contains($1) { $0.append($1) } }
        let labels = care.map(\.label)
        let despite =
            labels.count > 1
            ? " despite " + labels.dropLast().joined(separator: ", ") + " and " + (labels.last ?? "")
            : labels.first.map { " despite " + $0 } ?? ""
        let start = Timestamp(epochMilliseconds: lower, utcOffsetSeconds: 0)
        let origin: Phrase = episode.trigger.map(context.text) ?? "the onset at \(context.text(episode.onset.at))"
        let text: Phrase =
            lower == context.weekStart
            ? "the last 7 days, since \(context.text(start))"
            : "from \(EpisodeMark.sorenessHours) h after \(origin) = \(context.text(mark72)), to now"
        return flag(
            .gettingWorse, .seeDoctor,
            "Pain rose from \(lowest.pain) to \(latest.pain)\(despite); the articles treat pain that gets worse as a reason to be seen.",
            evidence, FlagWindow(start: context.local(start), end: context.now, text: text))
    }

    /// The risk factors `six-week-risk` reads, with their evidence.
    static func riskFactors(_ context: RuleContext, into evidence: inout EvidenceList) -> [String] {
        var factors: [String] = []
        if let birthYear = context.journal.profile.birthYear {
            let age = context.today.year - birthYear
            if age < 20 || age > 55 {
                factors.append("age \(age)")
                evidence.add(line: "profile: born \(birthYear), age \(age) in \(context.today.year)")
            }
        }
        for symptom in [Symptom.fever, .weightLoss, .tenderToTap] {
            guard let report = context.episodeCheckIns.last(where: { $0.has(symptom) }) else { continue }
            factors.append(symptom.label)
            evidence.add(report, [symptom.label])
        }
        for item in context.journal.profile.history {
            factors.append(item.label)
            evidence.add(line: "profile history: \(item.label)")
        }
        return factors
    }

    /// `six-week-risk`: from day 42, pain that is severe or not improving, with a risk factor.
    static func sixWeekRisk(_ context: RuleContext, _ episode: Episode) -> RuleFlag? {
        let latest = episode.latest
        guard context.day >= EpisodeMark.sixWeeksDay, latest.pain >= 1,
            !PainScale.isImproved(peak: episode.peak, latest: latest.pain) || PainScale.isSevere(latest.pain)
        else { return nil }
        var evidence = courseEvidence(context, episode)
        let factors = riskFactors(context, into: &evidence)
        guard !factors.isEmpty else { return nil }
        let state = PainScale.isSevere(latest.pain) ? "is severe (\(latest.pain)/10)" : "is not improving (peak \(episode.peak), now \(latest.pain))"
        return flag(
            .sixWeekRisk, .seeDoctor,
            "Pain has lasted \(context.day) days, \(state), with a risk factor the articles name: \(factors.joined(separator: ", ")).",
            evidence, context.dayWindow(EpisodeMark.sixWeeksDay, onset: episode.onset))
    }

    /// The cancer branch's signs: urgent ones and emergency ones.
    static let cancerUrgentSigns: [Symptom] = [.nightPain, .coughSneezePain, .tenderToTap]
    static let cancerEmergencySigns: [Symptom] = [.legWeakness, .numbness, .tingling, .radiatingPain, .difficultyWalking]

    /// `history-risk`: back pain with a medical history item (see a doctor from day 7 or when
    /// severe); with a cancer history, urgent or emergency on the signs NICE NG234 names.
    static func historyRisk(_ context: RuleContext, _ episode: Episode, gettingWorse: Bool, silenced: Bool) -> RuleFlag? {
        let history = context.journal.profile.history
        let latest = episode.latest
        guard !history.isEmpty, latest.pain >= 1 else { return nil }
        var evidence = EvidenceList()
        evidence.add(latest, ["latest"])
        let items = history.map(\.label).joined(separator: ", ")
        if history.contains(.cancer) {
            let emergency = cancerEmergencySigns.filter(context.standsYes)
            let urgent = cancerUrgentSigns.filter(context.standsYes)
            if !emergency.isEmpty || !urgent.isEmpty || PainScale.isSevere(latest.pain) || gettingWorse {
                for symptom in emergency + urgent {
                    if let answer = context.answers[symptom] { evidence.add(answer.checkIn, ["\(symptom.rawValue): yes"]) }
                }
                evidence.add(line: "profile history: \(items)")
                var reasons = (emergency + urgent).map(WarningSignRules.phrase)
                if PainScale.isSevere(latest.pain) { reasons.append("pain of \(latest.pain)/10") }
                if gettingWorse { reasons.append("pain getting worse") }
                let level: Level = emergency.isEmpty ? .urgent : .emergency
                return flag(
                    .historyRisk, level,
                    "Back pain with a history of cancer and \(reasons.joined(separator: ", ")): NICE NG234 asks for this to be seen \(level == .emergency ? "as an emergency" : "by a doctor today").",
                    evidence, nil)
            }
        }
        guard !silenced, context.day >= 7 || PainScale.isSevere(latest.pain) else { return nil }
        evidence.add(line: "profile history: \(items)")
        let why = context.day >= 7 ? "has lasted \(context.day) days" : "is severe (\(latest.pain)/10)"
        return flag(
            .historyRisk, .seeDoctor,
            "Back pain that \(why), with \(items) in your history: the articles and NICE NG59 treat that history as a reason to be seen.",
            evidence, context.dayWindow(7, onset: episode.onset))
    }

    /// `doms-window`: a non-sudden trigger less than 72 h ago, peak ≤ 6, and nothing else at watch
    /// or above: what ordinary soreness looks like.
    static func domsWindow(_ context: RuleContext, others: [RuleFlag]) -> RuleFlag? {
        let soreness = EpisodeMark.sorenessHours
        guard let episode = context.episode, let trigger = episode.trigger, episode.peak <= 6,
            context.now.epochMilliseconds - trigger.at.epochMilliseconds < Int64(soreness) * ChronologicalSearch.hour,
            !context.isSudden(trigger), !others.contains(where: { $0.level >= .watch })
        else { return nil }
        var evidence = EvidenceList()
        evidence.add(trigger, in: context.timeZone)
        if let peak = context.episodeCheckIns.first(where: { $0.pain == episode.peak }) { evidence.add(peak, ["peak so far"]) }
        let mark72 = trigger.at.adding(hours: Double(soreness))
        return flag(
            .domsWindow, .info,
            "Pain of at most \(episode.peak)/10 within \(soreness) h of the \(context.text(trigger)) fits ordinary post-exercise soreness.",
            action:
                "The articles describe soreness that starts some hours after a session, is worst at 24–48 h and fades by about \(soreness) h (\(context.text(mark72))). Keep moving gently; heat or ice can ease it.",
            evidence, context.hoursWindow(soreness, after: trigger))
    }

    /// `log-today`: the episode is open and the last check-in is 2 or more dates old.
    static func logToday(_ context: RuleContext, _ episode: Episode) -> RuleFlag? {
        let latest = episode.latest
        let days = latest.date.days(to: context.today)
        guard days >= 2 else { return nil }
        var evidence = EvidenceList()
        evidence.add(latest, ["last check-in"])
        let window = FlagWindow(
            start: context.local(latest.at), end: nil,
            text: "last check-in \(dateTime: latest.at, in: context.timeZone), \(days) days ago")
        return flag(
            .logToday, .info, "No check-in for \(days) days: the rules only see what is logged.",
            action: "Log a check-in today, even if the pain is 0.",
            evidence, window)
    }
}

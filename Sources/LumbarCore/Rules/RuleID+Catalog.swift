/// What each rule is about, in lumbar's words: the facts the guide, the flags and the reports share.
extension RuleID {
    /// A short name for lists and headings ("Severe pain 72–96 h after the start").
    public var title: String {
        switch self {
        case .bladderBowel: return "Bladder or bowel control"
        case .urinaryDifficulty: return "Trouble passing urine"
        case .saddleNumbness: return "Saddle numbness"
        case .sexualDysfunction: return "New sexual problems"
        case .bothLegs: return "Symptoms in both legs"
        case .legWeakness: return "Leg weakness"
        case .systemicSigns: return "Fever or weight loss"
        case .afterFall: return "Pain after a fall or accident"
        case .nerveSigns: return "Signs of nerve involvement"
        case .nightPain: return "Pain at night"
        case .limitedMobility: return "Limited movement"
        case .spreadingPain: return "Spreading pain"
        case .intensePain: return "Severe pain"
        case .acuteInjury: return "Sharp pain at a session"
        case .severe72to96h: return "Severe pain 72–96 h after the start"
        case .notImproving: return "Not improving after a week"
        case .pain2to4Weeks: return "Pain for 2–4 weeks"
        case .gettingWorse: return "Getting worse"
        case .sixWeekRisk: return "Six weeks with a risk factor"
        case .historyRisk: return "Pain with a medical history"
        case .domsWindow: return "Ordinary soreness window"
        case .logToday: return "Log a check-in"
        case .recurringPain: return "Pain that keeps coming back"
        }
    }

    /// The levels this rule can raise, lowest first.
    public var levels: [Level] {
        switch self {
        case .bladderBowel, .urinaryDifficulty, .saddleNumbness, .bothLegs: return [.emergency]
        case .sexualDysfunction: return [.urgent, .emergency]
        case .legWeakness, .systemicSigns, .afterFall: return [.urgent]
        case .nerveSigns, .nightPain, .limitedMobility, .spreadingPain, .gettingWorse, .sixWeekRisk, .recurringPain:
            return [.seeDoctor]
        case .intensePain, .acuteInjury, .severe72to96h, .pain2to4Weeks: return [.watch, .seeDoctor]
        case .notImproving: return [.watch]
        case .historyRisk: return [.seeDoctor, .urgent, .emergency]
        case .domsWindow, .logToday: return [.info]
        }
    }

    /// The sources the rule rests on, the main one first: articles, then guidelines (none for
    /// `log-today`, lumbar's own rule).
    public var sources: [Article] {
        switch self {
        case .bladderBowel: return [.shouldIBeWorried, .whatCausesPain, .nhsBackPain, .girftCaudaEquina]
        case .urinaryDifficulty: return [.nhsBackPain, .girftCaudaEquina]
        case .saddleNumbness: return [.shouldIBeWorried, .nhsBackPain, .girftCaudaEquina]
        case .sexualDysfunction: return [.nhsBackPain, .girftCaudaEquina]
        case .bothLegs: return [.nhsBackPain, .girftCaudaEquina]
        case .legWeakness: return [.whenDiscomfortCallsForAttention, .whatCausesPain]
        case .systemicSigns: return [.whatCausesPain, .nhsBackPain]
        case .afterFall: return [.nhsBackPain, .niceNG59]
        case .nerveSigns: return [.shouldIBeWorried, .whenDiscomfortCallsForAttention, .whenToBeConcerned]
        case .nightPain: return [.whenDiscomfortCallsForAttention]
        case .limitedMobility: return [.whenDiscomfortCallsForAttention, .whenToBeConcerned, .causesAndReliefTips]
        case .spreadingPain: return [.whenDiscomfortCallsForAttention]
        case .intensePain: return [.shouldIBeWorried, .whenDiscomfortCallsForAttention]
        case .acuteInjury:
            return [.shouldIBeWorried, .whenDiscomfortCallsForAttention, .whenToBeConcerned, .causesAndReliefTips]
        case .severe72to96h: return [.whenDiscomfortCallsForAttention, .causesAndReliefTips]
        case .notImproving, .pain2to4Weeks, .recurringPain: return [.shouldIBeWorried]
        case .gettingWorse: return [.shouldIBeWorried, .whenToBeConcerned]
        case .sixWeekRisk: return [.whatCausesPain]
        case .historyRisk: return [.whatCausesPain, .niceNG59, .niceNG234]
        case .domsWindow: return [.whenDiscomfortCallsForAttention, .causesAndReliefTips, .whatCausesPain]
        case .logToday: return []
        }
    }

    /// When the rule fires and why it matters, in a few plain sentences (for the guide).
    public var explanation: String {
        switch self {
        case .bladderBowel:
            return
                "New leaking, or losing control of the bladder or bowels, or not feeling that the bowel is full, together with back pain: the NHS and the cauda equina pathway send this to emergency care at once."
        case .urinaryDifficulty:
            return
                "New trouble starting or stopping a wee, a weak flow, or not feeling the bladder fill or empty: the guidelines treat this like loss of control, as a reason for emergency care now."
        case .saddleNumbness:
            return
                "Numbness, tingling or a changed feeling around the genitals, back passage, buttocks or inner thighs (you may notice it when wiping) is a reason for emergency care now."
        case .sexualDysfunction:
            return
                "New loss of feeling in the genitals, or new trouble getting an erection or ejaculating. Together with a bladder, bowel, saddle or both-legs sign it means emergency care now; on its own the cauda equina pathway rates it less likely to be that, so contact a doctor today."
        case .bothLegs:
            return "Pain, numbness, tingling or weakness in both legs at once is on the NHS and GIRFT lists of signs that need emergency care now."
        case .legWeakness:
            return "A leg that feels weak or gives way, or that you cannot stand on, is a reason to contact a doctor today."
        case .systemicSigns:
            return "A high temperature or feeling unwell with the back pain, or losing weight without trying, is a reason to contact a doctor today."
        case .afterFall:
            return
                "Pain that began after a fall, a blow or an accident should be checked by a doctor today; after a serious accident (a road crash, a fall from a height) go to emergency care now."
        case .nerveSigns:
            return
                "Numbness, pins and needles, pain shooting into a buttock or leg, pain that jumps when you cough or sneeze, or trouble standing and walking: the articles treat these as signs a nerve may be involved. Book a doctor or physiotherapist."
        case .nightPain:
            return "Ordinary soreness rarely wakes you. The articles treat pain that does as worth a doctor's or physiotherapist's look."
        case .limitedMobility:
            return "When the pain stops you dressing, walking or working, the articles treat it as more than routine soreness; book an assessment."
        case .spreadingPain:
            return
                "Pain that spreads to other parts of the back is not the usual pattern after training, according to the articles; book an assessment."
        case .intensePain:
            return
                "A latest check-in of 7 or more out of 10 in the last 7 days is severe pain: keep logging and watch the next days. At 9 or more, book a doctor or physiotherapist."
        case .acuteInjury:
            return
                "The articles read sharp pain that begins during or right after a session as a sign of injury rather than soreness. If the pain reached 7/10 within 48 hours of that session (or at the first check-in after it, when none came sooner), book a doctor or physiotherapist; otherwise keep watching."
        case .severe72to96h:
            return
                "Ordinary soreness fades by about 72 hours. Pain still at 7/10 or more 72 hours after the session (or the onset, without one) is a warning; from 96 hours, book an appointment."
        case .notImproving:
            return "In the second week of an episode, pain that has not clearly improved (a drop of 2 points, or 30 %) is worth watching closely."
        case .pain2to4Weeks:
            return
                "Most back pain after exercise settles within a few weeks. From day 14, pain that has not clearly improved calls for a doctor or physiotherapist; from day 28, any remaining pain does."
        case .gettingWorse:
            return
                "Past the first 72 hours, pain that climbs to 4 or more and is 2 points above the week's lowest should be assessed, whatever self-care you are doing."
        case .sixWeekRisk:
            return
                "Pain lasting six weeks or more that is severe or not improving, with a risk factor (age under 20 or over 55, fever, weight loss, a spine that hurts when tapped, or a medical history item), should be examined."
        case .historyRisk:
            return
                "With a history of cancer, osteoporosis, long-term steroids, a weakened immune system or injected drugs, back pain that lasts a week or is severe should be seen by a doctor. With a cancer history, night pain, pain on coughing, a tender spine or severe or worsening pain mean contacting a doctor today, and nerve signs mean emergency care now (NICE NG234)."
        case .domsWindow:
            return
                "Delayed-onset muscle soreness usually begins some hours after training, peaks at 24–48 hours and has faded by about 72 hours. Mild to moderate pain inside that window, with nothing else raised, is what training soreness looks like."
        case .logToday:
            return "The rules can only see what you log. After two days without a check-in, lumbar reminds you to add one, even if the pain is 0."
        case .recurringPain:
            return
                "Pain on 14 or more of the last 28 days, spread over two or more episodes and still there this week, is pain that keeps coming back; a doctor or physiotherapist can look at why."
        }
    }
}

/// What each rule is about, in lumbar's words: the facts the guide, the flags and the reports share.
extension RuleID {
    /// A short name for lists and headings ("Severe pain 72–96 h after a session").
    public var title: String {
        switch self {
        case .bladderBowel: return "Bladder or bowel control"
        case .saddleNumbness: return "Saddle numbness"
        case .legWeakness: return "Leg weakness"
        case .nerveSigns: return "Signs of nerve involvement"
        case .nightPain: return "Pain at night"
        case .limitedMobility: return "Limited movement"
        case .spreadingPain: return "Spreading pain"
        case .systemicSigns: return "Fever or weight loss"
        case .intensePain: return "Severe pain"
        case .acuteInjury: return "Sharp pain at a session"
        case .severe72to96h: return "Severe pain 72–96 h after a session"
        case .pain2to4Weeks: return "Pain for 2–4 weeks"
        case .worseDespiteCare: return "Worse despite self-care"
        case .sixWeekRisk: return "Six weeks with a risk factor"
        case .domsWindow: return "Ordinary soreness window"
        case .logToday: return "Log a check-in"
        }
    }

    /// The levels this rule can raise, lowest first.
    public var levels: [Level] {
        switch self {
        case .bladderBowel, .saddleNumbness: return [.emergency]
        case .legWeakness: return [.urgent]
        case .nerveSigns, .nightPain, .limitedMobility, .spreadingPain, .systemicSigns,
             .worseDespiteCare, .sixWeekRisk:
            return [.seeDoctor]
        case .intensePain: return [.watch]
        case .acuteInjury, .severe72to96h, .pain2to4Weeks: return [.watch, .seeDoctor]
        case .domsWindow, .logToday: return [.info]
        }
    }

    /// The articles the rule rests on, the main one first (none for `log-today`, lumbar's own rule).
    public var sources: [Article] {
        switch self {
        case .bladderBowel: return [.shouldIBeWorried, .whatCausesPain]
        case .saddleNumbness: return [.shouldIBeWorried]
        case .legWeakness: return [.whenDiscomfortCallsForAttention, .whatCausesPain]
        case .nerveSigns: return [.shouldIBeWorried, .whenDiscomfortCallsForAttention, .whenToBeConcerned]
        case .nightPain: return [.whenDiscomfortCallsForAttention]
        case .limitedMobility: return [.whenDiscomfortCallsForAttention, .whenToBeConcerned, .causesAndReliefTips]
        case .spreadingPain: return [.whenDiscomfortCallsForAttention]
        case .systemicSigns: return [.whatCausesPain]
        case .intensePain: return [.whenDiscomfortCallsForAttention]
        case .acuteInjury: return [.shouldIBeWorried, .whenDiscomfortCallsForAttention, .whenToBeConcerned]
        case .severe72to96h: return [.whenDiscomfortCallsForAttention, .causesAndReliefTips]
        case .pain2to4Weeks: return [.shouldIBeWorried]
        case .worseDespiteCare: return [.shouldIBeWorried, .whenToBeConcerned]
        case .sixWeekRisk: return [.whatCausesPain]
        case .domsWindow: return [.whenDiscomfortCallsForAttention, .causesAndReliefTips, .whatCausesPain]
        case .logToday: return []
        }
    }

    /// The symptoms a symptom rule looks for in the last 7 days; empty for the episode rules.
    public var symptoms: [Symptom] {
        switch self {
        case .bladderBowel: return [.bladderBowel]
        case .saddleNumbness: return [.saddleNumbness]
        case .legWeakness: return [.legWeakness]
        case .nerveSigns: return [.numbness, .tingling, .radiatingPain, .coughSneezePain, .difficultyWalking]
        case .nightPain: return [.nightPain]
        case .limitedMobility: return [.limitedMobility]
        case .spreadingPain: return [.spreadingPain]
        case .systemicSigns: return [.fever, .weightLoss]
        default: return []
        }
    }

    /// Whether the rule reads symptoms of the last 7 days rather than the current episode.
    public var isSymptomRule: Bool { !symptoms.isEmpty }

    /// When the rule fires and why it matters, in a few plain sentences (for the guide).
    public var explanation: String {
        switch self {
        case .bladderBowel:
            return "New trouble holding or passing urine or stools alongside back pain can mean the nerves at the base of the spine are squeezed. That needs emergency care the same hour, not an appointment."
        case .saddleNumbness:
            return "Numbness around the genitals, buttocks or inner thighs is another sign of pressure on the lowest nerves of the spine. Treat it as an emergency."
        case .legWeakness:
            return "A leg that suddenly gets weak, keeps getting weaker, or cannot carry your weight points to a nerve root problem. Get seen the same day."
        case .nerveSigns:
            return "Numbness, pins and needles, pain shooting into a buttock or leg, pain that jumps when you cough or sneeze, or trouble standing and walking suggest a nerve is irritated. Have it assessed by a doctor or physiotherapist."
        case .nightPain:
            return "Ordinary soreness rarely wakes you. Pain that does is worth a doctor's or physiotherapist's look."
        case .limitedMobility:
            return "When the pain stops you bending, turning or doing everyday tasks, it is more than routine soreness; book an assessment."
        case .spreadingPain:
            return "Pain that spreads beyond one spot to other parts of the back is not the usual post-workout pattern; book an assessment."
        case .systemicSigns:
            return "Fever, feeling unwell in yourself or losing weight without trying, together with back pain, should be checked by a doctor."
        case .intensePain:
            return "A check-in of 7 or more out of 10 is severe pain. On its own it means: keep logging and watch the next days closely."
        case .acuteInjury:
            return "Sharp pain that starts during a session or straight after it suggests an acute injury rather than soreness. If the pain reaches 7/10 within 48 hours, see a doctor or physiotherapist; otherwise keep watching."
        case .severe72to96h:
            return "Ordinary soreness fades by about 72 hours. Pain still at 7/10 or more 72 hours after the session is a warning; at 96 hours it is a reason to book an appointment."
        case .pain2to4Weeks:
            return "Most people are pain-free within one to three weeks. From day 14 of an episode, pain that has not clearly improved calls for a doctor or physiotherapist; from day 28, any remaining pain does."
        case .worseDespiteCare:
            return "Past the first 72 hours, pain that climbs by 2 points or more within a week although you are looking after it (heat, ice, stretching, staying active...) should be assessed."
        case .sixWeekRisk:
            return "Pain lasting six weeks or more that is severe or not improving, together with a risk factor (age under 20 or over 55, fever, weight loss, or a spine that hurts when tapped), should be examined."
        case .domsWindow:
            return "Delayed-onset muscle soreness usually begins 6–8 hours after training, is worst at 24–48 hours and is gone by about 72 hours. Mild to moderate pain inside that window is what training soreness looks like."
        case .logToday:
            return "The rules can only see what you log. After two days without a check-in, lumbar reminds you to add one, even if the pain is 0: two pain-free days in a row are what closes an episode."
        }
    }
}

import LumbarCore

/// The Guide screen's text: what each flag means, self-care advice, and the sources.
///
/// lumbar's own words; facts from the five articles, each cited by title.
enum GuideContent {
    /// One explained rule.
    struct Rule {
        var id: RuleID
        var levels: String
        var text: String
        var sources: [Article]
    }

    /// One piece of self-care advice.
    struct Advice {
        var text: String
        var sources: [Article]
    }

    static let intro = "lumbar compares your check-ins with warning signs and time limits taken from five articles on lower back pain after exercise. A flag says what was seen and what to do. Most back pain after training is ordinary soreness that fades within days."

    static let rules: [Rule] = [
        Rule(id: .bladderBowel, levels: "emergency", text: "New trouble controlling your bladder or bowels alongside back pain can mean the nerves at the base of the spine are pressed. Get emergency care now.", sources: [.shouldIBeWorried, .whatCausesPain]),
        Rule(id: .saddleNumbness, levels: "emergency", text: "Numbness around the genitals, buttocks or inner thighs (the saddle area) is a sign of nerve compression that needs emergency care.", sources: [.shouldIBeWorried]),
        Rule(id: .legWeakness, levels: "urgent", text: "A leg that suddenly weakens, keeps getting weaker, or cannot take your weight may mean a nerve root is affected. Seek care the same day.", sources: [.whenDiscomfortCallsForAttention, .whatCausesPain]),
        Rule(id: .nerveSigns, levels: "see-doctor", text: "Numbness, pins and needles, pain shooting into a buttock or leg, pain worse on coughing or sneezing, or trouble standing and walking suggest a nerve is involved.", sources: [.shouldIBeWorried, .whenDiscomfortCallsForAttention, .whenToBeConcerned]),
        Rule(id: .nightPain, levels: "see-doctor", text: "Pain that wakes you at night is not the pattern of ordinary training soreness.", sources: [.whenDiscomfortCallsForAttention]),
        Rule(id: .limitedMobility, levels: "see-doctor", text: "Pain that stops you bending, turning or getting through daily tasks deserves a professional's look.", sources: [.whenDiscomfortCallsForAttention, .whenToBeConcerned, .causesAndReliefTips]),
        Rule(id: .spreadingPain, levels: "see-doctor", text: "Pain that spreads to other parts of the back, rather than staying where the muscles worked, is worth having checked.", sources: [.whenDiscomfortCallsForAttention]),
        Rule(id: .systemicSigns, levels: "see-doctor", text: "Fever, feeling unwell, or losing weight without trying, together with back pain, need a doctor's assessment.", sources: [.whatCausesPain]),
        Rule(id: .intensePain, levels: "watch", text: "Pain of 7 or more out of 10 is more than usual soreness. Keep logging: if it stays severe three to four days after the session, the flag rises.", sources: [.whenDiscomfortCallsForAttention]),
        Rule(id: .acuteInjury, levels: "watch / see-doctor", text: "Sharp pain that starts suddenly during or right after a session points to an injury rather than soreness. With severe pain (7+) in the first 48 hours, book a visit.", sources: [.shouldIBeWorried, .whenDiscomfortCallsForAttention, .whenToBeConcerned]),
        Rule(id: .severe72to96h, levels: "watch / see-doctor", text: "Ordinary soreness fades by about 72 hours. Severe pain 72 hours after the session is a watch; at 96 hours it is time to see someone.", sources: [.whenDiscomfortCallsForAttention, .causesAndReliefTips]),
        Rule(id: .pain2to4Weeks, levels: "watch / see-doctor", text: "Most people are pain-free within one to three weeks. Pain that has not clearly improved after two weeks, or is still there at four, needs a professional's view.", sources: [.shouldIBeWorried]),
        Rule(id: .worseDespiteCare, levels: "see-doctor", text: "Pain that climbs by 2 points or more after the first three days, even though you rest, ice, stretch or take pain relief, should be checked.", sources: [.shouldIBeWorried, .whenToBeConcerned]),
        Rule(id: .sixWeekRisk, levels: "see-doctor", text: "Pain lasting six weeks that is severe or not improving, with a risk factor (age under 20 or over 55, fever, weight loss, a spine tender to tapping), deserves investigation.", sources: [.whatCausesPain]),
        Rule(id: .domsWindow, levels: "info", text: "Delayed-onset muscle soreness starts 6–8 hours after a session, peaks at 24–48 hours and fades by about 72 hours. Mild to moderate pain in that window is typical.", sources: [.whenDiscomfortCallsForAttention, .causesAndReliefTips, .whatCausesPain]),
        Rule(id: .logToday, levels: "info", text: "The time limits only work with regular check-ins: during an episode, check in at least every other day.", sources: []),
    ]

    static let advice: [Advice] = [
        Advice(text: "Keep moving gently. Take a short break from heavy training, but avoid bed rest: complete rest tends to stiffen the back and slow recovery.", sources: [.shouldIBeWorried, .whatCausesPain]),
        Advice(text: "Cold packs for 15–20 minutes at a time can ease swelling early on; after that use heat or cold, whichever helps.", sources: [.causesAndReliefTips, .whatCausesPain]),
        Advice(text: "Over-the-counter pain relief such as ibuprofen or paracetamol can help you keep moving; follow the pack.", sources: [.causesAndReliefTips, .whatCausesPain]),
        Advice(text: "Gentle stretches, and once it is comfortable, light core work such as bird dogs, dead bugs and bridges.", sources: [.whenDiscomfortCallsForAttention, .whatCausesPain]),
        Advice(text: "Massage can loosen tight muscles; a physiotherapist can build a plan if the pain lingers or keeps coming back.", sources: [.causesAndReliefTips]),
        Advice(text: "Stop a session when pain sets in, and come back to heavier loads gradually with attention to technique.", sources: [.shouldIBeWorried]),
        Advice(text: "Next time: warm up, master the hip hinge before deadlifts and squats, raise loads step by step, vary your training, allow recovery, and drink enough water.", sources: [.shouldIBeWorried, .whenDiscomfortCallsForAttention, .causesAndReliefTips]),
    ]
}

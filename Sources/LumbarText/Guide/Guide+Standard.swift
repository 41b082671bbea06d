import LumbarCore

extension Guide {
    /// The guide lumbar ships: soreness or injury, the first days, returning to training,
    /// technique and prevention, core exercises, and the flags explained.
    public static let standard = Guide(
        title: "lumbar guide: looking after your lower back after exercise",
        introduction:
            "Most back pain after training is ordinary soreness that settles by itself. This guide gathers what the five articles lumbar rests on say about telling soreness from injury, caring for your back in the first days, getting back to training and preventing a repeat. If you have new trouble passing urine or controlling your bladder or bowels, numbness or changed feeling around the genitals, back passage, buttocks or inner thighs, pain, numbness or weakness in both legs, chest pain, or back pain that began after a serious accident, do not read on: get emergency care now. A leg that is weak or gives way, a fever or feeling unwell, or losing weight without trying means contacting a doctor today.",
        sections: [sorenessOrInjury, firstDays, backToTraining, prevention, coreExercises, flagsExplained]
    )

    /// How ordinary soreness differs from an injury.
    static let sorenessOrInjury = GuideSection(
        title: "Soreness or injury?",
        items: [
            GuideItem(
                title: "Ordinary training soreness",
                text:
                    "After heavy, new or unusually long training, a dull ache, tightness or tenderness across the lower back is common, and more so when you are new to the exercise. It usually shows up 6–8 hours after the session, is at its worst 24–48 hours after it and has faded by about 72 hours. It tends to ease as you move around.",
                sources: [.whenDiscomfortCallsForAttention, .whatCausesPain, .whenToBeConcerned, .causesAndReliefTips, .shouldIBeWorried]),
            GuideItem(
                title: "Signs of an injury instead",
                text:
                    "Sharp pain that starts in the middle of a lift or right after it, pain that is intense, pain focused in one small spot or spread across a wide area, pain that grows with particular movements such as leaning back, and pain that runs down a leg all point to an injury rather than soreness. So does severe pain that is still there 72–96 hours after the session.",
                sources: [.whenDiscomfortCallsForAttention, .whenToBeConcerned, .shouldIBeWorried, .causesAndReliefTips]),
            GuideItem(
                title: "Where the pain may come from",
                text:
                    "A strained or cramping muscle tends to hurt suddenly, in one place, and more when you move. An irritated disc can send pain down a leg, sometimes with numbness. Overloaded small joints of the spine give stiffness and a dull ache that grows when you bend backwards. A sacroiliac joint problem hurts low down on one side, sometimes towards the buttock. Only an examination can tell which it is.",
                sources: [.shouldIBeWorried, .whatCausesPain]),
            GuideItem(
                title: "How long it usually takes",
                text:
                    "Most people are free of pain within one to three weeks. Pain that is still there after two to four weeks, or that gets worse instead of better, deserves a check by a doctor or physiotherapist.",
                sources: [.shouldIBeWorried, .whenToBeConcerned]),
        ])

    /// Self-care in the first days.
    static let firstDays = GuideSection(
        title: "The first days: looking after your back",
        items: [
            GuideItem(
                title: "Keep moving, skip bed rest",
                text:
                    "Ease off heavy lifting for a few days but stay up and about: walk, and do the movements that feel comfortable. Days in bed let the muscles stiffen and tend to make the pain worse. Holding your back rigid is only worth it if that is the one way to get through the day.",
                sources: [.shouldIBeWorried, .whenDiscomfortCallsForAttention, .whatCausesPain]),
            GuideItem(
                title: "Ice or heat",
                text:
                    "A cold pack in spells of 15–20 minutes can calm swelling and soreness in the first days; heat helps tight muscles relax. Use whichever gives you relief.",
                sources: [.causesAndReliefTips, .whatCausesPain, .whenToBeConcerned]),
            GuideItem(
                title: "Pain relief",
                text:
                    "The articles mention over-the-counter painkillers such as ibuprofen or paracetamol (acetaminophen) to take the edge off so that you can keep moving. NICE's guideline prefers an anti-inflammatory such as ibuprofen to paracetamol on its own for back pain.",
                sources: [.shouldIBeWorried, .causesAndReliefTips, .whatCausesPain, .niceNG59]),
            GuideItem(
                title: "Anti-inflammatory painkillers: take care",
                text:
                    "Use the lowest dose that helps, for the shortest time you need it, and follow the label. Do not take them without asking a pharmacist or doctor first if you have or have had a stomach ulcer or bleeding, kidney or heart problems, asthma that such painkillers have made worse, or high blood pressure, if you are pregnant, if you are older, or if you take other medicines (blood thinners in particular). A pharmacist can tell you whether they suit you.",
                sources: [.niceNG59]),
            GuideItem(
                title: "Resting positions",
                text:
                    "Lying on your back with a pillow under your knees, or on your side curled up with a pillow between your knees, takes strain off the lower back. Deep, soft sofas that sink your hips below your knees, sudden jerky lifting and sleeping on your stomach tend to aggravate it.",
                sources: [.whatCausesPain]),
            GuideItem(
                title: "Expect it to settle",
                text:
                    "What you believe about your back shapes how much it hurts and how well it recovers. Stress and poor sleep play a part too. Back pain after training usually settles, and a calm, confident outlook helps it do so.",
                sources: [.whenDiscomfortCallsForAttention]),
            GuideItem(
                title: "Massage",
                text: "A massage can loosen tight muscles, improve blood flow and help you relax.",
                sources: [.causesAndReliefTips]),
            GuideItem(
                title: "When home care is not enough",
                text:
                    "If the pain persists or worsens despite heat, ice, painkillers and stretching, see a doctor or physiotherapist. A physiotherapist can build a programme that raises the load step by step. A weak leg, a fever or weight loss are for a doctor the same day, not a physiotherapist.",
                sources: [.whenToBeConcerned, .causesAndReliefTips, .shouldIBeWorried, .nhsBackPain]),
        ])

    /// Getting back to training.
    static let backToTraining = GuideSection(
        title: "Back to training",
        items: [
            GuideItem(
                title: "Return gradually",
                text:
                    "Start again with light loads and with exercises that do not provoke the pain. Leave out anything that makes it worse and stop the session if the pain rises. Add weight and volume step by step, paying close attention to technique. Movement is part of recovery: backs that are only ever protected tend to hurt again weeks later at the first awkward bend.",
                sources: [.shouldIBeWorried, .whenDiscomfortCallsForAttention, .causesAndReliefTips]),
            GuideItem(
                title: "Mild pain and light training",
                text: "With mild pain, training with light weights is usually fine, as long as it does not make the pain worse.",
                sources: [.shouldIBeWorried]),
            GuideItem(
                title: "Tell your coach",
                text: "If you have hurt your back before, tell your instructor so they can suggest changes to your form.",
                sources: [.whenDiscomfortCallsForAttention]),
        ])

    /// Technique and prevention.
    static let prevention = GuideSection(
        title: "Technique and prevention",
        items: [
            GuideItem(
                title: "Master the hip hinge",
                text:
                    "Before deadlifts and squats, learn to hinge: push the hips back and lower the chest with the spine kept long, rather than bending through the lower back. A poor hinge is behind a lot of gym back pain.",
                sources: [.whenDiscomfortCallsForAttention]),
            GuideItem(
                title: "Lift with control",
                text:
                    "Keep the spine in its natural curves, brace your stomach muscles, and move the weight with control rather than momentum. Rounding or twisting under a heavy load, and trying for a maximum before your core and back are strong enough, are common ways to get hurt. Use the form that suits your own body rather than copying someone else's.",
                sources: [.causesAndReliefTips, .shouldIBeWorried, .whenToBeConcerned, .whenDiscomfortCallsForAttention]),
            GuideItem(
                title: "Build load slowly",
                text:
                    "Raise weight, volume and frequency gradually; sudden jumps are a classic route to overuse injuries. Vary your training, leave time for recovery, and do not train through fatigue or existing pain.",
                sources: [.shouldIBeWorried, .causesAndReliefTips]),
            GuideItem(
                title: "Warm up and cool down",
                text: "Begin each session with an easy, dynamic warm-up that builds gradually, and finish with a cool-down.",
                sources: [.causesAndReliefTips]),
            GuideItem(
                title: "Drink enough",
                text: "Drink water before, during and after training; the discs between the vertebrae depend on it.",
                sources: [.causesAndReliefTips]),
            GuideItem(
                title: "Everyday habits",
                text: "A healthy body weight and not smoking both make back pain less likely.",
                sources: [.causesAndReliefTips]),
            GuideItem(
                title: "Go easy on sit-ups",
                text: "Full sit-ups, and to a lesser degree crunches, work against the natural curve of the spine and can irritate the lower back.",
                sources: [.whatCausesPain]),
        ])

    /// The core exercises the articles name.
    static let coreExercises = GuideSection(
        title: "Core exercises",
        items: [
            GuideItem(
                title: "Ask first if you are hurt",
                text:
                    "With an injured back, check with your doctor or physiotherapist before starting these, and stop any exercise that brings the pain on.",
                sources: [.whenDiscomfortCallsForAttention, .whatCausesPain]),
            GuideItem(
                title: "Gentle holds: bird dog, dead bug, plank",
                text:
                    "Bird dog (on hands and knees, reach one arm and the opposite leg out and hold), dead bug (on your back, slowly lower the opposite arm and leg while the lower back stays flat) and plank (a straight line on forearms and toes) are low-load holding exercises for the trunk that can ease back pain.",
                sources: [.whenDiscomfortCallsForAttention]),
            GuideItem(
                title: "Floor exercises",
                text:
                    "Bridges, pelvic tilts, knee-to-chest stretches, lower-back rotation stretches, the draw-in manoeuvre (pulling the belly button gently towards the spine), side-lying leg lifts, the cat stretch and supermans strengthen and loosen the back, stomach and hips.",
                sources: [.whatCausesPain]),
            GuideItem(
                title: "Low-impact training",
                text:
                    "Pilates, yoga and bodyweight exercises build the back, stomach and hip muscles that support the spine. With a disc problem, swimming, cycling or gentle yoga are kinder than jumping.",
                sources: [.causesAndReliefTips]),
        ])

    /// Every rule lumbar evaluates, most urgent first, in plain words.
    static let flagsExplained = GuideSection(
        title: "When to get help: the flags lumbar watches",
        items: RuleID.allCases.enumerated()
            .sorted { lhs, rhs in
                let (left, right) = (lhs.element.levels.last ?? .none, rhs.element.levels.last ?? .none)
                return left != right ? left > right : lhs.offset < rhs.offset
            }
            .map(\.element)
            .map { rule in
                GuideItem(
                    title: "\(rule.title) (\(rule.levels.map(\.key).joined(separator: " / ")))",
                    text: rule.explanation, sources: rule.sources, rule: rule)
            }
    )
}

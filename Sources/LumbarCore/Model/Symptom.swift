/// Something a person noticed with their back, identified by a stable string key ("leg-weakness").
///
/// A struct rather than an enum so that a key written by a newer lumbar survives a rewrite by
/// this one; the command line and the TUI accept only `Symptom.known`.
public struct Symptom: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The stable key stored in the journal.
    public let rawValue: String

    /// A symptom with this key, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: Symptom, rhs: Symptom) -> Bool { lhs.rawValue < rhs.rawValue }

    /// New leaking, or trouble controlling or holding bladder or bowels.
    public static let bladderBowel = Symptom(rawValue: "bladder-bowel")
    /// New trouble starting or stopping peeing, a weak flow, or not feeling the bladder.
    public static let urinaryDifficulty = Symptom(rawValue: "urinary-difficulty")
    /// Numbness or changed feeling around the genitals, back passage, buttocks or inner thighs.
    public static let saddleNumbness = Symptom(rawValue: "saddle-numbness")
    /// New loss of feeling in the genitals, or new trouble with erection or ejaculation.
    public static let sexualDysfunction = Symptom(rawValue: "sexual-dysfunction")
    /// Pain, numbness, tingling or weakness in both legs.
    public static let bothLegs = Symptom(rawValue: "both-legs")
    /// The pain began after a fall, a blow or an accident.
    public static let afterFall = Symptom(rawValue: "after-fall")
    /// Sudden or increasing weakness in a leg, or cannot bear weight on one leg.
    public static let legWeakness = Symptom(rawValue: "leg-weakness")
    /// Numbness in the back, buttock or leg.
    public static let numbness = Symptom(rawValue: "numbness")
    /// Pins and needles.
    public static let tingling = Symptom(rawValue: "tingling")
    /// Pain shooting down into the buttock or leg.
    public static let radiatingPain = Symptom(rawValue: "radiating-pain")
    /// Pain worse when coughing or sneezing.
    public static let coughSneezePain = Symptom(rawValue: "cough-sneeze-pain")
    /// Trouble standing or walking.
    public static let difficultyWalking = Symptom(rawValue: "difficulty-walking")
    /// Pain that wakes you at night.
    public static let nightPain = Symptom(rawValue: "night-pain")
    /// Pain limits range of motion or daily movement.
    public static let limitedMobility = Symptom(rawValue: "limited-mobility")
    /// Pain spreading to other parts of the back.
    public static let spreadingPain = Symptom(rawValue: "spreading-pain")
    /// Fever or feeling generally unwell.
    public static let fever = Symptom(rawValue: "fever")
    /// Weight loss without trying.
    public static let weightLoss = Symptom(rawValue: "weight-loss")
    /// The spine hurts when lightly tapped.
    public static let tenderToTap = Symptom(rawValue: "tender-to-tap")
    /// Stiffness.
    public static let stiffness = Symptom(rawValue: "stiffness")
    /// Muscle spasm or cramp.
    public static let spasm = Symptom(rawValue: "spasm")
    /// Sharp pain.
    public static let sharpPain = Symptom(rawValue: "sharp-pain")
    /// Dull ache.
    public static let dullAche = Symptom(rawValue: "dull-ache")

    /// The warning-sign questions, in the order the check-in asks them (contract version 2).
    public static let warningSigns: [Symptom] = [
        .bladderBowel, .urinaryDifficulty, .saddleNumbness, .sexualDysfunction, .bothLegs,
        .legWeakness, .afterFall, .fever, .weightLoss, .numbness, .tingling,
        .radiatingPain, .coughSneezePain, .difficultyWalking, .nightPain,
        .limitedMobility, .spreadingPain, .tenderToTap,
    ]

    /// The ordinary symptoms: words for soreness that no rule escalates on by themselves.
    public static let ordinary: [Symptom] = [.stiffness, .spasm, .sharpPain, .dullAche]

    /// The warning signs of contract version 1: a version-1 check-in that did not list one
    /// of these answered it no.
    public static let version1WarningSigns: [Symptom] = [
        .bladderBowel, .saddleNumbness, .legWeakness,
        .numbness, .tingling, .radiatingPain, .coughSneezePain, .difficultyWalking,
        .nightPain, .limitedMobility, .spreadingPain, .fever, .weightLoss, .tenderToTap,
    ]

    /// Every symptom lumbar asks about: the warning signs in asking order, then the ordinary ones.
    public static let known: [Symptom] = warningSigns + ordinary

    /// Whether this build of lumbar knows the key.
    public var isKnown: Bool { Symptom.known.contains(self) }

    /// Whether the symptom is a warning-sign question: one that can be answered yes or no and
    /// that some rule escalates on (everything but stiffness, spasm, sharp pain, dull ache).
    public var isWarningSign: Bool { Symptom.warningSigns.contains(self) }

    /// The question the check-in asks, in plain words.
    public var question: String {
        switch rawValue {
        case "bladder-bowel": return "New leaking, or trouble controlling or holding your bladder or bowels?"
        case "urinary-difficulty": return "New trouble starting or stopping peeing, or a weak flow?"
        case "saddle-numbness": return "Numb or odd feeling around the genitals, back passage, buttocks or inner thighs?"
        case "sexual-dysfunction": return "New loss of feeling in the genitals, or trouble with erection or ejaculation?"
        case "both-legs": return "Pain, numbness, tingling or weakness in both legs?"
        case "after-fall": return "Did the pain begin after a fall, a blow or an accident?"
        case "leg-weakness": return "A leg weak or giving way, or can't stand on one leg?"
        case "numbness": return "Numbness in your back, buttock or leg?"
        case "tingling": return "Pins and needles (tingling)?"
        case "radiating-pain": return "Pain shooting down into a buttock or leg?"
        case "cough-sneeze-pain": return "Worse when you cough or sneeze?"
        case "difficulty-walking": return "Hard to stand up or walk?"
        case "night-pain": return "Does the pain wake you at night?"
        case "limited-mobility": return "Does it stop you bending, turning or daily tasks?"
        case "spreading-pain": return "Spreading to other parts of your back?"
        case "fever": return "Fever, or feeling unwell in yourself?"
        case "weight-loss": return "Losing weight without trying?"
        case "tender-to-tap": return "Does your spine hurt when lightly tapped?"
        case "stiffness": return "Stiff?"
        case "spasm": return "Muscle spasm or cramp?"
        case "sharp-pain": return "Sharp pain?"
        case "dull-ache": return "A dull ache?"
        default: return rawValue
        }
    }

    /// A short label for lists and tables.
    public var label: String {
        switch rawValue {
        case "bladder-bowel": return "bladder/bowel trouble"
        case "urinary-difficulty": return "trouble peeing"
        case "saddle-numbness": return "saddle numbness"
        case "sexual-dysfunction": return "sexual problems"
        case "both-legs": return "both legs"
        case "after-fall": return "after a fall or accident"
        case "leg-weakness": return "leg weakness"
        case "radiating-pain": return "radiating pain"
        case "cough-sneeze-pain": return "worse on cough/sneeze"
        case "difficulty-walking": return "difficulty walking"
        case "night-pain": return "night pain"
        case "limited-mobility": return "limited mobility"
        case "spreading-pain": return "spreading pain"
        case "weight-loss": return "weight loss"
        case "tender-to-tap": return "tender to tap"
        case "sharp-pain": return "sharp pain"
        case "dull-ache": return "dull ache"
        default: return rawValue
        }
    }
}

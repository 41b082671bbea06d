#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// The Today screen's draft: a check-in (new, or one being edited) and an optional session.
///
/// The form is laid out for one pass from top to bottom: pain and worst, the person's usual
/// symptoms and self-care (learned from their own log), the warning signs as one block of
/// yes/no questions, the note, then the optional session.
struct TodayForm: Hashable, Sendable {
    /// A focusable row of the form.
    enum Field: Hashable, Sendable {
        case date, pain, worst
        /// An ordinary symptom's checkbox.
        case symptom(Symptom)
        /// A self-care checkbox.
        case care(SelfCare)
        /// A warning-sign question, answered yes, no, or left.
        case sign(Symptom)
        case note, kind, time, minutes, rpe, sudden, save

        /// Whether the field is typed into.
        var isText: Bool {
            switch self {
            case .note, .kind, .time, .minutes, .rpe: return true
            default: return false
            }
        }

        /// Whether the field is a checkbox (Space and Enter toggle it).
        var isCheckbox: Bool {
            switch self {
            case .symptom, .care, .sudden: return true
            default: return false
            }
        }

        /// Fields that Tab treats as one stop (a checklist is one field).
        var group: Int {
            switch self {
            case .date: return 0
            case .pain: return 1
            case .worst: return 2
            case .symptom: return 3
            case .care: return 4
            case .sign: return 5
            case .note: return 6
            case .kind: return 7
            case .time: return 8
            case .minutes: return 9
            case .rpe: return 10
            case .sudden: return 11
            case .save: return 12
            }
        }

        /// How many Tab stops there are.
        static let groupCount = 13
    }

    /// How many recent check-ins decide which symptoms and self-care come first.
    static let usualWindow = 20

    /// Every field in screen order (the order depends on the person's log).
    private(set) var fields: [Field]
    /// The ordinary symptoms, usual ones first.
    private(set) var symptomOrder: [Symptom]
    /// The self-care actions, usual ones first.
    private(set) var careOrder: [SelfCare]
    /// The warning signs: the questions whose standing answer is yes first, then the rest in asking order.
    private(set) var signOrder: [Symptom]
    /// The questions whose standing answer is yes when the form opened, with the date of that yes.
    private(set) var standingYes: [Symptom: LocalDate] = [:]

    /// The date the check-in is for.
    var date: LocalDate
    /// The check-in being edited, if any.
    var original: CheckIn?
    /// The session being edited, if any.
    var originalSession: Session?
    /// Check-ins already saved on `date` (for a new check-in: it is added beside them).
    var sameDay: [CheckIn] = []
    /// The latest check-in before this one, for "same as last time".
    var previous: CheckIn?
    /// Pain now; `nil` until set.
    var pain: Int?
    /// Worst pain since the last check-in.
    var worst: Int?
    /// Ordinary symptoms ticked (warning signs live in `answers`).
    var symptoms: Set<Symptom> = []
    var care: Set<SelfCare> = []
    /// Warning-sign answers: `true` yes, `false` no; a missing key is not answered.
    var answers: [Symptom: Bool] = [:]
    var note = TextField(limit: 280)
    var kind = TextField(limit: 40)
    /// The session's time as typed: "HH:MM" on the form's date, or any form `TimeInput` reads
    /// ("yesterday 18:00", "-2h", "now"); empty means now.
    var time = TextField(limit: 32)
    /// A date being typed on the Date row ("yesterday", "mon", "2026-03-01"); `nil` when the
    /// row is changed with the arrows.
    var dateEntry: TextField?
    var minutes = TextField(limit: 4)
    var rpe = TextField(limit: 2)
    var sudden = false

    /// Index into `fields` of the focused row.
    var focus = 1
    /// Whether keys go into the focused text field.
    var editing = false
    /// The check-in part differs from what is saved.
    var checkInDirty = false
    /// The session part differs from what is saved.
    var sessionDirty = false
    /// The last digit typed into a pain field and when: "1" then "0" soon after is 10, but
    /// after a pause the "0" is a correction.
    var lastDigit: Int?
    var lastDigitAt: Date?
    /// Which recent kind ^N/^P offers next.
    var suggestionIndex = 0
    /// First visible line of the form.
    var scroll = 0

    /// A blank draft for `date` with the default order (used before the journal is known).
    init(date: LocalDate) {
        self.date = date
        symptomOrder = Symptom.ordinary
        careOrder = SelfCare.known
        signOrder = Symptom.warningSigns
        fields = []
        fields = TodayForm.makeFields(symptomOrder, careOrder, signOrder)
    }

    /// A draft for a NEW check-in on `date`, ordered from the person's own log at `now`.
    ///
    /// A day that already has check-ins gets another one: a check-in is a moment, not a day.
    /// The settings' usual symptoms and self-care come first, in their order, before those
    /// learned from the log.
    init(date: LocalDate, journal: Journal, now: Date, preferences: Preferences = .standard) {
        self.init(date: date)
        let checkIns = journal.checkIns
        sameDay = checkIns.filter { $0.date == date }
        previous = checkIns.last { $0.at.date <= now }
        let learnedSymptoms = TodayForm.usualFirst(Symptom.ordinary, in: checkIns.suffix(TodayForm.usualWindow).map(\.symptoms))
        symptomOrder = preferences.usualSymptoms.filter(learnedSymptoms.contains) + learnedSymptoms.filter { !preferences.usualSymptoms.contains($0) }
        let learnedCare = TodayForm.usualFirst(SelfCare.known, in: checkIns.suffix(TodayForm.usualWindow).map(\.care))
        careOrder = preferences.usualCare.filter(learnedCare.contains) + learnedCare.filter { !preferences.usualCare.contains($0) }
        let standing = StandingAnswer.standingYes(in: journal, at: now)
        for answer in standing { standingYes[answer.symptom] = answer.checkIn.date }
        let first = standing.map(\.symptom)
        signOrder = first + Symptom.warningSigns.filter { !first.contains($0) }
        fields = TodayForm.makeFields(symptomOrder, careOrder, signOrder)
    }

    private static func makeFields(_ symptoms: [Symptom], _ care: [SelfCare], _ signs: [Symptom]) -> [Field] {
        [.date, .pain, .worst] + symptoms.map { .symptom($0) } + care.map { .care($0) } + signs.map { .sign($0) }
            + [.note, .kind, .time, .minutes, .rpe, .sudden, .save]
    }

    /// `items` with the ones used in `recent` first, most used first (ties keep `items` order).
    static func usualFirst<T: Hashable>(_ items: [T], in recent: [[T]]) -> [T] {
        var counts: [T: Int] = [:]
        for list in recent { for item in list { counts[item, default: 0] += 1 } }
        return items.enumerated().sorted { a, b in
            let ca = counts[a.element] ?? 0, cb = counts[b.element] ?? 0
            return ca != cb ? ca > cb : a.offset < b.offset
        }.map(\.element)
    }

    /// Whether anything differs from what is saved.
    var isDirty: Bool { checkInDirty || sessionDirty }

    var focusedField: Field { fields[min(max(0, focus), fields.count - 1)] }

    /// The index of `field` in `fields`.
    func index(of field: Field) -> Int? { fields.firstIndex(of: field) }

    /// Fills the check-in part from `checkIn` for editing; the questions keep their asking order.
    mutating func load(_ checkIn: CheckIn) {
        original = checkIn
        date = checkIn.date
        pain = checkIn.pain
        worst = checkIn.worst
        symptoms = Set(checkIn.symptoms.filter { !$0.isWarningSign })
        care = Set(checkIn.care)
        answers = [:]
        for s in checkIn.symptoms where s.isWarningSign { answers[s] = true }
        for s in checkIn.denied where s.isWarningSign { answers[s] = false }
        note.set(checkIn.note)
        standingYes = [:]
        signOrder = Symptom.warningSigns
        fields = TodayForm.makeFields(symptomOrder, careOrder, signOrder)
        checkInDirty = false
    }

    /// Fills the session part from `session` for editing.
    mutating func load(_ session: Session) {
        originalSession = session
        kind.set(session.kind)
        time.set(session.at.clockTime)
        minutes.set(session.minutes.map(String.init) ?? "")
        rpe.set(session.rpe.map(String.init) ?? "")
        sudden = session.suddenPain
        sessionDirty = false
    }

    /// Clears the session part.
    mutating func clearSession() {
        originalSession = nil
        kind.set("")
        time.set("")
        minutes.set("")
        rpe.set("")
        sudden = false
        sessionDirty = false
    }

    /// Fills self-care and ordinary symptoms from the previous check-in; never the warning-sign answers.
    mutating func fillFromPrevious() -> Bool {
        guard let previous else { return false }
        symptoms = Set(previous.symptoms.filter { !$0.isWarningSign && $0.isKnown })
        care = Set(previous.care.filter(\.isKnown))
        checkInDirty = true
        return true
    }

    /// The text field for `field`, if it is one.
    func textField(_ field: Field) -> TextField? {
        switch field {
        case .note: return note
        case .kind: return kind
        case .time: return time
        case .minutes: return minutes
        case .rpe: return rpe
        default: return nil
        }
    }

    mutating func setTextField(_ field: Field, _ value: TextField) {
        switch field {
        case .note: note = value; checkInDirty = true
        case .kind: kind = value; sessionDirty = true
        case .time: time = value; sessionDirty = true
        case .minutes: minutes = value; sessionDirty = true
        case .rpe: rpe = value; sessionDirty = true
        default: break
        }
    }

    /// The warning signs answered yes and no, in asking order.
    var signAnswers: (yes: [Symptom], no: [Symptom]) {
        (Symptom.warningSigns.filter { answers[$0] == true }, Symptom.warningSigns.filter { answers[$0] == false })
    }
}

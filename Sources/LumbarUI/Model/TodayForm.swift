import Foundation
import LumbarCore

/// The Today screen's draft: a check-in (new, or one being edited) and an optional session.
struct TodayForm: Hashable, Sendable {
    /// A focusable row of the form.
    enum Field: Hashable, Sendable {
        case date, pain, worst, symptom(Int), care(Int), note, kind, time, minutes, rpe, sudden, save

        /// Whether the field is typed into.
        var isText: Bool {
            switch self {
            case .note, .kind, .time, .minutes, .rpe: return true
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
            case .note: return 5
            case .kind: return 6
            case .time: return 7
            case .minutes: return 8
            case .rpe: return 9
            case .sudden: return 10
            case .save: return 11
            }
        }
    }

    /// Every field in screen order.
    static let fields: [Field] = [.date, .pain, .worst]
        + Symptom.known.indices.map { .symptom($0) }
        + SelfCare.known.indices.map { .care($0) }
        + [.note, .kind, .time, .minutes, .rpe, .sudden, .save]

    /// The date the check-in is for.
    var date: LocalDate
    /// The check-in being edited, if any.
    var original: CheckIn?
    /// The session being edited, if any.
    var originalSession: Session?
    /// Pain now; `nil` until set.
    var pain: Int?
    /// Worst pain since the last check-in.
    var worst: Int?
    var symptoms: Set<Symptom> = []
    var care: Set<SelfCare> = []
    var note = TextField(limit: 280)
    var kind = TextField(limit: 40)
    /// "HH:MM"; empty means now.
    var time = TextField(limit: 5)
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
    /// The last key was "1" on a pain field, so a "0" makes 10.
    var pendingTen = false
    /// Which recent kind ^N/^P offers next.
    var suggestionIndex = 0
    /// First visible line of the form.
    var scroll = 0

    /// A blank draft for `date`.
    init(date: LocalDate) {
        self.date = date
    }

    /// A draft for `date`: the latest check-in of that date for editing, or a blank one.
    init(date: LocalDate, journal: Journal) {
        self.init(date: date)
        if let existing = journal.checkIns.last(where: { $0.date == date }) { load(existing) }
    }

    /// Whether anything differs from what is saved.
    var isDirty: Bool { checkInDirty || sessionDirty }

    var focusedField: Field { TodayForm.fields[focus] }

    /// Fills the check-in part from `checkIn` for editing.
    mutating func load(_ checkIn: CheckIn) {
        original = checkIn
        date = checkIn.date
        pain = checkIn.pain
        worst = checkIn.worst
        symptoms = Set(checkIn.symptoms)
        care = Set(checkIn.care)
        note.set(checkIn.note)
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
}

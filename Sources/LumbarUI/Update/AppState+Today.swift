import Foundation
import LumbarCore

extension AppState {
    mutating func handleTodayKey(_ key: Key) -> [Effect] {
        let field = form.focusedField
        let wasPendingTen = form.pendingTen
        form.pendingTen = false
        if form.editing, field.isText { return handleTextKey(key, field) }

        switch key {
        case .tab: moveFormGroup(by: 1); return []
        case .backTab: moveFormGroup(by: -1); return []
        case .down, .character("j"): moveForm(to: form.focus + 1); return []
        case .up, .character("k"): moveForm(to: form.focus - 1); return []
        case .pageDown: moveForm(to: form.focus + 8); return []
        case .pageUp: moveForm(to: form.focus - 8); return []
        case .home: moveForm(to: 0); return []
        case .end: moveForm(to: TodayForm.fields.count - 1); return []
        case .enter: return saveForm()
        default: break
        }

        switch field {
        case .date:
            switch key {
            case .left, .character("-"): changeDate(by: -1)
            case .right, .character("+"), .character("="): changeDate(by: 1)
            default: break
            }
        case .pain, .worst:
            adjustPain(field, key, afterOne: wasPendingTen)
        case .symptom(let i):
            if let on = toggleValue(key, current: form.symptoms.contains(Symptom.known[i])) {
                if on { form.symptoms.insert(Symptom.known[i]) } else { form.symptoms.remove(Symptom.known[i]) }
                form.checkInDirty = true
            }
        case .care(let i):
            if let on = toggleValue(key, current: form.care.contains(SelfCare.known[i])) {
                if on { form.care.insert(SelfCare.known[i]) } else { form.care.remove(SelfCare.known[i]) }
                form.checkInDirty = true
            }
        case .sudden:
            if let on = toggleValue(key, current: form.sudden) {
                form.sudden = on
                form.sessionDirty = true
            }
        case .note, .kind, .time, .minutes, .rpe:
            if key == .character(" ") || key == .character("i") || key == .character("e") { form.editing = true }
        case .save:
            if key == .character(" ") { return saveForm() }
        }
        return []
    }

    /// The new value of a checkbox for `key` (Space toggles, y/n set), or `nil` if the key is not for it.
    private func toggleValue(_ key: Key, current: Bool) -> Bool? {
        switch key {
        case .character(" "), .character("x"): return !current
        case .character("y"), .character("Y"): return true
        case .character("n"), .character("N"): return false
        default: return nil
        }
    }

    private mutating func adjustPain(_ field: TodayForm.Field, _ key: Key, afterOne: Bool) {
        let current = field == .pain ? form.pain : form.worst
        var value = current
        switch key {
        case .character(let c) where c.isASCII && c.isNumber:
            let digit = Int(String(c)) ?? 0
            value = afterOne && digit == 0 && current == 1 ? 10 : digit
            form.pendingTen = digit == 1
        case .left, .character("-"): value = max(0, (current ?? 1) - 1)
        case .right, .character("+"), .character("="): value = min(10, (current ?? -1) + 1)
        case .backspace, .delete: value = nil
        default: return
        }
        if field == .pain { form.pain = value } else { form.worst = value }
        form.checkInDirty = true
    }

    mutating func handleTextKey(_ key: Key, _ field: TodayForm.Field) -> [Effect] {
        switch key {
        case .escape: form.editing = false; return []
        case .enter: return saveForm()
        case .tab: moveFormGroup(by: 1); return []
        case .backTab: moveFormGroup(by: -1); return []
        case .up: moveForm(to: form.focus - 1); return []
        case .down: moveForm(to: form.focus + 1); return []
        default: break
        }
        guard var text = form.textField(field) else { return [] }
        if field == .kind, let accepted = kindCompletion(for: key, text: text) {
            text.set(accepted)
            form.setTextField(field, text)
            return []
        }
        if case .character(let c) = key {
            switch field {
            case .minutes, .rpe:
                guard c.isASCII, c.isNumber else {
                    flash = Flash(text: "Digits only here.", isError: true)
                    return []
                }
            case .time:
                guard c.isASCII, c.isNumber || c == ":" else {
                    flash = Flash(text: "Type the time as HH:MM, e.g. 18:30.", isError: true)
                    return []
                }
            default: break
            }
        }
        if text.handle(key) { form.setTextField(field, text) }
        return []
    }

    /// The kind to fill in for → at the end of the field (complete the first recent kind that
    /// starts with what is typed) or ^N/^P (cycle the recent kinds).
    private mutating func kindCompletion(for key: Key, text: TextField) -> String? {
        let kinds = digest.recentKinds
        guard !kinds.isEmpty else { return nil }
        switch key {
        case .right where text.cursor == text.characters.count:
            return kindSuggestion(for: text.text)
        case .control("n"):
            defer { form.suggestionIndex += 1 }
            return kinds[form.suggestionIndex % kinds.count]
        case .control("p"):
            form.suggestionIndex = (form.suggestionIndex + kinds.count - 1) % kinds.count
            return kinds[form.suggestionIndex]
        default:
            return nil
        }
    }

    /// The recent kind that completes `typed`, if one does.
    func kindSuggestion(for typed: String) -> String? {
        let prefix = typed.lowercased()
        guard !prefix.isEmpty else { return digest.recentKinds.first }
        return digest.recentKinds.first { $0.lowercased().hasPrefix(prefix) && $0.count > typed.count }
    }

    private mutating func moveForm(to index: Int) {
        form.focus = min(max(0, index), TodayForm.fields.count - 1)
        form.editing = form.focusedField.isText
        keepFormFocusInView()
    }

    private mutating func moveFormGroup(by delta: Int) {
        let fields = TodayForm.fields
        let group = form.focusedField.group
        let groups = fields.map(\.group)
        let target = (group + delta + 12) % 12
        if let index = groups.firstIndex(of: target) { moveForm(to: index) }
    }

    mutating func keepFormFocusInView() {
        let line = TodayScreen.line(of: form.focus, width: width)
        let view = TodayScreen.viewHeight(self)
        guard view > 0 else { return }
        if line < form.scroll + 1 { form.scroll = max(0, line - 1) }
        if line >= form.scroll + view - 1 { form.scroll = line - view + 2 }
        form.scroll = min(max(0, form.scroll), max(0, TodayScreen.lineCount(width: width) - view))
    }

    private mutating func changeDate(by delta: Int) {
        let target = form.date.adding(days: delta)
        guard target <= today else {
            flash = Flash(text: "Check-ins can't be logged for days still to come.")
            return
        }
        if form.checkInDirty, form.original != nil {
            flash = Flash(text: "Save your changes to this check-in (Enter) before moving to another day.")
            return
        }
        var next = TodayForm(date: target, journal: journal)
        var movedDraft = false
        if form.checkInDirty, next.original != nil {
            // Never replace what was typed with a saved check-in: the draft stays a draft,
            // and saving it adds a second check-in to that day.
            next = TodayForm(date: target)
            movedDraft = true
        }
        if next.original == nil, form.original == nil {
            // Carry what was typed to the new date: people often pick the date after starting.
            next.pain = form.pain
            next.worst = form.worst
            next.symptoms = form.symptoms
            next.care = form.care
            next.note = form.note
            next.checkInDirty = form.checkInDirty
        }
        if form.originalSession == nil {
            next.kind = form.kind
            next.time = form.time
            next.minutes = form.minutes
            next.rpe = form.rpe
            next.sudden = form.sudden
            next.sessionDirty = form.sessionDirty
        } else if let session = form.originalSession {
            next.load(session)
        }
        next.focus = form.focus
        next.scroll = form.scroll
        form = next
        if movedDraft {
            flash = Flash(text: "Your draft is now for \(target.shortDescription); that day's saved check-in is unchanged (Enter adds this one).")
        } else if let original = form.original {
            flash = Flash(text: "Editing the check-in of \(original.date.shortDescription) \(original.date.year).")
        }
    }

    // MARK: Building the transaction

    private mutating func saveForm() -> [Effect] {
        switch makeTransaction() {
        case .success(let transaction):
            return save(transaction)
        case .failure(let problem):
            flash = Flash(text: problem.message, isError: true)
            if let field = problem.field, let index = TodayForm.fields.firstIndex(of: field) { moveForm(to: index) }
            return []
        }
    }

    /// Why the form cannot be saved, and the field to fix.
    struct FormProblem: Error {
        var message: String
        var field: TodayForm.Field?
    }

    /// The changes the form asks for, or what to fix first.
    func makeTransaction() -> Result<Transaction, FormProblem> {
        var changes: [JournalChange] = []
        var parts: [String] = []
        let stamp = nowStamp
        let kind = form.kind.text.trimmingCharacters(in: .whitespaces)
        let sessionTouched = !form.time.isEmpty || !form.minutes.isEmpty || !form.rpe.isEmpty || form.sudden

        if form.pain == nil, form.original == nil, form.checkInDirty {
            return .failure(FormProblem(message: "Set the pain now first: type a digit 0-9 (1 then 0 for 10).", field: .pain))
        }
        if let pain = form.pain, form.original == nil || form.checkInDirty {
            let symptoms = Symptom.known.filter { form.symptoms.contains($0) } + (form.original?.symptoms.filter { !$0.isKnown } ?? [])
            let care = SelfCare.known.filter { form.care.contains($0) } + (form.original?.care.filter { !$0.isKnown } ?? [])
            var checkIn: CheckIn
            if let original = form.original {
                checkIn = original
                checkIn.pain = pain
                checkIn.worst = form.worst
                checkIn.symptoms = symptoms
                checkIn.care = care
                checkIn.note = form.note.text
            } else {
                checkIn = CheckIn(date: form.date, at: instant(on: form.date, clock: nil) ?? stamp, pain: pain, worst: form.worst,
                                  symptoms: symptoms, care: care, note: form.note.text, updatedAt: stamp)
            }
            changes.append(.upsertCheckIn(checkIn))
            let verb = form.original == nil ? "saved" : "updated"
            parts.append("Check-in \(verb) for \(form.date.shortDescription) (pain \(pain)).")
        }

        if kind.isEmpty {
            if form.originalSession != nil {
                return .failure(FormProblem(message: "A session needs a kind. To remove the session, delete it in History (x).", field: .kind))
            }
            if sessionTouched {
                return .failure(FormProblem(message: "Name the session (e.g. run), or clear its time, minutes and RPE.", field: .kind))
            }
        } else if form.originalSession == nil || form.sessionDirty {
            switch makeSession(kind: kind, stamp: stamp) {
            case .success(let session):
                changes.append(.upsertSession(session))
                parts.append("Session \(form.originalSession == nil ? "logged" : "updated"): \(session.kind) at \(session.at.clockTime).")
            case .failure(let problem):
                return .failure(problem)
            }
        }

        if changes.isEmpty {
            if form.original != nil {
                return .failure(FormProblem(message: "Nothing changed since this check-in was saved.", field: nil))
            }
            return .failure(FormProblem(message: "Set the pain now first: type a digit 0-9 (1 then 0 for 10).", field: .pain))
        }
        return .success(Transaction(changes: changes, purpose: .checkIn, summary: parts.joined(separator: " ")))
    }

    private func makeSession(kind: String, stamp: Timestamp) -> Result<Session, FormProblem> {
        var at = stamp
        let timeText = form.time.text
        if timeText.isEmpty {
            if let original = form.originalSession {
                at = original.at
            } else if let onDate = instant(on: form.date, clock: nil) {
                at = onDate
            }
        } else {
            guard let clock = Clock(timeText) else {
                return .failure(FormProblem(message: "Type the session time as HH:MM (24-hour), e.g. 18:30, or leave it empty for now.", field: .time))
            }
            guard let resolved = instant(on: form.date, clock: clock) else {
                return .failure(FormProblem(message: "\(timeText) does not exist on \(form.date.shortDescription) (the clocks changed); pick another time.", field: .time))
            }
            guard resolved <= stamp else {
                return .failure(FormProblem(message: "\(timeText) on \(form.date.shortDescription) is still to come; log a session once it has happened.", field: .time))
            }
            at = resolved
        }
        var minutes: Int?
        if !form.minutes.isEmpty {
            guard let m = Int(form.minutes.text), (1...1440).contains(m) else {
                return .failure(FormProblem(message: "Minutes must be a whole number from 1 to 1440.", field: .minutes))
            }
            minutes = m
        }
        var rpe: Int?
        if !form.rpe.isEmpty {
            guard let r = Int(form.rpe.text), (1...10).contains(r) else {
                return .failure(FormProblem(message: "RPE (how hard it felt) must be a whole number from 1 (very easy) to 10 (all-out).", field: .rpe))
            }
            rpe = r
        }
        var session: Session
        if let original = form.originalSession {
            session = original
            session.at = at
            session.kind = kind
            session.minutes = minutes
            session.rpe = rpe
            session.suddenPain = form.sudden
        } else {
            session = Session(at: at, kind: kind, minutes: minutes, rpe: rpe, suddenPain: form.sudden, updatedAt: stamp)
        }
        return .success(session)
    }

    /// The instant for `clock` (now's clock time when `nil`) on `date` in the user's zone;
    /// `nil` when that local time does not exist. Today with no clock is simply now.
    func instant(on date: LocalDate, clock: Clock?) -> Timestamp? {
        if clock == nil, date == today { return nowStamp }
        let c = clock ?? Clock(timestamp: nowStamp)
        let text = date.description + "T" + c.description
        switch Timestamp.parse(text, localTimeZone: timeZone) {
        case .success(let stamp): return stamp
        case .failure: return nil
        }
    }
}

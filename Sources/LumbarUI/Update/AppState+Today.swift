#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

extension AppState {
    mutating func handleTodayKey(_ key: Key) -> [Effect] {
        let field = form.focusedField
        let lastDigit = form.lastDigit
        form.lastDigit = nil
        if form.dateEntry != nil { return handleDateEntryKey(key) }
        if form.editing, field.isText { return handleTextKey(key, field) }

        switch key {
        case .tab: moveFormGroup(by: 1); return []
        case .backTab: moveFormGroup(by: -1); return []
        case .down, .character("j"): moveForm(to: form.focus + 1); return []
        case .up, .character("k"): moveForm(to: form.focus - 1); return []
        case .pageDown: moveForm(to: form.focus + 8); return []
        case .pageUp: moveForm(to: form.focus - 8); return []
        case .home: moveForm(to: 0); return []
        case .end: moveForm(to: form.fields.count - 1); return []
        case .enter:
            // Enter saves, except on a checkbox, where saving the whole check-in would surprise.
            if field.isCheckbox { toggle(field, .character(" ")); return [] }
            if case .sign = field {
                flash = BarMessage(text: "Answer with y or n (N: no to all the rest), or leave it. Enter saves from the note or Save.")
                return []
            }
            return saveForm()
        case .character("S"):
            // Straight to the session: logging a workout alone should not take a trip through the check-in.
            if let kind = form.index(of: .kind) { moveForm(to: kind) }
            return []
        case .character("l"):
            if form.original == nil, form.fillFromPrevious(), let previous = form.previous {
                flash = BarMessage(
                    text: "Symptoms and self-care copied from \(previous.date.shortDescription) \(previous.at.clockTime) (not the warning signs).")
            } else {
                flash = BarMessage(text: "No earlier check-in to copy from.")
            }
            return []
        default: break
        }

        switch field {
        case .date:
            switch key {
            case .left, .character("-"): changeDate(by: -1)
            case .right, .character("+"), .character("="): changeDate(by: 1)
            case .character(" "), .character("i"), .character("e"): form.dateEntry = TextField(limit: 20)
            // A date starts with a digit ("2026-03-01") or, typed from the row, "yesterday".
            case .character(let c) where (c.isASCII && c.isNumber) || c == "y":
                var entry = TextField(limit: 20)
                _ = entry.handle(key)
                form.dateEntry = entry
            default: break
            }
        case .pain, .worst:
            adjustPain(field, key, lastDigit: lastDigit)
        case .symptom, .care, .sudden:
            toggle(field, key)
        case .sign(let symptom):
            answer(symptom, key)
        case .note, .kind, .time, .minutes, .rpe:
            if key == .character(" ") || key == .character("i") || key == .character("e") { form.editing = true }
        case .save:
            if key == .character(" ") { return saveForm() }
        }
        return []
    }

    /// Ticks or clears a checkbox for `key` (Space and Enter toggle, y/n set).
    private mutating func toggle(_ field: TodayForm.Field, _ key: Key) {
        switch field {
        case .symptom(let symptom):
            guard let on = toggleValue(key, current: form.symptoms.contains(symptom)) else { return }
            if on { form.symptoms.insert(symptom) } else { form.symptoms.remove(symptom) }
            form.checkInDirty = true
        case .care(let care):
            guard let on = toggleValue(key, current: form.care.contains(care)) else { return }
            if on { form.care.insert(care) } else { form.care.remove(care) }
            form.checkInDirty = true
        case .sudden:
            guard let on = toggleValue(key, current: form.sudden) else { return }
            form.sudden = on
            form.sessionDirty = true
        default:
            break
        }
    }

    /// A warning-sign question: y yes, n no and on to the next, N no to every unanswered one
    /// from here to the end of the block, Space cycles, Backspace leaves it unanswered.
    private mutating func answer(_ symptom: Symptom, _ key: Key) {
        switch key {
        case .character("y"):
            form.answers[symptom] = true
        case .character("n"):
            form.answers[symptom] = false
            moveForm(to: form.focus + 1)
        case .character("N"):
            let start = form.signOrder.firstIndex(of: symptom) ?? 0
            for s in form.signOrder[start...] where form.answers[s] == nil { form.answers[s] = false }
            if let note = form.index(of: .note) { moveForm(to: note) }
        case .character(" "):
            switch form.answers[symptom] {
            case nil: form.answers[symptom] = true
            case true?: form.answers[symptom] = false
            case false?: form.answers[symptom] = nil
            }
        case .backspace, .delete:
            form.answers[symptom] = nil
        default:
            return
        }
        form.checkInDirty = true
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

    /// Digits under this many seconds apart make one number ("1" then "0" is 10); after a
    /// longer pause the second digit is a correction.
    static let digitPairSeconds = 0.8

    private mutating func adjustPain(_ field: TodayForm.Field, _ key: Key, lastDigit: Int?) {
        let current = field == .pain ? form.pain : form.worst
        var value = current
        switch key {
        case .character(let c) where c.isASCII && c.isNumber:
            let digit = Int(String(c)) ?? 0
            let quick = form.lastDigitAt.map { now.timeIntervalSince($0) < AppState.digitPairSeconds } ?? false
            value = quick && lastDigit == 1 && digit == 0 && current == 1 ? 10 : digit
            form.lastDigit = digit
            form.lastDigitAt = now
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
                    flash = BarMessage(text: "Digits only here.", isError: true)
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
        form.focus = min(max(0, index), form.fields.count - 1)
        form.editing = form.focusedField.isText
        keepFormFocusInView()
    }

    private mutating func moveFormGroup(by delta: Int) {
        let count = TodayForm.Field.groupCount
        var group = form.focusedField.group
        for _ in 0..<count {
            group = (group + delta + count) % count
            if let index = form.fields.firstIndex(where: { $0.group == group }) {
                moveForm(to: index)
                return
            }
        }
    }

    mutating func keepFormFocusInView() {
        let (extent, line) = todayExtent
        let view = extent.rows
        guard view > 0 else { return }
        if line < form.scroll + 1 { form.scroll = max(0, line - 1) }
        if line >= form.scroll + view - 1 { form.scroll = line - view + 2 }
        form.scroll = min(max(0, form.scroll), extent.maxOffset)
    }

    /// Keys while a date is typed on the Date row: Enter takes it, Esc puts the date back.
    private mutating func handleDateEntryKey(_ key: Key) -> [Effect] {
        guard var entry = form.dateEntry else { return [] }
        switch key {
        case .escape:
            form.dateEntry = nil
        case .enter:
            switch typedDate(entry.text) {
            case .success(let date):
                form.dateEntry = nil
                if date != form.date { changeDate(by: form.date.days(to: date)) }
            case .failure(let problem):
                flash = BarMessage(text: problem.message, isError: true)
            }
        case .tab, .backTab, .up, .down:
            form.dateEntry = nil
            return handleTodayKey(key)
        default:
            if entry.handle(key) { form.dateEntry = entry }
        }
        return []
    }

    /// The date typed on the Date row, read as the command line's `--date` reads it; a date
    /// still to come is refused.
    func typedDate(_ text: String) -> Result<LocalDate, FormProblem> {
        switch TimeInput.parseDate(text, now: now, timeZone: timeZone) {
        case .success(let date) where date > today:
            return .failure(
                FormProblem(message: "\(date.shortDescription) \(date.year) is still to come; check-ins are for days that have begun.", field: .date))
        case .success(let date):
            return .success(date)
        case .failure(.outOfRange):
            return .failure(FormProblem(message: "'\(text)' is not a real date (check the month and day).", field: .date))
        case .failure:
            return .failure(
                FormProblem(message: "Type a date as YYYY-MM-DD, today, yesterday or a weekday such as mon; Esc puts the date back.", field: .date))
        }
    }

    /// The session time typed on the form: a bare "HH:MM" is that time on the form's date
    /// (which may be a backfilled day); every other form is read as `--at` reads it
    /// ("yesterday 18:00", "mon 7:30", "-2h", "now", ISO 8601). Never after now.
    func typedSessionTime(_ text: String) -> Result<Timestamp, FormProblem> {
        let trimmed = text.trimmingSpaces()
        let resolved: Timestamp
        if let clock = TimeOfDay(trimmed), trimmed.contains(":") {
            guard let onDate = instant(on: form.date, clock: clock) else {
                return .failure(
                    FormProblem(
                        message: "\(trimmed) does not exist on \(form.date.shortDescription) (the clocks changed); pick another time.", field: .time))
            }
            resolved = onDate
        } else {
            switch TimeInput.parse(trimmed, now: now, timeZone: timeZone) {
            case .success(let time):
                resolved = time
            case .failure(let failure):
                let reason: String
                switch failure {
                case .nonexistentLocalTime: reason = "'\(trimmed)' does not exist here (the clocks skip it); pick another time."
                case .badClockTime: reason = "'\(trimmed)' is not a time of day; hours run 0-23, minutes 00-59."
                case .badDuration: reason = "'\(trimmed)' is not a relative time; write -2h, -30m or -1d."
                case .outOfRange: reason = "'\(trimmed)' is not a real date and time."
                case .unrecognized: reason = "Type the session time as HH:MM, yesterday 18:00, mon 7:30, -2h or now; empty is now."
                }
                return .failure(FormProblem(message: reason, field: .time))
            }
        }
        guard resolved <= nowStamp else {
            let local = resolved.converted(to: timeZone)
            return .failure(
                FormProblem(
                    message:
                        "\(local.localDate.shortDescription) \(preferences.clock.format(local)) is still to come; log a session once it has happened.",
                    field: .time))
        }
        return .success(resolved.converted(to: timeZone))
    }

    /// "18:30" (on the 12-hour clock "6:30 PM"), with the date in front when it is not the form's date.
    func sessionTimeText(_ time: Timestamp) -> String {
        let local = time.converted(to: timeZone)
        return local.localDate == form.date ? preferences.clock.format(local) : TimeText.dateTime(local, in: timeZone, clock: preferences.clock)
    }

    private mutating func changeDate(by delta: Int) {
        let target = form.date.adding(days: delta)
        guard target <= today else {
            flash = BarMessage(text: "Check-ins can't be logged for days still to come.")
            return
        }
        if form.checkInDirty, form.original != nil {
            flash = BarMessage(text: "Save your changes to this check-in (Enter) before moving to another day.")
            return
        }
        // A new check-in is always added beside the day's saved ones, so what was typed is
        // carried to the new date: people often pick the date after starting.
        var next = TodayForm(date: target, journal: journal, now: now, preferences: preferences)
        if form.original == nil {
            next.pain = form.pain
            next.worst = form.worst
            next.symptoms = form.symptoms
            next.care = form.care
            next.answers = form.answers
            next.note = form.note
            next.checkInDirty = form.checkInDirty
        }
        if let session = form.originalSession {
            next.load(session)
        } else {
            next.kind = form.kind
            next.time = form.time
            next.minutes = form.minutes
            next.rpe = form.rpe
            next.sudden = form.sudden
            next.sessionDirty = form.sessionDirty
        }
        next.focus = next.index(of: form.focusedField) ?? 0
        next.scroll = form.scroll
        form = next
        if !form.sameDay.isEmpty {
            flash = BarMessage(
                text:
                    "\(target.shortDescription) already has \(TodayScreen.countText(form.sameDay.count)); saving adds another (edit one from History)."
            )
        }
    }

    // MARK: Building the transaction

    private mutating func saveForm() -> [Effect] {
        switch makeTransaction() {
        case .success(let transaction):
            if let question = outsideChange() {
                overlay = .confirm(Confirmation(question: question, action: .saveOverwriting(transaction)))
                return []
            }
            painFreeOffer = unloggedEpisodeDates()
            return save(transaction)
        case .failure(let problem):
            flash = BarMessage(text: problem.message, isError: true)
            if let field = problem.field, let index = form.index(of: field) { moveForm(to: index) }
            return []
        }
    }

    /// What to ask when the entry being edited was changed or deleted elsewhere after the form
    /// loaded it; `nil` when it is as it was (the journal is re-read every second, and on every save).
    func outsideChange() -> String? {
        if let original = form.original {
            guard let current = journal.checkIn(id: original.id) else {
                return "This check-in was deleted elsewhere after you opened it. Save yours as a new copy?"
            }
            if current != original {
                return
                    "This check-in was changed elsewhere after you opened it (it now says: \(EntryText.describe(.checkIn(current)))). Replace it with yours?"
            }
        }
        if let original = form.originalSession, form.sessionDirty {
            guard let current = journal.session(id: original.id) else {
                return "This session was deleted elsewhere after you opened it. Save yours as a new copy?"
            }
            if current != original {
                return
                    "This session was changed elsewhere after you opened it (it now says: \(EntryText.describe(.session(current)))). Replace it with yours?"
            }
        }
        return nil
    }

    /// Dates with no check-in between the open episode's previous check-in and a new painful
    /// check-in that joins it (at most four weeks of them).
    func unloggedEpisodeDates() -> [LocalDate] {
        guard form.original == nil, let pain = form.pain, pain >= 1, let episode = status.episode else { return [] }
        guard let previous = journal.checkIns.last(where: { $0.date <= form.date }), previous.date >= episode.onset.date else { return [] }
        var dates: [LocalDate] = []
        var day = previous.date.adding(days: 1)
        while day < form.date, dates.count < 28 {
            dates.append(day)
            day = day.adding(days: 1)
        }
        return dates
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
        let kind = form.kind.text.trimmingSpaces()
        let sessionTouched = !form.time.isEmpty || !form.minutes.isEmpty || !form.rpe.isEmpty || form.sudden

        if form.pain == nil, form.original == nil, form.checkInDirty {
            return .failure(FormProblem(message: "Set the pain now first: type a digit 0-9 (1 then 0 quickly for 10).", field: .pain))
        }
        if let pain = form.pain, let worst = form.worst, worst < pain {
            return .failure(
                FormProblem(message: "Worst pain (\(worst)) can't be below pain now (\(pain)): raise it, or clear it with Backspace.", field: .worst))
        }
        if let pain = form.pain, form.original == nil || form.checkInDirty {
            let answers = form.signAnswers
            let unknown = form.original?.symptoms.filter { !$0.isKnown } ?? []
            let symptoms = Symptom.known.filter { form.symptoms.contains($0) || answers.yes.contains($0) } + unknown
            let care = SelfCare.known.filter { form.care.contains($0) } + (form.original?.care.filter { !$0.isKnown } ?? [])
            var checkIn: CheckIn
            if let original = form.original {
                checkIn = original
                checkIn.pain = pain
                checkIn.worst = form.worst
                checkIn.symptoms = symptoms
                checkIn.denied = answers.no
                checkIn.care = care
                checkIn.note = form.note.text
            } else {
                checkIn = CheckIn(
                    date: form.date, at: checkInInstant(on: form.date) ?? stamp, pain: pain, worst: form.worst,
                    symptoms: symptoms, denied: answers.no, care: care, note: form.note.text, updatedAt: stamp)
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
                parts.append("Session \(form.originalSession == nil ? "logged" : "updated"): \(session.kind) at \(sessionTimeText(session.at)).")
            case .failure(let problem):
                return .failure(problem)
            }
        }

        if changes.isEmpty {
            if form.original != nil {
                return .failure(FormProblem(message: "Nothing changed since this check-in was saved.", field: nil))
            }
            return .failure(FormProblem(message: "Set the pain now first: type a digit 0-9 (1 then 0 quickly for 10).", field: .pain))
        }
        return .success(Transaction(changes: changes, purpose: .checkIn, summary: parts.joined(separator: " ")))
    }

    /// When a new check-in on `date` happens: now for today, the backfill time (12:00 unless the
    /// settings say otherwise) for an earlier date, as `lumbar checkin --date` does.
    func checkInInstant(on date: LocalDate) -> Timestamp? {
        date == today ? nowStamp : instant(on: date, clock: backfillClock)
    }

    /// The settings' backfill time as the form's clock.
    private var backfillClock: TimeOfDay { preferences.backfillTime }

    /// Pain 0 at the backfill time on each of `dates`, as the answer yes to "pain-free on those dates?".
    func painFreeTransaction(_ dates: [LocalDate]) -> Transaction {
        let stamp = nowStamp
        let changes = dates.compactMap { date -> JournalChange? in
            guard let at = instant(on: date, clock: backfillClock) else { return nil }
            return .upsertCheckIn(CheckIn(date: date, at: at, pain: 0, updatedAt: stamp))
        }
        let names = dates.map(\.shortDescription).joined(separator: ", ")
        return Transaction(changes: changes, purpose: .checkIn, summary: "Logged pain 0 on \(names).")
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
            switch typedSessionTime(timeText) {
            case .success(let resolved): at = resolved
            case .failure(let problem): return .failure(problem)
            }
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
                return .failure(
                    FormProblem(message: "RPE (how hard it felt) must be a whole number from 1 (very easy) to 10 (all-out).", field: .rpe))
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
    func instant(on date: LocalDate, clock: TimeOfDay?) -> Timestamp? {
        if clock == nil, date == today { return nowStamp }
        let c = clock ?? TimeOfDay(timestamp: nowStamp)
        let text = date.description + "T" + c.description
        switch Timestamp.parse(text, localTimeZone: timeZone) {
        case .success(let stamp): return stamp
        case .failure: return nil
        }
    }
}

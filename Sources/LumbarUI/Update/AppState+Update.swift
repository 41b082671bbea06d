#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

extension AppState {
    /// The next state and the effects to run for `message`. Pure: no I/O, no clock.
    public static func update(_ state: AppState, _ message: Message) -> (AppState, [Effect]) {
        var next = state
        let effects = next.update(message)
        return (next, effects)
    }

    /// Applies `message` in place and returns the effects to run.
    public mutating func update(_ message: Message) -> [Effect] {
        switch message {
        case .key(let key):
            flash = nil
            return handle(key)
        case .paste(let text):
            flash = nil
            paste(text)
            return []
        case .resize(let newWidth, let newHeight):
            viewport = Viewport(width: newWidth, height: newHeight)
            keepSelectionsInView()
            return []
        case .tick(let date):
            tick(date)
            return []
        case .journalReloaded(let newJournal):
            guard newJournal != journal else { return [] }
            journalDidChange(newJournal)
            refreshFormAfterOutsideChange()
            flash = BarMessage(text: "The journal was changed by another lumbar; showing the new version.")
            keepSelectionsInView()
            return []
        case .saved(let transaction, let newJournal, let undo):
            isSaving = false
            journalDidChange(newJournal)
            didSave(transaction, undo: undo)
            selectEntryTouched(by: transaction)
            keepSelectionsInView()
            return []
        case .saveFailed(let transaction, let reason):
            isSaving = false
            painFreeOffer = []
            if transaction.purpose == .undo, let entry = pendingUndo { undoStack.append(entry) }
            pendingUndo = nil
            flash = BarMessage(text: "Not saved: \(reason)", isError: true)
            return []
        case .reportWritten(let file, let path):
            didWriteReport(file, to: path)
            return []
        case .reportFailed(let file, let reason):
            flash = BarMessage(text: "Could not write \(file.summary): \(reason)", isError: true)
            return []
        }
    }

    private mutating func tick(_ date: Date) {
        now = date
        let today = LocalDate(instant: date, in: timeZone)
        if today != digest.today {
            let wasToday = form.date == digest.today
            journalDidChange(journal)
            if wasToday, !form.isDirty { form = freshForm(for: today) }
        } else if AppState.minute(of: date) != evaluatedMinute {
            reevaluate()
        }
    }

    /// A draft for a new check-in on `date` with the pain field focused, scrolled to the top.
    func freshForm(for date: LocalDate) -> TodayForm {
        TodayForm(date: min(date, today), journal: journal, now: now, preferences: preferences)
    }

    /// After another lumbar wrote the journal: an untouched form follows the new journal (the
    /// entry being edited is re-read); a draft stays as typed, and saving it asks first if
    /// the entry it edits changed.
    private mutating func refreshFormAfterOutsideChange() {
        guard !form.isDirty else { return }
        let focused = form.focusedField
        var next = freshForm(for: form.date)
        if let original = form.original, let current = journal.checkIn(id: original.id) { next.load(current) }
        if let session = form.originalSession, let current = journal.session(id: session.id) { next.load(current) }
        next.focus = next.index(of: focused) ?? 1
        next.editing = form.editing && next.focusedField.isText
        form = next
        keepFormFocusInView()
    }

    private mutating func didSave(_ transaction: Transaction, undo: [JournalChange]) {
        switch transaction.purpose {
        case .profile:
            didSaveProfile(transaction, undo: undo)
        case .checkIn:
            pushUndo(undo, for: transaction)
            // A check-in is a moment: once saved, Today offers the next new one.
            form = freshForm(for: form.date)
            show(.status)
            statusScroll = 0
            flash = BarMessage(text: transaction.summary)
            let dates = painFreeOffer
            painFreeOffer = []
            if !dates.isEmpty {
                let names =
                    dates.count <= 4
                    ? dates.map(\.shortDescription).joined(separator: ", ")
                    : "\(dates.count) dates from \(dates[0].shortDescription) to \(dates[dates.count - 1].shortDescription)"
                overlay = .confirm(
                    Confirmation(
                        question: "Nothing is logged on \(names). Was your back pain-free on " + (dates.count == 1 ? "that date?" : "those dates?")
                            + " (y logs pain 0 at 12:00 on " + (dates.count == 1 ? "it)" : "each)"),
                        action: .logPainFree(dates)))
            }
        case .delete:
            pushUndo(undo, for: transaction)
            forgetDeletedEntries()
            flash = BarMessage(text: "(u undoes) " + transaction.summary)
        case .assessment:
            pushUndo(undo, for: transaction)
            statusScroll = 0
            flash = BarMessage(text: "(u undoes) " + transaction.summary)
        case .undo:
            pendingUndo = nil
            forgetDeletedEntries()
            flash = BarMessage(text: transaction.summary)
        }
        if undoStack.count > 50 { undoStack.removeFirst(undoStack.count - 50) }
    }

    /// Remembers how to undo `transaction`, with each entry as the save left it.
    private mutating func pushUndo(_ undo: [JournalChange], for transaction: Transaction) {
        guard !undo.isEmpty else { return }
        var expected: [UUID: Journal.Entry?] = [:]
        for change in transaction.changes {
            guard let id = change.entryID else { continue }
            expected[id] = .some(currentEntry(id: id))
        }
        undoStack.append(UndoEntry(changes: undo, summary: transaction.summary, expected: expected))
    }

    /// Drops a draft's link to an entry that no longer exists.
    private mutating func forgetDeletedEntries() {
        if let original = form.original, journal.checkIn(id: original.id) == nil {
            form.original = nil
            if !form.checkInDirty { form = freshForm(for: form.date) }
        }
        if let session = form.originalSession, journal.session(id: session.id) == nil {
            form.originalSession = nil
        }
    }

    // MARK: Keys

    private mutating func handle(_ key: Key) -> [Effect] {
        if key == .control("c") { return [.quit(130)] }
        if let overlay { return handleOverlay(overlay, key) }
        if !isInTextField, let effects = handleGlobal(key) { return effects }
        switch screen {
        case .today: return handleTodayKey(key)
        case .status:
            if key == .character("a") { openAssessment() } else { scrollStatus(key) }
        case .history: return handleHistoryKey(key)
        case .chart: handleChartKey(key)
        case .guide: scrollGuide(key)
        case .training: break
        case .profile: return handleProfileKey(key)
        case .report: return handleReportKey(key)
        }
        return []
    }

    /// Keys that work on every screen outside a text field; `nil` when the key is not one.
    private mutating func handleGlobal(_ key: Key) -> [Effect]? {
        switch key {
        case .character("?"), .function(1):
            overlay = .help
            return []
        case .character("q"):
            if form.isDirty {
                overlay = .confirm(Confirmation(question: "Your changes on Today are not saved. Quit without saving them?", action: .quit))
                return []
            }
            if let question = unsavedProfileQuestion {
                overlay = .confirm(Confirmation(question: question, action: .quit))
                return []
            }
            return [.quit(0)]
        case .character("u"):
            return undoKey()
        case .escape:
            if screen == .history, historyTakesEscape { return nil }
            if screen == .today, form.editing { return nil }
            goBack()
            return []
        case .character(let c):
            guard let target = ScreenName.allCases.first(where: { $0.key == c }) else { return nil }
            if target == .today, screen != .today, !form.isDirty { form = freshForm(for: today) }
            show(target)
            return []
        default:
            return nil
        }
    }

    private mutating func handleOverlay(_ overlay: Overlay, _ key: Key) -> [Effect] {
        switch overlay {
        case .assessment(let form):
            return handleAssessmentKey(form, key)
        case .help:
            handleHelpKey(key)
            return []
        case .confirm(let confirmation):
            switch key {
            case .character("y"), .character("Y"):
                self.overlay = nil
                return confirm(confirmation.action)
            case .character("n"), .character("N"), .escape, .character("q"):
                self.overlay = nil
                return []
            default:
                flash = BarMessage(text: "Press y for yes or n for no.")
                return []
            }
        }
    }

    private mutating func confirm(_ action: Confirmation.Action) -> [Effect] {
        switch action {
        case .quit:
            return [.quit(0)]
        case .delete(let entry):
            return save(Transaction(changes: [.delete(entry.id)], purpose: .delete, summary: "Deleted " + EntryText.describe(entry) + "."))
        case .editDiscardingDraft(let row):
            openForEditing(row: row)
            return []
        case .saveOverwriting(let transaction):
            painFreeOffer = unloggedEpisodeDates()
            return save(transaction)
        case .logPainFree(let dates):
            return save(painFreeTransaction(dates))
        }
    }

    /// Shows `target`, remembering where we were for Esc.
    mutating func show(_ target: ScreenName) {
        guard target != screen else { return }
        backStack.append(screen)
        if backStack.count > 20 { backStack.removeFirst() }
        screen = target
        keepSelectionsInView()
    }

    private mutating func goBack() {
        guard let previous = backStack.popLast() else {
            flash = BarMessage(text: "Press q to quit.")
            return
        }
        screen = previous
        keepSelectionsInView()
    }

    // MARK: Saving and undo

    /// Starts saving `transaction` unless another save is still running.
    mutating func save(_ transaction: Transaction) -> [Effect] {
        guard !isSaving else {
            flash = BarMessage(text: "Still saving the last change; try again in a moment.", isError: true)
            return []
        }
        isSaving = true
        return [.save(transaction)]
    }

    mutating func undo() -> [Effect] {
        guard !isSaving else { return [] }
        guard let entry = undoStack.popLast() else {
            flash = BarMessage(text: "Nothing to undo.")
            return []
        }
        for (id, expected) in entry.expected where currentEntry(id: id) != expected {
            // Undoing now would throw away an edit made elsewhere after this save.
            flash = BarMessage(
                text: "Not undone: \(entry.summary.dropLast()) was changed elsewhere since, and undo never overwrites that.", isError: true)
            return []
        }
        pendingUndo = entry
        return save(Transaction(changes: entry.changes, purpose: .undo, summary: "Undone: " + entry.summary))
    }

    /// Keeps every screen's scroll position valid after a resize or a change of content.
    mutating func keepSelectionsInView() {
        keepFormFocusInView()
        keepHistorySelectionInView()
        statusScroll = min(statusScroll, statusExtent.maxOffset)
        guideScroll = min(guideScroll, guideExtent.maxOffset)
    }

    private mutating func scrollStatus(_ key: Key) {
        let extent = statusExtent
        statusScroll = Scrolling.apply(key, to: statusScroll, page: extent.page, max: extent.maxOffset)
    }

    private mutating func scrollGuide(_ key: Key) {
        let extent = guideExtent
        guideScroll = Scrolling.apply(key, to: guideScroll, page: extent.page, max: extent.maxOffset)
    }

    private mutating func handleChartKey(_ key: Key) {
        switch key {
        case .character("1"): chart.range = .twoWeeks
        case .character("2"): chart.range = .quarter
        case .character("3"): chart.range = .year
        case .character("4"): chart.range = .all
        case .right, .character("l"), .character("+"), .character("="), .tab:
            chart.range = ChartState.Range(rawValue: (chart.range.rawValue + 1) % 4) ?? .twoWeeks
        case .left, .character("-"), .backTab:
            chart.range = ChartState.Range(rawValue: (chart.range.rawValue + 3) % 4) ?? .twoWeeks
        case .character("["), .pageUp: chart.monthsBack += 1
        case .character("]"), .pageDown: chart.monthsBack = max(0, chart.monthsBack - 1)
        default: break
        }
    }
}

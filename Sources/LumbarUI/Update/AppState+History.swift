#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

extension AppState {
    mutating func handleHistoryKey(_ key: Key) -> [Effect] {
        if history.filterField != nil {
            handleFilterKey(key)
            return []
        }
        if history.showsDetail { return handleDetailKey(key) }
        let page = max(1, viewport.historyRows(showsFilter: history.showsFilter) - 1)
        switch key {
        case .up, .character("k"): history.selected -= 1
        case .down, .character("j"): history.selected += 1
        case .pageUp, .control("b"): history.selected -= page; history.offset -= page
        case .pageDown, .control("f"), .character(" "): history.selected += page; history.offset += page
        case .home: history.selected = 0
        case .end, .character("G"): history.selected = history.visible.count - 1
        case .character("/"):
            history.filterBeforeTyping = history.filter
            history.filterField = TextField(history.filter, limit: 60)
        case .escape:
            history.filter = ""
            refilterHistory()
        case .enter, .right, .character("l"):
            guard selectedRow != nil else { break }
            history.showsDetail = true
            history.detailScroll = 0
        case .character("e"):
            return editSelectedEntry()
        case .character("x"), .delete, .character("d"):
            askToDeleteSelectedEntry()
        default:
            break
        }
        keepHistorySelectionInView()
        return []
    }

    /// Typing narrows the list at once; Enter keeps the filter, Esc puts back the one before `/`.
    private mutating func handleFilterKey(_ key: Key) {
        guard var field = history.filterField else { return }
        switch key {
        case .escape:
            history.filterField = nil
            history.filter = history.filterBeforeTyping
            refilterHistory()
        case .enter:
            history.filterField = nil
            if history.visible.isEmpty, !history.filter.isEmpty {
                flash = BarMessage(text: "Nothing matches \u{201C}\(history.filter)\u{201D}. Esc clears the filter.")
            }
        default:
            guard field.handle(key) else { return }
            history.filterField = field
            let filter = field.text.trimmingSpaces()
            guard filter != history.filter else { return }
            history.filter = filter
            history.selected = 0
            history.offset = 0
            refilterHistory()
        }
        keepHistorySelectionInView()
    }

    private mutating func handleDetailKey(_ key: Key) -> [Effect] {
        let page = max(1, viewport.historyRows(showsFilter: history.showsFilter) - 1)
        switch key {
        case .escape, .left, .enter:
            history.showsDetail = false
        case .up, .character("k"):
            history.selected -= 1
            history.detailScroll = 0
        case .down, .character("j"):
            history.selected += 1
            history.detailScroll = 0
        case .home: history.detailScroll = 0
        case .end, .character("G"): history.detailScroll = Int.max
        case .pageUp, .control("b"): history.detailScroll -= page
        case .pageDown, .control("f"), .character(" "): history.detailScroll += page
        case .character("e"):
            return editSelectedEntry()
        case .character("x"), .delete, .character("d"):
            askToDeleteSelectedEntry()
        default:
            break
        }
        keepHistorySelectionInView()
        return []
    }

    /// Whether Esc belongs to History (closing the detail or clearing the filter) rather than going back.
    var historyTakesEscape: Bool { history.showsDetail || !history.filter.isEmpty }

    private mutating func editSelectedEntry() -> [Effect] {
        guard let row = selectedRow else { return [] }
        if form.isDirty {
            overlay = .confirm(
                Confirmation(
                    question: "Your check-in on Today is not saved. Discard it and edit this entry?",
                    action: .editDiscardingDraft(row: row)))
        } else {
            openForEditing(row: row)
        }
        return []
    }

    private mutating func askToDeleteSelectedEntry() {
        guard let entry = selectedEntry else { return }
        overlay = .confirm(Confirmation(question: "Delete " + EntryText.describe(entry) + "?", action: .delete(entry)))
    }

    /// The selected row's index into `digest.rows`.
    var selectedRow: Int? {
        history.visible.indices.contains(history.selected) ? history.visible[history.selected] : nil
    }

    /// The entry of the selected row.
    var selectedEntry: Journal.Entry? {
        selectedRow.map(entry(ofRow:))
    }

    func entry(ofRow row: Int) -> Journal.Entry {
        switch digest.rows[row] {
        case .checkIn(let i): return .checkIn(journal.checkIns[i])
        case .session(let i): return .session(journal.sessions[i])
        }
    }

    /// Opens the entry of `row` on the Today form.
    mutating func openForEditing(row: Int) {
        guard digest.rows.indices.contains(row) else { return }
        history.showsDetail = false
        switch entry(ofRow: row) {
        case .checkIn(let checkIn):
            var next = TodayForm(date: checkIn.date)
            next.load(checkIn)
            form = next
            flash = BarMessage(text: "Editing the check-in of \(checkIn.date.shortDescription) \(checkIn.date.year). Enter saves, Esc goes back.")
        case .session(let session):
            var next = TodayForm(date: session.at.localDate, journal: journal, now: now, preferences: preferences)
            next.load(session)
            next.focus = next.index(of: .kind) ?? 1
            next.editing = true
            form = next
            flash = BarMessage(text: "Editing the \(session.kind) session of \(session.at.localDate.shortDescription). Enter saves.")
        }
        show(.today)
        keepFormFocusInView()
    }

    /// Selects the entry `id` in History (clearing nothing: an entry the filter hides stays unselected).
    mutating func selectHistoryEntry(id: UUID) {
        guard let row = digest.rows.indices.first(where: { entry(ofRow: $0).id == id }),
            let index = history.visible.firstIndex(of: row)
        else { return }
        history.selected = index
        keepHistorySelectionInView()
    }

    /// After a save or an undo, selects the entry it wrote so that the next key acts on what
    /// the person just saw change (a deleted entry leaves the selection on the row that took its place).
    mutating func selectEntryTouched(by transaction: Transaction) {
        // `if case` rather than a switch: changes that write no History entry (the profile,
        // assessments) are simply passed over.
        var written: UUID?
        for change in transaction.changes where written == nil {
            if case .upsertCheckIn(let c) = change { written = c.id }
            if case .upsertSession(let s) = change { written = s.id }
            if case .restore(let entry) = change { written = entry.id }
        }
        if let written { selectHistoryEntry(id: written) }
    }

    mutating func keepHistorySelectionInView() {
        let count = history.visible.count
        history.selected = min(max(0, history.selected), max(0, count - 1))
        if count == 0 { history.showsDetail = false }
        history.detailScroll = min(max(0, history.detailScroll), historyDetailExtent.maxOffset)
        let view = viewport.historyRows(showsFilter: history.showsFilter)
        guard view > 0 else { return }
        if history.selected < history.offset { history.offset = history.selected }
        if history.selected >= history.offset + view { history.offset = history.selected - view + 1 }
        history.offset = min(max(0, history.offset), max(0, count - view))
    }

    // MARK: Undo

    /// `u`: undoes the last change on the screen where it shows (History for entries, Profile
    /// for the profile); elsewhere it says where to go rather than change something unseen.
    mutating func undoKey() -> [Effect] {
        guard let top = undoStack.last else {
            flash = BarMessage(text: "Nothing to undo.")
            return []
        }
        guard top.screen == screen else {
            let target = top.screen
            flash = BarMessage(text: "u works on \(target.title): press \(target.key), then u to \(undoDescription(top)).")
            return []
        }
        return undo()
    }

    /// What `u` would do now, for the key hints: "undo delete of the check-in Tue 3 Mar 08:10".
    var nextUndoDescription: String? { undoStack.last.map(undoDescription) }

    func undoDescription(_ entry: UndoEntry) -> String {
        for change in entry.changes {
            if case .restore(let deleted) = change { return "undo delete of " + EntryText.short(deleted) }
            if case .delete(let id) = change {
                if let c = journal.checkIn(id: id) { return "undo adding " + EntryText.short(.checkIn(c)) }
                if let s = journal.session(id: id) { return "undo adding " + EntryText.short(.session(s)) }
            }
            if case .upsertCheckIn(let c) = change { return "undo the edit of " + EntryText.short(.checkIn(journal.checkIn(id: c.id) ?? c)) }
            if case .upsertSession(let s) = change { return "undo the edit of " + EntryText.short(.session(journal.session(id: s.id) ?? s)) }
            if case .setProfile = change { return "undo the profile change" }
        }
        return "undo: " + entry.summary
    }
}

extension UndoEntry {
    /// The screen where undoing this makes sense, where the person sees what comes back:
    /// Profile for the profile, History for check-ins and sessions, Status for anything else.
    var screen: ScreenName {
        var touchesEntries = false
        var onlyProfile = true
        for change in changes {
            if case .setProfile = change { continue }
            onlyProfile = false
            if case .upsertCheckIn = change { touchesEntries = true }
            if case .upsertSession = change { touchesEntries = true }
            if case .delete = change { touchesEntries = true }
            if case .restore = change { touchesEntries = true }
        }
        if onlyProfile { return .profile }
        return touchesEntries ? .history : .status
    }
}

import Foundation
import LumbarCore

extension AppState {
    mutating func handleHistoryKey(_ key: Key) -> [Effect] {
        if var field = history.filterField {
            switch key {
            case .escape:
                history.filterField = nil
            case .enter:
                history.filter = field.text.trimmingCharacters(in: .whitespaces)
                history.filterField = nil
                history.selected = 0
                history.offset = 0
                refilterHistory()
                if history.visible.isEmpty, !history.filter.isEmpty {
                    flash = Flash(text: "Nothing matches \u{201C}\(history.filter)\u{201D}. Esc clears the filter.")
                }
            default:
                if field.handle(key) { history.filterField = field }
            }
            return []
        }
        let page = max(1, HistoryScreen.listHeight(self) - 1)
        switch key {
        case .up, .character("k"): history.selected -= 1
        case .down, .character("j"): history.selected += 1
        case .pageUp, .control("b"): history.selected -= page; history.offset -= page
        case .pageDown, .control("f"), .character(" "): history.selected += page; history.offset += page
        case .home: history.selected = 0
        case .end: history.selected = history.visible.count - 1
        case .character("/"):
            history.filterField = TextField(history.filter, limit: 60)
        case .escape:
            history.filter = ""
            refilterHistory()
        case .enter, .character("e"):
            guard let row = selectedRow else { break }
            if form.isDirty {
                overlay = .confirm(Confirmation(question: "Your check-in on Today is not saved. Discard it and edit this entry?",
                                                action: .editDiscardingDraft(row: row)))
            } else {
                openForEditing(row: row)
            }
        case .character("x"), .delete, .character("d"):
            guard let entry = selectedEntry else { break }
            overlay = .confirm(Confirmation(question: "Delete " + EntryText.describe(entry) + "?", action: .delete(entry)))
        default:
            break
        }
        keepHistorySelectionInView()
        return []
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
        switch entry(ofRow: row) {
        case .checkIn(let checkIn):
            var next = TodayForm(date: checkIn.date)
            next.load(checkIn)
            form = next
            flash = Flash(text: "Editing the check-in of \(checkIn.date.shortDescription) \(checkIn.date.year). Enter saves, Esc goes back.")
        case .session(let session):
            var next = TodayForm(date: session.at.localDate, journal: journal, now: now)
            next.load(session)
            next.focus = next.index(of: .kind) ?? 1
            next.editing = true
            form = next
            flash = Flash(text: "Editing the \(session.kind) session of \(session.at.localDate.shortDescription). Enter saves.")
        }
        show(.today)
        keepFormFocusInView()
    }

    mutating func keepHistorySelectionInView() {
        let count = history.visible.count
        history.selected = min(max(0, history.selected), max(0, count - 1))
        let view = HistoryScreen.listHeight(self)
        guard view > 0 else { return }
        if history.selected < history.offset { history.offset = history.selected }
        if history.selected >= history.offset + view { history.offset = history.selected - view + 1 }
        history.offset = min(max(0, history.offset), max(0, count - view))
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

extension AppState {
    /// The profile as the screen shows it: the draft, or a fresh one from the journal.
    var profileDraft: ProfileForm { profileForm ?? ProfileForm(journal.profile) }

    /// The question `q` asks when the Profile screen holds changes not yet saved.
    var unsavedProfileQuestion: String? {
        guard let profileForm, profileForm.isDirty else { return nil }
        return "Your changes on Profile are not saved. Quit without saving them?"
    }

    mutating func handleProfileKey(_ key: Key) -> [Effect] {
        var draft = profileDraft
        let last = ProfileForm.rows.count - 1
        switch key {
        case .up, .character("k"), .backTab: draft.focus = max(0, draft.focus - 1)
        case .down, .character("j"), .tab: draft.focus = min(last, draft.focus + 1)
        case .home: draft.focus = 0
        case .end, .character("G"): draft.focus = last
        case .character(let c) where c.isASCII && c.isNumber:
            draft.focus = 0
            if draft.birthYear.count < 4 { draft.birthYear.append(c) }
        case .backspace, .delete:
            if draft.focusedRow == .birthYear, !draft.birthYear.isEmpty { draft.birthYear.removeLast() }
        case .character(" "), .character("y"), .character("n"), .character("x"):
            guard case .item(let item) = draft.focusedRow else { break }
            let ticked = draft.history.contains(item)
            if key == .character(" ") || key == .character("x") || (key == .character("y")) != ticked { draft.toggle(item) }
        case .enter:
            return saveProfile(draft)
        default:
            break
        }
        profileForm = draft.isDirty || draft.focus != 0 ? draft : nil
        return []
    }

    private mutating func saveProfile(_ draft: ProfileForm) -> [Effect] {
        switch draft.validated(thisYear: today.year) {
        case .failure(let problem):
            profileForm = draft
            flash = BarMessage(text: problem.text, isError: true)
            return []
        case .success(let profile):
            guard profile != journal.profile else {
                profileForm = nil
                flash = BarMessage(text: "Nothing to save: the profile is as it was.")
                return []
            }
            profileForm = draft
            return save(
                Transaction(changes: [.setProfile(profile)], purpose: .profile, summary: "Profile saved: " + ProfileScreen.summary(profile) + "."))
        }
    }

    /// After the profile was saved: remember how to undo it, show it as saved.
    mutating func didSaveProfile(_ transaction: Transaction, undo: [JournalChange]) {
        if !undo.isEmpty { undoStack.append(UndoEntry(changes: undo, summary: transaction.summary)) }
        let focus = profileForm?.focus ?? 0
        var fresh = ProfileForm(journal.profile)
        fresh.focus = focus
        profileForm = focus == 0 ? nil : fresh
        flash = BarMessage(text: transaction.summary)
    }
}

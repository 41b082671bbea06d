#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

extension AppState {
    /// Opens the assessment dialog for the flags raised now (`a` on Status).
    mutating func openAssessment() {
        guard !status.flags.isEmpty else {
            flash = BarMessage(text: "No flag is raised now, so there is no assessment to record.")
            return
        }
        overlay = .assessment(AssessmentForm(flags: status.flags))
    }

    /// Keys in the assessment dialog: arrows and Tab move, Space/y/n answer a flag, the note
    /// takes typing, Enter on the note records, Esc cancels.
    mutating func handleAssessmentKey(_ form: AssessmentForm, _ key: Key) -> [Effect] {
        var form = form
        let onNote = form.focus == form.noteRow
        switch key {
        case .escape:
            overlay = nil
            flash = BarMessage(text: "No assessment recorded.")
            return []
        case .up, .backTab:
            form.focus = max(0, form.focus - 1)
        case .down, .tab:
            form.focus = min(form.noteRow, form.focus + 1)
        case .enter where onNote:
            return record(form)
        case .enter, .character(" "):
            if onNote {
                _ = form.note.handle(key)
            } else {
                form.covered[form.focus] = !(form.covered[form.focus] ?? false)
            }
        case .character("y") where !onNote:
            form.covered[form.focus] = true
            form.focus = min(form.noteRow, form.focus + 1)
        case .character("n") where !onNote:
            form.covered[form.focus] = false
            form.focus = min(form.noteRow, form.focus + 1)
        default:
            if onNote { _ = form.note.handle(key) }
        }
        overlay = .assessment(form)
        return []
    }

    /// Builds the assessment with the engine (as `lumbar assessed` does) and saves it.
    private mutating func record(_ form: AssessmentForm) -> [Effect] {
        if let unanswered = form.covered.firstIndex(where: { $0 == nil }) {
            flash = BarMessage(text: "Say whether a doctor assessed \(form.flags[unanswered].rule.title): y or n.", isError: true)
            var next = form
            next.focus = unanswered
            overlay = .assessment(next)
            return []
        }
        let rules = form.chosenRules
        guard !rules.isEmpty else {
            flash = BarMessage(text: "Tick at least one flag a clinician assessed (Space), or Esc to cancel.", isError: true)
            return []
        }
        do {
            let assessment = try EscalationEngine.assessment(
                of: journal, at: now, timeZone: timeZone, rules: rules,
                note: form.note.text, id: UUID(), updatedAt: nowStamp)
            overlay = nil
            let names = rules.map(\.title).joined(separator: ", ")
            return save(
                Transaction(
                    changes: [.upsertAssessment(assessment)], purpose: .assessment,
                    summary: "Assessment recorded for: \(names)."))
        } catch {
            flash = BarMessage(text: "Not recorded: \(error.message)", isError: true)
            return []
        }
    }
}

import LumbarText

/// The key hints in the message bar, most useful first (they are cut from the right).
enum Hints {
    static func forState(_ state: AppState) -> [(String, String)] {
        switch state.overlay {
        case .help: return [(state.glyphs.upDown, "scroll"), ("Esc", "closes help")]
        case .confirm: return [("y", "yes"), ("n", "no")]
        case .assessment: return [("Space", "tick"), ("y/n", "doctor?"), ("Enter", "record (on Note)"), ("Esc", "cancel")]
        case nil: break
        }
        let arrows = state.glyphs.upDown
        let sideways = state.glyphs.leftRight
        switch state.screen {
        case .today:
            if state.form.dateEntry != nil { return [("Enter", "take the date"), ("Esc", "put it back")] }
            if state.isInTextField {
                return [("Enter", "save"), ("Esc", "stop typing"), ("Tab", "next"), (arrows, "move")]
            }
            switch state.form.focusedField {
            case .date: return [(sideways, "day"), ("Space", "type a date"), ("Enter", "save"), ("Tab", "next"), ("?", "help"), ("q", "quit")]
            case .pain, .worst: return [("0-9", "pain"), ("Enter", "save"), ("Tab", "next"), (arrows, "move"), ("?", "help"), ("q", "quit")]
            case .sign: return [("y", "yes"), ("n", "no"), ("N", "no to the rest"), ("Space", "cycle"), ("?", "help")]
            case .note, .kind, .time, .minutes, .rpe: return [("i", "type"), ("Enter", "save"), ("Tab", "next"), ("?", "help")]
            default: return [("Space", "tick"), ("l", "as last time"), ("Tab", "next"), (arrows, "move"), ("?", "help"), ("q", "quit")]
            }
        case .status: return [("t", "check in"), ("a", "assessed"), ("h", "history"), (arrows, "scroll"), ("?", "help"), ("q", "quit")]
        case .history:
            if state.history.filterField != nil { return [("Enter", "keep filter"), ("Esc", "cancel")] }
            let undo = state.undoStack.last.flatMap { $0.screen == .history ? ("u", state.undoDescription($0)) : nil }
            if state.history.showsDetail {
                return [undo, ("Esc", "list"), ("e", "edit"), ("x", "delete"), (arrows, "next entry")].compactMap { $0 }
            }
            return [
                undo, ("Enter", "details"), ("e", "edit"), ("x", "delete"), ("/", "filter"), (arrows, "move"),
                ("?", "help"),
            ].compactMap { $0 }
        case .chart: return [("1-4", "range"), (sideways, "range"), ("[", "month back"), ("]", "month on"), ("?", "help"), ("q", "quit")]
        case .guide: return [(arrows, "scroll"), ("Home End", "top, end"), ("Esc", "back"), ("?", "help"), ("q", "quit")]
        case .profile:
            let undo = state.undoStack.last.flatMap { $0.screen == .profile ? ("u", state.undoDescription($0)) : nil }
            return [undo, ("Enter", "save"), ("Space", "tick"), ("0-9", "year"), (arrows, "move"), ("?", "help")].compactMap { $0 }
        case .report: return [("Enter", "write the file"), ("Space", "change"), (arrows, "move"), ("?", "help"), ("q", "quit")]
        case .training: return [("t", "check in"), ("s", "status"), ("Esc", "back"), ("?", "help"), ("q", "quit")]
        }
    }
}

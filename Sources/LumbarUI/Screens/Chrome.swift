/// The tab row at the top and the message bar at the bottom.
enum Chrome {
    static func renderTabs(_ state: AppState, into buffer: inout Buffer) {
        let y = 0
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), style: Style(attributes: .reverse))
        var x = 0
        let brand = buffer.width >= 60 ? " lumbar " : ""
        x += buffer.write(brand, x: x, y: y, style: Style(foreground: .cyan, attributes: [.reverse, .bold]))
        let compact = buffer.width < 60
        for screen in ScreenName.allCases {
            let title = " " + screen.title + " "
            let active = screen == state.screen
            let base: Style = active ? Style(attributes: .bold) : Style(attributes: .reverse)
            guard x + DisplayWidth.of(title) <= buffer.width else { break }
            // The first letter is the key: underline it.
            x += buffer.write(" ", x: x, y: y, style: base)
            x += buffer.write(String(screen.title.prefix(1)), x: x, y: y, style: base.with(.underline))
            x += buffer.write(screen.title.dropFirst() + " ", x: x, y: y, style: base)
            if !compact { x += buffer.write(" ", x: x, y: y, style: Style(attributes: .reverse)) }
        }
        let help = compact ? "? " : "? help "
        let hx = buffer.width - DisplayWidth.of(help)
        if hx > x { buffer.write(help, x: hx, y: y, style: Style(attributes: .reverse)) }
    }

    static func renderMessageBar(_ state: AppState, into buffer: inout Buffer) {
        let y = buffer.height - 1
        if let flash = state.flash {
            let style: Style = flash.isError ? .error : Style(foreground: .green)
            buffer.write(TextLayout.truncate(flash.text, to: buffer.width), x: 0, y: y, style: style)
            return
        }
        let hints = Hints.forState(state)
        var x = 0
        for (key, action) in hints {
            let piece = DisplayWidth.of(key) + 1 + DisplayWidth.of(action) + 2
            guard x + piece - 2 <= buffer.width else { break }
            x += buffer.write(key, x: x, y: y, style: .bold)
            x += buffer.write(" " + action + "  ", x: x, y: y, style: .dim)
        }
    }
}

/// The key hints in the message bar, most useful first (they are cut from the right).
enum Hints {
    static func forState(_ state: AppState) -> [(String, String)] {
        switch state.overlay {
        case .help: return [("any key", "closes help")]
        case .confirm: return [("y", "yes"), ("n", "no")]
        case .assessment: return [("Space", "tick"), ("y/n", "doctor?"), ("Enter", "record (on Note)"), ("Esc", "cancel")]
        case nil: break
        }
        let arrows = state.glyphs.isUnicode ? "↑↓" : "j/k"
        let sideways = state.glyphs.isUnicode ? "←→" : "-/+"
        switch state.screen {
        case .today:
            if state.isInTextField {
                return [("Enter", "save"), ("Esc", "stop typing"), ("Tab", "next"), (arrows == "j/k" ? "Up/Down" : arrows, "move")]
            }
            switch state.form.focusedField {
            case .date: return [(sideways, "day"), ("Enter", "save"), ("Tab", "next"), ("?", "help"), ("q", "quit")]
            case .pain, .worst: return [("0-9", "pain"), ("Enter", "save"), ("Tab", "next"), (arrows, "move"), ("?", "help"), ("q", "quit")]
            case .sign: return [("y", "yes"), ("n", "no"), ("N", "no to the rest"), ("Space", "cycle"), ("?", "help")]
            case .note, .kind, .time, .minutes, .rpe: return [("i", "type"), ("Enter", "save"), ("Tab", "next"), ("?", "help")]
            default: return [("Space", "tick"), ("l", "as last time"), ("Tab", "next"), (arrows, "move"), ("?", "help"), ("q", "quit")]
            }
        case .status: return [("t", "check in"), ("a", "assessed"), ("h", "history"), (arrows, "scroll"), ("?", "help"), ("q", "quit")]
        case .history:
            if state.history.filterField != nil { return [("Enter", "filter"), ("Esc", "cancel")] }
            return [("Enter", "edit"), ("x", "delete"), ("u", "undo"), ("/", "filter"), (arrows, "move"), ("?", "help"), ("q", "quit")]
        case .chart: return [("1-4", "range"), (sideways, "range"), ("[ ]", "month"), ("?", "help"), ("q", "quit")]
        case .guide: return [(arrows, "scroll"), ("PgDn", "page"), ("Esc", "back"), ("?", "help"), ("q", "quit")]
        }
    }
}

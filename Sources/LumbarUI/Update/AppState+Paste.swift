extension AppState {
    /// Puts pasted text into the text field being edited, line breaks and tabs as spaces;
    /// anywhere else the paste is dropped with a note, because its letters would be commands.
    mutating func paste(_ text: String) {
        let flattened = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }
        if overlay == nil, screen == .history, var field = history.filterField {
            for character in flattened { _ = field.handle(.character(character)) }
            history.filterField = field
            return
        }
        let target = form.focusedField
        guard overlay == nil, screen == .today, form.editing, target.isText else {
            flash = BarMessage(text: "Pasted text goes into a text field: move to the note (or another text field) and press Enter first.")
            return
        }
        for character in flattened where !character.isNewline {
            _ = handleTextKey(.character(character), target)
            // A field that refuses a character (digits-only) says so once; stop there.
            if flash?.isError == true { break }
        }
    }
}

/// Neutralises control characters in text meant for people, so that nothing read from a journal,
/// an import file or an argument can drive the terminal: clear the screen, move the cursor, retitle
/// the window, or print a line over another.
///
/// Every human-readable line lumbar prints passes through here (the module's `print` and
/// `Output.error`); only `--json` (whose escaping already covers control characters) and
/// `export` carry the raw text.
enum TerminalSafeText {
    /// `text` with every control character except tab and newline shown as a visible escape:
    /// C0 and DEL in caret notation (`^[`, `^M`, `^?`), C1 as `\u{9B}`.
    ///
    /// With `keepingStyles`, colour sequences lumbar itself writes (SGR with the codes its
    /// formatters use, never the same colour for text and background) are kept; anything else
    /// after an ESC is shown, not obeyed.
    static func neutralize(_ text: String, keepingStyles: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar.value == 0x1B, keepingStyles, let end = styleSequenceEnd(scalars, from: i) {
                out.append(contentsOf: scalars[i..<end])
                i = end
                continue
            }
            if needsEscape(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
            i += 1
        }
        return String(out)
    }

    /// Whether `scalar` is a control character lumbar never shows raw.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true
        default: return false
        }
    }

    /// The visible stand-in for a control character.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x7F: return "^?"
        case 0x00...0x1F:
            guard let shown = Unicode.Scalar(scalar.value + 0x40) else { return "\u{FFFD}" }
            return "^" + String(Character(shown))
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// The SGR parameters lumbar's own formatters write: reset, bold, dim, underline, reverse, and
    /// the eight foreground and background colours.
    private static let styleCodes: Set<Int> = Set([0, 1, 2, 4, 7] + Array(30...37) + Array(40...47))

    /// The index just past `ESC [ n;n… m` at `start` when it is one of lumbar's colour sequences; `nil` otherwise.
    private static func styleSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var end = start + 2
        var parameters = ""
        while end < scalars.count, end - start < 32, scalars[end] != "m" {
            parameters.unicodeScalars.append(scalars[end])
            end += 1
        }
        guard end < scalars.count, scalars[end] == "m" else { return nil }
        var codes: [Int] = []
        for part in parameters.split(separator: ";", omittingEmptySubsequences: false) {
            guard let code = Int(part), styleCodes.contains(code) else { return nil }
            codes.append(code)
        }
        // Text in its background's colour would be invisible: a way to hide a warning.
        let foregrounds = Set(codes.filter { (30...37).contains($0) }.map { $0 - 30 })
        let backgrounds = Set(codes.filter { (40...47).contains($0) }.map { $0 - 40 })
        guard foregrounds.isDisjoint(with: backgrounds) else { return nil }
        return end + 1
    }
}

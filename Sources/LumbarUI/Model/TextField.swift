import LumbarText
/// A one-line text field with a cursor, edited grapheme by grapheme.
///
/// Backspace removes a whole grapheme (an accented letter, a CJK character, an emoji with
/// its modifiers), never part of one.
struct TextField: Hashable, Sendable {
    /// The text as graphemes.
    private(set) var characters: [Character]
    /// The cursor, as a grapheme index 0...count.
    private(set) var cursor: Int
    /// The most graphemes the field takes.
    var limit: Int

    init(_ text: String = "", limit: Int = 500) {
        characters = Array(text)
        cursor = characters.count
        self.limit = limit
    }

    var text: String { String(characters) }
    var isEmpty: Bool { characters.isEmpty }

    /// Handles an editing key; returns whether the key was used.
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            insert(c)
        case .backspace, .control("h"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .left, .control("b"):
            cursor = max(0, cursor - 1)
        case .right, .control("f"):
            cursor = min(characters.count, cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = characters.count
        case .control("u"):
            characters.removeFirst(cursor)
            cursor = 0
        case .control("k"):
            characters.removeLast(characters.count - cursor)
        case .control("w"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    /// Inserts at the cursor. A combining mark or joiner typed after a grapheme joins it, as
    /// it would in any string, so the text is re-segmented around the cursor.
    mutating func insert(_ c: Character) {
        guard characters.count < limit else { return }
        if let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1, DisplayWidth.of(scalar) == 0 || scalar.value == 0x200D,
            cursor > 0
        {
            let prefix = String(characters[..<cursor]) + String(c)
            let joined = Array(prefix)
            characters = joined + characters[cursor...]
            cursor = joined.count
            return
        }
        if c.isASCII, let v = c.asciiValue, v < 0x20 || v == 0x7F { return }
        characters.insert(c, at: cursor)
        cursor += 1
    }

    /// Replaces the whole text, cursor at the end.
    mutating func set(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    /// The visible part of the field in `width` columns, and the cursor's column in it.
    func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        // Scroll so the cursor (and one column after it) stays in view.
        var start = 0
        var widthToCursor = characters[..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        while widthToCursor > width - 1, start < cursor {
            widthToCursor -= DisplayWidth.of(characters[start])
            start += 1
        }
        var text = ""
        var used = 0
        for c in characters[start...] {
            let w = DisplayWidth.of(c)
            if used + w > width { break }
            text.append(c)
            used += w
        }
        return (text, widthToCursor)
    }
}

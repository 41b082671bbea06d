#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Escaping for text placed in Markdown (CommonMark and GitHub tables).
enum MarkdownText {
    /// ASCII punctuation that inline Markdown (or a table) could read as markup.
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~"]

    /// `text` as literal inline Markdown: special punctuation gets a backslash, control
    /// characters are dropped and line breaks become spaces, so it stays inside one table cell.
    static func inline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        var previous: Character?
        while let character = rest.popFirst() {
            defer { previous = character }
            if character.isNewline {
                out.append(" ")
            } else if character == "_", previous.map(isWordCharacter) == true, rest.first.map(isWordCharacter) == true {
                // An underscore inside a word never starts emphasis (America/New_York stays as it is).
                out.append(character)
            } else if special.contains(character) || (character == "&" && rest.first.map(startsReference) == true) {
                out.append("\\")
                out.append(character)
            } else if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control }) {
                out.append(character)
            } else if character == "\t" {
                out.append(" ")
            }
        }
        return out
    }

    /// Whether `character` is a letter or digit, for the intraword-underscore rule.
    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    /// Whether `next`, after an `&`, could begin a character reference (`&amp;`, `&#38;`).
    private static func startsReference(_ next: Character) -> Bool { next == "#" || (next.isASCII && next.isLetter) }

    /// `text` escaped as by `inline`, and also safe at the start of a line, where `-`, `+`,
    /// `=` or `1.` would begin a list or a heading underline.
    static func lineStart(_ text: String) -> String {
        let escaped = inline(text)
        guard let first = escaped.first else { return escaped }
        if first == "-" || first == "+" || first == "=" { return "\\" + escaped }
        let digits = escaped.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = escaped.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")" { return digits + "\\" + rest }
        }
        return escaped
    }
}

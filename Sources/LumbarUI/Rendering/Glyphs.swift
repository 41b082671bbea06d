import LumbarText
/// The characters screens draw bars, marks and frames with: block elements in a UTF-8
/// locale, plain ASCII otherwise.
public struct Glyphs: Hashable, Sendable {
    /// Whether these are the Unicode glyphs.
    public let isUnicode: Bool

    /// Eight rising bar heights, lowest first.
    let eighths: [Character]
    /// A full bar cell.
    let full: Character
    /// A half bar cell (left half, for horizontal bars).
    let halfBar: Character
    /// An empty bar cell.
    let emptyBar: Character
    /// A day without a check-in in a sparkline.
    let noData: Character
    /// A session in the chart.
    let session: Character
    /// A point of the 7-day average.
    let average: Character
    /// A vertical mark across the plot (episode windows).
    let mark: Character
    /// Horizontal rule.
    let rule: Character
    /// Vertical rule.
    let vertical: Character
    /// Warning marker before red-flag symptoms.
    let warning: Character
    /// Bullet before a flag.
    let bullet: Character
    /// Ellipsis for cut text.
    let ellipsis: Character
    /// Heat-map shades: pain 0, 1–3, 4–6, 7–10.
    let heat: [Character]
    /// Arrow used for "then" and sessions.
    let arrow: Character
    /// Middle dot separator.
    let dot: Character
    /// Marks the selected row of a list (never used for anything else on the same screen).
    let cursor: Character
    /// Marks a session's row in History, distinct from `cursor`.
    let sessionRow: Character
    /// The 7-day line in the lower and the upper half of a cell.
    let lineLow: Character
    let lineHigh: Character
    /// Ends text that was cut to fit ("…", or "..." in ASCII).
    let cut: String
    /// Arrow keys as the help and the hints name them.
    let upDown: String
    let leftRight: String

    /// Block elements and box drawing, for UTF-8 terminals.
    public static let unicode = Glyphs(
        isUnicode: true, eighths: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], full: "█", halfBar: "▌",
        emptyBar: "░", noData: "·", session: "▲", average: "•", mark: "┊", rule: "─", vertical: "│",
        warning: "!", bullet: "●", ellipsis: "…", heat: ["·", "░", "▒", "▓"], arrow: "▶", dot: "·",
        cursor: "›", sessionRow: "▲", lineLow: "▄", lineHigh: "▀", cut: "…", upDown: "↑↓", leftRight: "←→")

    /// Plain ASCII, for other locales.
    public static let ascii = Glyphs(
        isUnicode: false, eighths: ["_", "_", ".", ".", "-", "-", "=", "#"], full: "#", halfBar: "+",
        emptyBar: ".", noData: ".", session: "^", average: "o", mark: ":", rule: "-", vertical: "|",
        warning: "!", bullet: "*", ellipsis: "~", heat: [".", "-", "+", "#"], arrow: ">", dot: "-",
        cursor: ">", sessionRow: "^", lineLow: "o", lineHigh: "o", cut: "...", upDown: "Up/Down", leftRight: "Left/Right")

    /// Unicode glyphs when the environment's locale (`LC_ALL`, `LC_CTYPE`, `LANG`) is UTF-8.
    public static func forEnvironment(_ environment: [String: String]) -> Glyphs {
        let locale =
            [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let upper = locale.uppercased()
        return upper.contains("UTF-8") || upper.contains("UTF8") ? .unicode : .ascii
    }

    /// The shade for a pain value in the calendar heat map.
    func heat(for pain: Int) -> Character {
        switch pain {
        case ..<1: return heat[0]
        case 1...3: return heat[1]
        case 4...6: return heat[2]
        default: return heat[3]
        }
    }

    /// One sparkline cell for a day's pain (nil: no check-in).
    func spark(_ pain: Int?) -> Character {
        guard let pain else { return noData }
        if !isUnicode {
            return pain >= 10 ? "X" : Character(String(pain))
        }
        return eighths[min(7, max(0, (pain * 7 + 5) / 10))]
    }
}

extension Glyphs {
    /// The ASCII stand-in for a one-column character an ASCII terminal cannot show (curses
    /// would print `?`), or `nil` when there is none to offer.
    static func asciiFallback(for character: Character) -> Character? {
        if character.isASCII { return nil }
        return asciiFallbacks[character]
    }

    private static let asciiFallbacks: [Character: Character] = [
        "\u{2013}": "-", "\u{2014}": "-", "\u{2212}": "-", "\u{2018}": "'", "\u{2019}": "'", "\u{201C}": "\"", "\u{201D}": "\"",
        "\u{2026}": ".", "\u{00A0}": " ", "\u{2009}": " ", "\u{202F}": " ",
        "\u{2192}": ">", "\u{2190}": "<", "\u{2191}": "^", "\u{2193}": "v", "\u{25B6}": ">", "\u{25B2}": "^", "\u{25BC}": "v",
        "\u{203A}": ">", "\u{2039}": "<", "\u{00B7}": ".", "\u{2022}": "o", "\u{25CF}": "*", "\u{00D7}": "x",
        "\u{2265}": ">", "\u{2264}": "<", "\u{00B0}": "o", "\u{2713}": "x", "\u{2717}": "x",
        "\u{2500}": "-", "\u{2502}": "|", "\u{250C}": "+", "\u{2510}": "+", "\u{2514}": "+", "\u{2518}": "+",
        "\u{251C}": "+", "\u{2524}": "+", "\u{252C}": "+", "\u{2534}": "+", "\u{253C}": "+", "\u{250A}": ":",
        "\u{2588}": "#", "\u{258C}": "+", "\u{2591}": ".", "\u{2592}": "+", "\u{2593}": "#", "\u{2580}": "-", "\u{2584}": "_",
        "\u{2581}": "_", "\u{2582}": "_", "\u{2583}": ".", "\u{2585}": "-", "\u{2586}": "-", "\u{2587}": "=",
    ]
}

extension Buffer {
    /// Replaces every one-column character that has an ASCII stand-in, so a screen drawn for
    /// `LANG=C` shows dashes, arrows and quotes instead of curses' `?`.
    mutating func fallBackToASCII() {
        for y in 0..<height {
            for x in 0..<width {
                let cell = self[x, y]
                guard cell.width == 1, let plain = Glyphs.asciiFallback(for: cell.symbol) else { continue }
                set(x, y, Cell(symbol: plain, style: cell.style))
            }
        }
    }
}

extension TextLayout {
    /// `text` cut to `width` columns, ending in the glyphs' cut mark when cut ("..." in ASCII).
    static func truncate(_ text: String, to width: Int, glyphs: Glyphs) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let mark = glyphs.cut
        let markWidth = DisplayWidth.of(mark)
        guard width > markWidth else { return truncate(text, to: width, ellipsis: glyphs.ellipsis) }
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - markWidth { break }
            result.append(character)
            used += w
        }
        return result + mark
    }
}

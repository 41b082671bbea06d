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

    /// Block elements and box drawing, for UTF-8 terminals.
    public static let unicode = Glyphs(
        isUnicode: true, eighths: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], full: "█", halfBar: "▌",
        emptyBar: "░", noData: "·", session: "▲", average: "•", mark: "┊", rule: "─", vertical: "│",
        warning: "!", bullet: "●", ellipsis: "…", heat: ["·", "░", "▒", "▓"], arrow: "▶", dot: "·")

    /// Plain ASCII, for other locales.
    public static let ascii = Glyphs(
        isUnicode: false, eighths: ["_", "_", ".", ".", "-", "-", "=", "#"], full: "#", halfBar: "+",
        emptyBar: ".", noData: ".", session: "^", average: "o", mark: ":", rule: "-", vertical: "|",
        warning: "!", bullet: "*", ellipsis: "~", heat: [".", "-", "+", "#"], arrow: ">", dot: "-")

    /// Unicode glyphs when the environment's locale (`LC_ALL`, `LC_CTYPE`, `LANG`) is UTF-8.
    public static func forEnvironment(_ environment: [String: String]) -> Glyphs {
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
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

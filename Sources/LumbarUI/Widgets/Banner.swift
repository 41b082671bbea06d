import LumbarCore
import LumbarText

/// The level banner: a full-width bar in the level's colour.
enum Banner {
    static func title(_ level: Level) -> String {
        switch level {
        case .none: return "NO FLAGS"
        case .info: return "INFO"
        case .watch: return "WATCH"
        case .seeDoctor: return "SEE A DOCTOR"
        case .urgent: return "URGENT"
        case .emergency: return "EMERGENCY"
        }
    }

    static func style(_ level: Level) -> Style {
        switch level {
        case .none: return Style(foreground: .black, background: .green, attributes: .bold)
        case .info: return Style(foreground: .black, background: .cyan, attributes: .bold)
        case .watch: return Style(foreground: .black, background: .yellow, attributes: .bold)
        case .seeDoctor: return Style(foreground: .white, background: .magenta, attributes: .bold)
        case .urgent: return Style(foreground: .white, background: .red, attributes: .bold)
        case .emergency: return Style(foreground: .white, background: .red, attributes: [.bold, .underline])
        }
    }

    /// The status's level, how many flags, and what to do, in one bar.
    static func draw(_ status: Status, glyphs: Glyphs, in rect: Rect, into buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        let level = status.level
        let style = style(level)
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: style)
        let dot = " " + String(glyphs.dot) + " "
        var text = " " + title(level)
        switch status.flags.count {
        case 0: break
        case 1: text += dot + "1 flag"
        default: text += dot + "\(status.flags.count) flags"
        }
        text += dot + level.action
        buffer.write(TextLayout.truncate(text, to: rect.width - 1), x: rect.x, y: rect.y, style: style)
    }
}

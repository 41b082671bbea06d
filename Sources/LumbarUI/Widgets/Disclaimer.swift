import LumbarCore
import LumbarText

/// The one line every screen with flags carries.
enum Disclaimer {
    static let long = StatusFormatter.disclaimer
    static let medium = "This is guidance from the articles, not a diagnosis."
    static let short = "Article guidance, not a diagnosis."

    static func draw(in rect: Rect, into buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        let room = rect.width - 2
        let text = [long, medium, short].first { DisplayWidth.of($0) <= room } ?? TextLayout.truncate(short, to: room)
        buffer.write(text, x: rect.x + 1, y: rect.y, style: Style(attributes: [.dim]))
    }
}

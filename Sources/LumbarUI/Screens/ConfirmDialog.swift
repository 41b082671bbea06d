import LumbarText
/// A yes/no question in a box.
enum ConfirmDialog {
    static func render(_ confirmation: Confirmation, state: AppState, into buffer: inout Buffer) {
        let boxWidth = min(buffer.width - 2, 56)
        let lines = TextLayout.wrap(confirmation.question, width: boxWidth - 4)
        let box = buffer.area.centered(width: boxWidth, height: lines.count + 4)
        Frame.draw(box, title: "Confirm", glyphs: state.glyphs, into: &buffer)
        let inner = box.inset(dx: 2, dy: 1)
        for (i, line) in lines.enumerated() where i < inner.height {
            buffer.write(line, x: inner.x, y: inner.y + i, style: .bold)
        }
        let answer = [
            Span("y", Style(foreground: .green, attributes: .bold)), Span(" yes   "),
            Span("n", Style(foreground: .red, attributes: .bold)), Span(" no"),
        ]
        buffer.draw(answer, x: inner.x, y: inner.bottom - 1, width: inner.width)
    }
}

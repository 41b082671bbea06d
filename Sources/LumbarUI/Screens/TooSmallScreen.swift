import LumbarText
/// What is shown when the terminal is smaller than the screens need.
enum TooSmallScreen {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        let text =
            "Terminal too small: \(state.width)×\(state.height). lumbar needs \(AppView.minimumWidth)×\(AppView.minimumHeight). Enlarge the window, or press q to quit."
        let lines = TextLayout.wrap(text, width: max(1, buffer.width))
        let top = max(0, (buffer.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < buffer.height {
            let x = max(0, (buffer.width - DisplayWidth.of(line)) / 2)
            buffer.write(line, x: x, y: top + i, style: i == 0 ? .bold : .plain)
        }
    }
}

import CNCursesW
import LumbarUI

/// Paints frames onto the curses screen, only the cells that changed since the last frame.
struct Painter {
    private var lastFrame: Buffer?
    private var pairs: [UInt16: Int16] = [:]
    private var nextPair: Int16 = 1
    private let maxPairs: Int
    private let color: Bool
    private let defaultColors: Bool
    private var cursorVisible = false

    /// A painter; `defaultColors` says whether colour -1 (the terminal's own) may be used.
    init(color: Bool, defaultColors: Bool = true) {
        self.color = color
        self.defaultColors = defaultColors
        maxPairs = color ? Int(lumbar_color_pairs()) : 0
    }

    /// Forgets the last frame so the next paint draws every cell (after a resize).
    mutating func invalidate() { lastFrame = nil }

    /// Paints what differs between `frame` and the last frame, then refreshes the terminal.
    /// - Returns: the number of cells written.
    @discardableResult
    mutating func paint(_ frame: Buffer) -> Int {
        var written = 0
        for run in FrameDiff.runs(from: lastFrame, to: frame) {
            var x = run.start
            while x < run.end {
                let cell = frame[x, run.y]
                if !cell.isContinuation {
                    put(cell, x: x, y: run.y, frameWidth: frame.width)
                    written += 1
                }
                x += 1
            }
        }
        if let cursor = frame.cursor {
            wmove(lumbar_stdscr(), Int32(cursor.y), Int32(cursor.x))
            if !cursorVisible { curs_set(1); cursorVisible = true }
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        wrefresh(lumbar_stdscr())
        lastFrame = frame
        return written
    }

    private mutating func put(_ cell: Cell, x: Int, y: Int, frameWidth: Int) {
        let style = color ? cell.style : cell.style.monochrome
        var attrs = lumbar_a_normal()
        if style.attributes.contains(.bold) { attrs |= lumbar_a_bold() }
        if style.attributes.contains(.dim) { attrs |= lumbar_a_dim() }
        if style.attributes.contains(.reverse) { attrs |= lumbar_a_reverse() }
        if style.attributes.contains(.underline) { attrs |= lumbar_a_underline() }
        let pair = colorPair(style)
        let scalars = cell.symbol.unicodeScalars
        let first = scalars.first.map { wchar_t(bitPattern: $0.value) } ?? 32
        // The terminal's idea of the width must match the buffer's, or everything after
        // the cell would shift; when they disagree, draw something of the right width.
        let terminalWidth = Int(lumbar_wcwidth(first))
        if terminalWidth != Int(cell.width) {
            if terminalWidth == 1, cell.width == 2 {
                _ = lumbar_put_char(Int32(y), Int32(x), first, attrs, pair)
                _ = lumbar_put_char(Int32(y), Int32(x + 1), 32, attrs, pair)
            } else {
                for i in 0..<Int(cell.width) { _ = lumbar_put_char(Int32(y), Int32(x + i), 63, attrs, pair) }
            }
            return
        }
        if scalars.count == 1 {
            _ = lumbar_put_char(Int32(y), Int32(x), first, attrs, pair)
            return
        }
        // A grapheme of several scalars: the base plus the zero-width ones curses can combine.
        var text: [wchar_t] = [first]
        for scalar in scalars.dropFirst() where text.count < 5 {
            let c = wchar_t(bitPattern: scalar.value)
            if lumbar_wcwidth(c) == 0 { text.append(c) }
        }
        text.append(0)
        if lumbar_put_cell(Int32(y), Int32(x), text, attrs, pair) == lumbar_err() {
            _ = lumbar_put_char(Int32(y), Int32(x), first, attrs, pair)
        }
    }

    /// The colour pair for a style's colours, made on first use (pair 0 is the default pair).
    private mutating func colorPair(_ style: Style) -> Int16 {
        guard color, style.foreground != .default || style.background != .default else { return 0 }
        let key = UInt16(style.foreground.rawValue) << 8 | UInt16(style.background.rawValue)
        if let pair = pairs[key] { return pair }
        guard Int(nextPair) < maxPairs else { return 0 }
        let pair = nextPair
        nextPair += 1
        // Without default colours, white on black stands in for the terminal's own.
        let foreground = style.foreground.ansiIndex ?? (defaultColors ? -1 : 7)
        let background = style.background.ansiIndex ?? (defaultColors ? -1 : 0)
        init_pair(pair, Int16(foreground), Int16(background))
        pairs[key] = pair
        return pair
    }
}

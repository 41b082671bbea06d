import LumbarText
/// A screen's worth of cells that screens draw into and the terminal paints from.
///
/// Drawing never fails: anything outside the buffer is clipped, a wide grapheme that would
/// straddle the edge is replaced by a space, and half-overwritten wide graphemes are cleared.
public struct Buffer: Hashable, Sendable {
    /// Width in columns.
    public let width: Int
    /// Height in rows.
    public let height: Int
    /// Cells row by row.
    public private(set) var cells: [Cell]
    /// Where the text cursor should be shown, if anywhere (a field being edited).
    public var cursor: Position?

    /// A cell position.
    public struct Position: Hashable, Sendable {
        /// Column.
        public var x: Int
        /// Row.
        public var y: Int
        /// A position.
        public init(x: Int, y: Int) { self.x = x; self.y = y }
    }

    /// A blank buffer.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    /// Puts one cell, clearing any wide grapheme it cuts in half.
    mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = y * width + x
        if cells[i].isContinuation, x > 0 {
            cells[i - 1] = Cell(symbol: " ", style: cells[i - 1].style)
        }
        if cells[i].width == 2, x + 1 < width, cell.width != 2 {
            cells[i + 1] = Cell(symbol: " ", style: cells[i + 1].style)
        }
        if cell.width == 2 {
            guard x + 1 < width else {
                cells[i] = Cell(symbol: " ", style: cell.style)
                return
            }
            if cells[i + 1].width == 2, x + 2 < width {
                cells[i + 2] = Cell(symbol: " ", style: cells[i + 2].style)
            }
            cells[i] = cell
            cells[i + 1] = .continuation(cell.style)
        } else {
            cells[i] = cell
        }
    }

    /// Writes `text` from (`x`, `y`), at most `maxWidth` columns (to the buffer's edge by
    /// default), and returns the number of columns written. Control characters show as spaces.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in text {
            var symbol = character
            var w = DisplayWidth.of(character)
            // C0, DEL and C1 controls would drive the terminal (a note could retitle it): blank them.
            if character.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                symbol = " "
                w = 1
            }
            if w == 0 { continue }
            if column + w > limit {
                if column < limit { set(column, y, Cell(symbol: " ", style: style)) }
                column = limit
                break
            }
            if column >= 0 { set(column, y, Cell(symbol: symbol, width: UInt8(w), style: style)) }
            column += w
        }
        return max(0, column - x)
    }

    /// Fills `rect` with `symbol` in `style`.
    mutating func fill(_ rect: Rect, with symbol: Character = " ", style: Style = .plain) {
        let w = DisplayWidth.of(symbol)
        for row in max(0, rect.y)..<min(height, rect.bottom) {
            var column = max(0, rect.x)
            while column < min(width, rect.right) {
                set(column, row, Cell(symbol: symbol, width: UInt8(w), style: style))
                column += max(1, w)
            }
        }
    }

    /// Adds `style`'s attributes and non-default colours to every cell in `rect`.
    mutating func applyStyle(_ style: Style, to rect: Rect) {
        for row in max(0, rect.y)..<min(height, rect.bottom) {
            for column in max(0, rect.x)..<min(width, rect.right) {
                let i = row * width + column
                var s = cells[i].style
                s.attributes.formUnion(style.attributes)
                if style.foreground != .default { s.foreground = style.foreground }
                if style.background != .default { s.background = style.background }
                cells[i].style = s
            }
        }
    }

    /// The text of row `y`, trailing spaces kept.
    public func line(_ y: Int) -> String {
        var text = ""
        text.reserveCapacity(width)
        for x in 0..<width {
            let cell = cells[y * width + x]
            if !cell.isContinuation { text.append(cell.symbol) }
        }
        return text
    }

    /// Every row's text with trailing spaces removed: what golden tests compare.
    public var lines: [String] {
        (0..<height).map { y in
            var text = line(y)
            while text.last == " " { text.removeLast() }
            return text
        }
    }
}

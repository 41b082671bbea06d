/// One terminal cell: a grapheme, how many columns it takes, and its style.
///
/// A wide grapheme (CJK, most emoji) occupies its cell and the next one; the next one is a
/// continuation cell with width 0 that is never drawn by itself.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn in the cell (a space when empty).
    public var symbol: Character
    /// Columns taken: 1, 2 for a wide grapheme, 0 for the right half of a wide one.
    public var width: UInt8
    /// Colours and attributes.
    public var style: Style

    /// A cell.
    public init(symbol: Character, width: UInt8 = 1, style: Style = .plain) {
        self.symbol = symbol
        self.width = width
        self.style = style
    }

    /// An empty cell in the default style.
    public static let blank = Cell(symbol: " ")

    /// Whether the cell is the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }

    static func continuation(_ style: Style) -> Cell { Cell(symbol: " ", width: 0, style: style) }
}

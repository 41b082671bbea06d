/// One of the eight basic terminal colours, or the terminal's own default.
public enum Color: UInt8, Hashable, Sendable, CaseIterable {
    /// The terminal's default foreground or background.
    case `default`
    /// Black.
    case black
    /// Red.
    case red
    /// Green.
    case green
    /// Yellow.
    case yellow
    /// Blue.
    case blue
    /// Magenta.
    case magenta
    /// Cyan.
    case cyan
    /// White.
    case white

    /// The ANSI colour number 0–7, or `nil` for the default.
    public var ansiIndex: Int? { self == .default ? nil : Int(rawValue) - 1 }
}

/// Bold, dim, reverse and underline, as a set.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    /// The raw bits.
    public let rawValue: UInt8
    /// Attributes from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Bold (or bright) text.
    public static let bold = TextAttributes(rawValue: 1 << 0)
    /// Dim text.
    public static let dim = TextAttributes(rawValue: 1 << 1)
    /// Foreground and background swapped.
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    /// Underlined text.
    public static let underline = TextAttributes(rawValue: 1 << 3)
}

/// How a cell is drawn: colours and attributes.
///
/// Screens always set attributes as well as colours for anything that matters, so a
/// monochrome terminal (or `NO_COLOR`) loses tint but not meaning.
public struct Style: Hashable, Sendable {
    /// Text colour.
    public var foreground: Color
    /// Cell background.
    public var background: Color
    /// Bold, dim, reverse, underline.
    public var attributes: TextAttributes

    /// A style.
    public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// The same style without colours, for monochrome terminals: a coloured background
    /// (a banner, a selection) becomes reverse video so it still stands out.
    public var monochrome: Style {
        var mono = Style(attributes: attributes)
        if background != .default { mono.attributes.formSymmetricDifference(.reverse) }
        return mono
    }

    func with(_ extra: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }

    func foreground(_ color: Color) -> Style {
        var copy = self
        copy.foreground = color
        return copy
    }
}

extension Style {
    static let bold = Style(attributes: .bold)
    static let dim = Style(attributes: .dim)
    static let reversed = Style(attributes: .reverse)
    static let underlined = Style(attributes: .underline)
    static let heading = Style(attributes: [.bold, .underline])
    static let accent = Style(foreground: .cyan, attributes: .bold)
    static let error = Style(foreground: .red, attributes: .bold)
    static let success = Style(foreground: .green, attributes: .bold)
    static let warning = Style(foreground: .red, attributes: .bold)
    static let session = Style(foreground: .cyan)
    static let selected = Style(attributes: .reverse)
}

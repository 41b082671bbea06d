/// How many terminal columns text takes: 2 for East Asian wide and emoji graphemes, 0 for
/// combining marks, 1 otherwise.
///
/// Computed from Unicode data rather than the C library's `wcwidth`, so layout does not
/// depend on the process locale and tests see the same widths as the terminal.
public enum DisplayWidth {
    /// The columns one grapheme takes (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        if character.isASCII {
            // "\r\n" is one Character; controls are drawn as a replacement of width 1.
            return 1
        }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        var width = of(first)
        if width == 0 { width = 1 }  // a lone combining mark still occupies its cell
        if width == 1, scalars.count > 1 {
            // Emoji presentation selector, keycaps and flags turn a narrow base wide.
            for scalar in scalars.dropFirst() where scalar.value == 0xFE0F {
                if first.properties.isEmoji { width = 2 }
            }
            if (0x1F1E6...0x1F1FF).contains(first.value) { width = 2 }
        }
        return width
    }

    /// The columns a string takes.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The columns one scalar takes on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        if v < 0xA0 { return 0 }
        if v < 0x300 { return 1 }  // Latin-1 and Latin Extended: no marks, no wide letters
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels and final consonants
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(v) ? 2 : 1
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15) outside the emoji blocks.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x17000...0x18AFF, 0x1B000...0x1B2FF, 0x1F200...0x1F202, 0x1F210...0x1F23B,
        0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count
        while low < high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if v < range.lowerBound { high = mid } else if v > range.upperBound { low = mid + 1 } else { return true }
        }
        return false
    }
}

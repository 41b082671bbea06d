#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// Line scrolling shared by the read-only screens.
enum Scrolling {
    /// The scroll offset after `key`: arrows and j/k by a line, page keys by `page`, Home/End.
    static func apply(_ key: Key, to offset: Int, page: Int, max maxOffset: Int) -> Int {
        let next: Int
        switch key {
        case .up, .character("k"): next = offset - 1
        case .down, .character("j"): next = offset + 1
        case .pageUp, .control("b"): next = offset - page
        case .pageDown, .control("f"), .character(" "): next = offset + page
        case .home: next = 0
        case .end, .character("G"): next = maxOffset
        default: next = offset
        }
        return min(max(0, next), max(0, maxOffset))
    }
}

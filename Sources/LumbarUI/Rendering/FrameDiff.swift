/// What changed between two frames, as runs of cells on a row: the only cells the terminal repaints.
public enum FrameDiff {
    /// Cells `start..<end` of row `y` differ from the last frame.
    public struct Run: Hashable, Sendable {
        /// Row.
        public var y: Int
        /// First changed column.
        public var start: Int
        /// One past the last changed column.
        public var end: Int
    }

    /// The runs of `new` that differ from `old`; every row when the sizes differ or there is no old frame.
    ///
    /// A run never starts on the right half of a wide grapheme, so painting it starts on a
    /// whole grapheme.
    /// - Complexity: O(width × height).
    public static func runs(from old: Buffer?, to new: Buffer) -> [Run] {
        guard let old, old.width == new.width, old.height == new.height else {
            return (0..<new.height).map { Run(y: $0, start: 0, end: new.width) }
        }
        var runs: [Run] = []
        let width = new.width
        new.cells.withUnsafeBufferPointer { newCells in
            old.cells.withUnsafeBufferPointer { oldCells in
                for y in 0..<new.height {
                    let base = y * width
                    var x = 0
                    while x < width {
                        if newCells[base + x] == oldCells[base + x] { x += 1; continue }
                        var start = x
                        if newCells[base + start].isContinuation, start > 0 { start -= 1 }
                        var end = x + 1
                        // Merge changes separated by a short unchanged gap: one cursor move saved.
                        var gap = 0
                        while end + gap < width, gap < 4 {
                            if newCells[base + end + gap] != oldCells[base + end + gap] {
                                end += gap + 1
                                gap = 0
                            } else {
                                gap += 1
                            }
                        }
                        if end < width, newCells[base + end].isContinuation { end += 1 }
                        if let last = runs.last, last.y == y, last.end >= start {
                            runs[runs.count - 1].end = max(last.end, end)
                        } else {
                            runs.append(Run(y: y, start: start, end: end))
                        }
                        x = end
                    }
                }
            }
        }
        return runs
    }
}

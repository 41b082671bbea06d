import Foundation
@testable import LumbarUI

/// A terminal with no screen (ratatui's `TestBackend`): input comes from a queue, frames are
/// kept, and time passes only when a read finds the queue empty and waits out its timeout.
final class HeadlessTerminal: TerminalDevice {
    var size: TerminalSize
    /// What is still to be read, in order.
    var queue: [TerminalEvent] = []
    /// A signal to report at the next check, as the curses terminal's handler records one.
    var pendingSignal: Int32 = 0
    /// Every frame drawn, oldest first.
    private(set) var frames: [Buffer] = []
    private(set) var invalidations = 0
    /// The monotonic time, advanced by each read that times out.
    private(set) var elapsed: Duration = .zero

    init(width: Int, height: Int) { size = TerminalSize(width: width, height: height) }

    func read(timeout: Duration) -> TerminalEvent? {
        guard !queue.isEmpty else {
            elapsed += timeout
            return nil
        }
        return queue.removeFirst()
    }

    func draw(_ frame: Buffer) { frames.append(frame) }
    func invalidate() { invalidations += 1 }

    func takeSignal() -> Int32 {
        defer { pendingSignal = 0 }
        return pendingSignal
    }

    /// The last frame drawn.
    var frame: Buffer? { frames.last }
}

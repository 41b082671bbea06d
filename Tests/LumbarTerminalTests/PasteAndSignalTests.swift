import CLumbarSystem
import Foundation
import Testing
@testable import LumbarTerminal
#if canImport(Glibc)
import Glibc
#endif

/// Issue 11 items 13 and 14 below the terminal: the paste rule and the one signal flag.
@Suite(.serialized) struct PasteAndSignalTests {
    /// Feeds `codes` one at a time, then reports a pause (`nil`), counting how many were read.
    final class Feed {
        private var codes: [UInt32]
        private(set) var read = 0
        init(_ text: String) { codes = text.unicodeScalars.map(\.value) }
        init(codes: [UInt32]) { self.codes = codes }
        func next() -> UInt32? {
            guard read < codes.count else { return nil }
            read += 1
            return codes[read - 1]
        }
    }

    @Test func aPasteEndsAtItsEndMarker() {
        let feed = Feed("pain 4\nheat\u{1B}[201~after")
        let paste = KeyDecoder.readPaste(next: feed.next)
        #expect(paste.text == "pain 4\nheat")
        #expect(paste.leftover.isEmpty)
        #expect(feed.read == "pain 4\nheat\u{1B}[201~".unicodeScalars.count, "nothing after the marker is read")
    }

    @Test func aPasteEndsAtAPause() {
        let paste = KeyDecoder.readPaste(next: Feed("half a paste").next)
        #expect(paste.text == "half a paste")
        #expect(paste.leftover.isEmpty)
    }

    @Test func aStrayEscapeEndsAnUnterminatedPasteAndIsReadAgainAsAKey() {
        // Hostile bytes opened a paste that never closes; the person then presses Escape three times.
        let feed = Feed(codes: Array("junk".unicodeScalars.map(\.value)) + [27, 27, 27, 113])
        let paste = KeyDecoder.readPaste(next: feed.next)
        #expect(paste.text == "junk")
        #expect(paste.leftover == [27, 27], "the Escape and the key after it go back to the keyboard")
        #expect(feed.read == 6, "the paste stops reading at the second ESC, leaving the rest unread")
    }

    @Test func aPartialEndMarkerIsGivenBack() {
        let paste = KeyDecoder.readPaste(next: Feed("text\u{1B}[20x").next)
        #expect(paste.text == "text")
        #expect(paste.leftover == "\u{1B}[20x".unicodeScalars.map(\.value))
    }

    @Test func theSignalFlagHasOneDefinitionSeenByHandlerAndLoop() {
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(lumbar_caught_signal_count()))
        defer { previous.deallocate() }
        // The test runner's threads may block these signals; this one takes them while it checks.
        var wanted = sigset_t()
        var blocked = sigset_t()
        sigemptyset(&wanted)
        sigaddset(&wanted, SIGHUP)
        sigaddset(&wanted, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &wanted, &blocked)
        defer { pthread_sigmask(SIG_SETMASK, &blocked, nil) }
        lumbar_install_signal_handlers(previous)
        defer { lumbar_restore_signal_handlers(previous) }
        #expect(lumbar_take_signal() == 0)
        // Delivered by the kernel to the installed handler, read through the loop's function.
        raise(SIGHUP)
        #expect(lumbar_take_signal() == SIGHUP)
        #expect(lumbar_take_signal() == 0, "taking the signal clears it")
        raise(SIGTERM)
        #expect(lumbar_take_signal() == SIGTERM)
    }
}

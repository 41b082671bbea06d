import Testing
import LumbarCore
@testable import lumbar

/// The command line, not Core, maps a store failure to its sysexits status (README, "Exit status").
@Suite struct StoreErrorExitStatusTests {
    static let cases: [(StoreError, Int32)] = [
        (StoreError.unreadable(path: "j", reason: "r"), 65),
        (StoreError.unreadableFile(path: "f", reason: "r"), 65),
        (StoreError.newerSchema(path: "j", found: 3, known: 2), 65),
        (StoreError.tooLarge(path: "j", bytes: 2, limit: 1), 65),
        (StoreError.busy(path: "j", waitedSeconds: 5), 75),
        (StoreError.io(path: "j", operation: "write", errno: 5), 74),
        (StoreError.unsafeFile(path: "j", reason: "a symbolic link"), 74),
    ]

    @Test("each store failure exits with its documented status", arguments: cases)
    func exitStatus(error: StoreError, status: Int32) {
        #expect(error.exitCode == status)
    }
}

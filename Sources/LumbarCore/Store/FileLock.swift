import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on a lock file beside the journal, held for one read-modify-write.
///
/// The lock is on a separate file because the journal itself is replaced by rename, and a
/// lock on a replaced inode would guard nothing.
final class FileLock {
    private let descriptor: Int32

    /// Waits for the lock on `path` (created 0600 if missing) until one holder has kept it `timeout` seconds.
    ///
    /// The wait restarts whenever the lock changes hands: with many writers queued the line is
    /// moving, and only a holder that does not let go is worth reporting as busy.
    init(path: String, timeout: Double) throws {
        let fd = POSIXFile.retrying { open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600) }
        guard fd >= 0 else { throw POSIXFile.fail(path, "open the lock file") }
        _ = fchmod(fd, 0o600)
        var start = Date()
        var handOvers = Self.handOvers(fd)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK else {
                close(fd)
                throw StoreError.io(path: path, operation: "lock", errno: code)
            }
            let seen = Self.handOvers(fd)
            if seen != handOvers {
                handOvers = seen
                start = Date()
            }
            let waited = Date().timeIntervalSince(start)
            if waited >= timeout {
                close(fd)
                throw StoreError.busy(path: path, waitedSeconds: waited)
            }
            // Short, jittered polls that never back off: flock is not fair, and a writer polling
            // less often than newcomers would lose every hand-over.
            usleep(useconds_t.random(in: 500...2_500))
        }
        var next = Self.handOvers(fd) &+ 1
        _ = pwrite(fd, &next, MemoryLayout<UInt64>.size, 0)
        descriptor = fd
    }

    /// How many times the lock has been taken, as counted in the lock file's first 8 bytes.
    private static func handOvers(_ fd: Int32) -> UInt64 {
        var count: UInt64 = 0
        _ = pread(fd, &count, MemoryLayout<UInt64>.size, 0)
        return count
    }

    deinit {
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

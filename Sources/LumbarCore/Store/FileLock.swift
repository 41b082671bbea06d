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

    /// Waits up to `timeout` seconds for the lock on `path` (created 0600 if missing).
    init(path: String, timeout: Double) throws {
        let fd = POSIXFile.retrying { open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600) }
        guard fd >= 0 else { throw POSIXFile.fail(path, "open the lock file") }
        _ = fchmod(fd, 0o600)
        let start = Date()
        var delay: useconds_t = 2_000
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK else {
                close(fd)
                throw StoreError.io(path: path, operation: "lock", errno: code)
            }
            let waited = Date().timeIntervalSince(start)
            if waited >= timeout {
                close(fd)
                throw StoreError.busy(path: path, waitedSeconds: waited)
            }
            usleep(delay)
            delay = min(delay * 2, 50_000)
        }
        descriptor = fd
    }

    deinit {
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

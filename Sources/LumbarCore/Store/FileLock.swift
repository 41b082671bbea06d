#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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
    /// moving, and only a holder that does not let go is worth reporting as busy. A hand-over
    /// counts only when the kernel names another holder process (`/proc/locks`), so a holder
    /// that keeps rewriting the lock file's counter cannot hold writers off for ever; and no
    /// wait, however the lock moves, lasts longer than `maximumWaits` timeouts.
    /// - Parameter journal: the journal the lock guards, named in a "busy" error.
    init(path: String, journal: String, timeout: Double) throws {
        guard let (fd, _) = try POSIXFile.openRegular(path, O_RDWR | O_CREAT) else {
            throw StoreError.io(path: path, operation: "open the lock file", errno: ENOENT)
        }
        _ = fchmod(fd, 0o600)
        let began = Date()
        var start = began
        var handOvers = Self.handOvers(fd)
        // Who holds the lock is asked only once there is a wait: reading /proc/locks took 9-12 ms
        // on the benchmark machine, more than the rest of an uncontended check-in.
        var holder: pid_t?
        var holderAsked = false
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK else {
                close(fd)
                throw StoreError.io(path: path, operation: "lock", errno: code)
            }
            if !holderAsked {
                holder = Self.holder(of: fd)
                holderAsked = true
            }
            let seen = Self.handOvers(fd)
            if seen != handOvers {
                handOvers = seen
                let now = Self.holder(of: fd)
                if Self.isHandOver(from: holder, to: now) { start = Date() }
                holder = now
            }
            let waited = Date().timeIntervalSince(start)
            if waited >= timeout || Date().timeIntervalSince(began) >= timeout * Self.maximumWaits {
                close(fd)
                throw StoreError.busy(path: journal, waitedSeconds: Date().timeIntervalSince(began))
            }
            // Short, jittered polls that never back off: flock is not fair, and a writer polling
            // less often than newcomers would lose every hand-over.
            usleep(useconds_t.random(in: 500...2_500))
        }
        var next = Self.handOvers(fd) &+ 1
        _ = pwrite(fd, &next, MemoryLayout<UInt64>.size, 0)
        descriptor = fd
    }

    /// How many timeouts a writer waits at most in a queue that keeps moving.
    static let maximumWaits = 12.0

    /// Whether a change of the counter is a real hand-over: another process holds the lock now, or
    /// another thread of this one (its own code, trusted), or the kernel cannot say.
    static func isHandOver(from old: pid_t?, to new: pid_t?) -> Bool {
        guard let old, let new else { return true }
        return old != new || new == getpid()
    }

    /// How many times the lock has been taken, as counted in the lock file's first 8 bytes.
    private static func handOvers(_ fd: Int32) -> UInt64 {
        var count: UInt64 = 0
        _ = pread(fd, &count, MemoryLayout<UInt64>.size, 0)
        return count
    }

    /// The process holding the `flock` on the file open as `fd`, from `/proc/locks`; `nil` when unknown.
    static func holder(of fd: Int32) -> pid_t? {
        var info = stat()
        guard fstat(fd, &info) == 0, let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        let inode = String(info.st_ino)
        // "1: FLOCK  ADVISORY  WRITE 1234 fd:01:5678 0 EOF"; lines with "->" are waiters.
        for line in table.split(separator: "\n") where !line.contains("->") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "FLOCK", fields[5].split(separator: ":").last.map(String.init) == inode else { continue }
            return pid_t(fields[4])
        }
        return nil
    }

    deinit {
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, throwing wrappers over the system calls the store's promises depend on.
///
/// Written by hand because Foundation's atomic write on Linux neither syncs the directory
/// nor keeps the file private.
enum POSIXFile {
    static func describe(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "the disk is full"
        case EDQUOT: return "the disk quota is exceeded"
        case EACCES, EPERM: return "permission denied"
        case EROFS: return "the file system is read-only"
        case EIO: return "an input/output error"
        case ENOENT: return "no such file or directory"
        case ENOTDIR: return "a part of the path is not a directory"
        case EISDIR: return "it is a directory"
        default: return String(cString: strerror(code))
        }
    }

    static func fail(_ path: String, _ operation: String) -> StoreError {
        .io(path: path, operation: operation, errno: errno)
    }

    /// Reads a whole file; `nil` when it does not exist.
    static func readIfExists(_ path: String, limit: Int) throws -> (bytes: [UInt8], fingerprint: JournalFingerprint)? {
        let fd = retrying { open(path, O_RDONLY | O_CLOEXEC) }
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw fail(path, "open")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw fail(path, "inspect") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw StoreError.io(path: path, operation: "read", errno: EISDIR) }
        let size = Int(info.st_size)
        if size > limit {
            throw StoreError.unreadable(path: path, reason: "the file is \(size / 1_048_576) MiB, more than the \(limit / 1_048_576) MiB a journal may be (is --store pointing at the right file?)")
        }
        // One byte more than the size, so the read that finds the end needs no reallocation
        // (a file that grew since fstat still reads whole, in further chunks).
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 65_536)) }
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return retrying { read(fd, base + filled, buffer.count - filled) }
            }
            if n < 0 { throw fail(path, "read") }
            if n == 0 { break }
            filled += n
            if filled > limit {
                throw StoreError.unreadable(path: path, reason: "the file is larger than the \(limit / 1_048_576) MiB a journal may be")
            }
        }
        bytes.removeSubrange(filled...)
        return (bytes, JournalFingerprint(info, size: filled))
    }

    /// Writes `bytes` to a new private file beside `target`, syncs it, and returns its path.
    /// On any failure the temp file is removed and nothing else is touched.
    static func writeTemp(_ bytes: [UInt8], beside target: String) throws -> String {
        let temp = target + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = retrying { open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
        guard fd >= 0 else { throw fail(temp, "create") }
        var ok = false
        defer {
            if !ok { unlink(temp) }
        }
        // The mode given to open() is filtered by the umask; make it exact.
        guard fchmod(fd, 0o600) == 0 else { let e = fail(temp, "set permissions of"); close(fd); throw e }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return retrying { write(fd, base + written, buffer.count - written) }
            }
            if n < 0 { let e = fail(target, "write"); close(fd); throw e }
            written += n
        }
        // A failed fsync is not retried: after it the kernel may have dropped the dirty pages,
        // so a second fsync could report success for data that never reached the disk.
        if fsync(fd) != 0 { let e = fail(target, "sync"); close(fd); throw e }
        if close(fd) != 0 { throw fail(target, "close") }
        ok = true
        return temp
    }

    /// Syncs a directory so a rename inside it survives a power cut.
    static func syncDirectory(_ directory: String) throws {
        let fd = retrying { open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else { throw fail(directory, "open directory") }
        defer { close(fd) }
        if fsync(fd) != 0 && errno != EINVAL { throw fail(directory, "sync directory") }
    }

    /// Creates `directory` and missing parents; directories it creates are 0700 whatever the umask.
    static func makeDirectories(_ directory: String) throws {
        var info = stat()
        if stat(directory, &info) == 0 {
            if (info.st_mode & S_IFMT) != S_IFDIR { throw StoreError.io(path: directory, operation: "use as a directory", errno: ENOTDIR) }
            return
        }
        let parent = (directory as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != directory { try makeDirectories(parent) }
        if mkdir(directory, 0o700) != 0 && errno != EEXIST { throw fail(directory, "create directory") }
        if chmod(directory, 0o700) != 0 { throw fail(directory, "set permissions of") }
    }

    static func retrying<T: BinaryInteger>(_ call: () -> T) -> T {
        while true {
            let result = call()
            if result < 0 && errno == EINTR { continue }
            return result
        }
    }
}

/// What identifies one version of the journal file on disk: its inode, size and change time.
public struct JournalFingerprint: Hashable, Sendable {
    /// Device and inode (a rename replaces the inode).
    public var device: UInt64, inode: UInt64
    /// Size in bytes.
    public var size: Int
    /// Modification time in nanoseconds.
    public var modified: Int64

    init(_ info: stat, size: Int) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        self.size = size
        #if canImport(Darwin)
        modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
    }

    /// The fingerprint of the file at `path` now, or `nil` if there is none.
    public static func current(of path: String) -> JournalFingerprint? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return JournalFingerprint(info, size: Int(info.st_size))
    }
}

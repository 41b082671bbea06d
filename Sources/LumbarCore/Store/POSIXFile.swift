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

    /// Opens a store file without following a symbolic link and without blocking on a FIFO, and
    /// checks with `fstat` that it is a regular file; `nil` when it does not exist.
    ///
    /// A planted link (to another user's file, or dangling to a place of an attacker's choosing)
    /// or a device or FIFO in a store file's place is refused, so lumbar never reads, chmods or
    /// writes through it.
    static func openRegular(
        _ path: String, _ flags: Int32, mode: mode_t = 0o600, followLinks: Bool = false
    ) throws -> (descriptor: Int32, info: stat)? {
        let base = flags | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW)
        let fd = retrying { open(path, base, mode) }
        if fd < 0 {
            let code = errno
            if code == ENOENT && (flags & O_CREAT) == 0 { return nil }
            if code == ELOOP && !followLinks {
                throw StoreError.unsafeFile(
                    path: path, reason: "it is a symbolic link, and lumbar never follows one for its own files; remove the link")
            }
            if code == ENXIO {
                throw StoreError.unsafeFile(path: path, reason: "it is not a regular file; move it away")
            }
            throw StoreError.io(path: path, operation: "open", errno: code)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else { let e = fail(path, "inspect"); close(fd); throw e }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            if (info.st_mode & S_IFMT) == S_IFDIR { throw StoreError.io(path: path, operation: "read", errno: EISDIR) }
            throw StoreError.unsafeFile(path: path, reason: "it is \(kind(info.st_mode)), not a regular file; move it away")
        }
        // Regular files never block; clear the flag so writes are plain blocking writes.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return (fd, info)
    }

    /// What a non-regular file is, for a message.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a directory"
        case S_IFLNK: return "a symbolic link"
        default: return "a special file"
        }
    }

    /// Reads a whole file; `nil` when it does not exist. Store files are never read through a
    /// link (`followLinks` is for files the person names, such as an import).
    static func readIfExists(_ path: String, limit: Int, followLinks: Bool = false) throws -> (bytes: [UInt8], fingerprint: JournalFingerprint)? {
        guard let (fd, info) = try openRegular(path, O_RDONLY, followLinks: followLinks) else { return nil }
        defer { close(fd) }
        let size = Int(info.st_size)
        if size > limit {
            throw StoreError.unreadable(
                path: path, reason: "the file is \(size / 1_048_576) MiB, more than the \(limit / 1_048_576) MiB lumbar reads")
        }
        // One byte more than the size, so the read that finds the end needs no reallocation
        // (a file that grew since fstat still reads whole, in further chunks). The buffer is
        // not zeroed first: every byte kept is one `read` wrote.
        var filled = 0
        var readError = false, atEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
            if let base = buffer.baseAddress {
                while filled < buffer.count {
                    let n = retrying { read(fd, base + filled, buffer.count - filled) }
                    if n < 0 { readError = true }
                    if n == 0 { atEnd = true }
                    if n <= 0 { break }
                    filled += n
                }
            }
            initialized = filled
        }
        let tooLarge = StoreError.unreadable(path: path, reason: "the file is larger than the \(limit / 1_048_576) MiB lumbar reads")
        while !readError, !atEnd {
            // A file that keeps growing is not read past the limit.
            if filled > limit { throw tooLarge }
            if bytes.count - filled < 65_536 { bytes.append(contentsOf: repeatElement(0, count: 65_536)) }
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return retrying { read(fd, base + filled, buffer.count - filled) }
            }
            if n < 0 { readError = true }
            if n == 0 { atEnd = true }
            if n > 0 { filled += n }
        }
        if readError { throw fail(path, "read") }
        if filled > limit { throw tooLarge }
        bytes.removeSubrange(filled...)
        return (bytes, JournalFingerprint(info, size: filled))
    }

    /// The fingerprint of the file at `path` when it holds exactly `bytes`, else `nil`.
    ///
    /// Read in 64 KiB pieces compared as they come, so checking a saved journal costs no second
    /// buffer of its size (a check-in's fresh pages were a cost of their own).
    static func fingerprint(ifHolding parts: [UnsafeRawBufferPointer], at path: String) -> JournalFingerprint? {
        guard let (fd, info) = try? openRegular(path, O_RDONLY) else { return nil }
        defer { close(fd) }
        let total = parts.reduce(0) { $0 + $1.count }
        guard Int(info.st_size) == total else { return nil }
        let chunk = 65_536
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        // Where the next byte expected is: which part, and how far into it.
        var part = 0, within = 0, offset = 0
        while true {
            let n = retrying { read(fd, buffer, chunk) }
            if n < 0 { return nil }
            if n == 0 { break }
            if offset + n > total { return nil }
            var checked = 0
            while checked < n {
                while within == parts[part].count {
                    part += 1
                    within = 0
                }
                let length = min(n - checked, parts[part].count - within)
                guard let base = parts[part].baseAddress, memcmp(base + within, buffer + checked, length) == 0 else { return nil }
                checked += length
                within += length
            }
            offset += n
        }
        return offset == total ? JournalFingerprint(info, size: offset) : nil
    }

    /// A file's bytes in a private anonymous mapping filled before it is read into
    /// (`MAP_POPULATE`): one system call instead of a page fault for each 4 KiB page, which for
    /// a 10-year journal was a measurable part of a check-in. Unmapped when released.
    final class PopulatedBuffer {
        /// The bytes read.
        let bytes: UnsafeRawBufferPointer
        private let mapping: UnsafeMutableRawPointer
        private let length: Int

        fileprivate init(mapping: UnsafeMutableRawPointer, length: Int, count: Int) {
            self.mapping = mapping
            self.length = length
            bytes = UnsafeRawBufferPointer(start: mapping, count: count)
        }

        deinit { munmap(mapping, length) }
    }

    /// The file at `path` read whole into a `PopulatedBuffer`; `nil` when there is none or it
    /// changed size while being read (the caller then reads it the ordinary way).
    static func readPopulated(_ path: String, limit: Int) throws -> (buffer: PopulatedBuffer, fingerprint: JournalFingerprint)? {
        guard let (fd, info) = try openRegular(path, O_RDONLY) else { return nil }
        defer { close(fd) }
        let size = Int(info.st_size)
        guard size > 0, size <= limit else { return nil }
        // One byte more than the size, so a file that grew is noticed.
        let length = size + 1
        guard let mapping = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0),
            mapping != MAP_FAILED
        else { return nil }
        let buffer = PopulatedBuffer(mapping: mapping, length: length, count: size)
        var filled = 0
        while filled < length {
            let n = retrying { read(fd, mapping + filled, length - filled) }
            if n < 0 { throw fail(path, "read") }
            if n == 0 { break }
            filled += n
        }
        guard filled == size else { return nil }
        return (buffer, JournalFingerprint(info, size: size))
    }

    /// Writes `bytes` to a new private file beside `target`, syncs it, and returns its path.
    /// On any failure the temp file is removed and nothing else is touched.
    static func writeTemp(_ bytes: [UInt8], beside target: String) throws -> String {
        try bytes.withUnsafeBytes { try writeTemp(parts: [$0], beside: target) }
    }

    /// `writeTemp(_:beside:)` for a file made of `parts`, one after the other.
    static func writeTemp(parts: [UnsafeRawBufferPointer], beside target: String) throws -> String {
        let temp = target + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = retrying { open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600) }
        guard fd >= 0 else { throw fail(temp, "create") }
        var ok = false
        defer {
            if !ok { unlink(temp) }
        }
        // The mode given to open() is filtered by the umask; make it exact.
        guard fchmod(fd, 0o600) == 0 else { let e = fail(temp, "set permissions of"); close(fd); throw e }
        for part in parts {
            guard let base = part.baseAddress else { continue }
            var written = 0
            while written < part.count {
                let n = retrying { write(fd, base + written, part.count - written) }
                if n < 0 { let e = fail(target, "write"); close(fd); throw e }
                written += n
            }
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
    ///
    /// Each new directory's entry is synced in its parent, so a journal saved into directories
    /// made moments before a power cut is still reachable afterwards.
    static func makeDirectories(_ directory: String) throws {
        var info = stat()
        if stat(directory, &info) == 0 {
            if (info.st_mode & S_IFMT) != S_IFDIR { throw StoreError.io(path: directory, operation: "use as a directory", errno: ENOTDIR) }
            return
        }
        let parent = StorePath.directory(of: directory)
        if parent != directory { try makeDirectories(parent) }
        if mkdir(directory, 0o700) != 0 {
            if errno == EEXIST { return }  // made by another lumbar meanwhile; it synced it
            throw fail(directory, "create directory")
        }
        if chmod(directory, 0o700) != 0 { throw fail(directory, "set permissions of") }
        try syncDirectory(parent)
    }

    /// Sets a store file's mode without following a link in its place.
    static func makePrivate(_ path: String) {
        guard let (fd, _) = try? openRegular(path, O_RDONLY) else { return }
        _ = fchmod(fd, 0o600)
        close(fd)
    }

    static func retrying<T: BinaryInteger>(_ call: () -> T) -> T {
        while true {
            let result = call()
            if result < 0 && errno == EINTR { continue }
            return result
        }
    }
}

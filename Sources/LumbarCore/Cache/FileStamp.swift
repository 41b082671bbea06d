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

/// What identifies one version of a file, change time included (which no program can set back).
struct FileStamp: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    /// Modification time, nanoseconds.
    var modified: Int64
    /// Status change time, nanoseconds.
    var changed: Int64

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    /// The stamp of the regular file at `path` (not followed if it is a link); `nil` otherwise.
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = FileStamp.modificationTime(info)
        changed = FileStamp.changeTime(info)
    }

    /// Whether this is the version `fingerprint` was read from.
    func matches(_ fingerprint: JournalFingerprint) -> Bool {
        device == fingerprint.device && inode == fingerprint.inode && size == Int64(fingerprint.size) && modified == fingerprint.modified
    }

    /// Whether both times are before `reference`, so any later change gets a different stamp.
    func isOlder(than reference: Int64) -> Bool { modified < reference && changed < reference }

    static func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }

    #if canImport(Darwin)
    static func modificationTime(_ info: stat) -> Int64 { nanoseconds(info.st_mtimespec) }
    static func changeTime(_ info: stat) -> Int64 { nanoseconds(info.st_ctimespec) }
    #else
    static func modificationTime(_ info: stat) -> Int64 { nanoseconds(info.st_mtim) }
    static func changeTime(_ info: stat) -> Int64 { nanoseconds(info.st_ctim) }
    #endif
}

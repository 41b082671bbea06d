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

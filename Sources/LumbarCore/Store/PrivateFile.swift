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

/// Writes files that hold health data: 0600, complete or not at all, synced to disk.
public enum PrivateFile {
    /// Replaces `path` with `bytes` atomically (temp, fsync, rename, fsync directory), mode 0600.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let directory = StorePath.directory(of: path)
        try POSIXFile.makeDirectories(directory)
        let temp = try POSIXFile.writeTemp(bytes, beside: path)
        if rename(temp, path) != 0 {
            let error = POSIXFile.fail(path, "write")
            unlink(temp)
            throw error
        }
        try POSIXFile.syncDirectory(directory)
    }

    /// Reads a whole regular file of at most `limit` bytes, following a link the person named.
    public static func read(_ path: String, limit: Int = JournalStore.maximumSize) throws -> [UInt8] {
        do {
            guard let (bytes, _) = try POSIXFile.readIfExists(path, limit: limit, followLinks: true) else {
                throw StoreError.io(path: path, operation: "read", errno: ENOENT)
            }
            return bytes
        } catch StoreError.unreadable(let path, let reason) {
            // Not the journal: its message must not send the person to `lumbar recover`.
            throw StoreError.unreadableFile(path: path, reason: reason)
        }
    }
}

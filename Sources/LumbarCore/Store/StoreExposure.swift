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

/// Ways a journal's health data is open to other people: a file others may read, a file owned by
/// someone else, a directory anyone may write in (where files can be swapped or planted).
public enum StoreExposure {
    /// One line per exposure of `store`'s journal, saying how to fix it; empty when it is private
    /// or does not exist yet.
    public static func warnings(for store: JournalStore, userID: uid_t = getuid()) -> [String] {
        var lines: [String] = []
        var info = stat()
        if stat(store.path, &info) == 0 {
            if info.st_mode & 0o077 != 0 {
                lines.append(
                    "the journal \(store.path) can be read or changed by other users (mode \(String(info.st_mode & 0o777, radix: 8))); make it private with: chmod 600 '\(store.path)'"
                )
            }
            if info.st_uid != userID {
                lines.append(
                    "the journal \(store.path) belongs to another user (uid \(info.st_uid)); they can read and change it. Keep your journal in a file of your own."
                )
            }
        }
        var directory = stat()
        if stat(store.directory, &directory) == 0, directory.st_mode & 0o002 != 0 {
            lines.append(
                "the journal's directory \(store.directory) can be written by every user, who could replace or plant files there; keep the journal in a private directory (--store or LUMBAR_STORE)"
            )
        }
        return lines
    }
}

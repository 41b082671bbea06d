#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
#if canImport(Glibc)
import Glibc
#endif

/// Files that `report --output` and `export --output` write: private (0600), complete or not at
/// all, and never one of the store's own files or anything that is not a regular file.
enum OutputFile {
    /// Writes `bytes` to `path` after `check(_:against:what:)`.
    static func write(_ bytes: [UInt8], to path: String, store: JournalStore, what: String) throws {
        try check(path, against: store, what: what)
        try PrivateFile.write(bytes, to: path)
    }

    /// Refuses, with one line, an output path that is the journal, its lock, a backup or temp
    /// file (by name or by being the same file), or an existing device, FIFO, socket or directory
    /// (as root, a rename over `/dev/null` would replace the device).
    static func check(_ path: String, against store: JournalStore, what: String) throws {
        guard !path.isEmpty else { throw CLIError.usage("--output needs a file name") }
        let target = StorePath.resolvingFinalLinks(path)
        var info = stat()
        if lstat(target, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type != S_IFREG {
                throw CLIError.usage("refusing to write the \(what) to \(path): it is \(kind(type)), not a regular file; give a file name")
            }
            if isStoreFile(device: info.st_dev, inode: info.st_ino, store: store) {
                throw CLIError.usage("refusing to write the \(what) to \(path): it is lumbar's journal or one of its backups; give another file name")
            }
        }
        let journalDirectory = canonicalDirectory(store.directory)
        let journalName = StorePath.name(of: store.path)
        let name = StorePath.name(of: target)
        if let journalDirectory, canonicalDirectory(StorePath.directory(of: target)) == journalDirectory,
            name == journalName || name.hasPrefix(journalName + ".")
        {
            throw CLIError.usage(
                "refusing to write the \(what) to \(path): that name belongs to the journal, its lock or its backups; give another file name")
        }
    }

    /// Whether the file with this device and inode is the journal, its lock or a kept backup.
    private static func isStoreFile(device: dev_t, inode: ino_t, store: JournalStore) -> Bool {
        let files = [store.path, store.lockPath] + (1...max(store.backupCount, 1)).map(store.backupPath)
        return files.contains { file in
            var info = stat()
            return stat(file, &info) == 0 && info.st_dev == device && info.st_ino == inode
        }
    }

    /// The directory with every link resolved, or `nil` when it does not exist yet.
    private static func canonicalDirectory(_ directory: String) -> String? {
        guard let resolved = realpath(directory, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func kind(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: return "a directory"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }
}

/// Why the journal could not be read or written. Every case leaves the journal as it was.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file exists but is not a journal lumbar can read.
    case unreadable(path: String, reason: String)
    /// A file the person named (not the journal) cannot be read, e.g. it is too large.
    case unreadableFile(path: String, reason: String)
    /// Written by a newer lumbar; may be read but not rewritten.
    case newerSchema(path: String, found: Int, known: Int)
    /// Another lumbar held the lock for the whole wait.
    case busy(path: String, waitedSeconds: Double)
    /// The operating system refused a read, write, sync or rename.
    case io(path: String, operation: String, errno: Int32)
    /// A store file's place holds a symbolic link, device, FIFO or socket, which lumbar will not use.
    case unsafeFile(path: String, reason: String)
    /// The journal would grow past the size lumbar reads, so it is not written.
    case tooLarge(path: String, bytes: Int, limit: Int)

    /// One line for the person at the terminal: what, where, and what to do.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read the journal \(path): \(reason). It was left untouched; fix it by hand, or run 'lumbar recover' to restore a backup."
        case .unreadableFile(let path, let reason):
            return "cannot read \(path): \(reason). Nothing was changed."
        case .newerSchema(let path, let found, let known):
            return
                "the journal \(path) was written by a newer lumbar (schema \(found); this one knows up to \(known)). Upgrade lumbar to change it; nothing was written."
        case .busy(let path, let waited):
            return
                "the journal \(path) is busy: another lumbar has held its lock (\(path).lock) for \(Int(waited.rounded())) s. Try again when it has finished."
        case .io(let path, let operation, let errno):
            return "could not \(operation) \(path): \(POSIXFile.describe(errno)). Nothing was changed."
        case .unsafeFile(let path, let reason):
            return "refusing to use \(path): \(reason). Nothing was changed."
        case .tooLarge(let path, let bytes, let limit):
            return
                "not saving the journal \(path): it would be \(Self.size(bytes)), more than the \(Self.size(limit)) lumbar reads back. Nothing was changed; export and remove old entries first."
        }
    }

    /// A size for people: whole MiB from 1 MiB up, else bytes.
    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? "\(bytes / 1_048_576) MiB" : "\(bytes) bytes"
    }
}

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

/// A disposable file beside the journal, `journal.json.cache`, holding the `StatusSlice` of
/// one version of the journal, so that `status` reads a few kilobytes instead of the whole
/// history. See docs/store-format.md ("The status cache").
///
/// The cache is used only when the journal is exactly the version it was made from (device,
/// inode, size, modification and change time in nanoseconds) and that version is safely older
/// than the cache: its times are before the moment, on the file system's own clock, at which the
/// cache began to be made. A journal changed within the same clock tick as it was read (the
/// "racy git" problem) is therefore never trusted, and any later change, by any program, moves
/// the change time past that moment. A cache is made only from a journal read whole and
/// accepted, so a journal that is damaged later no longer matches it and is read, and refused,
/// as before. A cache that is missing, damaged, someone else's or for another version is
/// ignored and made again; nothing about it is ever an error.
public enum JournalCache {
    /// The first word of a cache file and its layout version.
    static let magic = "lumbar-status-cache 2"
    /// The largest cache file read (a slice is a few kilobytes; this only bounds a planted file).
    static let sizeLimit = 16 * 1_048_576

    /// The cache file of `store`.
    public static func path(of store: JournalStore) -> String { store.path + ".cache" }

    /// A journal that evaluates as the whole journal does at `now`: the cached slice when it
    /// is valid and `now` is at or after its horizon, else the journal read whole (which
    /// refuses a damaged file as `JournalStore.read` does), refreshing the cache.
    public static func statusJournal(_ store: JournalStore, now: Date) throws -> Journal {
        switch lookup(store) {
        case .valid(let slice, let horizon):
            if ChronologicalSearch.milliseconds(of: now) >= horizon { return slice }
            return try store.load()
        case .invalid:
            return try readAndRefresh(store)
        }
    }

    /// The cached slice when it is valid for the journal as it is now and for `now`, else `nil`;
    /// never reads the journal (for a first frame drawn before the whole journal is read).
    public static func cachedSlice(_ store: JournalStore, now: Date) -> Journal? {
        guard case .valid(let slice, let horizon) = lookup(store), ChronologicalSearch.milliseconds(of: now) >= horizon else { return nil }
        return slice
    }

    /// Refreshes the cache after `store` saved `journal` as `bytes`; called by `JournalStore.update`.
    ///
    /// The file is read back and compared, so a cache is never made for a version another
    /// program wrote after the save. Failing quietly is correct: the next status reads whole.
    ///
    /// `journal` is the journal saved, or a slice of it that evaluates as it does from the time
    /// of its last entry on (`JournalStore.add` saves without reading the rest); `layout` says
    /// where its arrays end in `bytes`, which are exactly what the codec writes for it.
    static func refresh(_ store: JournalStore, saved journal: Journal, bytes: [UInt8], layout: JournalLayout) {
        bytes.withUnsafeBytes { refresh(store, saved: journal, parts: [$0], layout: layout) }
    }

    /// `refresh(_:saved:bytes:layout:)` for a file saved as `parts`, one after the other, whose
    /// content hash the caller may already know.
    static func refresh(
        _ store: JournalStore, saved journal: Journal, parts: [UnsafeRawBufferPointer], layout: JournalLayout, contentHash: UInt64? = nil
    ) {
        guard let temp = Temp(beside: store.path) else { return }
        defer { temp.discard() }
        guard let fingerprint = POSIXFile.fingerprint(ifHolding: parts, at: store.path),
            let stamp = FileStamp(path: store.path), stamp.matches(fingerprint)
        else { return }
        // Written even when the journal is not yet safely older (the read checks that), so a save
        // makes the same system calls every time: the fault-injection tests count them.
        temp.commit(journal, stamp: stamp, contentHash: contentHash ?? ContentHash.of(parts: parts), layout: layout, to: path(of: store))
    }

    /// The cached slice and the journal's layout, with the size and hash of the journal they were
    /// made from, when the cache knows the layout; else `nil` (and the journal is not even read
    /// for the attempt). `AppendBase.blockHashes(ifVouchingFor:)` then checks the journal as read now, under the lock.
    ///
    /// This is checked against the content, not the file's times: the bytes were read anyway
    /// to be written again, and their hash tells even a version written within the same clock
    /// tick apart (which the times cannot; `lookup` therefore waits until the journal is safely older).
    static func appendBase(_ store: JournalStore) -> AppendBase? {
        guard let (header, slice) = readCache(store), let layout = header.layout else { return nil }
        return AppendBase(slice: slice, layout: layout, size: Int(header.stamp.size), contentHash: header.contentHash)
    }

    /// What a cache that knows its journal's layout offers a save that adds an entry.
    struct AppendBase {
        /// The cached slice.
        let slice: Journal
        /// Where the journal's arrays end.
        let layout: JournalLayout
        /// The size and hash of the journal the cache was made from.
        let size: Int, contentHash: UInt64

        /// The hashes of the blocks of `bytes` when they are exactly the journal the cache was
        /// made from; else `nil`.
        func blockHashes(ifVouchingFor bytes: UnsafeRawBufferPointer) -> [UInt64]? {
            guard bytes.count == size else { return nil }
            let blocks = ContentHash.blockHashes(of: [bytes])
            return ContentHash.combine(blocks) == contentHash ? blocks : nil
        }
    }

    // MARK: Reading

    /// What the cache file holds for the journal as it is now.
    enum Lookup {
        /// A slice of the journal as it is now, valid from `horizon` (epoch milliseconds).
        case valid(Journal, horizon: Int64)
        /// Nothing usable.
        case invalid
    }

    /// Reads and checks the cache file against the journal.
    static func lookup(_ store: JournalStore) -> Lookup {
        guard let (header, slice) = readCache(store),
            let stamp = FileStamp(path: store.path), stamp == header.stamp, stamp.isOlder(than: header.reference)
        else { return .invalid }
        return .valid(slice, horizon: header.horizon)
    }

    /// The cache file's header and slice, when it is a whole cache file this build wrote.
    static func readCache(_ store: JournalStore) -> (Header, Journal)? {
        guard let bytes = readOwnFile(path(of: store)),
            let newline = bytes.firstIndex(of: 0x0A),
            let header = Header(String(decoding: bytes[..<newline], as: UTF8.self)),
            header.length == bytes.count - newline - 1,
            let slice = try? JournalCodec.decode(Array(bytes[(newline + 1)...]))
        else { return nil }
        return (header, slice)
    }

    /// The journal read whole, and a cache made from it (trusted by later reads only once the
    /// journal is safely older than the moment this began).
    static func readAndRefresh(_ store: JournalStore) throws -> Journal {
        // The reference moment is taken before the read: a change after it gets later times.
        let temp = Temp(beside: store.path)
        defer { temp?.discard() }
        let (snapshot, source) = try store.readKeepingSource()
        guard let temp, let fingerprint = snapshot.fingerprint,
            snapshot.journal.schemaVersion <= Journal.currentSchemaVersion,
            let stamp = FileStamp(path: store.path), stamp.matches(fingerprint)
        else { return snapshot.journal }
        // The layout (and the hash that goes with it) is recorded only for a file exactly as the
        // codec writes it: one written by lumbar, not since reformatted by hand, and read by the
        // fast reader (`source` is nil after the general parser). Writing it again mostly copies
        // what was read. Without a layout no save appends, so the hash is not needed.
        var layout: JournalLayout?
        var contentHash: UInt64 = 0
        if let source {
            let (canonical, canonicalLayout) = JournalCodec.encodeWithLayout(snapshot.journal, reusing: source)
            if sameBytes(canonical, source.bytes) {
                layout = canonicalLayout
                contentHash = ContentHash.of(source.bytes)
            }
        }
        temp.commit(snapshot.journal, stamp: stamp, contentHash: contentHash, layout: layout, to: path(of: store))
        return snapshot.journal
    }

    /// Whether `a` and `b` hold the same bytes, compared with `memcmp` (`==` on arrays compares
    /// element by element, about 7 instructions a byte: 9.5 M for a 10-year journal).
    static func sameBytes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                guard let left = x.baseAddress, let right = y.baseAddress else { return true }
                return memcmp(left, right, x.count) == 0
            }
        }
    }

    /// The bytes of a regular file that this user owns and nobody else can read or write;
    /// `nil` for anything else (a file planted by someone else is never believed).
    static func readOwnFile(_ path: String) -> [UInt8]? {
        guard let opened = try? POSIXFile.openRegular(path, O_RDONLY) else { return nil }
        let (fd, info) = opened
        defer { close(fd) }
        guard info.st_uid == geteuid(), info.st_mode & 0o077 == 0, Int(info.st_size) <= sizeLimit else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return POSIXFile.retrying { read(fd, base + filled, buffer.count - filled) }
            }
            if n < 0 { return nil }
            if n == 0 { break }
            filled += n
        }
        // A file that grew since fstat is being written by someone: not a finished cache.
        guard filled == Int(info.st_size) else { return nil }
        bytes.removeLast()
        return bytes
    }

    // MARK: The file

    /// The first line of a cache file: what it was made from, and from when it holds.
    struct Header: Equatable {
        /// The journal version the slice was taken from.
        var stamp: FileStamp
        /// The file system's time (ns) when making the cache began, before the journal was read.
        var reference: Int64
        /// The slice holds for every `now` from here (epoch milliseconds).
        var horizon: Int64
        /// The length of the slice's JSON after the header line.
        var length: Int
        /// The XXH64 of the journal's bytes (`ContentHash`).
        var contentHash: UInt64
        /// Where the journal's arrays end, when its bytes are exactly what the codec writes.
        var layout: JournalLayout?

        init(stamp: FileStamp, reference: Int64, horizon: Int64, length: Int, contentHash: UInt64, layout: JournalLayout?) {
            self.stamp = stamp
            self.reference = reference
            self.horizon = horizon
            self.length = length
            self.contentHash = contentHash
            self.layout = layout
        }

        /// The value a header line holds for "none" (a missing last time, an unknown layout).
        static let none = Int64.min

        /// Parses a header line; `nil` unless it is exactly one this build writes.
        init?(_ line: String) {
            guard line.hasPrefix(JournalCache.magic + " ") else { return nil }
            let fields = line.dropFirst(JournalCache.magic.count + 1).split(separator: " ", omittingEmptySubsequences: false)
            let values = fields.compactMap { Int64($0) }
            guard fields.count == 14, values.count == 14, values[2] >= 0, values[8] >= 0 else { return nil }
            stamp = FileStamp(
                device: UInt64(bitPattern: values[0]), inode: UInt64(bitPattern: values[1]), size: values[2],
                modified: values[3], changed: values[4])
            reference = values[5]
            horizon = values[6]
            length = Int(values[8])
            // values[7] is the slice's entry count, for people reading the file.
            contentHash = UInt64(bitPattern: values[9])
            let none = Header.none
            if values[10] >= 0, values[11] > values[10] {
                layout = JournalLayout(
                    sessionsEnd: Int(values[10]), checkInsEnd: Int(values[11]),
                    lastSessionAt: values[12] == none ? nil : values[12], lastCheckInAt: values[13] == none ? nil : values[13])
            } else {
                layout = nil
            }
        }

        /// The line, without its newline.
        func line(entries: Int) -> String {
            let fields: [Int64] = [
                Int64(bitPattern: stamp.device), Int64(bitPattern: stamp.inode), stamp.size, stamp.modified,
                stamp.changed, reference, horizon, Int64(entries), Int64(length), Int64(bitPattern: contentHash),
                layout.map { Int64($0.sessionsEnd) } ?? Header.none, layout.map { Int64($0.checkInsEnd) } ?? Header.none,
                layout?.lastSessionAt ?? Header.none, layout?.lastCheckInAt ?? Header.none,
            ]
            return JournalCache.magic + " " + fields.map(String.init).joined(separator: " ")
        }
    }

    /// A new private temp file beside the journal, and the file system's time when it was made.
    ///
    /// Named `journal.json.tmp-cache-…` so that the next save's sweep removes one left by a kill.
    struct Temp {
        let path: String
        let descriptor: Int32
        /// Nanoseconds on the file system's clock when the file was created.
        let reference: Int64

        init?(beside journal: String) {
            let name = journal + ".tmp-cache-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            let fd = POSIXFile.retrying { open(name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600) }
            guard fd >= 0 else { return nil }
            var info = stat()
            guard fchmod(fd, 0o600) == 0, fstat(fd, &info) == 0 else { close(fd); unlink(name); return nil }
            path = name
            descriptor = fd
            reference = FileStamp.changeTime(info)
        }

        /// Writes the slice of `journal` made from version `stamp` (with its hash and layout)
        /// and renames it over `target`.
        func commit(_ journal: Journal, stamp: FileStamp, contentHash: UInt64, layout: JournalLayout?, to target: String) {
            let (slice, horizon) = StatusSlice.make(journal, clock: ChronologicalSearch.milliseconds(of: Date()))
            let json = JournalCodec.encode(slice)
            let header = Header(
                stamp: stamp, reference: reference, horizon: horizon, length: json.count, contentHash: contentHash, layout: layout)
            let bytes = Array(header.line(entries: slice.checkIns.count + slice.sessions.count).utf8) + [0x0A] + json
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return 0 }
                    return POSIXFile.retrying { write(descriptor, base + written, buffer.count - written) }
                }
                if n <= 0 { return }
                written += n
            }
            // No fsync: a cache lost or torn by a crash fails its checks and is made again.
            _ = rename(path, target)
        }

        /// Closes the file and removes it unless it was renamed.
        func discard() {
            close(descriptor)
            unlink(path)
        }
    }
}

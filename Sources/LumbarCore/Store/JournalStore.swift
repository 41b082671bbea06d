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

/// The journal on disk: private, locked, atomic and durable. See docs/store-format.md.
///
/// Readers take no lock (a rename is atomic, so they see the old or the new file whole).
/// Writers go through `update(_:)`, which locks, re-reads, applies the change to what is on
/// disk now, keeps a backup and replaces the file.
public struct JournalStore: Sendable {
    /// The journal file: the path given, or where it points when it is a symbolic link (a journal
    /// kept in a sync folder), so that saves replace the target and the link stays.
    public let path: String
    /// How long a writer waits for another to finish.
    public var lockTimeout: Double
    /// How many previous versions are kept as `journal.json.1` (newest) … `.N`.
    public var backupCount: Int
    /// The largest file accepted as a journal.
    public static let maximumSize = 64 * 1_048_576
    /// The largest journal this store reads, and so the largest it writes (`maximumSize` unless a test lowers it).
    public var sizeLimit = JournalStore.maximumSize

    /// Called once per read of a journal written by a newer lumbar, with a line for the person.
    public var onNotice: (@Sendable (String) -> Void)?

    /// A store at `path` (a link is followed to its target).
    public init(path: String, lockTimeout: Double = 5, backupCount: Int = 5) {
        self.path = StorePath.resolvingFinalLinks(path)
        self.lockTimeout = lockTimeout
        self.backupCount = backupCount
    }

    /// The directory that holds the journal, its lock, temp files and backups.
    public var directory: String { StorePath.directory(of: path) }
    /// The lock file.
    public var lockPath: String { path + ".lock" }
    /// The path of backup `n` (1 = newest).
    public func backupPath(_ n: Int) -> String { path + ".\(n)" }

    /// A journal as read from disk, with what identifies that version of the file.
    public struct Snapshot: Sendable {
        /// The journal.
        public var journal: Journal
        /// The file version it came from; `nil` when there was no file yet.
        public var fingerprint: JournalFingerprint?
    }

    /// Reads the journal; a missing file is an empty journal. Never writes.
    public func load() throws -> Journal { try read().journal }

    /// Reads the journal with its fingerprint. Never writes.
    public func read() throws -> Snapshot {
        try readKeepingSource().snapshot
    }

    /// `read()`, keeping the file's bytes and where its entries are, so that a save can copy
    /// the entries it did not change instead of writing them again.
    func readKeepingSource() throws -> (snapshot: Snapshot, source: ParsedJournalFile?) {
        guard let (bytes, fingerprint) = try POSIXFile.readIfExists(path, limit: sizeLimit) else {
            return (Snapshot(journal: Journal(), fingerprint: nil), nil)
        }
        let (journal, source) = try Self.decodeKeepingSource(bytes, path: path)
        if journal.schemaVersion > Journal.currentSchemaVersion {
            onNotice?(
                "the journal \(path) was written by a newer lumbar (schema \(journal.schemaVersion); this one knows up to \(Journal.currentSchemaVersion)): it is shown as far as this lumbar understands it and will not be changed. Upgrade lumbar to log or edit entries."
            )
        }
        return (Snapshot(journal: journal, fingerprint: fingerprint), source)
    }

    /// Decodes journal bytes, turning any fault into `StoreError.unreadable` naming `path`.
    public static func decode(_ bytes: [UInt8], path: String) throws -> Journal {
        try decodeKeepingSource(bytes, path: path).journal
    }

    /// `decode(_:path:)`, with what `JournalCodec.encode(_:reusing:)` needs.
    static func decodeKeepingSource(_ bytes: [UInt8], path: String) throws -> (journal: Journal, source: ParsedJournalFile?) {
        if bytes.isEmpty { throw StoreError.unreadable(path: path, reason: "the file is empty") }
        do {
            return try JournalCodec.decodeKeepingSource(bytes)
        } catch let error as JSONSyntaxError {
            if holdsGitConflictMarkers(bytes) {
                let name = StorePath.name(of: path)
                throw StoreError.unreadable(
                    path: path,
                    reason:
                        "it holds git conflict markers (<<<<<<<), left by a git merge without lumbar's merge driver. Keep your side with 'git checkout --ours \(name)', merge the other with 'git show :3:\(name) > theirs.json && lumbar merge --yes theirs.json', and set up 'lumbar merge-driver' (docs/sync.md)"
                )
            }
            throw StoreError.unreadable(path: path, reason: "not valid JSON at \(error)")
        } catch let error as JournalFormatError {
            throw StoreError.unreadable(path: path, reason: "not a lumbar journal: \(error)")
        }
    }

    /// Whether a line of `bytes` starts with git's `<<<<<<< ` conflict marker.
    static func holdsGitConflictMarkers(_ bytes: [UInt8]) -> Bool {
        let marker = Array("<<<<<<< ".utf8)
        if bytes.starts(with: marker) { return true }
        var i = bytes.startIndex
        while let newline = bytes[i...].firstIndex(of: 0x0A) {
            i = newline + 1
            if bytes[i...].starts(with: marker) { return true }
        }
        return false
    }

    /// Applies `change` to the journal as it is on disk now, under the lock, and saves it.
    ///
    /// The change sees the freshly read journal, so entries another process logged since this
    /// one last looked are kept. Nothing is written when the change throws or changes nothing.
    /// If the file changes under the lock (an editor takes no lock), `change` runs again on the
    /// new version rather than overwrite it, so it may be called more than once.
    /// - Returns: what `change` returned.
    @discardableResult
    public func update<T>(_ change: (inout Journal) throws -> T) throws -> T {
        try update(change, whileLocked: { _ in })
    }

    /// `update(_:)`, then `afterward` with what `change` returned, once the journal is saved (or
    /// needed no save) and before the lock is let go: a conflict copy is moved aside only when
    /// its entries are safely in the journal, and no other lumbar can merge it meanwhile.
    @discardableResult
    public func update<T>(_ change: (inout Journal) throws -> T, whileLocked afterward: (T) throws -> Void) throws -> T {
        try locked { try updateLocked(change, whileLocked: afterward) }
    }

    /// Runs `body` holding the journal's lock, after removing temp files a killed save left.
    private func locked<T>(_ body: () throws -> T) throws -> T {
        try POSIXFile.makeDirectories(directory)
        let lock = try FileLock(path: lockPath, journal: path, timeout: lockTimeout)
        defer { withExtendedLifetime(lock) {} }
        removeStaleTempFiles()
        return try body()
    }

    /// `update(_:whileLocked:)` with the lock already held.
    private func updateLocked<T>(_ change: (inout Journal) throws -> T, whileLocked afterward: (T) throws -> Void) throws -> T {
        for _ in 0..<8 {
            let (current, source) = try readKeepingSource()
            if current.journal.schemaVersion > Journal.currentSchemaVersion {
                throw StoreError.newerSchema(path: path, found: current.journal.schemaVersion, known: Journal.currentSchemaVersion)
            }
            var journal = current.journal
            let result = try change(&journal)
            guard journal != current.journal || current.fingerprint == nil else {
                try afterward(result)
                return result
            }
            journal.schemaVersion = Journal.currentSchemaVersion
            let (bytes, layout) = JournalCodec.encodeWithLayout(journal, reusing: source)
            // Never write what the next read would refuse.
            if bytes.count > sizeLimit { throw StoreError.tooLarge(path: path, bytes: bytes.count, limit: sizeLimit) }
            if try replace(with: bytes, expecting: current.fingerprint) {
                JournalCache.refresh(self, saved: journal, bytes: bytes, layout: layout)
                try afterward(result)
                return result
            }
        }
        throw StoreError.io(path: path, operation: "save (another program kept rewriting it meanwhile)", errno: EAGAIN)
    }

    /// Adds a check-in made just now, with a new id, and saves the journal.
    ///
    /// The same as `update { $0.upsert(checkIn) }`, and the file written is byte for byte the
    /// same, but usually without decoding the journal: when the status cache was made from
    /// exactly the bytes on disk (their hash says so) and the check-in goes after the last one,
    /// its line is inserted into the bytes as read. A journal changed since, by anything, reads
    /// whole (and is refused if damaged) as every save does.
    /// - Returns: a journal that evaluates as the whole saved journal does at the check-in's time
    ///   and after: the whole journal, or the cached slice with the check-in added.
    public func add(_ checkIn: CheckIn) throws -> Journal {
        try add(line: JournalCodec.line(of: checkIn), at: checkIn.at.epochMilliseconds, to: .checkIns) { $0.upsert(checkIn) }.journal
    }

    /// Adds a session made just now, with a new id, and saves the journal; see `add(_:)` for check-ins.
    public func add(_ session: Session) throws -> Journal {
        try add(line: JournalCodec.line(of: session), at: session.at.epochMilliseconds, to: .sessions) { $0.upsert(session) }.journal
    }

    /// `add`, saying whether the entry was inserted into the bytes as read (`appended`) or the
    /// journal was read whole and written.
    func add(
        line: [UInt8], at time: Int64, to array: JournalLayout.EntryArray, upsert: (inout Journal) -> Void
    ) throws -> (journal: Journal, appended: Bool) {
        try locked {
            if let appended = try append(line: line, at: time, to: array, upsert: upsert) { return (appended, true) }
            return (try updateLocked({ journal -> Journal in upsert(&journal); return journal }, whileLocked: { _ in }), false)
        }
    }

    /// The lock-held fast path of `add`: `nil` when the journal must be read whole instead.
    ///
    /// The new file is written as three parts (the bytes before the insertion, the new line, the
    /// rest) straight from the buffer read, so no second copy of the journal is made.
    private func append(line: [UInt8], at time: Int64, to array: JournalLayout.EntryArray, upsert: (inout Journal) -> Void) throws -> Journal? {
        guard let base = JournalCache.appendBase(self), base.slice.schemaVersion == Journal.currentSchemaVersion,
            let (file, fingerprint) = try POSIXFile.readPopulated(path, limit: sizeLimit)
        else { return nil }
        let bytes = file.bytes
        guard let blocks = base.blockHashes(ifVouchingFor: bytes),
            let (offset, text, newLayout) = base.layout.insertion(of: line, at: time, to: array, in: bytes),
            bytes.count + text.count <= sizeLimit
        else { return nil }
        return try withExtendedLifetime(file) {
            try text.withUnsafeBytes { inserted -> Journal? in
                let parts = [UnsafeRawBufferPointer(rebasing: bytes[..<offset]), inserted, UnsafeRawBufferPointer(rebasing: bytes[offset...])]
                guard try replace(parts: parts, expecting: fingerprint) else { return nil }
                var journal = base.slice
                upsert(&journal)
                // The blocks before the one the line went into are the same bytes as before.
                let unchanged = offset / ContentHash.blockSize
                let hash = ContentHash.combine(Array(blocks[..<unchanged]) + ContentHash.blockHashes(of: parts, fromBlock: unchanged))
                JournalCache.refresh(self, saved: journal, parts: parts, layout: newLayout, contentHash: hash)
                return journal
            }
        }
    }

    /// Writes a new version of the file: temp, fsync, backup, rename, fsync(directory).
    /// Returns false, writing nothing, when the file is no longer the version `expected`.
    private func replace(with bytes: [UInt8], expecting expected: JournalFingerprint?) throws -> Bool {
        try bytes.withUnsafeBytes { try replace(parts: [$0], expecting: expected) }
    }

    /// `replace(with:expecting:)` for a file made of `parts`, one after the other.
    private func replace(parts: [UnsafeRawBufferPointer], expecting expected: JournalFingerprint?) throws -> Bool {
        let hadFile = expected != nil
        let temp = try POSIXFile.writeTemp(parts: parts, beside: path)
        if JournalFingerprint.current(of: path) != expected {
            unlink(temp)
            return false
        }
        do {
            if hadFile { try rotateBackups() }
            if rename(temp, path) != 0 { throw POSIXFile.fail(path, "replace") }
        } catch {
            unlink(temp)
            throw error
        }
        do {
            try POSIXFile.syncDirectory(directory)
        } catch {
            // The error says nothing was changed, and a retry must not log the entry twice: put the
            // previous version back. The failed sync is not retried (it could falsely succeed).
            rollBack(hadFile: hadFile)
            throw error
        }
        return true
    }

    /// Puts backup 1 (the version just replaced) back under the journal's name, or removes a journal that did not exist before.
    private func rollBack(hadFile: Bool) {
        guard hadFile else { unlink(path); return }
        guard backupCount > 0 else { return }
        var temp = path + ".tmp-\(getpid())-rollback"
        if link(backupPath(1), temp) != 0 {
            guard let (bytes, _) = try? POSIXFile.readIfExists(backupPath(1), limit: Self.maximumSize),
                let copy = try? POSIXFile.writeTemp(bytes, beside: path)
            else { return }
            temp = copy
        }
        if rename(temp, path) != 0 { unlink(temp) }
    }

    /// Shifts `journal.json.1…N-1` up by one and makes `journal.json.1` the current file.
    ///
    /// The current file is hard-linked, not copied: the rename that follows gives the journal
    /// name a new inode and leaves the old one, intact, under the backup name.
    private func rotateBackups() throws {
        guard backupCount > 0 else { return }
        for n in stride(from: backupCount - 1, through: 1, by: -1) {
            _ = rename(backupPath(n), backupPath(n + 1))
        }
        let newest = backupPath(1)
        unlink(newest)
        if link(path, newest) != 0 {
            // File systems without hard links: copy instead.
            guard let (bytes, _) = try POSIXFile.readIfExists(path, limit: Self.maximumSize) else { return }
            let temp = try POSIXFile.writeTemp(bytes, beside: newest)
            if rename(temp, newest) != 0 { unlink(temp); throw POSIXFile.fail(newest, "keep a backup as") }
        }
        POSIXFile.makePrivate(newest)
    }

    /// Temp files left by a process killed mid-save (the journal's, and a backup copy's
    /// `journal.json.1.tmp-…`). Called with the lock held, so none is in use.
    private func removeStaleTempFiles() {
        let prefix = StorePath.name(of: path) + "."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            // "journal.json.tmp-…" or "journal.json.<n>.tmp-…"; nothing else is this store's to remove.
            let rest = name.dropFirst(prefix.count)
            guard rest.hasPrefix("tmp-") || (rest.first?.isNumber == true && rest.drop(while: \.isNumber).hasPrefix(".tmp-")) else { continue }
            unlink(StorePath.joining(directory, name))
        }
    }

    /// One kept backup: its path, when it was written, and how many entries it holds (or why it can't be read).
    public struct Backup: Sendable {
        /// Backup number, 1 = newest.
        public var number: Int
        /// The file.
        public var path: String
        /// Its modification time.
        public var modified: Date
        /// The journal it holds, or the error reading it.
        public var contents: Result<Journal, StoreError>
    }

    /// The backups that exist, newest first.
    public func backups() -> [Backup] {
        (1...max(backupCount, 1)).compactMap { n in
            let file = backupPath(n)
            guard let fingerprint = JournalFingerprint.current(of: file) else { return nil }
            let contents: Result<Journal, StoreError>
            do {
                guard let (bytes, _) = try POSIXFile.readIfExists(file, limit: Self.maximumSize) else { return nil }
                contents = .success(try Self.decode(bytes, path: file))
            } catch let error as StoreError {
                contents = .failure(error)
            } catch {
                contents = .failure(.unreadable(path: file, reason: "\(error)"))
            }
            return Backup(number: n, path: file, modified: Date(timeIntervalSince1970: Double(fingerprint.modified) / 1e9), contents: contents)
        }
    }

    /// Restores backup `number`: the current journal (readable or not) is moved aside to
    /// `journal.json.broken-<time>`, never deleted. Returns the path it was moved to, if any.
    @discardableResult
    public func restore(backup number: Int, now: Date = Date()) throws -> String? {
        try POSIXFile.makeDirectories(directory)
        let lock = try FileLock(path: lockPath, journal: path, timeout: lockTimeout)
        defer { withExtendedLifetime(lock) {} }
        let source = backupPath(number)
        guard let (bytes, _) = try POSIXFile.readIfExists(source, limit: Self.maximumSize) else {
            throw StoreError.io(path: source, operation: "restore from", errno: ENOENT)
        }
        let journal = try Self.decode(bytes, path: source)
        var aside: String?
        if JournalFingerprint.current(of: path) != nil {
            let stamp = Int(now.timeIntervalSince1970)
            // Never over an earlier moved-aside journal (two restores in one second): take a free name.
            var target = path + ".broken-\(stamp)"
            var n = 0
            while JournalFingerprint.current(of: target) != nil {
                n += 1
                target = path + ".broken-\(stamp)-\(n)"
            }
            if link(path, target) != 0 && rename(path, target) != 0 { throw POSIXFile.fail(path, "move aside") }
            aside = target
        }
        let temp = try POSIXFile.writeTemp(JournalCodec.encode(journal), beside: path)
        if rename(temp, path) != 0 { unlink(temp); throw POSIXFile.fail(path, "restore") }
        try POSIXFile.syncDirectory(directory)
        return aside
    }
}

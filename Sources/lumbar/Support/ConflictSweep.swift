#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import LumbarCore

/// Folds the conflict copies a sync tool left beside the journal into it, once per run.
///
/// Each copy is merged with `merge`'s rules under the store's lock and, once its entries are
/// saved, moved to `merged-conflicts/YYYY-MM-DD/` beside the journal (0700 folders, 0600 file),
/// with one line on stderr. A copy whose merge needs a yes (more than 3 deletions, or deleting
/// an entry edited here afterwards) is left in place and reported with the command that applies
/// it; a broken copy is left with a warning; a file that is not a lumbar journal is not touched.
/// Nothing here ever stops the command that was asked for. See docs/sync.md.
enum ConflictSweep {
    /// A copy left in place because its merge needs a yes.
    struct Held: Sendable {
        /// The copy.
        var copy: ConflictCopy
        /// What merging it would do.
        var report: MergeReport
        /// The exact command that applies it.
        var command: String
    }

    /// What happened to one copy.
    enum Outcome: Sendable {
        /// Merged and saved.
        case merged(MergeReport)
        /// Left in place: the merge needs a yes.
        case held(MergeReport)
    }

    /// The copies this run left in place because their merge needs a yes.
    static var held: [Held] { state.withLock { $0.held } }

    /// Merges the conflict copies beside `store`'s journal, the first time it is called in a process.
    /// `explicitStore` is the `--store` the person gave, repeated in the commands lumbar suggests.
    static func runOnce(store: JournalStore, explicitStore: String?) {
        let first = state.withLock { state in
            defer { state.started = true }
            return !state.started
        }
        guard first else { return }
        let copies = ConflictCopy.find(beside: store.path)
        for copy in copies {
            if !sweep(copy, into: store, explicitStore: explicitStore) { break }
        }
    }

    /// One line for the TUI's bottom bar about what the sweep did, if anything (the lines on
    /// stderr are hidden behind the full screen until it closes).
    static var notice: (text: String, needsAttention: Bool)? {
        let (merged, held, broken) = state.withLock { ($0.merged, $0.held.count, $0.broken) }
        if held > 0 {
            return ("\(held) conflict cop\(held == 1 ? "y was" : "ies were") not merged (too many deletions): see 'lumbar status'", true)
        }
        if broken > 0 {
            return (
                "\(broken) conflict cop\(broken == 1 ? "y" : "ies") could not be read and \(broken == 1 ? "was" : "were") left in place (listed when you quit)",
                true
            )
        }
        guard merged > 0 else { return nil }
        return (
            "Merged \(merged) conflict cop\(merged == 1 ? "y" : "ies") from another machine into the journal; moved to \(ConflictCopy.mergedFolderName)/",
            false
        )
    }

    /// Says, once at the end of a command, which copies were left in place and how to apply them.
    static func warnAboutHeldCopies() {
        let (held, shown) = state.withLock { ($0.held, $0.shownByCommand) }
        guard !shown else { return }
        for h in held { Output.warnOnce(line(for: h)) }
    }

    /// Called by a command that prints the held copies itself (`status`), so they are not repeated on stderr.
    static func markHeldCopiesShown() {
        state.withLock { $0.shownByCommand = true }
    }

    /// The line that says a copy was left in place and what to run.
    static func line(for held: Held) -> String {
        let n = held.report.deleted
        let why =
            n > MergeReport.deletionsWithoutAsking
            ? "merging it would delete \(n) entries"
            : "merging it would delete an entry edited here after it was deleted there"
        return
            "the \(held.copy.tool.displayName) conflict copy \(held.copy.path) was not merged, since \(why); delete the copy to keep the journal as it is, or apply it (deleted entries stay recoverable with 'lumbar undelete') with: \(held.command)"
    }

    /// After `lumbar merge FILE` applied FILE: if it is a conflict copy of the journal, it is
    /// settled like any merged copy (moved aside, said once) and no longer reported as held.
    static func settle(mergedFile: String, store: JournalStore) {
        guard let target = realPath(mergedFile),
            let copy = ConflictCopy.find(beside: store.path).first(where: { realPath($0.path) == target })
        else { return }
        state.withLock { $0.held.removeAll { $0.copy.path == copy.path } }
        do {
            if let moved = try move(copy, expecting: JournalFingerprint.current(of: copy.path)) {
                Output.error("lumbar: moved the merged \(copy.tool.displayName) conflict copy to \(moved)")
            }
        } catch {
            Output.warnOnce("the merged conflict copy \(copy.path) could not be moved aside (\(error)); it is harmless to merge again, or delete it")
        }
    }

    // MARK: One copy

    /// Handles one copy; false when the journal itself cannot take merges (unreadable, newer,
    /// busy), so the rest are left for the next run and the command reports the journal's own problem.
    private static func sweep(_ copy: ConflictCopy, into store: JournalStore, explicitStore: String?) -> Bool {
        let fingerprint = JournalFingerprint.current(of: copy.path)
        let incoming: Journal
        switch read(copy) {
        case .notAJournal, .gone:
            return true
        case .broken(let reason):
            Output.warnOnce("the \(copy.tool.displayName) conflict copy \(copy.path) was left in place, not merged: \(reason). Fix or delete it")
            state.withLock { $0.broken += 1 }
            return true
        case .journal(let journal):
            incoming = journal
        }
        var movedTo: String?
        var moveFailure: String?
        let outcome: Outcome
        do {
            outcome = try store.update(
                { journal -> Outcome in
                    var merged = journal
                    let report = merged.merge(incoming)
                    if report.needsConfirmation { return .held(report) }
                    journal = merged
                    return .merged(report)
                },
                whileLocked: { outcome in
                    guard case .merged = outcome else { return }
                    do {
                        movedTo = try move(copy, expecting: fingerprint)
                    } catch {
                        moveFailure = "\(error)"
                    }
                })
        } catch let error as StoreError {
            switch error {
            case .unreadable, .newerSchema, .busy, .unsafeFile:
                return false
            default:
                Output.warnOnce("the \(copy.tool.displayName) conflict copy \(copy.path) was not merged: \(error.description)")
                return false
            }
        } catch {
            Output.warnOnce("the \(copy.tool.displayName) conflict copy \(copy.path) was not merged: \(error)")
            return false
        }
        switch outcome {
        case .held(let report):
            let command = "lumbar merge --yes \(shellQuoted(copy.path))" + (explicitStore.map { " --store \(shellQuoted($0))" } ?? "")
            state.withLock { $0.held.append(Held(copy: copy, report: report, command: command)) }
        case .merged(let report):
            // Another lumbar merged and moved it while this one waited for the lock: nothing to say.
            if movedTo == nil, moveFailure == nil, JournalFingerprint.current(of: copy.path) == nil { return true }
            state.withLock { $0.merged += 1 }
            let place =
                movedTo.map { "moved it to \($0)" }
                ?? moveFailure.map { "left it in place (\($0)); merging it again changes nothing" }
                ?? "left it in place (it changed meanwhile; the next run merges it again)"
            Output.error("lumbar: merged the \(copy.tool.displayName) conflict copy \(copy.name) into the journal (\(report)) and \(place)")
        }
        return true
    }

    /// What a conflict copy holds.
    private enum Contents {
        case journal(Journal)
        case notAJournal
        case broken(String)
        /// Removed since the folder was listed: another lumbar merged it first.
        case gone
    }

    /// Reads a copy. Another program's file with a similar name (not JSON-object text, or a JSON
    /// value without `schemaVersion`) is not a journal; an empty file or a journal that fails
    /// `merge`'s checks is broken.
    private static func read(_ copy: ConflictCopy) -> Contents {
        let bytes: [UInt8]
        do {
            bytes = try PrivateFile.read(copy.path)
        } catch StoreError.io(_, _, ENOENT) {
            return .gone
        } catch let error as StoreError {
            return .broken(error.description)
        } catch {
            return .broken("\(error)")
        }
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            return .broken("the file is empty")
        }
        // 0x7B opens a JSON object (written as a number so that no brace sits in a string literal).
        guard first == 0x7B else { return .notAJournal }
        if let value = try? JSONParser.parse(bytes), value.objectValue?["schemaVersion"] == nil {
            return .notAJournal
        }
        do {
            return .journal(try Interchange.readJournal(at: copy.path, purpose: "merge"))
        } catch let error as CLIError {
            // Read twice (the checks read the file again): another lumbar may have moved it in between.
            if JournalFingerprint.current(of: copy.path) == nil { return .gone }
            let prefix = "cannot merge \(copy.path): "
            var reason = error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message
            if reason.hasSuffix("; nothing was changed") { reason = String(reason.dropLast("; nothing was changed".count)) }
            return .broken(reason)
        } catch {
            return .broken("\(error)")
        }
    }

    /// Moves a merged copy to `merged-conflicts/YYYY-MM-DD/` beside it, never over another file;
    /// nil when the copy is no longer the version that was merged (or gone).
    private static func move(_ copy: ConflictCopy, expecting fingerprint: JournalFingerprint?) throws -> String? {
        guard let fingerprint, JournalFingerprint.current(of: copy.path) == fingerprint else { return nil }
        let now = (try? TimeSource.now()) ?? Date()
        let day = Timestamp(now, in: TimeSource.timeZone).localDate.description
        let parent = StorePath.joining(StorePath.directory(of: copy.path), ConflictCopy.mergedFolderName)
        let folder = StorePath.joining(parent, day)
        try makePrivateDirectory(parent)
        try makePrivateDirectory(folder)
        var target = StorePath.joining(folder, copy.name)
        var n = 1
        var info = stat()
        while lstat(target, &info) == 0 {
            n += 1
            target = StorePath.joining(folder, "\(n)-\(copy.name)")
        }
        guard rename(copy.path, target) == 0 else {
            throw CLIError(message: "cannot move \(copy.path) to \(target): \(String(cString: strerror(errno)))", exitCode: ExitStatus.io)
        }
        chmod(target, 0o600)
        return target
    }

    /// Makes `path` a directory only its owner can use, unless it exists already.
    private static func makePrivateDirectory(_ path: String) throws {
        if mkdir(path, 0o700) == 0 {
            chmod(path, 0o700)
            return
        }
        var info = stat()
        guard errno == EEXIST, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw CLIError(message: "cannot make the folder \(path): \(String(cString: strerror(errno)))", exitCode: ExitStatus.io)
        }
    }

    /// The canonical path of an existing file.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `text` as one shell word: as it is when it holds only safe characters, else in single quotes.
    static func shellQuoted(_ text: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:@%+=,")
        if !text.isEmpty, text.allSatisfy(safe.contains) { return text }
        return "'" + text.replacing("'", with: "'\\''") + "'"
    }

    private struct State {
        var started = false
        var held: [Held] = []
        var shownByCommand = false
        var merged = 0
        var broken = 0
    }

    private static let state = Locked(State())
}

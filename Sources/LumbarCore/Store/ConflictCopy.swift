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

/// A copy of the journal that a sync tool left beside it when both machines changed it at once.
///
/// Each tool names its copy after the journal's own file name, so the patterns are matched for
/// that name (`--store` may name any file), and only files directly beside the journal count:
/// a folder such as `merged-conflicts/` is never searched. See docs/sync.md.
public struct ConflictCopy: Hashable, Sendable {
    /// The tool whose naming the copy follows.
    public enum Tool: String, Hashable, Sendable, CaseIterable {
        /// `journal.sync-conflict-20261201-101500-ABCDEFG.json`.
        case syncthing
        /// `journal (conflicted copy 2026-12-01 101500).json`, with or without a user name, or the
        /// older `journal_conflict-20261201-101500.json`.
        case nextcloud
        /// `journal (Sam's conflicted copy 2026-12-01).json`, perhaps followed by ` (1)`.
        case dropbox

        /// The tool's name for people.
        public var displayName: String {
            switch self {
            case .syncthing: "Syncthing"
            case .nextcloud: "Nextcloud"
            case .dropbox: "Dropbox"
            }
        }
    }

    /// The copy's full path.
    public var path: String
    /// Its file name.
    public var name: String
    /// Whose naming it follows.
    public var tool: Tool

    /// A copy at `path` made by `tool`.
    public init(path: String, name: String, tool: Tool) {
        self.path = path
        self.name = name
        self.tool = tool
    }

    /// The folder beside the journal where merged copies are kept, by date.
    public static let mergedFolderName = "merged-conflicts"

    /// The regular files beside `journalPath` named as a sync tool's conflict copy of it, in name order.
    ///
    /// A symbolic link is skipped (it points at something that is not this copy to move), and
    /// so is anything that is not a regular file. A folder that cannot be listed has none.
    public static func find(beside journalPath: String) -> [ConflictCopy] {
        let directory = StorePath.directory(of: journalPath)
        let journalName = StorePath.name(of: journalPath)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.sorted().compactMap { name -> ConflictCopy? in
            guard let tool = tool(naming: name, asCopyOf: journalName) else { return nil }
            let path = StorePath.joining(directory, name)
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return ConflictCopy(path: path, name: name, tool: tool)
        }
    }

    /// The tool whose conflict-copy naming turns `journalName` into `name`, if any.
    public static func tool(naming name: String, asCopyOf journalName: String) -> Tool? {
        guard name != journalName, !journalName.isEmpty else { return nil }
        let candidate = Array(name.utf8)
        // Syncthing splits like Go's filepath.Ext: from the last dot, even a leading one.
        let go = split(journalName, leadingDotIsExtension: true)
        if let middle = middle(of: candidate, stem: go.stem, ext: go.ext), isSyncthingTag(middle) { return .syncthing }
        // Nextcloud (and Dropbox) keep a leading dot as part of the name (".journal" has no extension).
        let qt = split(journalName, leadingDotIsExtension: false)
        if let middle = middle(of: candidate, stem: qt.stem, ext: qt.ext) {
            if isNextcloudTag(middle) { return .nextcloud }
            if isDropboxTag(middle) { return .dropbox }
        }
        return nil
    }

    // MARK: The tools' tags

    /// `.sync-conflict-YYYYMMDD-HHMMSS` then `-` and a 7-character device id (older versions had none).
    static func isSyncthingTag(_ tag: [UInt8]) -> Bool {
        var s = Scanner(tag)
        guard s.take(".sync-conflict-"), s.digits(8), s.take("-"), s.digits(6) else { return false }
        if s.atEnd { return true }
        guard s.take("-") else { return false }
        return s.count(7, where: { isUpper($0) || isDigit($0) }) && s.atEnd
    }

    /// ` (conflicted copy[ USER] YYYY-MM-DD HHMMSS)`, a bare ` (conflicted copy)`, or `_conflict-YYYYMMDD-HHMMSS`.
    static func isNextcloudTag(_ tag: [UInt8]) -> Bool {
        var legacy = Scanner(tag)
        if legacy.take("_conflict-"), legacy.digits(8), legacy.take("-"), legacy.digits(6), legacy.atEnd { return true }
        var s = Scanner(tag)
        guard s.take(" (conflicted copy") else { return false }
        if s.take(")") { return s.atEnd }
        guard s.take(" ") else { return false }
        // The user name never holds parentheses (Nextcloud replaces them), so the tag ends at the first ')'.
        let inside = Array(s.rest.prefix { $0 != UInt8(ascii: ")") && $0 != UInt8(ascii: "(") })
        guard inside.count >= 17, s.skip(inside.count), s.take(")"), s.atEnd else { return false }
        var stamp = Scanner(Array(inside.suffix(17)))
        guard stamp.date(), stamp.take(" "), stamp.digits(6) else { return false }
        return inside.count == 17 || inside[inside.count - 18] == UInt8(ascii: " ")
    }

    /// ` (NAME's conflicted copy YYYY-MM-DD)`, the date perhaps followed by ` (N)` inside or after.
    static func isDropboxTag(_ tag: [UInt8]) -> Bool {
        var s = Scanner(tag)
        guard s.take(" (") else { return false }
        let markers = ["'s conflicted copy ", "\u{2019}s conflicted copy "].map { Array($0.utf8) }
        let rest = Array(s.rest)
        // The person's name comes first and may hold anything, so the marker is searched for.
        guard let (marker, at) = markers.compactMap({ m in rest.firstRange(of: m).map { (m, $0.lowerBound) } }).first,
            at > 0, s.skip(at + marker.count), s.date()
        else { return false }
        _ = s.counter()
        guard s.take(")") else { return false }
        _ = s.counter()
        return s.atEnd
    }

    // MARK: Helpers

    /// `name` split at its extension's dot: "journal.json" is ("journal", ".json").
    static func split(_ name: String, leadingDotIsExtension: Bool) -> (stem: [UInt8], ext: [UInt8]) {
        let bytes = Array(name.utf8)
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > 0 || leadingDotIsExtension else { return (bytes, []) }
        return (Array(bytes[..<dot]), Array(bytes[dot...]))
    }

    /// What lies between `stem` and `ext` in `candidate`, when it starts and ends with them.
    static func middle(of candidate: [UInt8], stem: [UInt8], ext: [UInt8]) -> [UInt8]? {
        guard candidate.count > stem.count + ext.count, candidate.starts(with: stem),
            candidate.suffix(ext.count).elementsEqual(ext)
        else { return nil }
        return Array(candidate[stem.count..<(candidate.count - ext.count)])
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }

    /// A cursor over a tag's bytes.
    struct Scanner {
        var bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }
        var rest: ArraySlice<UInt8> { bytes[index...] }

        mutating func take(_ literal: String) -> Bool {
            let expected = Array(literal.utf8)
            guard rest.starts(with: expected) else { return false }
            index += expected.count
            return true
        }

        mutating func skip(_ n: Int) -> Bool {
            guard index + n <= bytes.count else { return false }
            index += n
            return true
        }

        mutating func count(_ n: Int, where accept: (UInt8) -> Bool) -> Bool {
            guard index + n <= bytes.count, bytes[index..<(index + n)].allSatisfy(accept) else { return false }
            index += n
            return true
        }

        mutating func digits(_ n: Int) -> Bool { count(n, where: ConflictCopy.isDigit) }

        /// `YYYY-MM-DD`.
        mutating func date() -> Bool { digits(4) && take("-") && digits(2) && take("-") && digits(2) }

        /// ` (N)`, as Dropbox numbers a second copy of the same day.
        mutating func counter() -> Bool {
            let start = index
            guard take(" ("), index < bytes.count, ConflictCopy.isDigit(bytes[index]) else { index = start; return false }
            while index < bytes.count, ConflictCopy.isDigit(bytes[index]) { index += 1 }
            guard take(")") else { index = start; return false }
            return true
        }
    }
}

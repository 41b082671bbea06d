import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import LumbarCore
import LumbarText

/// The interchange shape shared by `export` and `import`.
enum Interchange {
    /// The entries of `journal` on the days of `range` (local dates in `timeZone`), with its profile.
    static func days(_ range: DateRange, of journal: Journal, timeZone: ZoneInfo) -> Journal {
        Journal(
            schemaVersion: journal.schemaVersion, profile: journal.profile,
            sessions: journal.sessions.filter { range.contains($0.at.converted(to: timeZone).localDate) },
            checkIns: journal.checkIns.filter { range.contains($0.date) },
            assessments: journal.assessments.filter { range.contains($0.at.converted(to: timeZone).localDate) },
            unknownFields: journal.unknownFields)
    }

    /// Reads a journal or export file for `import`/`merge`, refusing unknown keys and newer schemas.
    static func readJournal(at path: String, purpose: String) throws -> Journal {
        let bytes: [UInt8]
        do {
            bytes = try PrivateFile.read(path)
        } catch let error as StoreError {
            throw CLIError(message: "cannot \(purpose) \(path): \(error.description)", exitCode: error.exitCode)
        }
        let journal: Journal
        do {
            journal = try JournalStore.decode(bytes, path: path)
        } catch StoreError.unreadable(_, let reason) {
            throw CLIError.data("cannot \(purpose) \(path): \(reason); nothing was changed")
        }
        if journal.schemaVersion > Journal.currentSchemaVersion {
            throw CLIError.data("cannot \(purpose) \(path): it was written by a newer lumbar (schema \(journal.schemaVersion)); upgrade lumbar first")
        }
        if let duplicate = duplicateID(in: journal) {
            throw CLIError.data(
                "cannot \(purpose) \(path): \(duplicate.second) has the same id as \(duplicate.first) (\(duplicate.id)); each entry must have its own id; nothing was changed"
            )
        }
        // An import keeps the entry rules the command line keeps. A merge takes another copy of
        // the journal as it is (an older TUI saved worst below pain) but, like an import, only
        // keys this build knows.
        for (i, c) in journal.checkIns.enumerated() {
            if let problem = EntryRules.problem(with: c), purpose == "import" || ["symptoms", "care", "at"].contains(problem.field) {
                throw CLIError.data("cannot \(purpose) \(path): checkIns[\(i)]: \(problem.message); nothing was changed")
            }
        }
        // A time that some zone would show as year 0 or 10000 would be written and then refused.
        for (i, s) in journal.sessions.enumerated() {
            if let problem = EntryRules.problem(at: s.at) {
                throw CLIError.data("cannot \(purpose) \(path): sessions[\(i)]: \(problem.message); nothing was changed")
            }
        }
        return journal
    }

    /// The first id that two entries of `journal` share, with where both are, in file order.
    static func duplicateID(in journal: Journal) -> (first: String, second: String, id: String)? {
        var seen: [UUID: String] = [:]
        let entries =
            journal.sessions.enumerated().map { ($0.element.id, "sessions[\($0.offset)]") }
            + journal.checkIns.enumerated().map { ($0.element.id, "checkIns[\($0.offset)]") }
            + journal.assessments.enumerated().map { ($0.element.id, "assessments[\($0.offset)]") }
        for (id, place) in entries {
            if let first = seen[id] { return (first, place, id.uuidString.lowercased()) }
            seen[id] = place
        }
        return nil
    }

    /// Lists the deletions a merge would make and asks whether to make them; without a
    /// terminal to ask on, or on any answer but yes, throws (exit 65) so nothing changes.
    static func confirmDeletions(_ report: MergeReport, from path: String) throws {
        Output.error("lumbar: merging \(path) would delete \(report.deleted) entr\(report.deleted == 1 ? "y" : "ies"):")
        for d in report.deletions {
            let when = d.at.converted(to: TimeSource.timeZone)
            let kind = d.kind == "checkIn" ? "check-in" : d.kind
            Output.error(
                "  \(kind) \(when.localDate) \(when.clockTime) [id \(d.id.shortID)]\(d.editedAfterDeletion ? " (edited here after it was deleted there)" : "")"
            )
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDERR_FILENO) == 1 else {
            throw CLIError.data(
                "nothing was merged: run 'lumbar merge \(path) --yes' to apply these deletions (they stay recoverable with 'lumbar undelete')")
        }
        Output.prompt("Delete them? [y/N] ")
        guard let answer = readLine(), ["y", "yes"].contains(answer.trimmingSpaces().lowercased()) else {
            throw CLIError.data("nothing was merged")
        }
    }
}

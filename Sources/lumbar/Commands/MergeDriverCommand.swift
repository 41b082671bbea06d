import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// `lumbar merge-driver %O %A %B %P`: git's merge driver for a journal kept in a repository.
///
/// git hands over three versions of the file and keeps what the driver leaves in `%A` when it
/// exits 0. The ancestor is not needed: revisions and tombstones already say which version of
/// each entry is newer and what was deleted, so merging the other side into ours is the whole
/// merge, and merging in either direction gives the same journal.
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Merge two versions of a journal for git (see docs/sync.md).",
        discussion: """
            Set up once per clone: 'git config merge.lumbar.driver "lumbar merge-driver %O %A %B %P"' \
            and 'journal.json merge=lumbar' in .gitattributes. The merge follows 'lumbar merge': the \
            higher revision wins, deletions are kept. A merge that would delete more than \
            \(MergeReport.deletionsWithoutAsking) entries is left to you: the file is marked \
            conflicted with your side in it, and the line printed says how to apply the other.
            """
    )

    @Argument(help: ArgumentHelp("The common ancestor's version (%O); not needed, as revisions say which version is newer.", valueName: "ancestor"))
    var ancestor: String

    @Argument(help: ArgumentHelp("Our version (%A); the merged journal is written here.", valueName: "ours"))
    var ours: String

    @Argument(help: ArgumentHelp("Their version (%B).", valueName: "theirs"))
    var theirs: String

    @Argument(help: ArgumentHelp("The journal's path in the repository (%P), for messages.", valueName: "path"))
    var path: String?

    func run() throws {
        let name = path ?? "the journal"
        let mine: Journal
        let other: Journal
        do {
            mine = try Interchange.readJournal(at: ours, purpose: "merge")
            other = try Interchange.readJournal(at: theirs, purpose: "merge")
        } catch let error as CLIError {
            // Exit 1 is git's "conflict": the file stays as ours, marked for a person to resolve.
            throw CLIError(message: "\(name): \(error.message); resolve it by hand (git leaves your side in the file)", exitCode: 1)
        }
        var merged = mine
        let report = merged.merge(other)
        if report.needsConfirmation {
            let command =
                "git show :3:\(ConflictSweep.shellQuoted(name)) > theirs.json && lumbar merge --yes theirs.json --store \(ConflictSweep.shellQuoted(name)) && git add \(ConflictSweep.shellQuoted(name))"
            throw CLIError(
                message:
                    "\(name): the other side would delete \(report.deleted) entr\(report.deleted == 1 ? "y" : "ies"), so git marks it conflicted with your side in it; to apply the other side, run: \(command)",
                exitCode: 1)
        }
        merged.schemaVersion = Journal.currentSchemaVersion
        try PrivateFile.write(JournalCodec.encode(merged), to: ours)
        Output.error("lumbar: merged \(name): \(report)")
    }
}

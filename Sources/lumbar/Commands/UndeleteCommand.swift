import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// `lumbar undelete [ID]`: lists deleted entries, or brings one back.
struct UndeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undelete",
        abstract: "List deleted entries, or bring one back by id.",
        discussion:
            "A deletion (by 'lumbar delete' or a merge) keeps the entry it removed; undeleting it makes a new revision that also wins later merges."
    )

    @Argument(help: "The deleted entry's id (its first 8 characters are enough); without it, the deleted entries are listed.")
    var id: String?

    @Flag(help: "List the deleted entries as JSON: {\"deleted\": [{\"id\", \"kind\", \"deletedAt\"}]}.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = storeOptions.journalStore
        guard let id else {
            let deletions = try store.load().recoverableDeletions
            if json {
                JSONOutput.print(
                    JSONOutput.object([
                        (
                            "deleted",
                            .array(
                                deletions.map { t in
                                    JSONOutput.object([
                                        ("id", .string(t.id.uuidString.lowercased())), ("kind", JSONOutput.string(t.kind)),
                                        ("deletedAt", .string(t.deletedAt.description)),
                                    ])
                                })
                        )
                    ]))
                return
            }
            if deletions.isEmpty { print("No deleted entries to bring back.") }
            for t in deletions {
                let kind = t.kind == "checkIn" ? "check-in" : (t.kind ?? "entry").escapingControlCharacters
                print(
                    "\(t.id.shortID)  \(kind)  deleted \(t.deletedAt.converted(to: TimeSource.timeZone).localDate) \(t.deletedAt.converted(to: TimeSource.timeZone).clockTime)"
                )
            }
            return
        }
        let needle = id.lowercased()
        let kind: String = try store.update { journal in
            let matches = journal.recoverableDeletions.filter { $0.id.uuidString.lowercased().hasPrefix(needle) }
            guard matches.count == 1, let match = matches.first else {
                throw CLIError.usage(
                    matches.isEmpty
                        ? "no deleted entry has an id starting '\(id.escapingControlCharacters)'; 'lumbar undelete' lists them"
                        : "'\(id.escapingControlCharacters)' matches \(matches.count) deleted entries; give more of the id")
            }
            do {
                guard let kind = try journal.undelete(id: match.id) else {
                    throw CLIError.data("the deleted entry \(match.id.shortID) is of a kind this lumbar does not know; upgrade lumbar")
                }
                return kind
            } catch let error as JournalFormatError {
                throw CLIError.data("cannot bring back \(match.id.shortID): \(error); nothing was changed")
            }
        }
        print("Brought back the deleted \(kind == "checkIn" ? "check-in" : kind) \(id.escapingControlCharacters).")
    }
}

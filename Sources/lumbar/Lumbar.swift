import ArgumentParser
import Foundation
import LumbarCore

/// `lumbar`: the root command; alone, it opens the full-screen UI.
struct Lumbar: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "lumbar",
        abstract: "A private self-care log for lower back pain after exercise.",
        discussion: """
            Run 'lumbar' alone for the full-screen check-in and history. Every action is also a \
            subcommand for scripts. lumbar flags the escalation windows and red flags described \
            in its source articles; it is guidance, not a diagnosis.

            Exit status: 0 ok; 1 'remind' found no check-in today; 3 'status --fail-at' reached \
            its level; 64 bad usage; 65 a file lumbar cannot read; 74 an I/O error; 75 the \
            journal is locked by another lumbar.
            """,
        version: version,
        subcommands: [
            CheckInCommand.self, SessionCommand.self, StatusCommand.self, HistoryCommand.self,
            EditCommand.self, DeleteCommand.self, ProfileCommand.self, GuideCommand.self,
            ExportCommand.self, ImportCommand.self, MergeCommand.self, RecoverCommand.self,
            RemindCommand.self, ReportCommand.self,
        ]
    )

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try StatusCommand.printStatus(store: storeOptions.journalStore, now: Clock.now(), json: false)
    }
}

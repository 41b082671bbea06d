import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
#if canImport(Glibc)
import Glibc
#endif

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
            its level; 64 bad usage; 65 a file lumbar cannot read; 69 no usable terminal for the \
            full-screen view (TERM dumb or unknown); 74 an I/O error; 75 the journal is locked \
            by another lumbar; 78 a config file or LUMBAR_* setting lumbar cannot use.
            """,
        version: version,
        subcommands: [
            CheckInCommand.self, SessionCommand.self, StatusCommand.self, HistoryCommand.self,
            EditCommand.self, DeleteCommand.self, ProfileCommand.self, GuideCommand.self,
            TrainingCommand.self,
            ExportCommand.self, ImportCommand.self, MergeCommand.self, MergeDriverCommand.self, RecoverCommand.self,
            RemindCommand.self, ShowCommand.self, ReportCommand.self, UndeleteCommand.self,
            AssessedCommand.self, ConfigCommand.self, ManualCommand.self,
        ]
    )

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = storeOptions.journalStore
        let preferences = try ConfigLoader.preferences()
        Output.colorMode = preferences.color
        let fixedNow = try ProcessEnvironment.variables["LUMBAR_NOW"].flatMap { $0.isEmpty ? nil : $0 }.map { _ in try TimeSource.now() }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            // Not a terminal (a pipe, cron, ssh without a tty): print the status instead of a UI.
            try StatusCommand.printStatus(store: store, now: fixedNow ?? Date(), json: false, preferences: preferences)
            return
        }
        let code = try TUI.run(
            store: store, timeZone: TimeSource.timeZone, preferences: preferences,
            notice: ConflictSweep.notice, now: { fixedNow ?? Date() })
        if code != 0 { throw ExitCode(code) }
    }
}

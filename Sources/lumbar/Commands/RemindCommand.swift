import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// `lumbar remind`: a nudge for cron and shell start-up when today has no check-in.
struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Print a one-line nudge and exit 1 when today has no check-in; print nothing and exit 0 otherwise."
    )

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let journal = try storeOptions.journalStore.load()
        let today = LocalDate(instant: try Clock.now(), in: Clock.timeZone)
        if journal.checkIns.reversed().contains(where: { $0.date == today }) { return }
        print("lumbar: no check-in yet today (\(today)). Log one: lumbar checkin --pain N  (or just: lumbar)")
        throw ExitCode(ExitStatus.reminder)
    }
}

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

    @ArgumentParser.Flag(help: "Print {\"date\", \"checkedIn\", \"checkIns\", \"message\"} as JSON (the exit status is the same).")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let journal = try storeOptions.journalStore.load()
        let today = LocalDate(instant: try Clock.now(), in: Clock.timeZone)
        let count = journal.checkIns.filter { $0.date == today }.count
        let message = count > 0 ? nil : "lumbar: no check-in yet today (\(today)). Log one: lumbar checkin --pain N  (or just: lumbar)"
        if json {
            JSONOutput.print(JSONOutput.object([
                ("date", .string(today.description)),
                ("checkedIn", .bool(count > 0)),
                ("checkIns", .int(count)),
                ("message", JSONOutput.string(message)),
            ]))
        } else if let message {
            print(message)
        }
        if message != nil { throw ExitCode(ExitStatus.reminder) }
    }
}

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
        abstract: "Print a one-line nudge and exit 1 when today has no check-in; print nothing and exit 0 otherwise.",
        discussion:
            "Before the remind hour (--after, else $LUMBAR_REMIND_HOUR, else remind-hour in the config file; default 0) it says nothing and exits 0, so a shell start-up line stays quiet in the morning."
    )

    @Option(name: .customLong("after"), help: ArgumentHelp("Stay quiet before this local hour (0-23).", valueName: "hour"))
    var after: Int?

    @Flag(help: "Print {\"date\", \"checkedIn\", \"checkIns\", \"message\"} as JSON (the exit status is the same).")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let flags: [ConfigKey: (name: String, value: String)] = after.map { [.remindHour: (name: "--after", value: String($0))] } ?? [:]
        let preferences = try ConfigLoader.preferences(flags: flags)
        let journal = try storeOptions.journalStore.load()
        let now = Timestamp(try TimeSource.now(), in: TimeSource.timeZone)
        let today = now.localDate
        let count = journal.checkIns.filter { $0.date == today }.count
        // Before the remind hour there is nothing to nudge about yet.
        let early = now.localParts.hour < preferences.remindHour
        let message = count > 0 || early ? nil : "lumbar: no check-in yet today (\(today)). Log one: lumbar checkin --pain N  (or just: lumbar)"
        if json {
            JSONOutput.print(
                JSONOutput.object([
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

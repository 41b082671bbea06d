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
        discussion: "Before the remind hour (--after, else $LUMBAR_REMIND_HOUR, else remind-hour in the config file; default 0) it says nothing and exits 0, so a shell start-up line stays quiet in the morning."
    )

    @Option(name: .customLong("after"), help: ArgumentHelp("Stay quiet before this local hour (0-23).", valueName: "hour"))
    var after: Int?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let flags: [ConfigKey: (name: String, value: String)] = after.map { [.remindHour: (name: "--after", value: String($0))] } ?? [:]
        let preferences = try ConfigLoader.preferences(flags: flags)
        let journal = try storeOptions.journalStore.load()
        let now = Timestamp(try Clock.now(), in: Clock.timeZone)
        if now.localParts.hour < preferences.remindHour { return }
        let today = now.localDate
        if journal.checkIns.reversed().contains(where: { $0.date == today }) { return }
        print("lumbar: no check-in yet today (\(today)). Log one: lumbar checkin --pain N  (or just: lumbar)")
        throw ExitCode(ExitStatus.reminder)
    }
}

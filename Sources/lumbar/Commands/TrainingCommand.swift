import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// `lumbar training`: whether to train today, and how the back has answered each kind of session.
struct TrainingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: "Whether to train today, the week's load, and how your back has answered each kind of session.",
        discussion: """
            Load is minutes × RPE (session RPE); sessions logged without --minutes and --rpe have no load. \
            The numbers are facts from your log, not an injury risk. The rules and their sources are in docs/training.md.
            """
    )

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Evaluate as of this time: ISO 8601, now, 18:00, yesterday 18:00, mon 7:30, -2h or -1d. Default: now.", valueName: "time"))
    var now: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let instant = try Input.now(now)
        let preferences = try ConfigLoader.preferences()
        let journal = try storeOptions.journalStore.load()
        let report = TrainingReport.make(journal, now: instant, timeZone: TimeSource.timeZone, clock: preferences.clock)
        if json {
            var writer = JSONWriter()
            writer.writePretty(TrainingFormatter.json(report, timeZone: TimeSource.timeZone))
            Output.write(writer.bytes + [0x0A])
        } else {
            print(TrainingFormatter.text(report, timeZone: TimeSource.timeZone, clock: preferences.clock), terminator: "")
        }
    }
}

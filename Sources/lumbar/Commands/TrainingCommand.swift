import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

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

    @Option(help: ArgumentHelp("Evaluate as of this time (ISO 8601). Default: now.", valueName: "time"))
    var now: String?

    @ArgumentParser.Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let instant = try now.map { try Input.timestamp($0, option: "--now").date } ?? Clock.now()
        let preferences = try ConfigLoader.preferences()
        let journal = try storeOptions.journalStore.load()
        let report = TrainingReport.make(journal, now: instant, timeZone: Clock.timeZone, clock: preferences.clock)
        if json {
            var writer = JSONWriter()
            writer.writePretty(TrainingFormatter.json(report, timeZone: Clock.timeZone))
            Output.write(writer.bytes + [0x0A])
        } else {
            print(TrainingFormatter.text(report, timeZone: Clock.timeZone, clock: preferences.clock), terminator: "")
        }
    }
}

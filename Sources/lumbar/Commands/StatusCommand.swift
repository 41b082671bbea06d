import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// `lumbar status`: whether what you feel is ordinary soreness or a reason to act.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the escalation level, the flags raised and what to do.",
        discussion: "With --fail-at LEVEL the exit status is 3 when the level is at or above LEVEL (for cron jobs and shell prompts). Levels: none, info, watch, see-doctor, urgent, emergency."
    )

    @Option(help: ArgumentHelp("Evaluate as of this time (ISO 8601). Default: now.", valueName: "time"))
    var now: String?

    @ArgumentParser.Flag(help: "Print the status as JSON.")
    var json = false

    @Option(name: .customLong("fail-at"), help: ArgumentHelp("Exit 3 when the level is at or above this.", valueName: "level"))
    var failAt: String?

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        let threshold = try failAt.map { key in
            guard let level = Level(key: key) else {
                throw CLIError.usage("--fail-at must be one of \(Level.allCases.map(\.key).joined(separator: ", ")), got '\(key)'")
            }
            return level
        }
        let preferences = try colorOption.preferences()
        let instant = try now.map { try Input.timestamp($0, option: "--now").date } ?? Clock.now()
        let status = try Self.printStatus(store: storeOptions.journalStore, now: instant, json: json, preferences: preferences)
        if let threshold, status.level >= threshold { throw ExitCode(ExitStatus.levelReached) }
    }

    /// Evaluates and prints the status; returns it.
    @discardableResult
    static func printStatus(store: JournalStore, now: Date, json: Bool, preferences: Preferences) throws -> Status {
        let journal = try store.load()
        let status = EscalationEngine.evaluate(journal, now: now, timeZone: Clock.timeZone, clock: preferences.clock)
        if json {
            var writer = JSONWriter()
            writer.writePretty(StatusFormatter.json(status))
            Output.write(writer.bytes + [0x0A])
        } else {
            print(StatusFormatter.text(status, timeZone: Clock.timeZone, color: Output.colorEnabled, clock: preferences.clock), terminator: "")
        }
        return status
    }
}

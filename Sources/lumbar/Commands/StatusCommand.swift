import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// `lumbar status`: whether what you feel is ordinary soreness or a reason to act.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        // Parsed on its own for speed (LumbarMain.parsedDirectly); see docs/performance.md.
        _superCommandName: "lumbar",
        abstract: "Show the escalation level, the flags raised and what to do.",
        discussion:
            "With --fail-at LEVEL the exit status is 3 when the level is at or above LEVEL (for cron jobs and shell prompts). Levels: none, info, watch, see-doctor, urgent, emergency."
    )

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Evaluate as of this time: ISO 8601, now, 18:00, yesterday 18:00, mon 7:30, -2h or -1d. Default: now.", valueName: "time"))
    var now: String?

    @Flag(help: "Print the status as JSON.")
    var json = false

    @Option(name: .customLong("fail-at"), help: ArgumentHelp("Exit 3 when the level is at or above this.", valueName: "level"))
    var failAt: KeyArgument<Level>?

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        let threshold = failAt?.value
        let preferences = try colorOption.preferences()
        let instant = try Input.now(now)
        let status = try Self.printStatus(store: storeOptions.journalStore, now: instant, json: json, preferences: preferences)
        if let threshold, status.level >= threshold { throw ExitCode(ExitStatus.levelReached) }
    }

    /// Evaluates and prints the status; returns it.
    @discardableResult
    static func printStatus(store: JournalStore, now: Date, json: Bool, preferences: Preferences) throws -> Status {
        // The cached slice when it is valid for this journal and `now`; the journal read whole otherwise.
        let journal = try JournalCache.statusJournal(store, now: now)
        let status = EscalationEngine.evaluate(journal, now: now, timeZone: TimeSource.timeZone, clock: preferences.clock)
        // Conflict copies left unmerged hold entries this status cannot see: say so here, not on stderr.
        let held = ConflictSweep.held
        ConflictSweep.markHeldCopiesShown()
        if json {
            var object = StatusFormatter.json(status).objectValue ?? JSONObject()
            object["unmergedConflictCopies"] = .array(
                held.map { h in
                    .object(
                        JSONObject([
                            ("path", .string(h.copy.path)),
                            ("tool", .string(h.copy.tool.rawValue)),
                            ("wouldDelete", .int(h.report.deleted)),
                            ("command", .string(h.command)),
                        ]))
                })
            var writer = JSONWriter()
            writer.writePretty(.object(object))
            Output.write(writer.bytes + [0x0A])
        } else {
            print(StatusFormatter.text(status, timeZone: TimeSource.timeZone, color: Output.colorEnabled, clock: preferences.clock), terminator: "")
            for h in held {
                let line = ConflictSweep.line(for: h)
                print(line.prefix(1).uppercased() + line.dropFirst())
            }
        }
        return status
    }
}

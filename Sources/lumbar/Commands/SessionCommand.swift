import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// `lumbar session`: logs an exercise session.
struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        // Parsed on its own for speed (LumbarMain.parsedDirectly); see docs/performance.md.
        _superCommandName: "lumbar",
        abstract: "Log an exercise session (the workout a later back pain may be traced to)."
    )

    @Option(help: ArgumentHelp("What you did: deadlift, run, squat, ...", valueName: "text"))
    var kind: String

    @Option(help: ArgumentHelp("How long, in minutes.", valueName: "n"))
    var minutes: MinutesArgument?

    @Option(help: ArgumentHelp("Effort, 1 (very light) to 10 (maximal).", valueName: "1-10"))
    var rpe: RPEArgument?

    @Flag(name: .customLong("sudden-pain"), help: "Sharp pain began during or right after the session.")
    var suddenPain = false

    @OptionGroup var noteOptions: NoteOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("When: now, 18:00, yesterday 18:00, mon 7:30, -2h, -30m, -1d or ISO 8601. Default: now.", valueName: "time"))
    var at: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let now = try TimeSource.now()
        let zone = TimeSource.timeZone
        let kind = try SessionFields.kind(self.kind)
        let minutes = self.minutes?.value
        let rpe = self.rpe?.value
        let at = try EntryTime.resolve(at: at, date: nil, now: now, timeZone: zone)
        try EntryTime.refuseFuture(at, now: now, timeZone: zone)
        let note = try noteOptions.resolve() ?? ""
        let session = Session(
            at: at, kind: kind, minutes: minutes, rpe: rpe, suddenPain: suddenPain, note: note,
            updatedAt: Timestamp(now, in: zone))
        if let problem = EntryRules.problem(with: session) { throw CLIError.usage(problem.message) }
        _ = try storeOptions.journalStore.add(session)
        if minutes == nil || rpe == nil {
            Output.error(
                "Logged without a load: add --minutes and --rpe (effort 1-10) next time, so 'lumbar training' can set the session's load against your usual week."
            )
        }
        print(
            "Logged session \(session.at.localDate) \(session.at.clockTime) \(kind)\(suddenPain ? " (sudden pain)" : "") [id \(session.id.shortID)].")
    }
}

import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// `lumbar checkin`: logs how the back feels now.
struct CheckInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        // Parsed on its own for speed (LumbarMain.parsedDirectly); see docs/performance.md.
        _superCommandName: "lumbar",
        abstract: "Log a check-in: pain now, symptoms, answers to the warning-sign questions, self-care and a note.",
        discussion: """
            Symptoms: \(Symptom.known.map(\.rawValue).joined(separator: ", ")).
            Warning signs (for --no): \(Symptom.warningSigns.map(\.rawValue).joined(separator: ", ")).
            Self-care: \(SelfCare.known.map(\.rawValue).joined(separator: ", ")).
            Repeat --symptom, --no and --care, or separate keys with commas. A warning sign you \
            leave out is not answered: a yes given earlier still stands until you answer it no.
            """
    )

    // Optional to the parser so that a missing --pain gets lumbar's own one-line error, which
    // matters most when someone types only the --no command a flag suggested.
    @Option(help: ArgumentHelp("Pain now, 0 (none) to 10 (worst imaginable). Required.", valueName: "0-10"))
    var pain: PainArgument?

    @Option(help: ArgumentHelp("Worst pain since the last check-in, 0 to 10.", valueName: "0-10"))
    var worst: PainArgument?

    @Option(name: .customLong("symptom"), help: ArgumentHelp("A symptom you have: a yes answer (repeatable).", valueName: "key"))
    var symptoms: [KeyListArgument<Symptom>] = []

    @Option(name: .customLong("no"), help: ArgumentHelp("A warning sign you do not have: a no answer (repeatable).", valueName: "key"))
    var denied: [KeyListArgument<WarningSign>] = []

    @Flag(name: .customLong("no-other-signs"), help: "Answer no to every warning-sign question not answered yes.")
    var noOtherSigns = false

    @Option(name: .customLong("care"), help: ArgumentHelp("A self-care key (repeatable).", valueName: "key"))
    var care: [KeyListArgument<SelfCare>] = []

    @OptionGroup var noteOptions: NoteOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("When: now, 18:00, yesterday 18:00, mon 7:30, -2h, -30m, -1d or ISO 8601. Default: now.", valueName: "time"))
    var at: String?

    @Option(
        help: ArgumentHelp("Backfill a past day (YYYY-MM-DD, yesterday or a weekday name); the check-in is put at 12:00 that day.", valueName: "date")
    )
    var date: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let now = try TimeSource.now()
        let zone = TimeSource.timeZone
        let deniedKeys: [WarningSign] = self.denied.keys()
        guard let pain = self.pain?.value else {
            throw CLIError.usage(
                "--pain is required: how your back feels now, 0 (none) to 10, e.g. lumbar checkin --pain 2\(deniedKeys.isEmpty ? "" : " --no " + deniedKeys.map(\.argumentKey).joined(separator: ","))"
            )
        }
        let worst = self.worst?.value
        if let worst, worst < pain {
            throw CLIError.usage("--worst (\(worst)) cannot be lower than --pain (\(pain)); worst is the highest pain since the last check-in")
        }
        let symptoms: [Symptom] = self.symptoms.keys()
        var denied = deniedKeys.map(\.symptom)
        if let both = denied.first(where: symptoms.contains) {
            throw CLIError.usage("'\(both.rawValue)' is given both as --symptom (yes) and --no; give one answer")
        }
        if noOtherSigns {
            denied += Symptom.warningSigns.filter { !symptoms.contains($0) && !denied.contains($0) }
        }
        let care: [SelfCare] = self.care.keys()
        // The rules the TUI and import keep too; the checks above only word them for options.
        if let problem = EntryRules.problem(pain: pain, worst: worst, symptoms: symptoms, denied: denied, care: care) {
            throw CLIError.usage(problem.message)
        }
        let preferences = try ConfigLoader.preferences()
        let at = try EntryTime.resolve(at: at, date: date, now: now, timeZone: zone, backfill: preferences.backfillTime)
        try EntryTime.refuseFuture(at, now: now, timeZone: zone)
        let note = try noteOptions.resolve() ?? ""
        let checkIn = CheckIn(
            date: LocalDate(instant: at.date, in: zone), at: at, pain: pain, worst: worst,
            symptoms: symptoms, denied: denied, care: care, note: note, updatedAt: Timestamp(now, in: zone))
        let journal = try storeOptions.journalStore.add(checkIn)
        print(
            "Logged check-in \(checkIn.date) \(preferences.clock.format(checkIn.at)), pain \(pain)\(worst.map { " (worst \($0))" } ?? "") [id \(checkIn.id.shortID)]."
        )
        let follow = CheckInFollowUp(journal: journal, checkIn: checkIn, timeZone: zone, storeOption: storeOptions.store)
        for line in [follow.standingYesLine, follow.unloggedDatesLine].compactMap({ $0 }) { print(line) }
        KeptUntilExit.keep(follow)
    }
}

import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// `lumbar assessed`: records that a clinician assessed the flags raised at a moment.
struct AssessedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessed",
        abstract: "Record that a doctor or physiotherapist assessed the flags raised now.",
        discussion: """
            Without --rule it covers every see-doctor flag raised at --at. Urgent and emergency \
            flags are covered only when you name them with --rule, after a doctor assessed that \
            sign; --rule can name any flag raised at --at. A covered flag stays listed but no \
            longer sets the level, until new evidence raises it again. Rule ids: \
            \(RuleID.allCases.map(\.rawValue).joined(separator: ", ")).
            """
    )

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "When the assessment took place: now, 18:00, yesterday 18:00, mon 7:30, -2h, -30m, -1d or ISO 8601. Default: now.", valueName: "time"))
    var at: String?

    @Option(
        name: .customLong("rule"), help: ArgumentHelp("A flag the assessment covers, by rule id (repeatable or comma-separated).", valueName: "id"))
    var rules: [KeyListArgument<RuleID>] = []

    @OptionGroup var noteOptions: NoteOptions

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let now = try TimeSource.now()
        let zone = TimeSource.timeZone
        let named: [RuleID] = rules.keys()
        let at = try EntryTime.resolve(at: at, date: nil, now: now, timeZone: zone)
        try EntryTime.refuseFuture(at, now: now, timeZone: zone)
        let note = try noteOptions.resolve() ?? ""
        let assessment = try storeOptions.journalStore.update { journal -> Assessment in
            let assessment: Assessment
            do {
                assessment = try EscalationEngine.assessment(
                    of: journal, at: at.date, timeZone: zone, rules: named.isEmpty ? nil : named,
                    note: note, id: UUID(), updatedAt: Timestamp(now, in: zone))
            } catch let error as AssessmentError {
                throw CLIError.usage(error.message)
            }
            journal.upsert(assessment)
            return assessment
        }
        let covered = assessment.rules.map { "\($0.rule) (\($0.level.key))" }.joined(separator: ", ")
        print("Recorded assessment \(assessment.at.localDate) \(assessment.at.clockTime) covering \(covered) [id \(assessment.id.shortID)].")
    }
}

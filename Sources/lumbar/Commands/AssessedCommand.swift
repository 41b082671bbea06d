import ArgumentParser
import Foundation
import LumbarCore

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

    @Option(help: ArgumentHelp("When the assessment took place: ISO 8601 with an offset, Z, or a local time. Default: now.", valueName: "time"))
    var at: String?

    @Option(name: .customLong("rule"), help: ArgumentHelp("A flag the assessment covers, by rule id (repeatable or comma-separated).", valueName: "id"))
    var rules: [String] = []

    @OptionGroup var noteOptions: NoteOptions

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let now = try Clock.now()
        let zone = Clock.timeZone
        let named = try Input.keys(rules).map { key in
            guard let rule = RuleID(rawValue: key) else {
                throw CLIError.usage("unknown rule '\(key)'; rule ids: \(RuleID.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return rule
        }
        let at = try EntryTime.resolve(at: at, date: nil, now: now, timeZone: zone)
        try EntryTime.refuseFuture(at, now: now, timeZone: zone)
        let note = try noteOptions.resolve() ?? ""
        let assessment = try storeOptions.journalStore.update { journal -> Assessment in
            let assessment = try AssessmentDraft.build(of: journal, at: at, timeZone: zone, rules: named.isEmpty ? nil : named,
                                                       note: note, updatedAt: Timestamp(now, in: zone))
            journal.upsert(assessment)
            return assessment
        }
        let covered = assessment.rules.map { "\($0.rule) (\($0.level.key))" }.joined(separator: ", ")
        print("Recorded assessment \(assessment.at.localDate) \(assessment.at.clockTime) covering \(covered) [id \(assessment.id.shortID)].")
    }
}

/// Builds the assessment `lumbar assessed` stores from the status at its time.
///
/// Stands in for the engine's `EscalationEngine.assessment(of:at:timeZone:rules:note:id:updatedAt:)`
/// until that lands, with the same rules: by default every see-doctor flag raised at `at`
/// (covered ones count as raised); urgent and emergency flags only by name.
enum AssessmentDraft {
    /// The assessment at `at` covering `rules` (or the default), or a usage error saying why not.
    static func build(of journal: Journal, at: Timestamp, timeZone: TimeZone, rules: [RuleID]?,
                      note: String, updatedAt: Timestamp) throws -> Assessment {
        let status = EscalationEngine.evaluate(journal, now: at.date, timeZone: timeZone)
        let raised = status.flags.map(\.rule)
        let covered: [LumbarCore.Flag]
        if let rules {
            let missing = rules.filter { !raised.contains($0) }
            guard missing.isEmpty else {
                let list = raised.isEmpty ? "none" : raised.map(\.rawValue).joined(separator: ", ")
                throw CLIError.usage("not raised at that time: \(missing.map(\.rawValue).joined(separator: ", ")); the flags raised then: \(list)")
            }
            covered = status.flags.filter { rules.contains($0.rule) }
        } else {
            covered = status.flags.filter { $0.level == .seeDoctor }
            guard !covered.isEmpty else {
                let named = raised.isEmpty
                    ? "no flag was raised then"
                    : "the flags raised then are " + raised.map(\.rawValue).joined(separator: ", ") + "; name the ones assessed with --rule ID"
                throw CLIError.usage("nothing to record as assessed: no flag at see-doctor was raised at that time (\(named))")
            }
        }
        return Assessment(at: at, rules: covered.map { Assessment.CoveredRule(rule: $0.rule.rawValue, level: $0.level) },
                          note: note, updatedAt: updatedAt)
    }
}

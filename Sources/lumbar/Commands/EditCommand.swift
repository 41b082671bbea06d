import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// `lumbar edit ID`: changes a past check-in or session.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a check-in or session; options given replace those fields.",
        discussion: "ID is the id shown by 'lumbar history' (its first 8 characters are enough)."
    )

    @Argument(help: "The entry's id.")
    var id: String

    @Option(help: ArgumentHelp("Check-in: pain now, 0-10.", valueName: "0-10")) var pain: PainArgument?
    @Option(help: ArgumentHelp("Check-in: worst pain, 0-10 ('none' clears it).", valueName: "0-10")) var worst: Clearable<PainArgument>?
    @Option(name: .customLong("symptom"), help: ArgumentHelp("Check-in: symptoms (replace the list; 'none' clears it).", valueName: "key"))
    var symptoms: [Clearable<KeyListArgument<Symptom>>] = []
    @Option(name: .customLong("care"), help: ArgumentHelp("Check-in: self-care (replace the list; 'none' clears it).", valueName: "key")) var care:
        [Clearable<KeyListArgument<SelfCare>>] = []
    @Option(help: ArgumentHelp("Check-in: move it to this date (YYYY-MM-DD, today, yesterday or a weekday name).", valueName: "date")) var date:
        String?
    @Option(help: "Session: what you did.") var kind: String?
    @Option(help: ArgumentHelp("Session: minutes.", valueName: "n")) var minutes: MinutesArgument?
    @Option(help: ArgumentHelp("Session: effort, 1-10.", valueName: "1-10")) var rpe: RPEArgument?
    @Flag(name: .customLong("sudden-pain"), inversion: .prefixedNo, help: "Session: sharp pain began during or right after.") var suddenPain: Bool?
    @Option(help: "The note.") var note: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("When: 18:00, yesterday 18:00, mon 7:30, -2h, -30m, -1d or ISO 8601.", valueName: "time"))
    var at: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let now = try TimeSource.now()
        let zone = TimeSource.timeZone
        let store = storeOptions.journalStore
        // Check the values before taking the lock, so a typo never waits on it.
        let pain = self.pain?.value
        let clearWorst = self.worst.map { $0.value == nil } ?? false
        let worst = self.worst?.value?.value
        let symptoms: [Symptom] = try Self.replacement(self.symptoms, option: "--symptom")
        let care: [SelfCare] = try Self.replacement(self.care, option: "--care")
        let kind = try self.kind.map(SessionFields.kind)
        let minutes = self.minutes?.value
        let rpe = self.rpe?.value
        let stamp = Timestamp(now, in: zone)
        let checkInOnly = [
            self.pain.map { _ in "--pain" }, self.worst.map { _ in "--worst" }, self.symptoms.isEmpty ? nil : "--symptom",
            self.care.isEmpty ? nil : "--care", self.date.map { _ in "--date" },
        ].compactMap { $0 }
        let sessionOnly = [
            self.kind.map { _ in "--kind" }, self.minutes.map { _ in "--minutes" }, self.rpe.map { _ in "--rpe" },
            self.suddenPain.map { _ in "--sudden-pain" },
        ].compactMap { $0 }
        if checkInOnly.isEmpty && sessionOnly.isEmpty && note == nil && at == nil {
            throw CLIError.usage("nothing to change; give the fields to replace, e.g. lumbar edit \(id) --pain 3")
        }

        let backfill = try ConfigLoader.preferences().backfillTime
        let message: String = try store.update { journal in
            switch try Input.entry(id, in: journal) {
            case .checkIn(var c):
                if let option = sessionOnly.first { throw CLIError.usage("\(option) applies to sessions; \(c.id.shortID) is a check-in") }
                if let pain { c.pain = pain }
                if clearWorst { c.worst = nil } else if let worst { c.worst = worst }
                if !self.symptoms.isEmpty {
                    c.symptoms = symptoms
                    // A yes given now replaces an earlier no to the same question.
                    c.denied.removeAll { symptoms.contains($0) }
                }
                if let problem = EntryRules.problem(with: c) { throw CLIError.usage(problem.message) }
                if !self.care.isEmpty { c.care = care }
                if let note { c.note = note }
                if at != nil || date != nil {
                    c.at = try EntryTime.resolve(at: at, date: date, now: now, timeZone: zone, backfill: backfill)
                    c.date = LocalDate(instant: c.at.date, in: zone)
                }
                c.updatedAt = stamp
                journal.edit(c)
                return "Updated check-in \(c.date) \(c.at.converted(to: zone).clockTime), pain \(c.pain) [id \(c.id.shortID)]."
            case .session(var s):
                if let option = checkInOnly.first { throw CLIError.usage("\(option) applies to check-ins; \(s.id.shortID) is a session") }
                if let kind { s.kind = kind }
                if let minutes { s.minutes = minutes }
                if let rpe { s.rpe = rpe }
                if let suddenPain { s.suddenPain = suddenPain }
                if let note { s.note = note }
                if let at { s.at = try Input.timestamp(at, option: "--at", timeZone: zone) }
                if kind != nil || minutes != nil || rpe != nil, let problem = EntryRules.problem(kind: s.kind, minutes: minutes, rpe: rpe) {
                    throw CLIError.usage(problem.message)
                }
                s.updatedAt = stamp
                journal.edit(s)
                return "Updated session \(s.at.converted(to: zone).localDate) \(s.at.converted(to: zone).clockTime) \(s.kind) [id \(s.id.shortID)]."
            }
        }
        print(message)
    }

    /// The new list a repeated `--symptom`/`--care` gives: its keys, or none for a lone `none`.
    static func replacement<Key>(_ values: [Clearable<KeyListArgument<Key>>], option: String) throws -> [Key] {
        let lists = values.compactMap(\.value)
        if lists.count < values.count, values.count > 1 {
            throw CLIError.usage(Clearable<KeyListArgument<Key>>.alone(option: option))
        }
        return lists.keys()
    }
}

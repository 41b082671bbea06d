import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// `lumbar edit ID`: changes a past check-in or session.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a check-in or session; options given replace those fields.",
        discussion: "ID is the id shown by 'lumbar history' (its first 8 characters are enough)."
    )

    @Argument(help: "The entry's id.")
    var id: String

    @Option(help: ArgumentHelp("Check-in: pain now, 0-10.", valueName: "0-10")) var pain: String?
    @Option(help: ArgumentHelp("Check-in: worst pain, 0-10 ('none' clears it).", valueName: "0-10")) var worst: String?
    @Option(name: .customLong("symptom"), help: ArgumentHelp("Check-in: symptoms (replace the list; 'none' clears it).", valueName: "key")) var symptoms: [String] = []
    @Option(name: .customLong("care"), help: ArgumentHelp("Check-in: self-care (replace the list; 'none' clears it).", valueName: "key")) var care: [String] = []
    @Option(help: ArgumentHelp("Check-in: move it to this date (YYYY-MM-DD, today, yesterday or a weekday name).", valueName: "date")) var date: String?
    @Option(help: "Session: what you did.") var kind: String?
    @Option(help: ArgumentHelp("Session: minutes.", valueName: "n")) var minutes: String?
    @Option(help: ArgumentHelp("Session: effort, 1-10.", valueName: "1-10")) var rpe: String?
    @ArgumentParser.Flag(name: .customLong("sudden-pain"), inversion: .prefixedNo, help: "Session: sharp pain began during or right after.") var suddenPain: Bool?
    @Option(help: "The note.") var note: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("When: 18:00, yesterday 18:00, mon 7:30, -2h, -30m, -1d or ISO 8601.", valueName: "time")) var at: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let now = try Clock.now()
        let zone = Clock.timeZone
        let store = storeOptions.journalStore
        // Check the values before taking the lock, so a typo never waits on it.
        let pain = try self.pain.map { try Input.painScore($0, option: "--pain") }
        let clearWorst = worst?.lowercased() == "none"
        let worst = try clearWorst ? nil : self.worst.map { try Input.painScore($0, option: "--worst") }
        let symptoms = symptoms.map { $0.lowercased() } == ["none"] ? [] : try Input.symptoms(symptoms)
        let care = care.map { $0.lowercased() } == ["none"] ? [] : try Input.care(care)
        let kind = try self.kind.map(SessionFields.kind)
        let minutes = try self.minutes.map { try Input.number($0, option: "--minutes", range: 1...1440, meaning: "the session's length in minutes") }
        let rpe = try self.rpe.map { try Input.number($0, option: "--rpe", range: 1...10, meaning: "the effort") }
        let stamp = Timestamp(now, in: zone)
        let checkInOnly = [self.pain.map { _ in "--pain" }, self.worst.map { _ in "--worst" }, self.symptoms.isEmpty ? nil : "--symptom",
                           self.care.isEmpty ? nil : "--care", self.date.map { _ in "--date" }].compactMap { $0 }
        let sessionOnly = [self.kind.map { _ in "--kind" }, self.minutes.map { _ in "--minutes" }, self.rpe.map { _ in "--rpe" },
                           self.suddenPain.map { _ in "--sudden-pain" }].compactMap { $0 }
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
}

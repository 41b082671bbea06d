import ArgumentParser
import Foundation
import LumbarCore

/// `lumbar checkin`: logs how the back feels now.
struct CheckInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Log a check-in: pain now, symptoms, self-care and a note.",
        discussion: """
            Symptoms: \(Symptom.known.map(\.rawValue).joined(separator: ", ")).
            Self-care: \(SelfCare.known.map(\.rawValue).joined(separator: ", ")).
            Repeat --symptom and --care, or separate keys with commas.
            """
    )

    @Option(help: ArgumentHelp("Pain now, 0 (none) to 10 (worst imaginable).", valueName: "0-10"))
    var pain: String

    @Option(help: ArgumentHelp("Worst pain since the last check-in, 0 to 10.", valueName: "0-10"))
    var worst: String?

    @Option(name: .customLong("symptom"), help: ArgumentHelp("A symptom key (repeatable).", valueName: "key"))
    var symptoms: [String] = []

    @Option(name: .customLong("care"), help: ArgumentHelp("A self-care key (repeatable).", valueName: "key"))
    var care: [String] = []

    @Option(help: "A note, any text.")
    var note: String = ""

    @Option(help: ArgumentHelp("When: ISO 8601 with an offset, Z, or a local time. Default: now.", valueName: "time"))
    var at: String?

    @Option(help: ArgumentHelp("Backfill this past day (YYYY-MM-DD).", valueName: "date"))
    var date: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let now = try Clock.now()
        let zone = Clock.timeZone
        let pain = try Input.painScore(self.pain, option: "--pain")
        let worst = try self.worst.map { try Input.painScore($0, option: "--worst") }
        if let worst, worst < pain {
            throw CLIError.usage("--worst (\(worst)) cannot be lower than --pain (\(pain)); worst is the highest pain since the last check-in")
        }
        let symptoms = try Input.symptoms(self.symptoms)
        let care = try Input.care(self.care)
        let at = try EntryTime.resolve(at: at, date: date, now: now, timeZone: zone)
        let stamp = Timestamp(now, in: zone)
        let checkIn = CheckIn(date: LocalDate(instant: at.date, in: zone), at: at, pain: pain, worst: worst,
                              symptoms: symptoms, care: care, note: note, updatedAt: stamp)
        try storeOptions.journalStore.update { $0.upsert(checkIn) }
        print("Logged check-in \(checkIn.date) \(checkIn.at.clockTime), pain \(pain)\(worst.map { " (worst \($0))" } ?? "") [id \(checkIn.id.shortID)].")
    }
}

/// Works out when an entry happened from `--at` and `--date`.
enum EntryTime {
    /// `--at` if given; else, with `--date`, that day at the current time of day (clamped to now);
    /// else now. A `--date` that disagrees with `--at`'s local date is refused.
    static func resolve(at: String?, date: String?, now: Date, timeZone: TimeZone) throws -> Timestamp {
        let nowStamp = Timestamp(now, in: timeZone).truncatedToSeconds
        let day = try date.map { try Input.date($0, option: "--date") }
        if let at {
            let time = try Input.timestamp(at, option: "--at", timeZone: timeZone)
            if let day, LocalDate(instant: time.date, in: timeZone) != day {
                throw CLIError.usage("--date \(day) does not match --at \(at), which is \(LocalDate(instant: time.date, in: timeZone)) in time zone \(timeZone.identifier); give just one of them")
            }
            return time
        }
        guard let day else { return nowStamp }
        let today = LocalDate(instant: now, in: timeZone)
        if day > today {
            throw CLIError.usage("--date \(day) is in the future (today is \(today)); a check-in records how you feel on a day that has come")
        }
        if day == today { return nowStamp }
        if case .success(let t) = Timestamp.parse("\(day)T\(nowStamp.clockTime)", localTimeZone: timeZone) { return t }
        // The current time of day does not exist on that date (a DST gap): take noon.
        return try Input.timestamp("\(day)T12:00", option: "--date", timeZone: timeZone)
    }
}

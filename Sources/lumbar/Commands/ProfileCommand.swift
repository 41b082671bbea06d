import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// `lumbar profile`: shows or sets what the rules need beyond the log.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Show the profile, or set your birth year and medical history (read by the six-week and history rules).",
        discussion: """
            History items: \(HistoryItem.known.map { "\($0.rawValue) (\($0.label))" }.joined(separator: ", ")). \
            --history replaces the list; --history none clears it.
            """
    )

    @Option(name: .customLong("birth-year"), help: ArgumentHelp("Your year of birth ('none' clears it).", valueName: "YYYY"))
    var birthYear: String?

    @Option(name: .customLong("history"), help: ArgumentHelp("Medical history items, comma-separated or repeated ('none' clears them).", valueName: "key"))
    var history: [String] = []

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = storeOptions.journalStore
        guard birthYear != nil || !history.isEmpty else {
            print(Self.describe(try store.load().profile))
            return
        }
        let thisYear = LocalDate(instant: try Clock.now(), in: Clock.timeZone).year
        // Outer nil: --birth-year not given, keep the year; inner nil: 'none', clear it.
        let year: Int?? = try birthYear.map { text in
            text.lowercased() == "none"
                ? nil
                : try Input.number(text, option: "--birth-year", range: 1900...thisYear, meaning: "the year you were born")
        }
        let keys = Input.keys(history)
        let items: [HistoryItem]?
        if history.isEmpty {
            items = nil
        } else if keys.contains("none") {
            guard keys == ["none"] else {
                throw CLIError.usage("--history none clears the history; give it alone, without other items")
            }
            items = []
        } else {
            var seen = Set<HistoryItem>()
            items = try Input.historyItems(history).filter { seen.insert($0).inserted }
        }
        let profile = try store.update { journal -> Profile in
            if let year { journal.profile.birthYear = year }
            if let items { journal.profile.history = items }
            return journal.profile
        }
        print(Self.describe(profile))
    }

    /// The profile in two lines, each saying how to set it when it is not set.
    static func describe(_ profile: Profile) -> String {
        let year = profile.birthYear.map(String.init) ?? "not set (lumbar profile --birth-year YYYY)"
        let history = profile.history.isEmpty
            ? "none (lumbar profile --history KEY,... with any of \(HistoryItem.known.map(\.rawValue).joined(separator: ", ")))"
            : profile.history.map(\.rawValue).joined(separator: ", ")
        return "birth year: \(year)\nhistory: \(history)"
    }
}

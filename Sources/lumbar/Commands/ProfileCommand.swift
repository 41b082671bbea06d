import ArgumentParser
import Foundation
import LumbarCore

/// `lumbar profile`: shows or sets what the rules need beyond the log.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Show the profile, or set your birth year (used by the six-week rule's age factor)."
    )

    @Option(name: .customLong("birth-year"), help: ArgumentHelp("Your year of birth ('none' clears it).", valueName: "YYYY"))
    var birthYear: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = storeOptions.journalStore
        guard let birthYear else {
            let profile = try store.load().profile
            print("birth year: \(profile.birthYear.map(String.init) ?? "not set (lumbar profile --birth-year YYYY)")")
            return
        }
        let thisYear = LocalDate(instant: try Clock.now(), in: Clock.timeZone).year
        let year: Int? = birthYear.lowercased() == "none"
            ? nil
            : try Input.number(birthYear, option: "--birth-year", range: 1900...thisYear, meaning: "the year you were born")
        try store.update { $0.profile.birthYear = year }
        print("birth year: \(year.map(String.init) ?? "not set")")
    }
}

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
    var birthYear: Clearable<BirthYearArgument>?

    @Option(
        name: .customLong("history"), help: ArgumentHelp("Medical history items, comma-separated or repeated ('none' clears them).", valueName: "key")
    )
    var history: [Clearable<KeyListArgument<HistoryItem>>] = []

    @Flag(help: "Print the profile as JSON: {\"birthYear\": YYYY or null, \"history\": [keys]}.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = storeOptions.journalStore
        guard birthYear != nil || !history.isEmpty else {
            show(try store.load().profile)
            return
        }
        // Outer nil: --birth-year not given, keep the year; inner nil: 'none', clear it.
        let year: Int?? = birthYear.map { $0.value?.value }
        let items: [HistoryItem]?
        if history.isEmpty {
            items = nil
        } else if history.contains(where: { $0.value == nil }) {
            guard history.count == 1 else {
                throw CLIError.usage(Clearable<KeyListArgument<HistoryItem>>.alone(option: "--history"))
            }
            items = []
        } else {
            var seen = Set<HistoryItem>()
            items = history.compactMap(\.value).keys().filter { seen.insert($0).inserted }
        }
        let profile = try store.update { journal -> Profile in
            if let year { journal.profile.birthYear = year }
            if let items { journal.profile.history = items }
            return journal.profile
        }
        show(profile)
    }

    /// Prints `profile` as text or, with --json, as JSON.
    private func show(_ profile: Profile) {
        if json {
            JSONOutput.print(
                JSONOutput.object([
                    ("birthYear", JSONOutput.int(profile.birthYear)),
                    ("history", .array(profile.history.map { .string($0.rawValue) })),
                ]))
        } else {
            print(Self.describe(profile))
        }
    }

    /// The profile in two lines, each saying how to set it when it is not set.
    static func describe(_ profile: Profile) -> String {
        let year = profile.birthYear.map(String.init) ?? "not set (lumbar profile --birth-year YYYY)"
        let history =
            profile.history.isEmpty
            ? "none (lumbar profile --history KEY,... with any of \(HistoryItem.known.map(\.rawValue).joined(separator: ", ")))"
            : profile.history.map(\.rawValue).joined(separator: ", ")
        return "birth year: \(year)\nhistory: \(history)"
    }
}

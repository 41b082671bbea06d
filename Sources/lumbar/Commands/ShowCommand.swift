import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarUI

/// `lumbar show SCREEN`: prints one of the TUI's screens as text, for terminals without curses.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a screen of the full-screen UI as text (\(screens.joined(separator: ", "))).",
        discussion: "For ssh sessions without curses, login messages and scripts. ANSI colour only on a terminal and without NO_COLOR, unless --color or the color setting says otherwise."
    )

    /// Every screen's name, in tab order; read from the UI so that a new screen is listed here too.
    static let screens = ScreenName.allCases.map(\.rawValue)

    @Argument(help: ArgumentHelp("\(screens.dropLast().joined(separator: ", ")) or \(screens.last ?? "").", valueName: "screen"))
    var screen: String

    @Option(help: ArgumentHelp("Columns (default: the terminal's, else 80).", valueName: "W"))
    var width: Int?

    @Option(help: ArgumentHelp("Rows (default: the terminal's, else 24).", valueName: "H"))
    var height: Int?

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        guard let name = ScreenName(rawValue: screen.lowercased()) else {
            throw CLIError.usage("unknown screen '\(screen)'; screens: \(Self.screens.joined(separator: ", "))")
        }
        let terminal = Terminal.size
        let columns = width ?? terminal?.columns ?? 80
        let rows = height ?? terminal?.rows ?? 24
        guard (20...1000).contains(columns) else { throw CLIError.usage("--width must be from 20 to 1000, got \(columns)") }
        guard (6...1000).contains(rows) else { throw CLIError.usage("--height must be from 6 to 1000, got \(rows)") }
        let preferences = try colorOption.preferences()
        let journal = try storeOptions.journalStore.load()
        let text = ScreenText.renderText(screen: name, journal: journal, now: try Clock.now(), timeZone: Clock.timeZone,
                                         width: columns, height: rows, color: Output.colorEnabled, preferences: preferences)
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    }
}

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
        discussion:
            "For ssh sessions without curses, login messages and scripts. ANSI colour only on a terminal and without NO_COLOR, unless --color or the color setting says otherwise."
    )

    /// Every screen's name, in tab order; read from the UI so that a new screen is listed here too.
    static let screens = ScreenName.allCases.map(\.rawValue)

    @Argument(help: ArgumentHelp("The screen to print.", valueName: "screen"))
    var screen: KeyArgument<ScreenName>

    @Option(help: ArgumentHelp("Columns (default: the terminal's, else 80).", valueName: "W"))
    var width: ScreenWidthArgument?

    @Option(help: ArgumentHelp("Rows (default: the terminal's, else 24).", valueName: "H"))
    var height: ScreenHeightArgument?

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        let name = screen.value
        let terminal = Terminal.size
        let columns = width?.value ?? terminal?.columns ?? 80
        let rows = height?.value ?? terminal?.rows ?? 24
        // A terminal can be smaller than any screen lumbar draws.
        guard ScreenWidthArgument.range.contains(columns) else { throw CLIError.usage(ScreenWidthArgument.between("\(columns)", option: "--width")) }
        guard ScreenHeightArgument.range.contains(rows) else { throw CLIError.usage(ScreenHeightArgument.between("\(rows)", option: "--height")) }
        let preferences = try colorOption.preferences()
        let store = storeOptions.journalStore
        let now = try TimeSource.now()
        // The status screen reads what `status` reads, so it can draw from the status cache.
        let journal = name == .status ? try JournalCache.statusJournal(store, now: now) : try store.load()
        let text = ScreenText.renderText(
            screen: name, journal: journal, now: now, timeZone: TimeSource.timeZone,
            width: columns, height: rows, color: Output.colorEnabled, preferences: preferences)
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    }
}

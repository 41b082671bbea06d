import ArgumentParser
import LumbarCore

extension Preferences.ColorMode: ExpressibleByArgument {}

/// `--color WHEN`, for the commands that colour what they print.
struct ColorOption: ParsableArguments {
    @Option(
        name: .customLong("color"),
        help: ArgumentHelp(
            "Colour output: auto (a terminal without NO_COLOR), always or never. Default: $LUMBAR_COLOR, else the config file's color, else auto.",
            valueName: "when"))
    var color: Preferences.ColorMode?

    /// The flag as the config loader takes it.
    var flags: [ConfigKey: (name: String, value: String)] {
        color.map { [.color: (name: "--color", value: $0.rawValue)] } ?? [:]
    }

    /// Loads the settings with this flag over them, and has `Output` colour by them.
    func preferences() throws -> Preferences {
        let preferences = try ConfigLoader.preferences(flags: flags)
        Output.colorMode = preferences.color
        return preferences
    }
}

import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// `lumbar config`: the settings in force and where each came from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the settings in force and where each came from (default, file:LINE, env, flag).",
        discussion: """
            Settings live in $XDG_CONFIG_HOME/lumbar/config.toml (~/.config/lumbar/config.toml), or the \
            file $LUMBAR_CONFIG names; each key can also be set by an environment variable \
            (week-start by LUMBAR_WEEK_START, and so on), and color by --color. A flag beats the \
            environment, which beats the file, which beats the default. Keys: \
            \(ConfigKey.allCases.map(\.rawValue).joined(separator: ", ")); docs/config.md describes each. \
            A file lumbar cannot use stops every command with one line naming the file, the line and \
            the fix, exit 78, before anything is changed.
            """
    )

    @Flag(help: "Print only the config file's path.")
    var path = false

    @Flag(help: "Print the settings as JSON.")
    var json = false

    @OptionGroup var colorOption: ColorOption

    func run() throws {
        if path {
            print(ConfigLoader.path(environment: ProcessEnvironment.variables))
            return
        }
        let effective = try ConfigLoader.load(flags: colorOption.flags)
        if json {
            var writer = JSONWriter()
            writer.writePretty(Self.json(effective))
            Output.write(writer.bytes + [0x0A])
        } else {
            print(Self.text(effective), terminator: "")
        }
    }

    /// The settings as lines that could be pasted into the file, each with its source.
    static func text(_ effective: ConfigLoader.Effective) -> String {
        let state = effective.fileExists ? "" : " (no such file: every setting comes from elsewhere)"
        var lines = ["# \(effective.path)\(state)"]
        let settings = ConfigKey.allCases.map { "\($0.rawValue) = \($0.text(in: effective.preferences))" }
        let width = settings.map(\.count).max() ?? 0
        for (key, setting) in zip(ConfigKey.allCases, settings) {
            let source = effective.sources[key] ?? .standard
            lines.append(setting + String(repeating: " ", count: width - setting.count) + "  # " + source.text)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"path", "exists", "settings": {key: {"value", "source", "line"|"variable"|"flag"}}}`.
    static func json(_ effective: ConfigLoader.Effective) -> JSONValue {
        let settings = ConfigKey.allCases.map { key -> (String, JSONValue) in
            var members: [(String, JSONValue)] = [("value", key.json(in: effective.preferences))]
            switch effective.sources[key] ?? .standard {
            case .standard: members.append(("source", .string("default")))
            case .file(let line):
                members.append(("source", .string("file")))
                members.append(("line", .int(line)))
            case .environment(let name):
                members.append(("source", .string("env")))
                members.append(("variable", .string(name)))
            case .flag(let name):
                members.append(("source", .string("flag")))
                members.append(("flag", .string(name)))
            }
            return (key.rawValue, .object(JSONObject(members)))
        }
        return .object(
            JSONObject([
                ("path", .string(effective.path)),
                ("exists", .bool(effective.fileExists)),
                ("settings", .object(JSONObject(settings))),
            ]))
    }
}

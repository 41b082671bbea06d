#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the person's settings: `config.toml`, then `LUMBAR_*` variables, then flags, each
/// overriding the one before, over lumbar's defaults.
enum ConfigLoader {
    /// Where a setting's value came from.
    enum Source: Hashable, Sendable {
        case standard
        /// The config file, at this line (0 when the line could not be found).
        case file(line: Int)
        /// An environment variable.
        case environment(String)
        /// A command-line flag.
        case flag(String)

        /// "default", "file:3", "env LUMBAR_CLOCK", "flag --color".
        var text: String {
            switch self {
            case .standard: return "default"
            case .file(let line): return line > 0 ? "file:\(line)" : "file"
            case .environment(let name): return "env \(name)"
            case .flag(let name): return "flag \(name)"
            }
        }
    }

    /// The settings in force, and where each came from.
    struct Effective: Sendable {
        /// The settings.
        var preferences = Preferences.standard
        /// Every key's source.
        var sources: [ConfigKey: Source] = Dictionary(uniqueKeysWithValues: ConfigKey.allCases.map { ($0, .standard) })
        /// The config file's path.
        var path: String
        /// Whether the file was there.
        var fileExists = false
    }

    /// The most a config file may hold: settings take a few hundred bytes.
    static let sizeLimit = 1_048_576

    /// The settings for this process's environment and `flags` (a flag's name and its text per key).
    ///
    /// A bad file or variable is a `CLIError` with exit 78 naming where it is and how to fix it;
    /// a bad flag value is a usage error (64).
    static func load(
        environment: [String: String] = ProcessEnvironment.variables,
        flags: [ConfigKey: (name: String, value: String)] = [:]
    ) throws(CLIError) -> Effective {
        let path = path(environment: environment)
        var effective = Effective(path: path)
        if let text = try read(path) {
            effective.fileExists = true
            let lines = try parse(text, path: path, into: &effective.preferences)
            for (key, line) in lines { effective.sources[key] = .file(line: line) }
        }
        for key in ConfigKey.allCases {
            guard let value = environment[key.environmentName], !value.isEmpty else { continue }
            do {
                try key.apply(environment: value, to: &effective.preferences)
            } catch {
                throw CLIError(
                    message: "\(key.environmentName)=\(value): \(error.message); fix or unset \(key.environmentName)", exitCode: ExitStatus.config)
            }
            effective.sources[key] = .environment(key.environmentName)
        }
        for (key, flag) in flags {
            do {
                try key.apply(environment: flag.value, to: &effective.preferences)
            } catch {
                throw CLIError.usage("\(flag.name) must be \(key.expected), got '\(flag.value)'")
            }
            effective.sources[key] = .flag(flag.name)
        }
        return effective
    }

    /// The settings in force. A bad file stops every command that reads settings, before it
    /// changes anything.
    static func preferences(flags: [ConfigKey: (name: String, value: String)] = [:]) throws(CLIError) -> Preferences {
        try load(flags: flags).preferences
    }

    /// `LUMBAR_CONFIG`, else `$XDG_CONFIG_HOME/lumbar/config.toml` (an absolute one), else
    /// `~/.config/lumbar/config.toml`.
    static func path(environment: [String: String]) -> String {
        if let named = environment["LUMBAR_CONFIG"], !named.isEmpty { return absolute(named, environment: environment) }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return StorePath.joining(xdg, "lumbar/config.toml") }
        return StorePath.joining(home(environment), ".config/lumbar/config.toml")
    }

    private static func home(_ environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir { return String(cString: dir) }
        return "/"
    }

    private static func absolute(_ path: String, environment: [String: String]) -> String {
        if path == "~" { return home(environment) }
        if path.hasPrefix("~/") { return StorePath.joining(home(environment), String(path.dropFirst(2))) }
        if path.hasPrefix("/") { return path }
        guard let cwd = getcwd(nil, 0) else { return path }
        defer { free(cwd) }
        return StorePath.joining(String(cString: cwd), path)
    }

    /// The file's text; `nil` when there is no file. A file the system cannot read is an I/O
    /// error (74), as for the journal; one lumbar cannot use is a config error (78).
    static func read(_ path: String) throws(CLIError) -> String? {
        func failure(_ reason: String, exitCode: Int32 = ExitStatus.config) -> CLIError {
            CLIError(message: "\(path): \(reason)", exitCode: exitCode)
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            let code = errno
            if code == ENOENT { return nil }
            throw failure(
                "cannot read the config file: \(String(cString: strerror(code))); fix its permissions, or name another file with LUMBAR_CONFIG",
                exitCode: ExitStatus.io)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw failure("the config file is not a regular file; move it away")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("cannot read the config file: \(String(cString: strerror(errno)))", exitCode: ExitStatus.io)
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
            if bytes.count > sizeLimit { throw failure("the config file is larger than 1 MiB; a config file holds a few settings") }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw failure("the config file is not UTF-8 text; save it as UTF-8")
        }
        return text
    }

    /// Applies the settings in `text` to `preferences` and returns the line of each key set.
    static func parse(_ text: String, path: String, into preferences: inout Preferences) throws(CLIError) -> [ConfigKey: Int] {
        let entries: [TOMLEntry]
        do {
            entries = try TOMLEntry.entries(in: text)
        } catch {
            throw CLIError(message: "\(path):\(error.line): \(error.message)", exitCode: ExitStatus.config)
        }
        var lines: [ConfigKey: Int] = [:]
        var parsed = preferences
        for entry in entries {
            func failure(_ message: String) -> CLIError {
                CLIError(message: "\(path)\(entry.line > 0 ? ":\(entry.line)" : ""): \(message)", exitCode: ExitStatus.config)
            }
            guard let key = ConfigKey(rawValue: entry.key) else {
                let known = ConfigKey.allCases.map(\.rawValue)
                let near = UsageSuggestion.closest(to: entry.key.lowercased().replacing("_", with: "-"), in: known)
                let hint = near.map { "did you mean '\($0)'?" } ?? "the keys are \(known.joined(separator: ", ")) (see docs/config.md)"
                if case .other("table") = entry.value {
                    throw failure("unknown table [\(entry.key)]; settings go at the top of the file, without tables; \(hint)")
                }
                throw failure("unknown key '\(entry.key)'; \(hint)")
            }
            do {
                try key.apply(entry.value, to: &parsed)
            } catch {
                // A near miss already says what to write; otherwise show a line that works.
                throw failure(error.message.contains("did you mean") ? error.message : "\(error.message); for example \(key.example)")
            }
            lines[key] = entry.line
        }
        preferences = parsed
        return lines
    }
}

extension ExitStatus {
    /// A config file or setting lumbar cannot use (EX_CONFIG).
    static let config: Int32 = 78
}

import ArgumentParser
import CLumbarSystem
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import LumbarCore
import LumbarTerminal

/// The entry point: runs the command and turns every failure into one line on stderr.
@main
enum LumbarMain {
    static func main() {
        // A core dump would hold the journal as it was in memory, in a file others may read.
        _ = lumbar_disable_core_dumps()
        let arguments = Array(CommandLine.arguments.dropFirst())
        // `--version` alone is answered before ArgumentParser builds the command tree, whose
        // reflection and dynamic casts cost tens of times what printing the version does
        // (docs/performance.md). The words are ArgumentParser's own: the version and a newline.
        if arguments == ["--version"] {
            // Raw bytes: `Output.text` would first read the whole environment to decide on colour.
            Output.write(Array((Lumbar.version + "\n").utf8))
            Output.flush()
            return
        }
        do {
            var command = try parsedDirectly(arguments) ?? Lumbar.parseAsRoot(arguments)
            try command.run()
            Output.flush()
            ConflictSweep.warnAboutHeldCopies()
            Output.emitWarnings()
        } catch {
            let code = report(error)
            Output.flush()
            exit(code)
        }
    }

    /// The daily command `arguments` name (`checkin`, `session`, `status`), parsed on its own
    /// when it parses cleanly; `nil` to parse from the root, which then gives every message and
    /// help text as always.
    ///
    /// Parsing from the root costs about twice as much: ArgumentParser probes every root parse
    /// for `--generate-completion-script` by building and running two more parsers, and reflects
    /// the root's arguments as well (docs/performance.md, "checkin"). A command whose
    /// configuration names a super-command (these three name `lumbar`) is not probed, and its
    /// usage line still reads "lumbar checkin"; as a subcommand of `Lumbar` the name changes nothing.
    static func parsedDirectly(_ arguments: [String]) -> ParsableCommand? {
        guard let name = arguments.first, arguments.count > 1 else { return nil }
        let rest = Array(arguments.dropFirst())
        // Help, the completion script and `--` are the root's to handle.
        let rootOnly = ["-h", "--help", "--", "--version"]
        if rest.contains(where: { rootOnly.contains($0) || $0.hasPrefix("--generate-completion") || $0.hasPrefix("--experimental") }) {
            return nil
        }
        switch name {
        case CheckInCommand.configuration.commandName: return try? CheckInCommand.parseAsRoot(rest)
        case SessionCommand.configuration.commandName: return try? SessionCommand.parseAsRoot(rest)
        case StatusCommand.configuration.commandName: return try? StatusCommand.parseAsRoot(rest)
        default: return nil
        }
    }

    /// `lumbar SUBCOMMAND --help` for the subcommand on the command line, else `lumbar --help`.
    static var helpCommand: String {
        let names = Set(Lumbar.configuration.subcommands.compactMap { $0.configuration.commandName })
        if let sub = CommandLine.arguments.dropFirst().first(where: { names.contains($0) }) { return "lumbar \(sub) --help" }
        return "lumbar --help"
    }

    /// Every command and option lumbar knows, read from the help ArgumentParser renders so that
    /// it can never list an option the parser would refuse.
    static var usageSuggestion: UsageSuggestion {
        func command(_ type: ParsableCommand.Type) -> UsageSuggestion.Command {
            let help = Lumbar.helpMessage(for: type, includeHidden: true, columns: 10_000)
            var options: [String: Bool] = [:]
            var inOptions = false
            for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
                if !line.hasPrefix(" ") { inOptions = line.hasSuffix("OPTIONS:"); continue }
                let entry = line.drop { $0 == " " }
                guard inOptions, entry.hasPrefix("-") else { continue }
                // "  -h, --help", "  --pain <0-10>", "  --sudden-pain/--no-sudden-pain"
                let names = entry.components(separatedBy: "  ")[0]
                let takesValue = names.contains("<")
                for item in names.split(whereSeparator: { $0 == "," || $0 == "/" || $0 == " " })
                where item.hasPrefix("-") {
                    options[String(item)] = takesValue
                    if item.contains("[no-]") {
                        options[String(item.replacing("[no-]", with: ""))] = takesValue
                        options[String(item.replacing("[no-]", with: "no-"))] = takesValue
                    }
                }
            }
            // Always accepted by the parser, never listed.
            for name in ["--help", "-h", "--version"] where options[name] == nil { options[name] = false }
            if type == Lumbar.self {
                options["--generate-completion-script"] = true
                options["--experimental-dump-help"] = false
            }
            return UsageSuggestion.Command(
                name: type == Lumbar.self ? "lumbar" : (type.configuration.commandName ?? ""),
                options: options,
                subcommands: type.configuration.subcommands.map(command))
        }
        return UsageSuggestion(root: command(Lumbar.self))
    }

    /// Whether `arguments` are `--help`, `-h` or `--version` alone, `COMMAND --help` or `-h`, or
    /// `help` with at most one known command: words in which `usageSuggestion` can find no problem.
    static func isPlainHelpRequest(_ arguments: [String]) -> Bool {
        let names = Set(Lumbar.configuration.subcommands.compactMap { $0.configuration.commandName })
        switch arguments.count {
        case 1: return ["--help", "-h", "--version", "help"].contains(arguments[0])
        case 2:
            if arguments[0] == "help" { return names.contains(arguments[1]) || arguments[1] == "help" }
            return names.contains(arguments[0]) && ["--help", "-h"].contains(arguments[1])
        default: return false
        }
    }

    /// Prints `error` as one line and returns the exit status it maps to.
    static func report(_ error: Error) -> Int32 {
        // Results printed before the failure go out before its message.
        Output.flush()
        switch error {
        case let error as CLIError:
            Output.error("lumbar: error: \(error.message)")
            return error.exitCode
        case let error as StoreError:
            Output.error("lumbar: error: \(error.description)")
            return error.exitCode
        case let error as TerminalError:
            Output.error("lumbar: error: \(error.description)")
            return ExitStatus.unavailable
        case let error as ExitCode:
            // A status the command chose (remind, --fail-at, a signal in the TUI): it did its work.
            ConflictSweep.warnAboutHeldCopies()
            Output.emitWarnings()
            return error.rawValue
        default:
            // ArgumentParser's own words for a typo do not always name it (a missing value may be
            // reported first), and `help nosuch` is not an error to it at all. Finding the typo
            // renders every command's help, so a plain request for help skips it.
            let arguments = Array(CommandLine.arguments.dropFirst())
            if !isPlainHelpRequest(arguments), let problem = usageSuggestion.problem(in: arguments) {
                Output.error("lumbar: error: \(problem)")
                return ExitStatus.usage
            }
            // A value one of lumbar's argument types refused: its own words, naming the option.
            if let message = ArgumentProblem.message(for: Lumbar.message(for: error)) {
                Output.error("lumbar: error: \(message)")
                return ExitStatus.usage
            }
            let code = Lumbar.exitCode(for: error)
            if code == .success {
                // --help and --version: let ArgumentParser print them.
                Lumbar.exit(withError: error)
            }
            let message = Lumbar.message(for: error)
                .split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }
                .filter { !$0.isEmpty && !$0.hasPrefix("Usage:") && !$0.hasPrefix("See '") && !$0.hasPrefix("Help:") }
                .joined(separator: " ")
            Output.error("lumbar: error: \(message) (see '\(helpCommand)')")
            return code == .validationFailure ? ExitStatus.usage : code.rawValue
        }
    }
}

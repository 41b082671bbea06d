import ArgumentParser

/// A daily command (`checkin`, `session`, `status`) parsed on its own, as if it were the root,
/// instead of through `Lumbar`'s whole command tree.
///
/// Parsing from the root costs about twice as much: ArgumentParser probes every root parse for
/// `--generate-completion-script` by building and running two more parsers, and reflects the root's
/// arguments as well (docs/performance.md, "checkin"). A command whose configuration names a
/// super-command is not probed, and its usage line still reads "lumbar checkin". Anything this
/// parse does not accept, help included, is parsed again from the root, so every message and
/// every help text is exactly the root's.
struct DirectCommand<Command: ParsableCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Command.configuration.commandName, _superCommandName: "lumbar")
    }

    @OptionGroup var command: Command

    mutating func run() throws { try command.run() }
}

/// Finds the first word on a command line that lumbar does not know and words it as one line,
/// with the closest known word as a "did you mean".
struct UsageSuggestion: Sendable {
    /// One command: its name, its options and its subcommands.
    struct Command: Sendable {
        /// The name typed on the command line (`lumbar` for the root).
        var name: String
        /// Every option name, long and short, mapped to whether it takes a value.
        var options: [String: Bool]
        /// The subcommands, in the order help lists them.
        var subcommands: [Command] = []
    }

    /// The root command.
    var root: Command

    /// The one-line problem with `arguments` (without the program name), or nil when every
    /// command and option in them is known.
    func problem(in arguments: [String]) -> String? {
        var path = [root.name]
        var command = root
        // ArgumentParser takes an enclosing command's options after a subcommand (`guide --store P`).
        var enclosing: [Command] = []
        func takesValue(_ name: String) -> Bool? {
            command.options[name] ?? enclosing.reversed().lazy.compactMap { $0.options[name] }.first
        }
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word == "--" { return nil }
            if word.hasPrefix("--") {
                let name = String(word.prefix { $0 != "=" })
                guard let takesValue = takesValue(name) else {
                    let known = command.options.keys.filter { $0.hasPrefix("--") }
                    let hint =
                        Self.closest(to: name, in: known).map { "; did you mean '\($0)'?" }
                        ?? "; see '\(path.joined(separator: " ")) --help' for its options"
                    return "unknown option '\(name)' for '\(path.joined(separator: " "))'\(hint)"
                }
                if takesValue, !word.contains("=") { index += 1 }
            } else if word.hasPrefix("-"), word.count > 1 {
                // Short options are single letters; a typo there has no useful neighbour, so the
                // parser's own message stands.
                if takesValue(word) == true { index += 1 }
            } else if !command.subcommands.isEmpty {
                if word == "help" {
                    return arguments[index...].first.flatMap { unknownCommand($0, under: command, forHelp: true) }
                }
                if let problem = unknownCommand(word, under: command, forHelp: false) { return problem }
                enclosing.append(command)
                command = command.subcommands.first { $0.name == word } ?? command
                path.append(word)
            }
            // Anything else is a positional value of a command without subcommands.
        }
        return nil
    }

    /// The problem with `word` as a subcommand of `command` (or as the command `help` was asked
    /// about), or nil when it is one.
    private func unknownCommand(_ word: String, under command: Command, forHelp: Bool) -> String? {
        let names = command.subcommands.map(\.name)
        // `help help` is ArgumentParser's own and works.
        if names.contains(word) || (forHelp && word == "help") { return nil }
        // Hidden commands (`_manual`) are for packaging: never suggested.
        let hint =
            Self.closest(to: word, in: names.filter { !$0.hasPrefix("_") }).map { "; did you mean '\($0)'?" }
            ?? "; the commands are \(names.filter { !$0.hasPrefix("_") }.joined(separator: ", "))"
        let what = "'\(word)' is not a \(command.name) command"
        return (forHelp ? "no help: " + what : what) + hint
    }

    /// The known word nearest to `word` by edit distance (a swap of two letters counts as one
    /// edit), or the one known word it begins; nil when none is close enough to be a typo.
    static func closest(to word: String, in known: some Collection<String>) -> String? {
        let bare = Array(word.drop { $0 == "-" })
        // A short word has few letters to spare: one edit in four letters, at most three.
        let allowed = min(3, max(1, bare.count / 3))
        let scored = known.map { candidate in
            (candidate, editDistance(bare, Array(candidate.drop { $0 == "-" })))
        }
        if let best = scored.filter({ $0.1 <= allowed }).min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) {
            return best.0
        }
        let extensions = known.filter { bare.count >= 3 && $0.drop { $0 == "-" }.hasPrefix(String(bare)) }
        return extensions.count == 1 ? extensions.first : nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import LumbarCore
import LumbarUI

/// Renders lumbar's manual pages (mdoc) from ArgumentParser's description of the command tree
/// plus lumbar's own sections, so that `scripts/install` needs no plugin and the pages always
/// list the options the parser accepts.
enum ManualPage {
    /// The date on every page: when the manual's text last changed.
    static let date = "December 1, 2026"

    /// Every page, `lumbar.1` first, then `lumbar-COMMAND.1` in help order; hidden commands have none.
    static func all() throws -> [(file: String, text: String)] {
        guard let root = try JSONParser.parse(Array(Lumbar._dumpHelp().utf8)).objectValue?["command"]?.objectValue else {
            throw CLIError.data("ArgumentParser described the commands in a shape lumbar does not know")
        }
        // ArgumentParser's own `help` command is described by lumbar(1).
        let commands = (root["subcommands"]?.arrayValue ?? []).compactMap(\.objectValue)
            .filter { $0["shouldDisplay"]?.boolValue != false && $0["commandName"]?.stringValue != "help" }
        let names = commands.compactMap { $0["commandName"]?.stringValue }
        var pages = [(file: "lumbar.1", text: render(root, path: ["lumbar"], siblings: names))]
        for command in commands {
            guard let name = command["commandName"]?.stringValue else { continue }
            pages.append((file: "lumbar-\(name).1", text: render(command, path: ["lumbar", name], siblings: names)))
        }
        return pages
    }

    /// One page in mdoc.
    static func render(_ command: JSONObject, path: [String], siblings: [String]) -> String {
        let isRoot = path.count == 1
        let arguments = (command["arguments"]?.arrayValue ?? []).compactMap(\.objectValue)
            .filter { $0["shouldDisplay"]?.boolValue != false }
        var out = heading(command, path: path)
        out += synopsisSection(arguments, path: path)
        out += descriptionSection(command, isRoot: isRoot, siblings: siblings)
        out += optionsSection(arguments)
        if isRoot { out += keysSection() }
        out += examplesSection(path: path)
        out += referenceSections()
        out += seeAlsoSection(path: path, siblings: siblings)
        return out.joined(separator: "\n") + "\n"
    }

    /// The prologue (date, title, no hyphenation) and the NAME section.
    private static func heading(_ command: JSONObject, path: [String]) -> [String] {
        let pageName = path.joined(separator: "-")
        var out: [String] = []
        out.append(".Dd \(date)")
        out.append(".Dt \(pageName.uppercased()) 1")
        out.append(".Os lumbar \(Lumbar.version)")
        // Keys, option names and paths are copied from the page: never hyphenate them (groff's
        // mdoc turns hyphenation back on at each paragraph from this register; mandoc never hyphenates).
        out.append(".nr doc-hyphen-flags 0")
        out.append(".nh")

        out.append(".Sh NAME")
        out.append(".Nm \(pageName)")
        out.append(".Nd " + macroText(command["abstract"]?.stringValue ?? ""))
        return out
    }

    /// The SYNOPSIS section: the command with its arguments (the root page adds `lumbar command`).
    private static func synopsisSection(_ arguments: [JSONObject], path: [String]) -> [String] {
        let isRoot = path.count == 1
        var out: [String] = []
        out.append(".Sh SYNOPSIS")
        out.append(".Nm lumbar")
        if !isRoot { out.append(".Cm \(path[1])") }
        for argument in arguments { out.append(synopsis(argument)) }
        if isRoot {
            out.append(".Nm lumbar")
            out.append(".Ar command")
            out.append(".Op Ar options")
        }
        return out
    }

    /// The DESCRIPTION section: abstract, discussion, and on the root page the list of commands.
    private static func descriptionSection(_ command: JSONObject, isRoot: Bool, siblings: [String]) -> [String] {
        var out: [String] = []
        out.append(".Sh DESCRIPTION")
        out.append(contentsOf: paragraphs(command["abstract"]?.stringValue ?? ""))
        if let discussion = command["discussion"]?.stringValue, !discussion.isEmpty {
            out.append(".Pp")
            out.append(contentsOf: paragraphs(discussion))
        }
        if isRoot {
            out.append(".Pp")
            out.append(textLine("The commands, each with its own page:"))
            out.append(".Bl -tag -width undelete")
            for sub in (command["subcommands"]?.arrayValue ?? []).compactMap(\.objectValue)
            where sub["shouldDisplay"]?.boolValue != false {
                guard let name = sub["commandName"]?.stringValue, siblings.contains(name) else { continue }
                out.append(".It Cm \(name)")
                out.append(textLine(sub["abstract"]?.stringValue ?? ""))
                out.append("See \\fBlumbar-\(name)\\fR(1).")
            }
            out.append(".El")
        }
        return out
    }

    /// The OPTIONS section: each argument with its abstract, allowed values and default.
    private static func optionsSection(_ arguments: [JSONObject]) -> [String] {
        var out: [String] = []
        out.append(".Sh OPTIONS")
        out.append(".Bl -tag -width 6n")
        for argument in arguments {
            out.append(".It " + itemHead(argument))
            var text = argument["abstract"]?.stringValue ?? ""
            if let values = argument["allValues"]?.arrayValue?.compactMap(\.stringValue), !values.isEmpty {
                text += " One of: " + values.joined(separator: ", ") + "."
            }
            if let value = argument["defaultValue"]?.stringValue {
                text += " Default: \(value)."
            }
            out.append(contentsOf: paragraphs(text))
        }
        out.append(".El")
        return out
    }

    /// The KEYS section (root page only): the full-screen view's keys.
    private static func keysSection() -> [String] {
        var out: [String] = []
        out.append(".Sh KEYS")
        out.append(textLine("Run alone on a terminal, lumbar opens its full-screen view. Its keys, also listed by ? inside it:"))
        out.append(".Bl -tag -width \"Home End G\"")
        for entry in KeyReference.entries {
            out.append(".It " + macroArgument(entry.keys))
            out.append(textLine(entry.action))
        }
        out.append(".El")
        return out
    }

    /// The EXAMPLES section: the page's examples, each a sentence and a literal block.
    private static func examplesSection(path: [String]) -> [String] {
        var out: [String] = []
        out.append(".Sh EXAMPLES")
        let examples = ManualText.examples[path.count == 1 ? "" : path[1]] ?? []
        for (i, example) in examples.enumerated() {
            if i > 0 { out.append(".Pp") }
            out.append(textLine(example.what))
            out.append(".Bd -literal -offset indent")
            for line in example.command.split(separator: "\n") { out.append(textLine(String(line))) }
            out.append(".Ed")
        }
        return out
    }

    /// The ENVIRONMENT, FILES and EXIT STATUS sections, the same on every page.
    private static func referenceSections() -> [String] {
        var out: [String] = []
        out.append(".Sh ENVIRONMENT")
        out.append(".Bl -tag -width XDG_CONFIG_HOME")
        for (name, meaning) in ManualText.environment {
            out.append(".It Ev \(name)")
            out.append(textLine(meaning))
        }
        out.append(".El")

        out.append(".Sh FILES")
        out.append(".Bl -tag -width 6n")
        for (file, meaning) in ManualText.files {
            out.append(".It Pa " + macroArgument(file))
            out.append(textLine(meaning))
        }
        out.append(".El")

        out.append(".Sh EXIT STATUS")
        out.append(".Bl -tag -width 4n")
        for (status, meaning) in ManualText.exitStatus {
            out.append(".It \(status)")
            out.append(textLine(meaning))
        }
        out.append(".El")
        return out
    }

    /// The SEE ALSO section: the other pages, the root page first on a command's page.
    private static func seeAlsoSection(path: [String], siblings: [String]) -> [String] {
        let isRoot = path.count == 1
        var out: [String] = []
        out.append(".Sh SEE ALSO")
        let others = (isRoot ? siblings : ["lumbar"] + siblings.filter { $0 != path[1] })
            .map { $0 == "lumbar" ? "lumbar" : "lumbar-\($0)" }
        for (i, other) in others.enumerated() {
            out.append(".Xr \(other) 1" + (i < others.count - 1 ? " ," : ""))
        }
        return out
    }

    /// The option or argument as the synopsis shows it: `[--pain 0-10]`, `screen`.
    static func synopsis(_ argument: JSONObject) -> String {
        let head = itemHead(argument)
        let optional = argument["isOptional"]?.boolValue ?? false
        let repeating = argument["isRepeating"]?.boolValue ?? false
        return (optional ? ".Op " : ".") + (optional ? head : String(head.drop { $0 == "." })) + (repeating ? " No ..." : "")
    }

    /// `Fl -pain Ar 0-10`, `Fl -json`, `Ar screen`: the macros naming an argument.
    static func itemHead(_ argument: JSONObject) -> String {
        let valueName = argument["valueName"]?.stringValue ?? "value"
        let kind = argument["kind"]?.stringValue
        if kind == "positional" { return "Ar " + macroArgument(valueName) }
        let names = (argument["names"]?.arrayValue ?? []).compactMap(\.objectValue).compactMap { name -> String? in
            guard let text = name["name"]?.stringValue else { return nil }
            return (name["kind"]?.stringValue == "short" ? "Fl " : "Fl -") + text
        }
        let flags = names.joined(separator: " | ")
        return kind == "option" ? flags + " Ar " + macroArgument(valueName) : flags
    }

    /// `text` as mdoc text lines: paragraphs (blank line) become `.Pp`, single line breaks `.br`.
    static func paragraphs(_ text: String) -> [String] {
        var lines: [String] = []
        for (i, paragraph) in text.components(separatedBy: "\n\n").enumerated() {
            if i > 0 { lines.append(".Pp") }
            for (j, line) in paragraph.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
                if j > 0 { lines.append(".br") }
                lines.append(textLine(String(line)))
            }
        }
        return lines
    }

    /// One line of running text, safe for roff: backslashes escaped, a leading `.` or `'`
    /// protected, characters outside ASCII written as `\[uXXXX]`.
    static func textLine(_ text: String) -> String {
        var out = escaped(text)
        if out.hasPrefix(".") || out.hasPrefix("'") || out.hasPrefix(" ") { out = "\\&" + out }
        return out
    }

    /// Text for the rest of a macro line (`.Nd`): escaped; mdoc reads it word by word.
    static func macroText(_ text: String) -> String { escaped(text) }

    /// One macro argument: escaped, quoted when it holds a blank.
    static func macroArgument(_ text: String) -> String {
        let value = escaped(text).split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\\(dq")
        return value.contains(" ") || value.isEmpty ? "\"\(value)\"" : value
    }

    private static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\e"
            case "\n": out += " "
            case _ where scalar.isASCII: out.unicodeScalars.append(scalar)
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            }
        }
        return out
    }
}

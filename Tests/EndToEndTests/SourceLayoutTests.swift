import Foundation
import Testing

/// The house rules of issue 17 that a newcomer relies on, checked on the source tree itself:
/// each file is named after its one main type, no function runs past a screenful, and the
/// terminal module knows nothing of the domain.
@Suite struct SourceLayoutTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every Swift file under Sources, with its lines.
    static func sources() throws -> [(path: String, lines: [Substring])] {
        let sources = root.appendingPathComponent("Sources").path
        let enumerator = FileManager.default.enumerator(atPath: sources)
        var files: [(String, [Substring])] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: sources + "/" + relative, encoding: .utf8)
            files.append(("Sources/" + relative, text.split(separator: "\n", omittingEmptySubsequences: false)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// Types declared at the top level of a file without `private` or `fileprivate`.
    static func visibleTopLevelTypes(_ lines: [Substring]) -> [String] {
        lines.compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard let first = words.first, !line.hasPrefix(" "), !line.hasPrefix("\t") else { return nil }
            guard !["private", "fileprivate"].contains(String(first)) else { return nil }
            let modifiers: Set<Substring> = ["public", "internal", "package", "final", "indirect"]
            guard let kind = words.firstIndex(where: { !modifiers.contains($0) }),
                ["struct", "enum", "class", "actor"].contains(words[kind]), kind + 1 < words.count
            else { return nil }
            return String(words[kind + 1].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        }
    }

    @Test func eachFileHoldsOneVisibleTypeNamedAfterIt() throws {
        var exceptions: [String] = []
        for (path, lines) in try Self.sources() {
            let name = String(path.split(separator: "/").last?.dropLast(6).split(separator: "+").first ?? "")
            let others = Self.visibleTopLevelTypes(lines).filter { $0 != name }
            if !others.isEmpty { exceptions.append("\(path): \(others.joined(separator: ", "))") }
        }
        // A few files keep a family of small types together (the schema's key enums, the colours of a style).
        #expect(exceptions.count <= 5, "files declaring visible types not named after the file:\n\(exceptions.joined(separator: "\n"))")
    }

    @Test func noFunctionIsLongerThan80Lines() throws {
        var long: [String] = []
        let starts = ["func ", "init(", "init?(", "init<", "deinit", "subscript"]
        for (path, lines) in try Self.sources() {
            var index = 0
            while index < lines.count {
                let words = lines[index].drop { $0 == " " }
                let declaration = words.split(separator: " ").drop { w in
                    [
                        "public", "private", "fileprivate", "internal", "package", "static", "mutating", "nonmutating",
                        "override", "final", "nonisolated", "@discardableResult", "@inlinable", "@usableFromInline", "convenience", "required",
                    ]
                    .contains(String(w)) || w.hasPrefix("@")
                }.joined(separator: " ")
                guard starts.contains(where: { declaration.hasPrefix($0) }), lines[index].contains("{") || !declaration.contains("{") else {
                    index += 1
                    continue
                }
                // The body runs from the first "{" to the line where the braces balance again.
                var depth = 0, opened = false, end = index
                scan: for line in index..<lines.count {
                    for character in lines[line] {
                        if character == "{" { depth += 1; opened = true }
                        if character == "}" { depth -= 1 }
                    }
                    if opened && depth <= 0 { end = line; break scan }
                    if !opened && lines[line].contains("}") { break scan }
                }
                let body = end - index - 1
                if body > 80 { long.append("\(path):\(index + 1) \(body) lines: \(declaration.prefix(60))") }
                index += 1
            }
        }
        #expect(long.isEmpty, "functions longer than 80 lines (split them where each part has one job):\n\(long.joined(separator: "\n"))")
    }
}

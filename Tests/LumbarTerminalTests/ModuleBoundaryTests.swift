import Foundation
import Testing

/// Issue 17: the terminal layer talks to curses and draws `LumbarUI` buffers; the journal,
/// the rules and the file format are not its business. Core hands values, never text made of
/// them: how a time or a load reads is `LumbarText`'s business.
@Suite struct ModuleBoundaryTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// The modules each line of `text` imports (`import X`, `@testable import X`, `import struct X.Y`).
    static func imports(in text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let words = line.split(whereSeparator: \.isWhitespace).filter { !$0.hasPrefix("@") }
            guard words.first == "import", words.count >= 2 else { return nil }
            let name =
                words.count >= 3 && ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains(words[1])
                ? words[2] : words[1]
            return String(name.split(separator: ".").first ?? name)
        }
    }

    @Test func theImportScannerSeesEveryForm() {
        #expect(
            Self.imports(in: "import LumbarCore\n@testable import LumbarCore\n  import struct LumbarCore.Journal\n// import Nope") == [
                "LumbarCore", "LumbarCore", "LumbarCore",
            ])
    }

    @Test func noFileInLumbarTerminalImportsLumbarCore() throws {
        let directory = Self.sources.appendingPathComponent("LumbarTerminal")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 4, "found \(files) in \(directory.path)")
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            let imported = Self.imports(in: text)
            #expect(!imported.contains("LumbarCore"), "\(file) imports LumbarCore; the journal belongs in the executable's effects")
            #expect(!imported.contains("Foundation"), "\(file) imports Foundation; the terminal layer needs only curses and the C library")
        }
    }

    /// Every Swift file under `Sources/<module>`, relative path and text.
    static func files(of module: String) throws -> [(path: String, text: String)] {
        let directory = sources.appendingPathComponent(module)
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var files: [(String, String)] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            files.append((module + "/" + relative, try String(contentsOf: directory.appendingPathComponent(relative), encoding: .utf8)))
        }
        return files
    }

    @Test func noFileInLumbarCoreImportsLumbarTextOrWritesTimesAndLoads() throws {
        let files = try Self.files(of: "LumbarCore")
        #expect(files.count >= 50, "found \(files.count) files under Sources/LumbarCore")
        for (path, text) in files {
            let imported = Self.imports(in: text)
            #expect(!imported.contains("LumbarText"), "\(path) imports LumbarText; Core hands values and LumbarText writes them")
            for name in ["TimeText", "LoadText"] {
                #expect(!text.contains(name), "\(path) mentions \(name); put the time or load in a Phrase and let LumbarText write it")
            }
            // The human forms of dates and clock times are LumbarText's too (Time/*+Text.swift).
            for name in ["shortDescription", "clockTime", "weekdayAbbreviation", "monthAbbreviation", "func format("] {
                #expect(!text.contains(name), "\(path) mentions \(name); dates and times are written in LumbarText/Time")
            }
        }
    }

    @Test func lumbarUIWritesNoFiles() throws {
        let files = try Self.files(of: "LumbarUI")
        #expect(files.count >= 30, "found \(files.count) files under Sources/LumbarUI")
        for (path, text) in files {
            for name in ["FileManager", "PrivateFile", "JournalStore("] {
                #expect(!text.contains(name), "\(path) mentions \(name); files are the executable's effects (lumbar/TUI)")
            }
        }
    }

    @Test func timeTextAndLoadTextLiveInLumbarText() throws {
        let paths = try Self.files(of: "LumbarText").map(\.path)
        #expect(paths.contains("LumbarText/Time/TimeText.swift"))
        #expect(paths.contains("LumbarText/Time/LoadText.swift"))
        #expect(paths.contains("LumbarText/Time/LocalDate+Text.swift"))
        #expect(paths.contains("LumbarText/Time/Timestamp+Text.swift"))
        #expect(paths.contains("LumbarText/Time/ClockStyle+Text.swift"))
    }
}

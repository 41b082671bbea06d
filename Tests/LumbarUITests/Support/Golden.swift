import Foundation
import Testing
@testable import LumbarUI
import LumbarTestSupport

/// The screen goldens in Tests/LumbarUITests/Golden/ (`NAME.txt`), checked and recorded by the
/// shared `GoldenFiles`.
enum Golden {
    static let files = GoldenFiles(
        directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Golden"))

    /// Compares `text` with the golden file `name`.txt (or records it).
    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        files.check(text + "\n", named: name + ".txt", sourceLocation: sourceLocation)
    }

    /// Compares the styles of `buffer` with the golden file `name`.styles.txt (or records it):
    /// a legend of the styles used, then the screen with each cell's style as one letter
    /// ("." for the terminal's default look), so a lost colour or attribute fails a test.
    static func checkStyles(_ buffer: Buffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        files.check(styleMap(buffer), named: name + ".styles.txt", sourceLocation: sourceLocation)
    }

    /// The style map `checkStyles` compares.
    static func styleMap(_ buffer: Buffer) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var names: [Style: Character] = [.plain: "."]
        var legend: [String] = []
        var rows: [String] = []
        for y in 0..<buffer.height {
            var row = ""
            for x in 0..<buffer.width {
                let style = buffer[x, y].style
                if names[style] == nil {
                    let letter = legend.count < letters.count ? letters[legend.count] : "?"
                    names[style] = letter
                    legend.append("\(letter) = \(describe(style))")
                }
                row.append(names[style] ?? "?")
            }
            rows.append(row)
        }
        return (legend + ["---"] + rows).joined(separator: "\n") + "\n"
    }

    private static func describe(_ style: Style) -> String {
        var parts = ["\(style.foreground) on \(style.background)"]
        let attributes: [(TextAttributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.reverse, "reverse"), (.underline, "underline")]
        parts += attributes.filter { style.attributes.contains($0.0) }.map(\.1)
        return parts.joined(separator: ", ")
    }
}

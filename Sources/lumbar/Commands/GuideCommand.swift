import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// `lumbar guide`: self-care and prevention advice from the articles, in lumbar's words.
struct GuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Self-care and prevention advice from the source articles, with their titles."
    )

    @Option(help: ArgumentHelp("Wrap lines at this width (default: the terminal's, else 80).", valueName: "n"))
    var width: Int?

    func run() throws {
        if let width, !(30...300).contains(width) {
            throw CLIError.usage("--width must be from 30 to 300, got \(width)")
        }
        print(Guide.standard.text(width: width ?? Terminal.size.map { min($0.columns, 120) } ?? 80), terminator: "")
    }
}

import ArgumentParser
import Foundation
import LumbarCore

/// `lumbar guide`: self-care and prevention advice from the articles, in lumbar's words.
struct GuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Self-care and prevention advice from the source articles, with their titles."
    )

    @Option(help: ArgumentHelp("Wrap lines at this width (default: the terminal's, else 80).", valueName: "n"))
    var width: GuideWidthArgument?

    func run() throws {
        print(Guide.standard.text(width: width?.value ?? Terminal.size.map { min($0.columns, 120) } ?? 80), terminator: "")
    }
}

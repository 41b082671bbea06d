import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// `lumbar guide`: self-care and prevention advice from the articles, in lumbar's words.
struct GuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Self-care and prevention advice from the source articles, with their titles."
    )

    @Option(help: ArgumentHelp("Wrap lines at this width (default: the terminal's, else 80).", valueName: "n"))
    var width: GuideWidthArgument?

    @Flag(help: "Print the guide as JSON: title, disclaimer, introduction, sections with items and their sources.")
    var json = false

    func run() throws {
        if json {
            JSONOutput.print(Self.json(Guide.standard))
            return
        }
        print(Guide.standard.text(width: width?.value ?? Terminal.size.map { min($0.columns, 120) } ?? 80), terminator: "")
    }

    /// `{"title", "disclaimer", "introduction", "sections": [{"title", "items": [{"title", "text", "sources": [{"id", "title"}]}]}]}`.
    static func json(_ guide: Guide) -> JSONValue {
        JSONOutput.object([
            ("title", .string(guide.title)),
            ("disclaimer", .string(StatusFormatter.disclaimer)),
            ("introduction", .string(guide.introduction)),
            (
                "sections",
                .array(
                    guide.sections.map { section in
                        JSONOutput.object([
                            ("title", .string(section.title)),
                            (
                                "items",
                                .array(
                                    section.items.map { item in
                                        JSONOutput.object([
                                            ("title", .string(item.title)),
                                            ("text", .string(item.text)),
                                            (
                                                "sources",
                                                .array(
                                                    item.sources.map {
                                                        JSONOutput.object([("id", .string($0.rawValue)), ("title", .string($0.title))])
                                                    })
                                            ),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }
}

import ArgumentParser
import LumbarCore

/// `lumbar guide`: self-care and prevention advice from the articles, in lumbar's words.
struct GuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Self-care and prevention advice from the source articles, with their titles."
    )

    func run() throws {
        print("The guide arrives with the escalation engine.")
    }
}

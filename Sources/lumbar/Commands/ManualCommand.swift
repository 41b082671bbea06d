import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import LumbarCore

/// `lumbar _manual DIR`: writes the manual pages (`lumbar.1`, `lumbar-checkin.1`, …) for
/// `scripts/install`. Hidden: it is for packaging, not for people.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_manual",
        abstract: "Write the manual pages into a directory.",
        shouldDisplay: false
    )

    @Argument(
        help: ArgumentHelp("The directory to write lumbar.1 and lumbar-COMMAND.1 into (it must exist).", valueName: "dir"), completion: .directory)
    var directory: String

    func run() throws {
        var info = stat()
        guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw CLIError.usage("\(directory) is not a directory; create it first")
        }
        for page in try ManualPage.all() {
            let path = directory + "/" + page.file
            do {
                try PrivateFile.write(Array(page.text.utf8), to: path)
            } catch let error as StoreError {
                throw CLIError(message: "cannot write \(path): \(error.description)", exitCode: error.exitCode)
            }
        }
    }
}

import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// `lumbar history`: the log as a table or as JSON.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List check-ins and sessions, oldest first, with their ids."
    )

    @OptionGroup var range: DateRangeArguments

    @Flag(help: "Print {\"checkIns\": [...], \"sessions\": [...]} as JSON.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let days = try range.resolve(now: try TimeSource.now(), timeZone: TimeSource.timeZone)
        let journal = try storeOptions.journalStore.load()
        defer { KeptUntilExit.keep(journal) }
        func inRange(_ d: LocalDate) -> Bool { days.contains(d) }
        if !json { range.echo(days, what: "entries") }
        let checkIns = journal.checkIns.filter { inRange($0.date) }
        let sessions = journal.sessions.filter { inRange($0.at.converted(to: TimeSource.timeZone).localDate) }
        if json {
            PrettyJSON.history(checkIns: checkIns, sessions: sessions, into: Output.write)
            return
        }
        if checkIns.isEmpty && sessions.isEmpty {
            print(
                journal.checkIns.isEmpty && journal.sessions.isEmpty
                    ? "No entries yet. Log one with: lumbar checkin --pain N"
                    : "No entries \(days.description).")
            return
        }
        for line in HistoryTable.lines(checkIns: checkIns, sessions: sessions, timeZone: TimeSource.timeZone, unicode: Terminal.isUTF8) {
            print(line)
        }
    }
}

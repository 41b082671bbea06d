import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// `lumbar recover`: lists the kept backups and restores one.
struct RecoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "List the journal's backups, or restore one (the current file is moved aside, never deleted)."
    )

    @Option(help: ArgumentHelp("Restore backup N (1 = newest) as listed.", valueName: "N"))
    var restore: Int?

    @Flag(help: "Print the journal and its backups, or what was restored, as JSON.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = storeOptions.journalStore
        let backups = store.backups()
        guard let restore else {
            if json {
                JSONOutput.print(
                    JSONOutput.object([
                        ("journal", Self.json(path: store.path, contents: Result { try store.load() })),
                        (
                            "backups",
                            .array(
                                backups.map { b in
                                    Self.json(
                                        [
                                            ("number", .int(b.number)),
                                            ("modified", .string(Timestamp(b.modified, in: TimeSource.timeZone).truncatedToSeconds.description)),
                                        ],
                                        path: b.path, contents: b.contents.mapError { $0 as Error })
                                })
                        ),
                    ]))
                return
            }
            switch Result(catching: { try store.load() }) {
            case .success(let j): print("journal  \(store.path): \(j.checkIns.count) check-ins, \(j.sessions.count) sessions")
            case .failure(let e): print("journal  \(store.path): UNREADABLE: \((e as? StoreError)?.description ?? "\(e)")")
            }
            if backups.isEmpty { print("No backups yet (one is kept before each change)."); return }
            for b in backups {
                let what: String
                switch b.contents {
                case .success(let j):
                    what = "\(j.checkIns.count) check-ins, \(j.sessions.count) sessions" + (j.checkIns.last.map { ", newest \($0.date)" } ?? "")
                case .failure(let e): what = "unreadable (\(e.description))"
                }
                print("backup \(b.number)  \(Timestamp(b.modified, in: TimeSource.timeZone).truncatedToSeconds)  \(what)")
            }
            print("Restore one with: lumbar recover --restore N")
            return
        }
        guard backups.contains(where: { $0.number == restore }) else {
            throw CLIError.usage("there is no backup \(restore); 'lumbar recover' lists them")
        }
        let aside = try store.restore(backup: restore, now: try TimeSource.now())
        if json {
            JSONOutput.print(
                JSONOutput.object([
                    ("restored", .int(restore)), ("path", .string(store.path)), ("movedAside", JSONOutput.string(aside)),
                ]))
            return
        }
        print("Restored backup \(restore) to \(store.path)." + (aside.map { " The previous file was moved to \($0)." } ?? ""))
    }

    /// `{"path", "readable", "checkIns", "sessions", "newestCheckIn", "error"}` for a journal file,
    /// after the `leading` members.
    static func json(_ leading: [(String, JSONValue)] = [], path: String, contents: Result<Journal, Error>) -> JSONValue {
        switch contents {
        case .success(let j):
            return JSONOutput.object(
                leading + [
                    ("path", .string(path)), ("readable", .bool(true)), ("checkIns", .int(j.checkIns.count)),
                    ("sessions", .int(j.sessions.count)), ("newestCheckIn", JSONOutput.string(j.checkIns.last?.date.description)),
                    ("error", .null),
                ])
        case .failure(let e):
            return JSONOutput.object(
                leading + [
                    ("path", .string(path)), ("readable", .bool(false)), ("checkIns", .null), ("sessions", .null),
                    ("newestCheckIn", .null), ("error", .string((e as? StoreError)?.description ?? "\(e)")),
                ])
        }
    }
}

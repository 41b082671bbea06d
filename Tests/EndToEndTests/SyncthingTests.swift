import Foundation
import LumbarCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Two machines kept in step by a real Syncthing (Debian's `syncthing`): two instances on
/// loopback, each with its own home and its own lumbar journal folder, shared by device id and
/// static address, with discovery, relays, NAT, usage and crash reporting and upgrades off.
/// Both log while disconnected; after reconnecting Syncthing makes its conflict copy, lumbar
/// merges it, and every entry of both sides ends up in both journals with no copy left.
@Suite("Sync: two machines through a real Syncthing", .serialized)
struct SyncthingTests {
    /// `syncthing`'s path, if installed.
    static let syncthing: String? = ["/usr/bin/syncthing", "/usr/local/bin/syncthing", "/bin/syncthing"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(
        "Check-ins logged on two disconnected machines are all in both journals after Syncthing reconnects, and no conflict copy is left (one side merges, or both merge before they meet again)",
        .enabled(if: Self.syncthing != nil || Reliability.isCI, "needs syncthing (apt-get install syncthing; required when CI=true)"),
        .timeLimit(.minutes(2)), arguments: [false, true])
    func twoMachinesKeepEveryEntry(bothMergeOffline: Bool) throws {
        let binary = try #require(Self.syncthing, "syncthing is not installed: apt-get install syncthing")
        let root = try ReliabilitySandbox()
        let a = try Machine(name: "a", root: root.directory, syncthing: binary)
        let b = try Machine(name: "b", root: root.directory, syncthing: binary)
        a.configure(peer: b)
        b.configure(peer: a)
        try a.start()
        defer { a.stop() }
        try b.start()
        defer { b.stop() }
        try a.waitForAPI()
        try b.waitForAPI()
        try waitUntil("a and b connect", a.log, b.log) { try a.isConnected(to: b) }

        // One shared entry, synced to b.
        try a.lumbar(["checkin", "--pain", "1", "--note", "shared"])
        try a.scan()
        try waitUntil("b receives a's first journal", a.log, b.log) { a.journalBytes() == b.journalBytes() && !a.journalBytes().isEmpty }

        // Disconnected: each logs its own entries.
        try a.post("/rest/system/pause?device=\(b.deviceID)")
        try b.post("/rest/system/pause?device=\(a.deviceID)")
        try waitUntil("a and b disconnect", a.log, b.log) { try !a.isConnected(to: b) && !b.isConnected(to: a) }
        try a.lumbar(["checkin", "--pain", "2", "--note", "a1"])
        try a.lumbar(["session", "--kind", "run", "--minutes", "30", "--rpe", "5", "--note", "a2"])
        try b.lumbar(["checkin", "--pain", "4", "--note", "b1"])
        try b.lumbar(["checkin", "--pain", "3", "--note", "b2"])
        try a.scan()
        try b.scan()

        // Reconnected: Syncthing keeps one version as journal.json and renames the other.
        try a.post("/rest/system/resume?device=\(b.deviceID)")
        try b.post("/rest/system/resume?device=\(a.deviceID)")
        try waitUntil("Syncthing makes its conflict copy on both sides", a.log, b.log) {
            try a.scan()
            try b.scan()
            return a.conflictCopies().count == 1 && b.conflictCopies().count == 1 && a.journalBytes() == b.journalBytes()
        }
        let notesBefore = Set(try a.notes())
        #expect(notesBefore != ["shared", "a1", "a2", "b1", "b2"], "Syncthing alone already kept both sides, so this test proves nothing")

        if bothMergeOffline {
            // Both machines run lumbar before they see each other again: each merges the copy on its
            // own, the results are byte for byte the same, and Syncthing makes no new copy of them.
            try a.post("/rest/system/pause?device=\(b.deviceID)")
            try b.post("/rest/system/pause?device=\(a.deviceID)")
            try waitUntil("a and b disconnect again", a.log, b.log) { try !a.isConnected(to: b) && !b.isConnected(to: a) }
            for machine in [a, b] {
                let run = try machine.lumbar(["status"])
                #expect(run.stderr.contains("merged the Syncthing conflict copy journal.sync-conflict-"), "\(machine.name): \(run)")
            }
            #expect(a.journalBytes() == b.journalBytes())
            try a.scan()
            try b.scan()
            try a.post("/rest/system/resume?device=\(b.deviceID)")
            try b.post("/rest/system/resume?device=\(a.deviceID)")
            try waitUntil("a and b reconnect", a.log, b.log) { try a.isConnected(to: b) && b.isConnected(to: a) }
        } else {
            // lumbar on a merges the copy and moves it out of the synced folder.
            let first = try a.lumbar(["status"])
            #expect(first.stderr.contains("merged the Syncthing conflict copy journal.sync-conflict-"), "\(first)")
            try a.scan()
            try waitUntil("b receives the merged journal and the copy's removal", a.log, b.log) {
                try b.scan()
                return b.conflictCopies().isEmpty && a.journalBytes() == b.journalBytes()
            }
            // lumbar on b finds nothing left to merge.
            let second = try b.lumbar(["status"])
            #expect(!second.stderr.contains("conflict copy"), "\(second)")
        }
        // A last sync round changes nothing.
        try b.scan()
        try a.scan()
        try waitUntil("both folders are in sync", a.log, b.log) {
            try a.scan()
            try b.scan()
            return try a.isIdleAndComplete(peer: b) && b.isIdleAndComplete(peer: a) && a.journalBytes() == b.journalBytes()
        }

        for machine in [a, b] {
            #expect(Set(try machine.notes()) == ["shared", "a1", "a2", "b1", "b2"], "\(machine.name)")
            #expect(machine.conflictCopies().isEmpty, "\(machine.name): \(machine.conflictCopies())")
        }
        #expect(try a.notes().count == 5)
        // A merged copy is kept only on the machine that merged it (the folder is in .stignore).
        let kept = try FileManager.default.subpathsOfDirectory(atPath: a.folder + "/merged-conflicts").filter { $0.hasSuffix(".json") }
        #expect(kept.count == 1)
        #expect(FileManager.default.fileExists(atPath: b.folder + "/merged-conflicts") == bothMergeOffline)
    }

    /// Polls `condition` every 100 ms for up to `timeout` seconds (generous: a loaded CI machine can
    /// take tens of seconds to rescan and exchange indexes); fails with both logs' tails.
    func waitUntil(_ what: String, _ logA: String, _ logB: String, timeout: Double = 120, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            usleep(100_000)
        }
        let tail = { (path: String) in
            ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").suffix(15).joined(separator: "\n")
        }
        Issue.record("timed out after \(timeout) s waiting until \(what)\n--- a ---\n\(tail(logA))\n--- b ---\n\(tail(logB))")
        throw Timeout()
    }

    struct Timeout: Error {}
}

/// One Syncthing instance with its own home, GUI/REST port, listen port and lumbar folder.
final class Machine {
    let name: String
    let home: String
    let folder: String
    let guiPort: Int
    let listenPort: Int
    let apiKey: String
    let deviceID: String
    let syncthing: String
    var log: String { home + "/syncthing.log" }
    private var child: Reliability.Child?
    private var outcomeTimeZone = "Europe/Berlin"

    init(name: String, root: String, syncthing: String) throws {
        self.name = name
        self.syncthing = syncthing
        home = root + "/\(name)-home"
        folder = root + "/\(name)-journal"
        guiPort = try freePort()
        listenPort = try freePort()
        apiKey = "lumbar-test-\(UUID().uuidString)"
        let environment = Reliability.environment(home: root, timeZone: "UTC")
        let generated = try Reliability.run([syncthing, "generate", "--home=\(home)", "--no-default-folder"], environment: environment, timeout: 30)
        try #require(generated.status == .exited(0), "syncthing generate: \(generated)")
        let id = try Reliability.run([syncthing, "serve", "--home=\(home)", "--device-id"], environment: environment, timeout: 30)
        deviceID = id.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(deviceID.count > 50, "syncthing --device-id: \(id)")
        try FileManager.default.createDirectory(atPath: folder + "/.stfolder", withIntermediateDirectories: true)
        // What docs/sync.md tells people to keep out of sync.
        try Self.stignore.write(toFile: folder + "/.stignore", atomically: true, encoding: .utf8)
    }

    /// The .stignore block of docs/sync.md, so the test uses what the docs recommend.
    static let stignore: String = {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/sync.md")
        guard let text = try? String(contentsOf: docs, encoding: .utf8),
            let start = text.range(of: "```stignore\n"),
            let end = text.range(of: "```", range: start.upperBound..<text.endIndex)
        else {
            return "journal.json.lock\njournal.json.[0-9]\njournal.json.tmp-*\njournal.json.broken-*\nmerged-conflicts\n"
        }
        return String(text[start.upperBound..<end.lowerBound])
    }()

    /// Writes config.xml: this device, the peer at its static loopback address, the folder shared
    /// with both, and everything that would reach beyond this machine switched off.
    func configure(peer: Machine) {
        let config = """
            <configuration version="36">
                <folder id="lumbar" label="lumbar" path="\(folder)" type="sendreceive" rescanIntervalS="3600" fsWatcherEnabled="false">
                    <device id="\(deviceID)"></device>
                    <device id="\(peer.deviceID)"></device>
                    <maxConflicts>10</maxConflicts>
                </folder>
                <device id="\(deviceID)" name="\(name)"><address>dynamic</address></device>
                <device id="\(peer.deviceID)" name="\(peer.name)"><address>tcp://127.0.0.1:\(peer.listenPort)</address></device>
                <gui enabled="true" tls="false"><address>127.0.0.1:\(guiPort)</address><apikey>\(apiKey)</apikey></gui>
                <options>
                    <listenAddress>tcp://127.0.0.1:\(listenPort)</listenAddress>
                    <globalAnnounceEnabled>false</globalAnnounceEnabled>
                    <localAnnounceEnabled>false</localAnnounceEnabled>
                    <relaysEnabled>false</relaysEnabled>
                    <natEnabled>false</natEnabled>
                    <urAccepted>-1</urAccepted>
                    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
                    <crashReportingEnabled>false</crashReportingEnabled>
                    <startBrowser>false</startBrowser>
                    <announceLANAddresses>false</announceLANAddresses>
                    <stunKeepaliveStartS>0</stunKeepaliveStartS>
                    <reconnectionIntervalS>1</reconnectionIntervalS>
                </options>
            </configuration>
            """
        _ = FileManager.default.createFile(atPath: home + "/config.xml", contents: Data(config.utf8))
    }

    func start() throws {
        var environment = Reliability.environment(home: home, timeZone: "UTC")
        environment["STNOUPGRADE"] = "1"
        environment["STNORESTART"] = "1"
        child = try Reliability.start(
            [
                syncthing, "serve", "--home=\(home)", "--no-browser", "--no-restart", "--no-upgrade",
                "--logfile=\(log)",
            ], environment: environment)
    }

    func stop() {
        guard let child else { return }
        child.send(SIGTERM)
        let outcome = child.wait(timeout: 10)
        if outcome.status == .timedOut { child.send(SIGKILL) }
        self.child = nil
    }

    // MARK: REST

    func get(_ path: String) throws -> Any {
        let run = try Reliability.run(
            [
                "/usr/bin/curl", "-sS", "--max-time", "20", "-H", "X-API-Key: \(apiKey)",
                "http://127.0.0.1:\(guiPort)\(path)",
            ], environment: Reliability.environment(home: home, timeZone: "UTC"), timeout: 25)
        guard run.status == .exited(0) else { throw RESTError(message: "GET \(path): \(run)") }
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8), options: [.fragmentsAllowed])
    }

    func post(_ path: String) throws {
        let run = try Reliability.run(
            [
                "/usr/bin/curl", "-sS", "--fail", "--max-time", "20", "-X", "POST", "-H", "X-API-Key: \(apiKey)",
                "http://127.0.0.1:\(guiPort)\(path)",
            ], environment: Reliability.environment(home: home, timeZone: "UTC"), timeout: 25)
        guard run.status == .exited(0) else { throw RESTError(message: "POST \(path): \(run)") }
    }

    /// Waits until the REST API answers (it starts a moment after the process).
    func waitForAPI() throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if (try? get("/rest/system/ping")) != nil { return }
            usleep(100_000)
        }
        throw RESTError(message: "\(name)'s REST API did not answer within 30 s")
    }

    /// Scans the folder now (the watcher is off, so nothing is noticed otherwise); returns when done.
    func scan() throws { try post("/rest/db/scan?folder=lumbar") }

    func isConnected(to peer: Machine) throws -> Bool {
        let connections = try get("/rest/system/connections") as? [String: Any]
        let all = connections?["connections"] as? [String: Any]
        return (all?[peer.deviceID] as? [String: Any])?["connected"] as? Bool == true
    }

    /// The folder is idle with nothing to pull, and the peer has everything this side has.
    func isIdleAndComplete(peer: Machine) throws -> Bool {
        let status = try get("/rest/db/status?folder=lumbar") as? [String: Any]
        let completion = try get("/rest/db/completion?folder=lumbar&device=\(peer.deviceID)") as? [String: Any]
        return status?["state"] as? String == "idle" && status?["needFiles"] as? Int == 0
            && (completion?["completion"] as? Double ?? (completion?["completion"] as? Int).map(Double.init)) == 100
    }

    // MARK: The journal

    var journal: String { folder + "/journal.json" }

    func journalBytes() -> [UInt8] {
        FileManager.default.contents(atPath: journal).map { [UInt8]($0) } ?? []
    }

    func conflictCopies() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.contains("sync-conflict") }
    }

    /// The notes of every entry in this machine's journal.
    func notes() throws -> [String] {
        let j = try JournalStore(path: journal).load()
        return j.checkIns.map(\.note) + j.sessions.map(\.note)
    }

    @discardableResult
    func lumbar(_ arguments: [String]) throws -> Reliability.Outcome {
        let outcome = try Reliability.run(
            [try Reliability.lumbar()] + arguments + ["--store", journal],
            environment: Reliability.environment(home: home, timeZone: outcomeTimeZone))
        try #require(outcome.status == .exited(0), "lumbar \(arguments) on \(name): \(outcome)")
        return outcome
    }

    struct RESTError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// A TCP port nothing listens on right now (bound to port 0, then released).
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw Machine.RESTError(message: "socket: \(errno)") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { throw Machine.RESTError(message: "bind: \(errno)") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

import Foundation
import LumbarCore
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Promise 3: several writers at once lose nothing, and nothing another program wrote is silently overwritten.
@Suite("Reliability: concurrency")
struct ReliabilityConcurrencyTests {
    @Test("N processes logging M check-ins each at the same moment: N × M in, N × M kept")
    func manyWritersAtOnce() throws {
        let sandbox = try ReliabilitySandbox()
        try sandbox.save(ReliabilityJournals.history(years: 1))
        let baseline = try sandbox.load().checkIns.count
        let writers = Reliability.count("LUMBAR_CONCURRENT_WRITERS", quick: 8, thorough: 16)
        let each = Reliability.count("LUMBAR_CONCURRENT_ENTRIES", quick: 8, thorough: 40)
        let lumbar = try Reliability.lumbar()
        // Each writer is a shell loop, as a person's scripts or two terminals would be; a failed
        // check-in stops the loop with its status, so a lost write cannot hide.
        let script = """
            i=1
            while [ "$i" -le "$2" ]; do
              "$LUMBAR" checkin --pain $(( i % 11 )) --note "rel-w$1-$i" --store "$STORE" >/dev/null || exit $?
              i=$(( i + 1 ))
            done
            """
        var environment = sandbox.environment()
        environment["LUMBAR"] = lumbar
        environment["STORE"] = sandbox.journal
        let children = try (0..<writers).map { writer in
            try Reliability.start(["/bin/sh", "-c", script, "sh", "\(writer)", "\(each)"], environment: environment)
        }
        for (writer, child) in children.enumerated() {
            let outcome = child.wait(timeout: 300)
            #expect(outcome.status == .exited(0), "writer \(writer): \(outcome)")
        }
        let journal = try sandbox.load()
        let expected = Set((0..<writers).flatMap { w in (1...each).map { "rel-w\(w)-\($0)" } })
        let logged = journal.checkIns.map(\.note).filter { $0.hasPrefix("rel-") }
        #expect(logged.count == writers * each, "\(writers) × \(each) logged, \(logged.count) kept")
        #expect(Set(logged) == expected, "missing: \(expected.subtracting(logged).sorted().prefix(10))")
        #expect(journal.checkIns.count == baseline + writers * each)
        #expect(sandbox.tempFiles().isEmpty)
    }

    @Test(
        "An editor saving the journal between a check-in's read and its write: both the hand edit and the check-in are kept",
        .enabled(
            if: Reliability.straceWorks || Reliability.isCI,
            "needs strace to hold the check-in between its read and its write (required when CI=true)"),
        arguments: ["rename", "in place"])
    func handEditBetweenLoadAndSave(editorStyle: String) throws {
        let sandbox = try ReliabilitySandbox()
        try sandbox.save(ReliabilityJournals.history(years: 1))
        var edited = try sandbox.load()
        var first = try #require(edited.checkIns.first)
        first.note = "rel-edited by hand"
        edited.upsert(first)
        let editedBytes = JournalCodec.encode(edited)
        #expect(editedBytes.count != sandbox.bytes().count)

        // Hold the check-in in the middle of its save: it has read the journal and written its temp file.
        let strace = try #require(Reliability.straceBinary)
        let child = try Reliability.start(
            [
                strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=fsync", "-e", "inject=fsync:delay_exit=1500000:when=1",
                "--", try Reliability.lumbar(), "checkin", "--pain", "5", "--note", "rel-new", "--store", sandbox.journal,
            ],
            environment: sandbox.environment())
        let deadline = Date().addingTimeInterval(20)
        while sandbox.tempFiles().isEmpty && Date() < deadline && child.poll() == nil { usleep(2_000) }
        usleep(300_000)
        try #require(!sandbox.tempFiles().isEmpty, "the check-in never reached its write")
        switch editorStyle {
        case "rename":
            // vim's and most editors' way: write a new file, rename it over the old one.
            try sandbox.write(editedBytes)
        default:
            // nano's and `backupcopy=yes` way: truncate and rewrite the same file.
            let fd = open(sandbox.journal, O_WRONLY | O_TRUNC)
            #expect(fd >= 0)
            _ = editedBytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        let outcome = child.wait(timeout: 30)
        let journal = try sandbox.load()
        let notes = Set(journal.checkIns.map(\.note))
        if outcome.status == .exited(0) {
            #expect(notes.contains("rel-new"), "the check-in was confirmed but is not saved")
            #expect(notes.contains("rel-edited by hand"), "the hand edit was silently overwritten by the check-in")
            #expect(journal.checkIns.count == edited.checkIns.count + 1)
        } else {
            // Refusing is also honest, provided it says so and the hand edit is intact.
            #expect(outcome.stderr.contains(sandbox.journal), "\(outcome)")
            #expect(sandbox.bytes() == editedBytes, "the check-in failed and the hand edit was not kept as saved")
        }
    }
}

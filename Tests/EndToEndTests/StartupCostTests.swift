import Foundation
import LumbarCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 15's smoke bound: instructions counted by callgrind on the release binary, which do not
/// change when other work shares the two cores (wall and CPU times do, by 2 × and more).
///
/// Figures on the project's machine (release, 10-year fixture of `JournalFixture`; the static C
/// floor, `int main(void){return 0;}`, is 0.04 M instructions):
///
/// | command | before issue 15 | after | bound |
/// |---|---|---|---|
/// | `--version` | 81 M | 1.4 M | 5 M |
/// | `status --json`, 10 years | 93 M | 68 M | 80 M |
/// | `checkin`, 10 years, after a status | 104 M | 21 M | 45 M |
///
/// The `--version` bound fails the code from before this work by 16 ×, the checkin bound by 2 ×;
/// the status bound fails it by a margin too, and is the one to tighten as the read path gets cheaper.
@Suite(
    "Start-up cost: instructions of the release binary under callgrind", .serialized,
    .enabled(if: (ReleaseBinary.path != nil && Valgrind.path != nil) || ReleaseBinary.required))
struct StartupCostTests {
    static let versionBound = 5_000_000
    static let statusBound = 80_000_000
    static let checkInBound = 45_000_000

    /// The instructions `arguments` cost `binary`, as callgrind counts them.
    static func instructions(_ binary: String, _ arguments: [String], environment: [String: String]) throws -> Int {
        let valgrind = try #require(Valgrind.path, "install valgrind (.ci/run does)")
        let outcome = try Reliability.run(
            [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", binary] + arguments,
            environment: environment, timeout: 120)
        #expect(outcome.status == .exited(0), "\(arguments): \(outcome)")
        // "==123== Collected : 80954233"
        let line = try #require(
            outcome.stderr.split(separator: "\n").first { $0.contains("Collected :") },
            "callgrind printed no count: \(outcome.stderr.suffix(600))")
        return try #require(line.split(separator: " ").last.flatMap { Int($0) }, "\(line)")
    }

    @Test("--version, status --json and checkin on 10 years stay within their instruction bounds")
    func startupStaysWithinItsBounds() throws {
        let release = try #require(ReleaseBinary.path, "set LUMBAR_RELEASE_BINARY to a release build of lumbar (.ci/run does)")
        let sandbox = try ReliabilitySandbox()
        // valgrind 3.19 cannot read the DWARF 5 debug information Swift 6 writes; the code is the same without it.
        let binary = sandbox.directory + "/lumbar"
        let strip = try Reliability.run(["/usr/bin/strip", "--strip-debug", "-o", binary, release], environment: [:])
        #expect(strip.status == .exited(0), "\(strip)")
        try PrivateFile.write(JournalCodec.encode(JournalFixture.journal(days: 3650)), to: sandbox.journal)
        let environment = ["TZ": "Europe/Stockholm", "LUMBAR_NOW": "2026-03-01T22:30:00+01:00", "HOME": sandbox.directory, "LANG": "C.UTF-8"]
        let version = try Self.instructions(binary, ["--version"], environment: environment)
        let status = try Self.instructions(binary, ["status", "--json", "--store", sandbox.journal], environment: environment)
        // The next morning's check-in: after every entry, with the cache the status left.
        var morning = environment
        morning["LUMBAR_NOW"] = "2026-03-02T08:00:00+01:00"
        let checkIn = try Self.instructions(binary, ["checkin", "--pain", "3", "--store", sandbox.journal], environment: morning)
        print("start-up instructions: --version \(version), status --json on 10 years \(status), checkin \(checkIn)")
        #expect(version <= Self.versionBound, "--version took \(version) instructions, more than \(Self.versionBound)")
        #expect(status <= Self.statusBound, "status --json on 10 years took \(status) instructions, more than \(Self.statusBound)")
        #expect(checkIn <= Self.checkInBound, "checkin on 10 years took \(checkIn) instructions, more than \(Self.checkInBound)")
    }
}

/// Where valgrind is installed, if it is.
enum Valgrind {
    /// The `valgrind` executable, or nil.
    static let path: String? = ["/usr/bin/valgrind", "/usr/local/bin/valgrind"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

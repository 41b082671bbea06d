import Foundation
import LumbarCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 15: the installed binary runs on a machine without the Swift toolchain and is at most
/// 25 MB. These run on the release binary `.ci/run` builds with `scripts/release-build` (named by
/// `LUMBAR_RELEASE_BINARY`); under `CI=true` a missing binary, tool or permission fails them.
@Suite(
    "Installed binary: runs without the Swift toolchain, at most 25 MB", .serialized,
    .enabled(if: ReleaseBinary.path != nil || ReleaseBinary.required))
struct InstalledBinaryTests {
    /// The shared libraries an installed lumbar may need: the C library and ncurses.
    static let allowedLibraries: Set<String> = ["libc.so.6", "libm.so.6", "libncursesw.so.6", "libtinfo.so.6", "ld-linux-x86-64.so.2"]

    /// The folder the Swift runtime of this test process was loaded from (the toolchain's
    /// `lib/swift/linux`): the folder a binary that needs the toolchain would load it from too.
    static var toolchainRuntime: String? {
        // /proc files report a size of 0, so they are read to their end, not by their size.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/maps") else { return nil }
        defer { try? handle.close() }
        let maps = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        for line in maps.split(separator: "\n") {
            guard let slash = line.firstIndex(of: "/"), line.hasSuffix("/libswiftCore.so") else { continue }
            return (String(line[slash...]) as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// Whether a mount namespace can be made here (it needs root).
    static let canHide: Bool = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")

    @Test("It names only libc, libm and ncurses, and no run path into the toolchain")
    func needsOnlyLibcAndNcurses() throws {
        let binary = try #require(ReleaseBinary.path, "set LUMBAR_RELEASE_BINARY to a release build of lumbar (.ci/run does)")
        let dynamic = try Reliability.run(["/usr/bin/readelf", "-d", binary], environment: [:])
        #expect(dynamic.status == .exited(0), "\(dynamic)")
        var needed: [String] = []
        var paths: [String] = []
        for line in dynamic.stdout.split(separator: "\n") {
            guard let open = line.lastIndex(of: "["), let close = line.lastIndex(of: "]"), open < close else { continue }
            let value = String(line[line.index(after: open)..<close])
            if line.contains("(NEEDED)") { needed.append(value) }
            if line.contains("(RUNPATH)") || line.contains("(RPATH)") { paths.append(value) }
        }
        #expect(!needed.isEmpty, "readelf listed no libraries: \(dynamic.stdout)")
        let extra = needed.filter { !Self.allowedLibraries.contains($0) }
        #expect(extra.isEmpty, "the release binary needs \(extra) besides libc and ncurses (build it with scripts/release-build)")
        let toolchain = try #require(Self.toolchainRuntime, "this test process loaded no libswiftCore.so")
        let prefix = toolchain.components(separatedBy: "/lib/").first ?? toolchain
        #expect(!paths.contains { $0.contains(prefix) }, "its run path points into the toolchain: \(paths)")
        let ldd = try Reliability.run(["/usr/bin/ldd", binary], environment: [:])
        #expect(!ldd.stdout.contains(prefix), "ldd resolves a library from the toolchain:\n\(ldd.stdout)")
    }

    @Test(
        "With the toolchain's runtime folder hidden and an empty environment, --version and status --json still run",
        .enabled(if: canHide || Reliability.isCI, "needs root for a mount namespace (required when CI=true)"))
    func runsWithTheToolchainHidden() throws {
        let binary = try #require(ReleaseBinary.path, "set LUMBAR_RELEASE_BINARY to a release build of lumbar (.ci/run does)")
        #expect(Self.canHide, "unshare --mount needs root and /usr/bin/unshare")
        let toolchain = try #require(Self.toolchainRuntime, "this test process loaded no libswiftCore.so")
        let sandbox = try ReliabilitySandbox()
        let empty = sandbox.directory + "/empty"
        mkdir(empty, 0o700)
        try PrivateFile.write(JournalCodec.encode(JournalFixture.journal(days: 60)), to: sandbox.journal)
        // The runtime folder is masked by an empty one inside a private mount namespace, and the
        // environment is empty but for the time zone and clock: no LD_LIBRARY_PATH, no PATH.
        let script = """
            mount --bind "$1" "$2" || exit 90
            [ -z "$(ls -A "$2")" ] || exit 91
            "$3" --version || exit 92
            "$3" status --json --store "$4"
            """
        let outcome = try Reliability.run(
            ["/usr/bin/unshare", "--mount", "/bin/sh", "-c", script, "sh", empty, toolchain, binary, sandbox.journal],
            environment: ["TZ": "Europe/Stockholm", "LUMBAR_NOW": "2026-03-01T22:30:00+01:00"])
        #expect(outcome.status == .exited(0), "with \(toolchain) hidden: \(outcome)")
        let version = outcome.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(!version.isEmpty && version.allSatisfy { $0.isNumber || $0 == "." }, "--version printed: \(outcome.stdout.prefix(200))")
        #expect(outcome.stdout.contains("\"level\""), "status --json printed no status: \(outcome.stdout.prefix(400))")
    }

    @Test("The binary as scripts/install installs it (stripped) is at most 25 MB")
    func isAtMostTwentyFiveMegabytes() throws {
        let binary = try #require(ReleaseBinary.path, "set LUMBAR_RELEASE_BINARY to a release build of lumbar (.ci/run does)")
        let sandbox = try ReliabilitySandbox()
        let stripped = sandbox.directory + "/lumbar"
        let strip = try Reliability.run(["/usr/bin/strip", "-o", stripped, binary], environment: [:])
        #expect(strip.status == .exited(0), "\(strip)")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: stripped)[.size] as? Int)
        #expect(size <= 25_000_000, "the installed binary is \(size) bytes, more than 25 MB")
    }
}

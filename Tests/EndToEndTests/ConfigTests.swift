import Foundation
import Testing

/// The config file through the binary: where it is, what `lumbar config` says, which source
/// wins, every bad file refused in one line with exit 78 before anything is written, and each
/// setting changing what its command prints.
@Suite struct ConfigTests {
    /// A runner whose config file (under its HOME) holds `text`.
    private func runner(config text: String?, now: String? = "2026-03-05T20:00") throws -> BinaryRunner {
        var lumbar = BinaryRunner()
        if let now { lumbar.environment["LUMBAR_NOW"] = now }
        if let text {
            try FileManager.default.createDirectory(atPath: lumbar.directory + "/.config/lumbar", withIntermediateDirectories: true)
            try text.write(toFile: lumbar.configPath, atomically: true, encoding: .utf8)
        }
        return lumbar
    }

    private func settings(_ run: BinaryRunner.Run) throws -> [String: [String: Any]] {
        let root = try #require(try BinaryRunner.json(run.stdout) as? [String: Any])
        return try #require(root["settings"] as? [String: [String: Any]])
    }

    // MARK: lumbar config

    @Test func withoutAFileEverySettingIsItsDefault() throws {
        let lumbar = try runner(config: nil)
        let run = try lumbar.run(["config"], store: false)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.replacingOccurrences(of: lumbar.directory, with: "$HOME") == """
                # $HOME/.config/lumbar/config.toml (no such file: every setting comes from elsewhere)
                week-start = "monday"    # default
                clock = "24h"            # default
                backfill-time = "12:00"  # default
                usual-symptoms = []      # default
                usual-care = []          # default
                color = "auto"           # default
                remind-hour = 0          # default

                """)
        #expect(!FileManager.default.fileExists(atPath: lumbar.configPath), "config must not create the file")
    }

    @Test func theGoldenShowsEachValueWithItsSource() throws {
        var lumbar = try runner(
            config: """
                # my settings
                week-start = "sunday"
                clock = "12h"

                usual-care = ["heat",
                              "walking"]
                backfill-time = 09:30:00
                """)
        lumbar.environment["LUMBAR_REMIND_HOUR"] = "18"
        let run = try lumbar.run(["config", "--color", "never"], store: false)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.replacingOccurrences(of: lumbar.directory, with: "$HOME") == """
                # $HOME/.config/lumbar/config.toml
                week-start = "sunday"             # file:2
                clock = "12h"                     # file:3
                backfill-time = "09:30"           # file:7
                usual-symptoms = []               # default
                usual-care = ["heat", "walking"]  # file:5
                color = "never"                   # flag --color
                remind-hour = 18                  # env LUMBAR_REMIND_HOUR

                """)
    }

    @Test func aFlagBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws {
        var lumbar = try runner(config: "color = \"always\"\n")
        lumbar.environment["LUMBAR_COLOR"] = "never"
        let flag = try settings(try lumbar.run(["config", "--json", "--color", "auto"], store: false))["color"]
        #expect(flag?["value"] as? String == "auto")
        #expect(flag?["source"] as? String == "flag")
        #expect(flag?["flag"] as? String == "--color")
        let env = try settings(try lumbar.run(["config", "--json"], store: false))["color"]
        #expect(env?["value"] as? String == "never")
        #expect(env?["source"] as? String == "env")
        #expect(env?["variable"] as? String == "LUMBAR_COLOR")
        lumbar.environment["LUMBAR_COLOR"] = nil
        let file = try settings(try lumbar.run(["config", "--json"], store: false))["color"]
        #expect(file?["value"] as? String == "always")
        #expect(file?["source"] as? String == "file")
        #expect(file?["line"] as? Int == 1)
        try FileManager.default.removeItem(atPath: lumbar.configPath)
        let standard = try settings(try lumbar.run(["config", "--json"], store: false))["color"]
        #expect(standard?["value"] as? String == "auto")
        #expect(standard?["source"] as? String == "default")
    }

    @Test func thePathFollowsLumbarConfigThenAnAbsoluteXDGConfigHomeThenHome() throws {
        var lumbar = try runner(config: nil)
        #expect(try lumbar.run(["config", "--path"], store: false).stdout == lumbar.directory + "/.config/lumbar/config.toml\n")
        lumbar.environment["XDG_CONFIG_HOME"] = "relative/dir"
        #expect(try lumbar.run(["config", "--path"], store: false).stdout == lumbar.directory + "/.config/lumbar/config.toml\n")
        lumbar.environment["XDG_CONFIG_HOME"] = "/etc/xdg-test"
        #expect(try lumbar.run(["config", "--path"], store: false).stdout == "/etc/xdg-test/lumbar/config.toml\n")
        lumbar.environment["LUMBAR_CONFIG"] = lumbar.directory + "/other.toml"
        #expect(try lumbar.run(["config", "--path"], store: false).stdout == lumbar.directory + "/other.toml\n")
        try FileManager.default.createDirectory(atPath: lumbar.directory, withIntermediateDirectories: true)
        try "clock = \"12h\"\n".write(toFile: lumbar.directory + "/other.toml", atomically: true, encoding: .utf8)
        let clock = try settings(try lumbar.run(["config", "--json"], store: false))["clock"]
        #expect(clock?["value"] as? String == "12h")
    }

    // MARK: Bad files

    static let badFiles: [(text: String, line: Int, message: String)] = [
        ("weekstart = \"sunday\"\n", 1, "unknown key 'weekstart'; did you mean 'week-start'?"),
        ("# settings\n\ncolour = \"never\"\n", 3, "unknown key 'colour'; did you mean 'color'?"),
        ("foo = 1\n", 1, "unknown key 'foo'; the keys are week-start, clock, backfill-time, usual-symptoms, usual-care, color, remind-hour"),
        ("[display]\nclock = \"12h\"\n", 1, "unknown table [display]; settings go at the top of the file, without tables"),
        ("week-start = \"friday\"\n", 1, "week-start must be \"monday\" or \"sunday\", not \"friday\"; for example week-start = \"sunday\""),
        ("week-start = \"sundy\"\n", 1, "week-start must be \"monday\" or \"sunday\", not \"sundy\" (did you mean \"sunday\"?)"),
        ("week-start = 1\n", 1, "week-start must be \"monday\" or \"sunday\", not the number 1"),
        ("clock = \"12\"\n", 1, "clock must be \"24h\" or \"12h\", not \"12\" (did you mean \"12h\"?)"),
        (
            "clock = \"12h\"\nremind-hour = \"18\"\n", 2,
            "remind-hour must be a whole number from 0 to 23, not the string \"18\"; for example remind-hour = 18"
        ),
        ("remind-hour = 24\n", 1, "remind-hour must be a whole number from 0 to 23, not the number 24"),
        ("remind-hour = 18.5\n", 1, "remind-hour must be a whole number from 0 to 23, not a decimal number"),
        ("backfill-time = \"25:00\"\n", 1, "backfill-time must be a time \"HH:MM\" from \"00:00\" to \"23:59\", not \"25:00\""),
        ("backfill-time = 9\n", 1, "backfill-time must be a time \"HH:MM\" from \"00:00\" to \"23:59\", not the number 9"),
        ("usual-symptoms = [\"stiff\"]\n", 1, "usual-symptoms has an unknown symptom \"stiff\"; did you mean \"stiffness\"?"),
        ("usual-symptoms = [\"numbness\"]\n", 1, "'numbness' is a warning sign, which the form always asks as a yes/no question"),
        ("usual-symptoms = \"stiffness\"\n", 1, "usual-symptoms must be an array of symptom keys"),
        ("usual-care = [\"heat\", 3]\n", 1, "usual-care must be an array of self-care keys"),
        ("color = \"blue\"\n", 1, "color must be \"auto\", \"always\" or \"never\", not \"blue\""),
        ("clock = \"12h\n", 1, "not valid TOML"),
        ("clock = \"12h\"\nclock = \"24h\"\n", 2, "not valid TOML"),
    ]

    @Test(arguments: badFiles.indices)
    func aBadFileIsOneLineNamingTheFileLineAndFixWithExit78(index: Int) throws {
        let bad = Self.badFiles[index]
        let lumbar = try runner(config: bad.text)
        let config = try lumbar.run(["config"], store: false)
        #expect(config.status == 78, "\(bad.text): \(config.stderr)")
        #expect(config.stdout.isEmpty)
        let lines = config.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(config.stderr)")
        #expect(config.stderr.hasPrefix("lumbar: error: \(lumbar.configPath):\(bad.line): "), "\(config.stderr)")
        #expect(config.stderr.contains(bad.message), "\(config.stderr)")
        // Every command that reads settings stops before it changes anything.
        let checkIn = try lumbar.run(["checkin", "--pain", "3"])
        #expect(checkIn.status == 78, "\(checkIn.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lumbar.storePath), "a bad config must not let a check-in through")
    }

    @Test func aFileThatIsNotUTF8OrNotAFileIsRefused() throws {
        let lumbar = try runner(config: "")
        try Data([0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: lumbar.configPath))
        let binary = try lumbar.run(["config"], store: false)
        #expect(binary.status == 78)
        #expect(binary.stderr == "lumbar: error: \(lumbar.configPath): the config file is not UTF-8 text; save it as UTF-8\n")
        try FileManager.default.removeItem(atPath: lumbar.configPath)
        try FileManager.default.createDirectory(atPath: lumbar.configPath, withIntermediateDirectories: false)
        let directory = try lumbar.run(["status"])
        #expect(directory.status == 78)
        #expect(directory.stderr.contains("the config file is not a regular file"))
    }

    @Test func aBadEnvironmentValueNamesTheVariableAndABadFlagIsUsage() throws {
        var lumbar = try runner(config: nil)
        lumbar.environment["LUMBAR_WEEK_START"] = "friday"
        let env = try lumbar.run(["config"], store: false)
        #expect(env.status == 78)
        #expect(env.stderr.hasPrefix("lumbar: error: LUMBAR_WEEK_START=friday: week-start must be \"monday\" or \"sunday\""))
        #expect(env.stderr.hasSuffix("fix or unset LUMBAR_WEEK_START\n"))
        lumbar.environment["LUMBAR_WEEK_START"] = nil
        let flag = try lumbar.run(["remind", "--after", "30"])
        #expect(flag.status == 64)
        #expect(flag.stderr == "lumbar: error: --after must be a whole number from 0 to 23, got '30'\n")
    }

    // MARK: Each setting reaches its consumer

    /// A deadlift on Mon 2 Mar 18:00 and pain the next morning.
    private func lifter(config: String?) throws -> BinaryRunner {
        let lumbar = try runner(config: config)
        for arguments in [
            ["session", "--kind", "deadlift", "--at", "2026-03-02T18:00"],
            ["checkin", "--at", "2026-03-03T08:00", "--pain", "6"],
        ] {
            let run = try lumbar.run(arguments)
            #expect(run.status == 0, "\(run.stderr)")
        }
        return lumbar
    }

    @Test func theTwelveHourClockShowsInStatusAndTraining() throws {
        let twelve = try lifter(config: "clock = \"12h\"\n")
        let status = try twelve.run(["status"])
        #expect(status.stdout.contains("since the deadlift (Mon 6:00 PM)"), "\(status.stdout)")
        #expect(!status.stdout.contains("18:00"))
        let training = try twelve.run(["training"])
        #expect(training.stdout.contains("Mon 2 Mar 6:00 PM deadlift"), "\(training.stdout)")
        let standard = try lifter(config: nil)
        #expect(try standard.run(["status"]).stdout.contains("since the deadlift (Mon 18:00)"))
    }

    @Test func aBackfilledCheckInIsLoggedAtTheBackfillTime() throws {
        let lumbar = try runner(config: "backfill-time = \"09:30\"\n")
        let run = try lumbar.run(["checkin", "--date", "yesterday", "--pain", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Logged check-in 2026-03-04 09:30, pain 2"), "\(run.stdout)")
        let plain = try runner(config: nil)
        #expect(try plain.run(["checkin", "--date", "yesterday", "--pain", "2"]).stdout.hasPrefix("Logged check-in 2026-03-04 12:00"))
        let twelve = try runner(config: "backfill-time = \"21:05\"\nclock = \"12h\"\n")
        #expect(try twelve.run(["checkin", "--date", "mon", "--pain", "2"]).stdout.hasPrefix("Logged check-in 2026-03-02 9:05 PM"))
    }

    @Test func remindStaysQuietBeforeTheRemindHour() throws {
        let morning = try runner(config: "remind-hour = 18\n", now: "2026-03-05T10:00")
        let quiet = try morning.run(["remind"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty)
        let flagged = try morning.run(["remind", "--after", "9"])
        #expect(flagged.status == 1, "the flag beats the file")
        #expect(flagged.stdout.contains("no check-in yet today"))
        let evening = try runner(config: "remind-hour = 18\n", now: "2026-03-05T18:00")
        #expect(try evening.run(["remind"]).status == 1)
    }

    @Test func colourFollowsTheSettingAndNoColorOnlyWinsForAuto() throws {
        let escape = "\u{1B}["
        let always = try lifter(config: "color = \"always\"\n")
        #expect(try always.run(["status"]).stdout.contains(escape), "always colours even into a pipe")
        #expect(!(try always.run(["status", "--color", "never"]).stdout.contains(escape)))
        var noColor = always
        noColor.environment["NO_COLOR"] = "1"
        #expect(try noColor.run(["status"]).stdout.contains(escape), "an explicit always beats NO_COLOR")
        #expect(!(try noColor.run(["status", "--color", "auto"]).stdout.contains(escape)))
        let standard = try lifter(config: nil)
        #expect(!(try standard.run(["status"]).stdout.contains(escape)), "auto into a pipe: no colour")
    }

    @Test func weekStartAndUsualItemsReachTheScreens() throws {
        let sunday = try runner(config: "week-start = \"sunday\"\nusual-care = [\"physio\"]\n")
        let chart = try sunday.run(["show", "chart", "--width", "80", "--height", "24"])
        #expect(chart.stdout.contains("Su  Mo  Tu  We  Th  Fr  Sa"), "\(chart.stdout)")
        let today = try sunday.run(["show", "today", "--width", "80", "--height", "24"])
        let careLine = today.stdout.split(separator: "\n").first { $0.contains("[ ]") && $0.contains("physio") }
        #expect(
            careLine.map { $0.firstRange(of: "physio")!.lowerBound < ($0.firstRange(of: "stayed active")?.lowerBound ?? $0.endIndex) } == true,
            "\(today.stdout)")
        let monday = try runner(config: nil)
        #expect(try monday.run(["show", "chart", "--width", "80", "--height", "24"]).stdout.contains("Mo  Tu  We  Th  Fr  Sa  Su"))
    }
}

extension BinaryRunner {
    /// The config file lumbar reads for this runner (under its HOME).
    var configPath: String { directory + "/.config/lumbar/config.toml" }
}

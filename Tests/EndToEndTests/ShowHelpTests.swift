import Foundation
import LumbarUI
import Testing

/// `lumbar show --help` names every screen the UI has.
@Suite struct ShowHelpTests {
    @Test func helpListsEveryScreen() throws {
        let run = try BinaryRunner().run(["show", "--help"], store: false)
        #expect(run.status == 0)
        let sections = run.stdout.components(separatedBy: "\n\n")
        let overview = try #require(sections.first { $0.hasPrefix("OVERVIEW:") })
        let arguments = try #require(sections.first { $0.hasPrefix("ARGUMENTS:") })
        for screen in ScreenName.allCases {
            #expect(overview.contains(screen.rawValue), "'\(screen.rawValue)' missing from the overview")
            #expect(arguments.contains(screen.rawValue), "'\(screen.rawValue)' missing from <screen>")
        }
    }

    @Test func everyListedScreenPrints() throws {
        let lumbar = BinaryRunner()
        for screen in ScreenName.allCases {
            let run = try lumbar.run(["show", screen.rawValue, "--width", "80", "--height", "24"])
            #expect(run.status == 0, "show \(screen.rawValue): \(run.stderr)")
            #expect(!run.stdout.isEmpty)
        }
    }
}

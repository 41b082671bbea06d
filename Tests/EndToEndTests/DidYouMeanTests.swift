import Foundation
import Testing
@testable import lumbar

/// A mistyped command, option or help topic is one line naming the nearest known word, exit 64.
@Suite struct DidYouMeanTests {
    /// The only line on stderr of `run`, failing the test when there is not exactly one.
    private func oneLine(_ run: BinaryRunner.Run) -> String {
        let lines = run.stderr.split(whereSeparator: \.isNewline)
        #expect(lines.count == 1, "stderr: \(run.stderr)")
        return lines.first.map(String.init) ?? ""
    }

    @Test func aMistypedSubcommandSuggestsTheNearestOne() throws {
        let lumbar = BinaryRunner()
        let run = try lumbar.run(["chekin"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        let line = oneLine(run)
        #expect(line.hasPrefix("lumbar: error: "))
        #expect(line.contains("'chekin'"))
        #expect(line.hasSuffix("did you mean 'checkin'?"))
        #expect(!FileManager.default.fileExists(atPath: lumbar.storePath), "a typo must not create a journal")
    }

    @Test func aMistypedSubcommandAfterARootOptionIsStillFound() throws {
        let run = try BinaryRunner().run(["--store", "/nonexistent/journal.json", "stauts"], store: false)
        #expect(run.status == 64)
        #expect(oneLine(run).hasSuffix("did you mean 'status'?"))
    }

    @Test func aMistypedOptionSuggestsThatCommandsNearestOption() throws {
        let lumbar = BinaryRunner()
        let run = try lumbar.run(["checkin", "--pian", "3"])
        #expect(run.status == 64)
        let line = oneLine(run)
        #expect(line.contains("'--pian'"))
        #expect(line.contains("'lumbar checkin'"))
        #expect(line.hasSuffix("did you mean '--pain'?"))
        #expect(!FileManager.default.fileExists(atPath: lumbar.storePath))
    }

    @Test func theSuggestionComesFromTheCommandTyped() throws {
        // --minutes belongs to session, not checkin: the same typo gets a different answer.
        let session = try BinaryRunner().run(["session", "--kind", "run", "--minuts", "30"])
        #expect(session.status == 64)
        #expect(oneLine(session).hasSuffix("did you mean '--minutes'?"))
        let edit = try BinaryRunner().run(["edit", "abc", "--sudden-pian"])
        #expect(edit.status == 64)
        #expect(oneLine(edit).hasSuffix("did you mean '--sudden-pain'?"))
    }

    @Test func aWordFarFromEveryCommandListsTheCommands() throws {
        let run = try BinaryRunner().run(["xyzzy"])
        #expect(run.status == 64)
        let line = oneLine(run)
        #expect(!line.contains("did you mean"))
        #expect(line.contains("checkin") && line.contains("assessed"))
    }

    @Test func helpForAnUnknownCommandIsAnErrorNotTheRootHelp() throws {
        let run = try BinaryRunner().run(["help", "nosuch"], store: false)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty, "printed help: \(run.stdout.prefix(80))")
        #expect(oneLine(run).contains("'nosuch'"))
        let typo = try BinaryRunner().run(["help", "histroy"], store: false)
        #expect(typo.status == 64)
        #expect(oneLine(typo).hasSuffix("did you mean 'history'?"))
    }

    @Test func knownCommandsOptionsAndHelpStillWork() throws {
        let lumbar = BinaryRunner()
        let help = try lumbar.run(["help", "checkin"], store: false)
        #expect(help.status == 0)
        #expect(help.stdout.contains("--pain"))
        #expect(try lumbar.run(["help", "help"], store: false).status == 0)
        let logged = try lumbar.run(["checkin", "--pain=2", "--no-other-signs", "--care", "walking", "--note=--pian is a note"])
        #expect(logged.status == 0, "\(logged.stderr)")
        let history = try lumbar.run(["history", "--json"])
        #expect(history.stdout.contains("--pian is a note"))
        #expect(history.status == 0, "\(history.stderr)")
        let version = try lumbar.run(["--version"], store: false)
        #expect(version.status == 0)
    }

    @Test func editDistanceCountsASwapAsOneEdit() {
        #expect(UsageSuggestion.editDistance(Array("pian"), Array("pain")) == 1)
        #expect(UsageSuggestion.editDistance(Array("chekin"), Array("checkin")) == 1)
        #expect(UsageSuggestion.editDistance(Array(""), Array("abc")) == 3)
        #expect(UsageSuggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
    }

    @Test func closestNeedsToBeCloseForShortWords() {
        let names = ["show", "status", "session"]
        #expect(UsageSuggestion.closest(to: "shwo", in: names) == "show")
        #expect(UsageSuggestion.closest(to: "zz", in: names) == nil)
        // Three letters that begin only one command are taken as that command cut short.
        #expect(UsageSuggestion.closest(to: "sta", in: names) == "status")
        #expect(UsageSuggestion.closest(to: "--stor", in: ["--store", "--pain"]) == "--store")
    }
}

import Testing
@testable import lumbar

/// Issue 11 item 8: the one output sanitiser, on its own.
@Suite("Reliability: the output sanitiser")
struct ReliabilitySanitiserTests {
    @Test func controlCharactersAreShownNotObeyed() {
        #expect(TerminalSafeText.neutralize("run\u{1B}[2J\rLevel: none\u{7F}\u{9B}31m\u{0}") == "run^[[2J^MLevel: none^?\\u{9B}31m^@")
        #expect(TerminalSafeText.neutralize("tab\tand\nnewline stay, 痛い 😣 too") == "tab\tand\nnewline stay, 痛い 😣 too")
    }

    @Test func onlyLumbarsOwnColoursPassAndOnlyWhenColourIsOn() {
        let level = "\u{1B}[1;31murgent\u{1B}[0m"
        #expect(TerminalSafeText.neutralize(level, keepingStyles: true) == level)
        #expect(TerminalSafeText.neutralize(level) == "^[[1;31murgent^[[0m")
        // Text in its background's colour, concealed text, cursor moves and titles stay visible escapes.
        #expect(TerminalSafeText.neutralize("\u{1B}[31;41mhidden", keepingStyles: true) == "^[[31;41mhidden")
        #expect(TerminalSafeText.neutralize("\u{1B}[8mhidden", keepingStyles: true) == "^[[8mhidden")
        #expect(TerminalSafeText.neutralize("\u{1B}[H\u{1B}]0;title\u{07}", keepingStyles: true) == "^[[H^[]0;title^G")
        #expect(TerminalSafeText.neutralize("\u{1B}[0;1;7;30;42mLevel\u{1B}[0m", keepingStyles: true) == "\u{1B}[0;1;7;30;42mLevel\u{1B}[0m")
    }
}

import Foundation
import Testing
@testable import LumbarCore
@testable import LumbarText

/// The whole report, word for word, for the six-week story and for a journal without an episode.
/// Re-record with `LUMBAR_RECORD=1` after an intended change, and read the diff.
@Suite struct StoryGoldenTests {
    @Test func theSixWeekStoryInMarkdown() throws {
        try Golden.check(MarkdownReport.render(SixWeekStory.report), against: "six-week-story.md")
    }

    @Test func theSixWeekStoryInHTML() throws {
        try Golden.check(HTMLReport.render(SixWeekStory.report), against: "six-week-story.html")
    }

    @Test func aJournalWithoutAnEpisodeInMarkdown() throws {
        try Golden.check(MarkdownReport.render(SixWeekStory.calmReport), against: "no-episode.md")
    }

    @Test func aJournalWithoutAnEpisodeInHTML() throws {
        try Golden.check(HTMLReport.render(SixWeekStory.calmReport), against: "no-episode.html")
    }
}

import Foundation
import LumbarCore
import Testing
@testable import LumbarUI

/// A change made in the TUI is an edit in the merge's sense: it raises the entry's revision.
struct JournalChangeTests {
    static let time = Timestamp(epochMilliseconds: 1_772_700_000_000, utcOffsetSeconds: 0)

    @Test func replacingAStoredCheckInRaisesItsRevisionAndUndoRaisesItAgain() throws {
        let original = CheckIn(date: Self.time.localDate, at: Self.time, pain: 3, updatedAt: Self.time)
        var journal = Journal(sessions: [], checkIns: [original])
        var changed = original
        changed.pain = 5
        let undo = try #require(JournalChange.upsertCheckIn(changed).apply(to: &journal, at: Self.time))
        #expect(journal.checkIns.first?.revision == 2)
        #expect(journal.checkIns.first?.pain == 5)
        _ = undo.apply(to: &journal, at: Self.time)
        #expect(journal.checkIns.first?.pain == 3)
        #expect(journal.checkIns.first?.revision == 3)
    }

    @Test func aNewCheckInKeepsRevisionOne() {
        var journal = Journal()
        let new = CheckIn(date: Self.time.localDate, at: Self.time, pain: 2, updatedAt: Self.time)
        _ = JournalChange.upsertCheckIn(new).apply(to: &journal, at: Self.time)
        #expect(journal.checkIns.first?.revision == 1)
    }

    @Test func replacingAStoredSessionRaisesItsRevision() {
        let original = Session(at: Self.time, kind: "run", updatedAt: Self.time)
        var journal = Journal(sessions: [original], checkIns: [])
        var changed = original
        changed.minutes = 30
        _ = JournalChange.upsertSession(changed).apply(to: &journal, at: Self.time)
        #expect(journal.sessions.first?.revision == 2)
    }
}

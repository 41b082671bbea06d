import Foundation
import Testing
@testable import LumbarCore
import LumbarText
import LumbarTestSupport

/// `recurring-pain`: 14 counted dates among the last 28, one in the last 7, over two or more episodes.
@Suite("Recurring pain")
struct RecurringPainTests {
    static let today = LocalDate("2026-03-31")!

    /// Pain 5 at 09:00 on the dates `painful` days before today, pain 0 on `painFree`.
    static func journal(painful: [Int], painFree: [Int]) -> JournalBuilder {
        var b = JournalBuilder()
        for back in painful { b.checkIn("\(today.adding(days: -back)) 09:00", pain: 5) }
        for back in painFree { b.checkIn("\(today.adding(days: -back)) 09:00", pain: 0) }
        return b
    }

    static let now = "2026-03-31 20:00"

    @Test("14 counted dates over two episodes with one in the last 7 dates fire; 13 do not")
    func count() {
        let fires = Self.journal(painful: Array(13...20) + Array(0...5), painFree: [11, 12])
        #expect(fires.level(.recurringPain, at: Self.now) == .seeDoctor)
        #expect(fires.flag(.recurringPain, at: Self.now)?.headline.text.hasPrefix("Pain on 14 of the last 28 dates, over 2 episodes") == true)
        let short = Self.journal(painful: Array(13...20) + Array(0...4), painFree: [11, 12])
        #expect(short.level(.recurringPain, at: Self.now) == nil)
    }

    @Test("one long episode is pain-2-4-weeks' business, not recurring-pain")
    func oneEpisode() {
        let b = Self.journal(painful: Array(0...20), painFree: [])
        #expect(b.level(.recurringPain, at: Self.now) == nil)
        #expect(b.level(.pain2to4Weeks, at: Self.now) == .seeDoctor)
    }

    @Test("a counted date must lie within the last 7 dates", arguments: [(6, true), (7, false)])
    func lastWeek(latest: Int, fires: Bool) {
        let b = Self.journal(
            painful: Array((latest + 8)...(latest + 15)) + Array(latest...(latest + 5)),
            painFree: [latest + 6, latest + 7])
        #expect((b.level(.recurringPain, at: Self.now) != nil) == fires)
    }

    @Test("only the 28 dates ending today count", arguments: [(27, true), (28, false)])
    func window(oldest: Int, fires: Bool) {
        // 13 counted dates inside, plus one at `oldest`.
        let b = Self.journal(painful: [oldest] + Array(10...16) + Array(0...5), painFree: [8, 9, oldest - 1, oldest - 2])
        #expect((b.level(.recurringPain, at: Self.now) != nil) == fires)
    }

    @Test("training soreness dates are not counted", arguments: [true, false])
    func trainingSoreness(withSessions: Bool) {
        var b = JournalBuilder()
        // A check-in of 2 each date, a pain-free date each week and a closing pair 13–14 dates back;
        // with a session the evening before each, every painful date is training soreness.
        for back in 0...27 {
            let date = Self.today.adding(days: -back)
            b.checkIn("\(date) 09:00", pain: back % 7 == 3 || back == 13 || back == 14 ? 0 : 2)
            if withSessions { b.session("\(date.adding(days: -1)) 18:00") }
        }
        #expect((b.level(.recurringPain, at: Self.now) == nil) == withSessions)
    }
}

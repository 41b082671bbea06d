import LumbarCore
import LumbarTestSupport
import LumbarText
import Testing

/// Core's sentences keep times and loads as values; LumbarText writes them as `TimeText` and
/// `LoadText` always have.
@Suite("Phrase")
struct PhraseTests {
    let b = JournalBuilder()
    /// Mon 2 Mar 2026 18:00 in Stockholm.
    var monday: Timestamp { b.time("2026-03-02 18:00") }

    @Test("a time near the reference reads as weekday and clock, one further away gets its date")
    func nearTime() {
        let thursday = b.time("2026-03-05 09:00")
        let week = b.time("2026-03-08 18:00")
        let later = b.time("2026-03-09 18:00")
        let phrase: (Timestamp) -> Phrase = { "deadlift \(near: monday, reference: $0, in: b.zone)" }
        #expect(phrase(thursday).text == "deadlift Mon 18:00")
        #expect(phrase(week).text == "deadlift Mon 18:00")
        #expect(phrase(later).text == "deadlift Mon 2 Mar 18:00")
        #expect(phrase(later).text == "deadlift " + TimeText.near(monday, reference: later, in: b.zone))
    }

    @Test("each form, the 12-hour clock and another zone")
    func forms() {
        let tokyo = ZoneInfo(identifier: "Asia/Tokyo") ?? .gmt
        #expect(Phrase("\(dateTime: monday, in: b.zone)").text == "Mon 2 Mar 18:00")
        #expect(Phrase("\(weekdayTime: monday, in: b.zone, clock: .twelveHour)").text == "Mon 6:00 PM")
        #expect(Phrase("\(dateTime: monday, in: tokyo)").text == "Tue 3 Mar 02:00")
        #expect(Phrase("at \(clock: monday, in: b.zone)").text == "at 18:00")
    }

    @Test("a date reads short, with its year only when it is not the year it is seen in")
    func dates() throws {
        let onset = try #require(LocalDate(year: 2026, month: 3, day: 3))
        let old = try #require(LocalDate(year: 2022, month: 4, day: 7))
        #expect(Phrase("day 14 since \(date: onset)").text == "day 14 since Tue 3 Mar")
        #expect(Phrase("on \(date: old, seenOn: onset)").text == "on Thu 7 Apr 2022")
        #expect(Phrase("on \(date: onset, seenOn: onset)").text == "on Tue 3 Mar")
    }

    @Test("a load reads with its thousands separated", arguments: [(0, "0"), (2150, "2,150"), (1_234_567, "1,234,567"), (-4200, "-4,200")])
    func load(value: Int, text: String) {
        let phrase: Phrase = "This week's load is \(load: value)."
        #expect(phrase.text == "This week's load is \(text).")
        #expect(phrase.parts.contains(.load(value)))
    }

    @Test("interpolation keeps the words, numbers and nested phrases in order")
    func interpolation() {
        let pain = 7
        let kind = "deadlift"
        let inner: Phrase = "the \(kind) of \(dateTime: monday, in: b.zone)"
        let phrase: Phrase = "Pain \(pain) after \(inner), \(Int64(72)) h."
        #expect(phrase.text == "Pain 7 after the deadlift of Mon 2 Mar 18:00, 72 h.")
        #expect(phrase.parts.count == 3, "neighbouring words join into one part: \(phrase.parts)")
        let plain: Phrase = "No check-in yet."
        #expect(plain == Phrase("No check-in yet."))
        #expect(plain.parts == [.text("No check-in yet.")])
        #expect(("a" + Phrase("b")).parts == [.text("ab")])
        #expect(Phrase("").isEmpty)
    }

    @Test("a time keeps what it needs to be written later, not characters")
    func timeIsAValue() {
        let phrase: Phrase = "\(near: monday, reference: monday, in: b.zone, clock: .twelveHour)"
        #expect(phrase.parts == [.time(Phrase.Time(monday, style: .near(reference: monday), in: b.zone, clock: .twelveHour))])
    }
}

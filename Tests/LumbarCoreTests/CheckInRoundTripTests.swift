import Foundation
import Testing
@testable import LumbarCore

/// A check-in saved through the store, the way `lumbar checkin` saves it, on random journals:
/// the file then holds exactly the journal with that check-in, spelled byte for byte as a
/// full encode spells it (the save copies unchanged entries' text), and the previous file
/// is kept whole as backup 1.
@Suite(.serialized) struct CheckInRoundTripTests {
    /// A deterministic pseudo-random source (SplitMix64), so a failing seed can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let texts = ["", "fine", "a,b \"q\"", "two\nlines", "ryggen 😣", "=SUM(A1)", "\u{1}ctl", " spaced "]
    static let offsets = [0, 3600, 7200, -18_000, 19_800]

    static func time(_ random: inout Seeded, day: Int) -> Timestamp {
        let offset = offsets.randomElement(using: &random) ?? 0
        let ms = 1_600_000_000_000 + Int64(day) * 86_400_000 + Int64.random(in: 0..<86_400_000, using: &random)
        return Timestamp(epochMilliseconds: ms - ms % (Bool.random(using: &random) ? 1000 : 1), utcOffsetSeconds: offset)
    }

    static func checkIn(_ random: inout Seeded, day: Int) -> CheckIn {
        let at = time(&random, day: day)
        let pain = Int.random(in: 0...10, using: &random)
        let yes = Array(Symptom.known.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)))
        let no = Array(Symptom.warningSigns.filter { !yes.contains($0) }.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)))
        var c = CheckIn(
            date: at.localDate, at: at, pain: pain, worst: Bool.random(using: &random) ? nil : pain,
            symptoms: yes, denied: no, care: Array(SelfCare.known.prefix(Int.random(in: 0...2, using: &random))),
            note: texts.randomElement(using: &random) ?? "", updatedAt: at.adding(hours: 0.01),
            revision: Int.random(in: 1...3, using: &random))
        if Int.random(in: 0..<20, using: &random) == 0 { c.unknownFields = JSONObject([("mood", .string("ok"))]) }
        return c
    }

    static func journal(_ random: inout Seeded) -> Journal {
        let days = Int.random(in: 0...60, using: &random)
        let checkIns = (0..<days).map { checkIn(&random, day: $0) }
        let sessions = (0..<days / 2).map { n -> Session in
            let at = time(&random, day: n * 2)
            return Session(
                at: at, kind: texts.randomElement(using: &random) ?? "run", minutes: Bool.random(using: &random) ? nil : 40,
                rpe: 7, suddenPain: Bool.random(using: &random), note: texts.randomElement(using: &random) ?? "", updatedAt: at)
        }
        var journal = Journal(profile: Profile(birthYear: 1984), sessions: sessions, checkIns: checkIns)
        if let first = checkIns.first, Bool.random(using: &random) { _ = journal.delete(id: first.id, at: first.updatedAt) }
        return journal
    }

    @Test(arguments: 0..<40)
    func aSavedCheckInIsReadBackExactlyAndTheFileIsAFullEncode(seed: Int) throws {
        var random = Seeded(state: UInt64(seed) &* 7919)
        let dir = TempDirectory()
        let store = JournalStore(path: dir.file("journal.json"))
        let before = Self.journal(&random)
        if seed % 10 != 0 { try store.update { $0 = before } }  // seed 0, 10, ...: the first check-in ever
        let previous = bytes(of: store.path)
        // A new check-in at a random day (often the last, as a person logs now), or an edit of one.
        var added = Self.checkIn(&random, day: Int.random(in: 0...70, using: &random))
        let existing = try store.load().checkIns
        if let edited = existing.randomElement(using: &random) {
            switch Int.random(in: 0..<3, using: &random) {
            case 0: added.id = edited.id  // an edit that moves the check-in to another time
            case 1:  // an edit in place: same time, other answers (as `lumbar edit` makes)
                added = edited
                added.pain = (edited.pain + 1) % 11
                added.note += " (edited)"
                added.revision += 1
            default: break
            }
        }
        try store.update { $0.upsert(added) }

        let read = try store.load()
        var expected = try previous.map { try JournalCodec.decode($0) } ?? Journal()
        expected.upsert(added)
        #expect(read == expected, "seed \(seed)")
        #expect(bytes(of: store.path) == JournalCodec.encode(expected), "seed \(seed): the save is not what a full encode writes")
        if let previous { #expect(bytes(of: store.backupPath(1)) == previous, "seed \(seed): backup 1 is not the previous file") }
    }
}

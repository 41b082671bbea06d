import Foundation
import Testing
@testable import LumbarCore

/// Builds small journals for the tests.
enum Sample {
    static let zone = TimeZone(identifier: "Europe/Stockholm")!

    static func time(_ text: String) -> Timestamp {
        try! Timestamp.parse(text, localTimeZone: zone).get()
    }

    static func checkIn(_ at: String, pain: Int, symptoms: [Symptom] = [], care: [SelfCare] = [], note: String = "") -> CheckIn {
        let t = time(at)
        return CheckIn(date: LocalDate(instant: t.date, in: zone), at: t, pain: pain, worst: pain == 0 ? nil : min(10, pain + 1),
                       symptoms: symptoms, care: care, note: note, updatedAt: t)
    }

    static func session(_ at: String, kind: String = "deadlift", sudden: Bool = false) -> Session {
        let t = time(at)
        return Session(at: t, kind: kind, minutes: 45, rpe: 8, suddenPain: sudden, note: "", updatedAt: t)
    }

    static let journal: Journal = {
        Journal(profile: Profile(birthYear: 1980),
                sessions: [session("2026-03-02T18:00", sudden: true)],
                checkIns: [checkIn("2026-03-03T08:00", pain: 5, symptoms: [.stiffness], care: [.heat], note: "ryggen 😣 \"stel\"\nline two"),
                           checkIn("2026-03-04T08:00", pain: 3)])
    }()
}

@Suite struct JournalCodecTests {
    @Test func roundTripsThroughTheStoreLayout() throws {
        let journal = Sample.journal
        let bytes = JournalCodec.encode(journal)
        #expect(try JournalCodec.decode(bytes) == journal)
        // One entry per line keeps the file readable and diffable.
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("{\"id\"") }.count == 3)
    }

    @Test func roundTripsThroughTheInterchangeShape() throws {
        var writer = JSONWriter()
        writer.writePretty(JournalCodec.json(Sample.journal, includeTombstones: false))
        let object = try #require(try JSONParser.parse(writer.bytes).objectValue)
        #expect(object.members.map(\.key) == ["schemaVersion", "profile", "sessions", "checkIns"])
        #expect(try JournalCodec.decode(writer.bytes) == Sample.journal)
    }

    @Test func theStoreAndTheInterchangeSpellEveryEntryAlike() throws {
        // The store's compact writer and the JSONValue form behind export and history --json
        // must not drift apart: a field written by one and not the other would be lost.
        var checkIn = Sample.journal.checkIns[0]
        checkIn.unknownFields = JSONObject([("mood", .string("ok"))])
        var session = Sample.journal.sessions[0]
        session.unknownFields = JSONObject([("gear", .array([.string("belt")]))])
        func viaValue(_ value: JSONValue) -> [UInt8] {
            var w = JSONWriter()
            w.write(value)
            return w.bytes
        }
        var w = JSONWriter()
        JournalCodec.write(checkIn, to: &w)
        #expect(w.bytes == viaValue(JournalCodec.json(checkIn)))
        w = JSONWriter()
        JournalCodec.write(session, to: &w)
        #expect(w.bytes == viaValue(JournalCodec.json(session)))
        w = JSONWriter()
        JournalCodec.write(Sample.journal.profile, to: &w)
        #expect(w.bytes == viaValue(JournalCodec.json(Sample.journal.profile)))
        let tombstone = Tombstone(id: checkIn.id, deletedAt: checkIn.updatedAt)
        w = JSONWriter()
        JournalCodec.write(tombstone, to: &w)
        #expect(w.bytes == viaValue(JournalCodec.json(tombstone)))
    }

    @Test func keepsFieldsItDoesNotKnow() throws {
        let text = """
            {"schemaVersion":1,"futureTop":{"x":[1,2]},"profile":{"birthYear":1990,"height":180},
            "sessions":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000001","at":"2026-03-02T18:00:00+01:00","kind":"run","gear":"shoes"}],
            "checkIns":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","date":"2026-03-03","at":"2026-03-03T08:00:00+01:00","pain":2,"symptoms":["stiffness","future-symptom"],"mood":"ok"}]}
            """
        var journal = try JournalCodec.decode(Array(text.utf8))
        journal.upsert(Sample.checkIn("2026-03-05T08:00", pain: 1))
        let rewritten = try #require(try JSONParser.parse(JournalCodec.encode(journal)).objectValue)
        #expect(rewritten["futureTop"] == .object(JSONObject([("x", .array([.number("1"), .number("2")]))])))
        #expect(rewritten["profile"]?.objectValue?["height"] == .number("180"))
        let session = try #require(rewritten["sessions"]?.arrayValue?.first?.objectValue)
        #expect(session["gear"] == .string("shoes"))
        let checkIn = try #require(rewritten["checkIns"]?.arrayValue?.first?.objectValue)
        #expect(checkIn["mood"] == .string("ok"))
        #expect(checkIn["symptoms"] == .array([.string("stiffness"), .string("future-symptom")]))
    }

    @Test(arguments: [
        (#"[]"#, "must be a JSON object"),
        (#"{"sessions":[],"checkIns":[]}"#, "schemaVersion is missing"),
        (#"{"schemaVersion":"1"}"#, "schemaVersion must be a whole number"),
        (#"{"schemaVersion":1,"checkIns":{}}"#, "checkIns must be an array"),
        (#"{"schemaVersion":1,"checkIns":[{"id":"x","at":"2026-03-03T08:00:00Z","pain":1}]}"#, "checkIns[0].id must be a UUID"),
        (#"{"schemaVersion":1,"checkIns":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00Z","pain":"high"}]}"#, "checkIns[0].pain must be a whole number"),
        (#"{"schemaVersion":1,"checkIns":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00Z","pain":1e999}]}"#, "checkIns[0].pain must be a whole number"),
        (#"{"schemaVersion":1,"checkIns":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00Z","pain":11}]}"#, "checkIns[0].pain must be from 0 to 10"),
        (#"{"schemaVersion":1,"checkIns":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00","pain":1}]}"#, "checkIns[0].at must be an ISO 8601 time with an offset"),
        (#"{"schemaVersion":1,"sessions":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00Z","suddenPain":"yes"}]}"#, "sessions[0].suddenPain must be true or false"),
    ])
    func refusesWronglyTypedJournals(text: String, expected: String) {
        #expect {
            _ = try JournalCodec.decode(Array(text.utf8))
        } throws: { error in
            "\(error)".contains(expected)
        }
    }

    @Test func ordersEntriesByTimeAndKeepsLoggingOrderForTies() {
        var journal = Journal()
        let a = Sample.checkIn("2026-03-03T08:00", pain: 1)
        let b = Sample.checkIn("2026-03-02T08:00", pain: 2)
        let c = Sample.checkIn("2026-03-03T08:00", pain: 3)
        for entry in [a, b, c] { journal.upsert(entry) }
        #expect(journal.checkIns.map(\.pain) == [2, 1, 3])
    }

    @Test func mergeIsIdempotentAndNewerEditsWin() {
        var mine = Sample.journal
        var theirs = mine
        var edited = theirs.checkIns[0]
        edited.pain = 7
        edited.updatedAt = edited.updatedAt.adding(hours: 1)
        theirs.upsert(edited)
        let extra = Sample.checkIn("2026-03-06T08:00", pain: 2)
        theirs.upsert(extra)
        let first = mine.merge(theirs)
        #expect(first.added == 1 && first.updated == 1)
        #expect(mine.checkIn(id: edited.id)?.pain == 7)
        let second = mine.merge(theirs)
        #expect(!second.changedSomething)
    }

    @Test func mergeKeepsDeletionsFromEitherSide() {
        var mine = Sample.journal
        var theirs = mine
        let gone = mine.checkIns[1]
        theirs.delete(id: gone.id, at: gone.updatedAt.adding(hours: 2))
        let report = mine.merge(theirs)
        #expect(report.deleted == 1)
        #expect(mine.checkIn(id: gone.id) == nil)
        // Merging an older copy that still has the entry does not bring it back.
        #expect(mine.merge(Sample.journal).added == 0)
        #expect(mine.checkIn(id: gone.id) == nil)
    }
}

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
        #expect(object.members.map(\.key) == ["schemaVersion", "profile", "sessions", "checkIns", "assessments"])
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

/// Schema 2: no answers, revisions, profile history, assessments, recoverable tombstones, and
/// the upgrade of a version-1 journal.
@Suite struct JournalSchema2Tests {
    static func fixture(_ name: String) -> [UInt8] { ReliabilityCorpus.bytes("valid", name) }

    static let journal: Journal = {
        var checkIn = Sample.checkIn("2026-03-03T08:00", pain: 4, symptoms: [.numbness])
        checkIn.denied = [.bladderBowel, .bothLegs, Symptom(rawValue: "future-sign")]
        checkIn.revision = 3
        var session = Sample.session("2026-03-02T18:00")
        session.revision = 2
        let assessment = Assessment(at: Sample.time("2026-03-05T10:00"),
                                    rules: [.init(rule: "nerve-signs", level: .urgent), .init(rule: "future-rule", level: .seeDoctor)],
                                    note: "GP", updatedAt: Sample.time("2026-03-05T10:00"), revision: 4)
        var journal = Journal(profile: Profile(birthYear: 1980, history: [.cancer, HistoryItem(rawValue: "future-item")]),
                              sessions: [session], checkIns: [checkIn, Sample.checkIn("2026-03-04T08:00", pain: 2)],
                              assessments: [assessment])
        journal.delete(id: journal.checkIns[1].id, at: Sample.time("2026-03-06T08:00"))
        return journal
    }()

    @Test func everyNewMemberSurvivesBothReadersAndTheInterchangeShape() throws {
        let bytes = JournalCodec.encode(Self.journal)
        let fast = try #require(bytes.withUnsafeBufferPointer { JournalReader.read($0) })
        #expect(fast == Self.journal)
        #expect(try JournalCodec.decodeByTree(bytes) == Self.journal)
        let stored = try #require(fast.checkIns.first)
        #expect(stored.denied.map(\.rawValue) == ["bladder-bowel", "both-legs", "future-sign"])
        #expect(stored.revision == 3 && fast.sessions[0].revision == 2 && fast.assessments[0].revision == 4)
        #expect(fast.profile.history.map(\.rawValue) == ["cancer", "future-item"])
        #expect(fast.assessments[0].rules.map(\.rule) == ["nerve-signs", "future-rule"])
        var w = JSONWriter()
        w.writePretty(JournalCodec.json(Self.journal, includeTombstones: false))
        var withoutTombstones = Self.journal
        withoutTombstones.removeTombstones()
        #expect(try JournalCodec.decode(w.bytes) == withoutTombstones)
    }

    @Test func aDeletionKeepsTheEntryItDeletedAndItsRevision() throws {
        let tombstone = try #require(Self.journal.tombstones.first)
        #expect(tombstone.revision == 2 && tombstone.kind == "checkIn")
        let entry = try #require(tombstone.entry)
        let recovered = try JournalCodec.decodeCheckIn(.object(entry), path: "")
        #expect(recovered.pain == 2 && recovered.id == tombstone.id)
        let reread = try JournalCodec.decode(JournalCodec.encode(Self.journal))
        #expect(reread.tombstones == Self.journal.tombstones)
    }

    @Test func aVersion1JournalReadsItsUnlistedVersion1WarningSignsAsNo() throws {
        for name in ["small.json", "noncanonical.json"] {
            let bytes = Self.fixture(name)
            let journal = try JournalCodec.decode(bytes)
            #expect(journal.schemaVersion == 1)
            #expect(try JournalCodec.decodeByTree(bytes) == journal, "\(name): the two readers disagree on the upgrade")
            for checkIn in journal.checkIns {
                #expect(checkIn.denied == Symptom.version1WarningSigns.filter { !checkIn.symptoms.contains($0) })
                for newQuestion in Symptom.warningSigns where !Symptom.version1WarningSigns.contains(newQuestion) {
                    #expect(checkIn.answer(to: newQuestion) == nil, "\(newQuestion) is new in version 2 and stays unanswered")
                }
                #expect(checkIn.revision == 1)
            }
        }
    }

    @Test func aVersion1JournalIsWrittenAsSchema2OnItsNextSave() throws {
        let scratch = try ReliabilityScratch()
        let store = JournalStore(path: scratch.file("journal.json"))
        #expect(FileManager.default.createFile(atPath: store.path, contents: Data(Self.fixture("small.json"))))
        try store.update { $0.profile.birthYear = 1981 }
        let text = String(decoding: scratch.bytes("journal.json"), as: UTF8.self)
        #expect(text.hasPrefix("{\"schemaVersion\":2,"))
        #expect(text.contains("\"denied\":[\"bladder-bowel\",\"saddle-numbness\",\"leg-weakness\""))
        let reread = try store.load()
        #expect(reread.checkIns.allSatisfy { $0.answer(to: .urinaryDifficulty) == nil && $0.answer(to: .numbness) == false })
    }

    @Test func aSchema2EntryWithoutARevisionIsRevision1() throws {
        let journal = try JournalCodec.decode(Self.fixture("schema2.json"))
        #expect(journal.checkIns.map(\.revision) == [3, 1])
        #expect(journal.tombstones.map(\.revision) == [2, 2])
        #expect(journal.checkIns[0].denied.map(\.rawValue) == ["bladder-bowel", "saddle-numbness", "future-warning-sign"])
    }

    @Test func unknownNoAnswersHistoryAndRuleIdsSurviveARewrite() throws {
        var journal = try JournalCodec.decode(Self.fixture("schema2.json"))
        journal.upsert(Sample.checkIn("2026-03-07T08:00", pain: 1))
        let rewritten = String(decoding: JournalCodec.encode(journal), as: UTF8.self)
        for kept in ["\"future-warning-sign\"", "\"future-history-item\"", "{\"id\":\"future-rule\",\"level\":\"see-doctor\"}"] {
            #expect(rewritten.contains(kept))
        }
    }

    @Test(arguments: [
        (#""symptoms":["numbness"],"denied":["numbness"]"#, "checkIns[0].denied[0]", "both yes"),
        (#""symptoms":[],"denied":["fever","stiffness"]"#, "checkIns[0].denied[1]", "not a warning-sign question"),
        (#""denied":"fever""#, "checkIns[0].denied", "must be an array"),
        (#""denied":[""]"#, "checkIns[0].denied[0]", "non-empty string"),
        (#""revision":0"#, "checkIns[0].revision", "must be from 1 up"),
    ])
    func refusesNoAnswersThatContradictOrAreNotWarningSigns(members: String, field: String, problem: String) {
        let text = #"{"schemaVersion":2,"checkIns":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00Z","pain":1,"#
            + members + "}]}"
        #expect {
            _ = try JournalCodec.decode(Array(text.utf8))
        } throws: { error in
            guard let error = error as? JournalFormatError else { return false }
            return error.field == field && error.problem.contains(problem)
        }
    }

    @Test(arguments: [
        (#"{"schemaVersion":2,"assessments":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00Z","rules":[{"id":"x","level":"dire"}]}]}"#, "assessments[0].rules[0].level"),
        (#"{"schemaVersion":2,"assessments":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00Z","rules":["x"]}]}"#, "assessments[0].rules[0]"),
        (#"{"schemaVersion":2,"profile":{"history":[1]}}"#, "profile.history[0]"),
    ])
    func refusesBrokenAssessmentsAndHistory(text: String, field: String) {
        #expect {
            _ = try JournalCodec.decode(Array(text.utf8))
        } throws: { error in
            (error as? JournalFormatError)?.field == field
        }
    }
}

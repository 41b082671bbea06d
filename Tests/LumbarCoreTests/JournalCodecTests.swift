import Foundation
import Testing
@testable import LumbarCore

/// Builds small journals for the tests.
enum Sample {
    static let zone = ZoneInfo(identifier: "Europe/Stockholm")!

    static func time(_ text: String) -> Timestamp {
        try! Timestamp.parse(text, localTimeZone: zone).get()
    }

    static func checkIn(_ at: String, pain: Int, symptoms: [Symptom] = [], care: [SelfCare] = [], note: String = "") -> CheckIn {
        let t = time(at)
        return CheckIn(
            date: LocalDate(instant: t.date, in: zone), at: t, pain: pain, worst: pain == 0 ? nil : min(10, pain + 1),
            symptoms: symptoms, care: care, note: note, updatedAt: t)
    }

    static func session(_ at: String, kind: String = "deadlift", sudden: Bool = false) -> Session {
        let t = time(at)
        return Session(at: t, kind: kind, minutes: 45, rpe: 8, suddenPain: sudden, note: "", updatedAt: t)
    }

    static let journal: Journal = {
        Journal(
            profile: Profile(birthYear: 1980),
            sessions: [session("2026-03-02T18:00", sudden: true)],
            checkIns: [
                checkIn("2026-03-03T08:00", pain: 5, symptoms: [.stiffness], care: [.heat], note: "ryggen 😣 \"stel\"\nline two"),
                checkIn("2026-03-04T08:00", pain: 3),
            ])
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
        (
            #"{"schemaVersion":1,"checkIns":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00Z","pain":"high"}]}"#,
            "checkIns[0].pain must be a whole number"
        ),
        (
            #"{"schemaVersion":1,"checkIns":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00Z","pain":1e999}]}"#,
            "checkIns[0].pain must be a whole number"
        ),
        (
            #"{"schemaVersion":1,"checkIns":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00Z","pain":11}]}"#,
            "checkIns[0].pain must be from 0 to 10"
        ),
        (
            #"{"schemaVersion":1,"checkIns":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00","pain":1}]}"#,
            "checkIns[0].at must be an ISO 8601 time with an offset"
        ),
        (
            #"{"schemaVersion":1,"sessions":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00Z","suddenPain":"yes"}]}"#,
            "sessions[0].suddenPain must be true or false"
        ),
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
        theirs.edit(edited)
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
        let assessment = Assessment(
            at: Sample.time("2026-03-05T10:00"),
            rules: [.init(rule: "nerve-signs", level: .urgent), .init(rule: "future-rule", level: .seeDoctor)],
            note: "GP", updatedAt: Sample.time("2026-03-05T10:00"), revision: 4)
        var journal = Journal(
            profile: Profile(birthYear: 1980, history: [.cancer, HistoryItem(rawValue: "future-item")]),
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
        let text =
            #"{"schemaVersion":2,"checkIns":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00Z","pain":1,"#
            + members + "}]}"
        #expect {
            _ = try JournalCodec.decode(Array(text.utf8))
        } throws: { error in
            guard let error = error as? JournalFormatError else { return false }
            return error.field == field && error.problem.contains(problem)
        }
    }

    @Test(arguments: [
        (
            #"{"schemaVersion":2,"assessments":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00Z","rules":[{"id":"x","level":"dire"}]}]}"#,
            "assessments[0].rules[0].level"
        ),
        (
            #"{"schemaVersion":2,"assessments":[{"id":"6f1c2f9e-3a1b-4c55-9f00-000000000002","at":"2026-03-03T08:00:00Z","rules":["x"]}]}"#,
            "assessments[0].rules[0]"
        ),
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

/// Merging by revision: who wins never depends on a clock, and both sides converge.
@Suite struct MergeRevisionTests {
    static func edited(_ c: CheckIn, pain: Int, updatedAt: String) -> CheckIn {
        var c = c
        c.pain = pain
        c.worst = nil
        c.updatedAt = Sample.time(updatedAt)
        return c
    }

    @Test func anEditMadeWithTheClockSetBackStillWins() throws {
        var mine = Sample.journal
        var theirs = mine
        let original = mine.checkIns[0]
        // The other machine's clock is a year behind: its edit is stamped before the original.
        theirs.edit(Self.edited(original, pain: 8, updatedAt: "2025-03-03T09:00"))
        #expect(theirs.checkIn(id: original.id)?.revision == 2)
        let report = mine.merge(theirs)
        #expect(report.updated == 1)
        #expect(mine.checkIn(id: original.id)?.pain == 8)
    }

    @Test func anUpdatedAtInYear9999GainsNothing() throws {
        var mine = Sample.journal
        let original = mine.checkIns[0]
        mine.edit(Self.edited(original, pain: 6, updatedAt: "2026-03-04T09:00"))
        var forged = Journal(sessions: [], checkIns: [Self.edited(original, pain: 1, updatedAt: "9999-12-31T23:00")])
        forged.schemaVersion = 2
        let report = mine.merge(forged)
        #expect(report.updated == 0 && report.skipped == 1)
        #expect(mine.checkIn(id: original.id)?.pain == 6)
    }

    @Test func equalRevisionsWithDifferentContentConvergeOnBothMachines() throws {
        var laptop = Sample.journal
        var desktop = Sample.journal
        let original = laptop.checkIns[0]
        laptop.edit(Self.edited(original, pain: 2, updatedAt: "2026-03-03T10:00"))
        desktop.edit(Self.edited(original, pain: 9, updatedAt: "2026-03-03T09:00"))
        let laptopCopy = laptop, desktopCopy = desktop
        laptop.merge(desktopCopy)
        desktop.merge(laptopCopy)
        #expect(laptop == desktop)
        // And the winner does not depend on which side was written later.
        #expect(laptop.checkIn(id: original.id)?.revision == 2)
        #expect(!laptop.merge(desktop).changedSomething)
    }

    @Test func anEditTheDeleterHadNotSeenOutlivesTheDeletion() throws {
        var mine = Sample.journal
        var theirs = mine
        let target = mine.checkIns[1]
        mine.edit(Self.edited(target, pain: 4, updatedAt: "2026-03-04T12:00"))
        theirs.delete(id: target.id, at: Sample.time("2026-03-04T13:00"))
        let report = mine.merge(theirs)
        #expect(report.deleted == 0)
        #expect(mine.checkIn(id: target.id)?.pain == 4)
        // The other side takes the edit back rather than keeping the deletion.
        theirs.merge(mine)
        #expect(theirs.checkIn(id: target.id)?.pain == 4)
    }

    @Test func moreThanThreeDeletionsOrOneEditedAfterItsDeletionNeedConfirmation() throws {
        var base = Journal()
        for day in 1...5 { base.upsert(Sample.checkIn("2026-03-0\(day)T08:00", pain: day)) }
        var three = base, four = base
        for c in base.checkIns.prefix(3) { three.delete(id: c.id, at: Sample.time("2026-03-09T08:00")) }
        for c in base.checkIns.prefix(4) { four.delete(id: c.id, at: Sample.time("2026-03-09T08:00")) }
        var copy = base
        #expect(!copy.merge(three).needsConfirmation)
        copy = base
        let report = copy.merge(four)
        #expect(report.deleted == 4 && report.needsConfirmation)
        // Deleted there at 08:00 (by that clock) what was last written here at 09:00.
        var early = base
        early.delete(id: base.checkIns[4].id, at: Sample.time("2026-03-05T07:00"))
        var later = base
        var touched = base.checkIns[4]
        touched.updatedAt = Sample.time("2026-03-05T09:00")
        later.upsert(touched)
        let suspicious = later.merge(early)
        #expect(suspicious.deleted == 1 && suspicious.deletions[0].editedAfterDeletion && suspicious.needsConfirmation)
    }

    @Test func aDeletedEntryCanBeBroughtBackAndStaysBackAfterAMerge() throws {
        var mine = Sample.journal
        let gone = mine.checkIns[0]
        mine.delete(id: gone.id, at: Sample.time("2026-03-05T08:00"))
        let withTombstone = mine
        #expect(mine.recoverableDeletions.map(\.id) == [gone.id])
        #expect(try mine.undelete(id: gone.id) == "checkIn")
        let back = try #require(mine.checkIn(id: gone.id))
        #expect(back.pain == gone.pain && back.note == gone.note && back.revision == 3)
        #expect(mine.merge(withTombstone).deleted == 0)
        #expect(mine.checkIn(id: gone.id) != nil)
        var other = withTombstone
        other.merge(mine)
        #expect(other.checkIn(id: gone.id)?.pain == gone.pain)
    }

    @Test func aDeletionThatDoesNotSayWhatItDeletedNeverLosesWhatThisSideKept() throws {
        var mine = Sample.journal
        let gone = mine.checkIns[1]
        mine.delete(id: gone.id, at: Sample.time("2026-03-05T08:00"))
        // The same deletion as an older lumbar records it: no entry, no kind.
        let bare = Journal(
            sessions: Sample.journal.sessions, checkIns: [Sample.journal.checkIns[0]],
            tombstones: [Tombstone(id: gone.id, deletedAt: Sample.time("2026-03-05T09:00"))])
        for _ in 0..<2 { mine.merge(bare) }
        #expect(mine.recoverableDeletions.map(\.id) == [gone.id])
        var other = bare
        other.merge(mine)
        other.merge(mine)
        #expect(other.recoverableDeletions.map(\.id) == [gone.id])
        #expect(try other.undelete(id: gone.id) == "checkIn")
    }

    @Test func assessmentsHistoryAndAssessmentDeletionsAreMerged() throws {
        var mine = Sample.journal
        var theirs = mine
        let assessment = Assessment(
            at: Sample.time("2026-03-05T10:00"), rules: [.init(rule: "nerve-signs", level: .urgent)],
            updatedAt: Sample.time("2026-03-05T10:00"))
        theirs.upsert(assessment)
        theirs.profile.history = [.osteoporosis]
        mine.profile.history = [.cancer]
        #expect(mine.merge(theirs).added == 1)
        #expect(mine.assessment(id: assessment.id) == assessment)
        #expect(mine.profile.history == [.cancer, .osteoporosis])
        theirs.deleteAssessment(id: assessment.id, at: Sample.time("2026-03-06T10:00"))
        let report = mine.merge(theirs)
        #expect(report.deleted == 1 && mine.assessments.isEmpty)
        #expect(mine.tombstones.first { $0.id == assessment.id }?.kind == "assessment")
    }

    @Test func aRowWithoutARevisionNeverReplacesADifferentEntry() throws {
        var mine = Sample.journal
        let original = mine.checkIns[0]
        mine.edit(Self.edited(original, pain: 6, updatedAt: "2026-03-04T09:00"))
        let stale = Journal(sessions: [], checkIns: [Self.edited(original, pain: 5, updatedAt: "2030-01-01T00:00")])
        var copy = mine
        let report = copy.merge(stale, unrevised: [original.id])
        #expect(report.conflicts == [original.id] && !report.changedSomething)
        #expect(copy.checkIn(id: original.id)?.pain == 6)
        // The same row for an id not here yet is added.
        var empty = Journal()
        #expect(empty.merge(stale, unrevised: [original.id]).added == 1)
    }
}

/// The schema is declared once, and everything that lists members agrees with the declaration.
@Suite struct StoreFormatDocsTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/store-format.md")

    @Test func theDocsMemberTableNamesExactlyTheSchemaMembers() throws {
        let text = try String(contentsOf: Self.docs, encoding: .utf8)
        var documented: [String] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cell = line.dropFirst(3).prefix { $0 != "`" }
            documented.append(String(cell))
        }
        let declared = JournalSchema.tables.flatMap { table in table.members.map { table.prefix + $0.name } }
        #expect(
            documented.sorted() == declared.sorted(),
            "documented but not declared: \(Set(documented).subtracting(declared)); declared but not documented: \(Set(declared).subtracting(documented))"
        )
        #expect(Set(documented).count == documented.count, "a member is documented twice")
    }

    @Test func theWriterTheReaderAndCSVFollowTheDeclaredOrder() throws {
        let bytes = JournalCodec.encode(JournalSchema2Tests.journal)
        let root = try #require(try JSONParser.parse(bytes).objectValue)
        #expect(root.members.map(\.key) == JournalSchema.names(JournalSchema.journal))
        let checkIn = try #require(root["checkIns"]?.arrayValue?.first?.objectValue)
        #expect(checkIn.members.map(\.key) == JournalSchema.names(JournalSchema.checkIn))
        let session = try #require(root["sessions"]?.arrayValue?.first?.objectValue)
        #expect(session.members.map(\.key) == JournalSchema.names(JournalSchema.session))
        let assessment = try #require(root["assessments"]?.arrayValue?.first?.objectValue)
        #expect(assessment.members.map(\.key) == JournalSchema.names(JournalSchema.assessment))
        #expect(root["profile"]?.objectValue?.members.map(\.key) == JournalSchema.names(JournalSchema.profile))
        let tombstone = try #require(root["tombstones"]?.arrayValue?.first?.objectValue)
        #expect(tombstone.members.map(\.key) == JournalSchema.names(JournalSchema.tombstone))
        #expect(CheckInCSV.columns == JournalSchema.names(JournalSchema.checkIn))
        #expect(JournalReader.checkInNames == JournalSchema.names(JournalSchema.checkIn).map(PackedMemberName.init))
        // Required members: a file without one is refused, naming it.
        for member in JournalSchema.checkIn where member.isRequired {
            var object = try #require(JournalCodec.json(JournalSchema2Tests.journal.checkIns[0]).objectValue)
            object = object.removingKeys([member.name])
            #expect(throws: JournalFormatError.self) { try JournalCodec.decodeCheckIn(.object(object), path: "c") }
        }
    }
}

/// One set of entry rules for the command line, the TUI and import.
@Suite struct EntryRulesTests {
    @Test(arguments: [
        (0, nil as Int?, [] as [String], [] as [String], nil as String?),
        (10, 10, [], [], nil),
        (11, nil, [], [], "pain"),
        (-1, nil, [], [], "pain"),
        (5, 4, [], [], "worst"),
        (5, 11, [], [], "worst"),
        (5, 5, ["numbness"], ["numbness"], "denied"),
        (5, 5, [], ["stiffness"], "denied"),
        (5, 5, ["no-such-symptom"], [], "symptoms"),
        (5, 5, ["numbness"], ["fever", "both-legs"], nil),
    ])
    func checkIns(pain: Int, worst: Int?, yes: [String], no: [String], field: String?) {
        let problem = EntryRules.problem(
            pain: pain, worst: worst, symptoms: yes.map(Symptom.init(rawValue:)),
            denied: no.map(Symptom.init(rawValue:)))
        #expect(problem?.field == field, "\(String(describing: problem))")
    }

    @Test(arguments: [
        ("run", nil as Int?, nil as Int?, nil as String?),
        ("run", 1, 1, nil), ("run", 1440, 10, nil),
        ("run", 0, nil, "minutes"), ("run", 1441, nil, "minutes"),
        ("run", 30, 0, "rpe"), ("run", 30, 11, "rpe"),
        ("  ", 30, 5, "kind"),
    ])
    func sessions(kind: String, minutes: Int?, rpe: Int?, field: String?) {
        #expect(EntryRules.problem(kind: kind, minutes: minutes, rpe: rpe)?.field == field)
    }

    @Test func unknownCareIsRefused() {
        #expect(EntryRules.problem(pain: 1, worst: nil, symptoms: [], care: [SelfCare(rawValue: "yoga-ish")])?.field == "care")
        #expect(EntryRules.problem(with: Sample.checkIn("2026-03-03T08:00", pain: 3)) == nil)
    }
}

import Foundation
import Testing
@testable import LumbarCore

/// The byte-level writers of `export` and `history --json` must write exactly what the
/// tree-based writers they replaced wrote, for every journal, in any chunk size.
@Suite struct InterchangeWriterTests {
    // MARK: The writers they replaced, kept here as the reference

    /// `history --json` before: a `JSONValue` tree, indented.
    static func referenceHistory(checkIns: [CheckIn], sessions: [Session]) -> [UInt8] {
        let value = JSONValue.object(
            JSONObject([
                ("checkIns", .array(checkIns.map(JournalCodec.json))),
                ("sessions", .array(sessions.map(JournalCodec.json))),
            ]))
        var writer = JSONWriter()
        writer.writePretty(value)
        return writer.bytes + [0x0A]
    }

    /// `export --format json` before.
    static func referenceExport(_ journal: Journal) -> [UInt8] {
        var writer = JSONWriter()
        writer.writePretty(JournalCodec.json(journal, includeTombstones: false))
        return writer.bytes + [0x0A]
    }

    /// `export --format csv` before: a `String` per cell.
    static func referenceCSV(_ checkIns: [CheckIn]) -> String {
        var text = CSV.record(CheckInCSV.columns)
        for c in checkIns {
            let cells = [
                c.id.uuidString.lowercased(), c.date.description, c.at.description, String(c.pain),
                c.worst.map(String.init) ?? "", c.symptoms.map(\.rawValue).joined(separator: ";"),
                c.denied.map(\.rawValue).joined(separator: ";"), c.care.map(\.rawValue).joined(separator: ";"),
                c.note, c.updatedAt.description, String(c.revision),
            ]
            text += CSV.record(cells.map(CSV.neutralised))
        }
        return text
    }

    // MARK: Journals to write

    /// Text that needs escaping, quoting or neutralising somewhere, and text beyond ASCII.
    static let awkwardTexts = [
        "", "plain", " leading space", "trailing space ", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "crlf\r\nhere",
        "tab\there", "back\\slash", "=SUM(A1)", "+1", "-2", "@cmd", "\tstarts with tab", "\rstarts with cr",
        "'=quoted", "''-twice", "'plain", "'", "ryggen 😣 \"stel\"", "é, with accent", ",\u{301} comma with a combining mark",
        " \u{301}space with a mark", "\u{0}nul\u{1F}unit\u{7F}del", "\u{2028}line separator", "日本語, テキスト", "=\u{301}",
    ]

    /// A journal with every awkward text in notes, kinds and keys, nil and present optionals,
    /// unknown fields in a few entries, unusual offsets, milliseconds and both kinds of entry.
    static func awkwardJournal() -> Journal {
        var checkIns: [CheckIn] = []
        var sessions: [Session] = []
        let offsets = [0, 3600, 7200, -18_000, 19_800, 45 * 60, -(9 * 3600 + 30 * 60)]
        for (n, text) in awkwardTexts.enumerated() {
            let offset = offsets[n % offsets.count]
            let at = Timestamp(epochMilliseconds: 1_772_000_000_000 + Int64(n) * 86_400_000 + Int64(n % 3) * 123, utcOffsetSeconds: offset)
            var c = CheckIn(
                date: at.localDate, at: at, pain: n % 11, worst: n % 2 == 0 ? nil : 10,
                symptoms: n % 3 == 0 ? [] : [.stiffness, Symptom(rawValue: text.isEmpty ? "x" : text)],
                denied: n % 4 == 0 ? [.numbness, .tingling] : [], care: n % 5 == 0 ? [] : [.heat, SelfCare(rawValue: "=cmd")],
                note: text, updatedAt: at.adding(hours: 0.001), revision: 1 + n % 4)
            if n % 7 == 3 { c.unknownFields = JSONObject([("mood", .string(text)), ("scores", .array([.int(1), .null]))]) }
            checkIns.append(c)
            var s = Session(
                at: at.adding(hours: -3), kind: text, minutes: n % 2 == 0 ? nil : 45, rpe: n % 3 == 0 ? nil : 7,
                suddenPain: n % 2 == 1, note: text, updatedAt: at, revision: 1 + n % 3)
            if n % 6 == 2 { s.unknownFields = JSONObject([("gear", .object(JSONObject([("belt", .bool(true))])))]) }
            sessions.append(s)
        }
        let assessment = Assessment(
            at: checkIns[2].at, rules: [Assessment.CoveredRule(rule: "nerve-signs", level: .urgent)],
            note: "GP, \"fine\"", updatedAt: checkIns[2].at)
        return Journal(
            profile: Profile(birthYear: 1984, history: [.steroids], unknownFields: JSONObject([("height", .int(180))])),
            sessions: sessions, checkIns: checkIns, assessments: [assessment],
            unknownFields: JSONObject([("futureTop", .array([.int(1), .string("two")])), ("more", .object(JSONObject()))]))
    }

    static func journals() throws -> [(String, Journal)] {
        var list: [(String, Journal)] = [("sample", Sample.journal), ("empty", Journal()), ("awkward", awkwardJournal())]
        for name in ReliabilityCorpus.names("valid") {
            if let journal = try? JournalCodec.decode(ReliabilityCorpus.bytes("valid", name)) { list.append((name, journal)) }
        }
        return list
    }

    /// Where two outputs first differ, with some text around it, or `nil` when they are equal.
    static func difference(_ written: [UInt8], _ expected: [UInt8]) -> String? {
        guard written != expected else { return nil }
        let common = min(written.count, expected.count)
        let at = (0..<common).first { written[$0] != expected[$0] } ?? common
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, at - 40)..<min(bytes.count, at + 40)], as: UTF8.self).debugDescription
        }
        return "byte \(at) of \(written.count) (expected \(expected.count)): wrote \(around(written)), expected \(around(expected))"
    }

    static func collect(_ write: (([UInt8]) -> Void) -> Void) -> (bytes: [UInt8], chunks: Int) {
        var bytes: [UInt8] = []
        var chunks = 0
        write {
            bytes.append(contentsOf: $0); chunks += 1
        }
        return (bytes, chunks)
    }

    // MARK: Tests

    @Test(arguments: [1, 100, PrettyJSON.defaultChunkSize])
    func historyJSONIsByteForByteTheTreeWritersOutput(chunkSize: Int) throws {
        for (name, journal) in try Self.journals() {
            let written = Self.collect { PrettyJSON.history(checkIns: journal.checkIns, sessions: journal.sessions, chunkSize: chunkSize, into: $0) }
            let expected = Self.referenceHistory(checkIns: journal.checkIns, sessions: journal.sessions)
            #expect(Self.difference(written.bytes, expected) == nil, "\(name), chunks of \(chunkSize)")
            // A filtered history may hold one kind of entry only.
            let onlyCheckIns = Self.collect { PrettyJSON.history(checkIns: journal.checkIns, sessions: [], chunkSize: chunkSize, into: $0) }
            #expect(Self.difference(onlyCheckIns.bytes, Self.referenceHistory(checkIns: journal.checkIns, sessions: [])) == nil, "\(name)")
        }
    }

    @Test(arguments: [1, 100, PrettyJSON.defaultChunkSize])
    func exportJSONIsByteForByteTheTreeWritersOutput(chunkSize: Int) throws {
        for (name, journal) in try Self.journals() {
            let written = Self.collect { PrettyJSON.export(journal, chunkSize: chunkSize, into: $0) }
            #expect(Self.difference(written.bytes, Self.referenceExport(journal)) == nil, "\(name), chunks of \(chunkSize)")
        }
    }

    @Test(arguments: [1, 100, PrettyJSON.defaultChunkSize])
    func exportCSVIsByteForByteTheStringWritersOutput(chunkSize: Int) throws {
        for (name, journal) in try Self.journals() {
            let written = Self.collect { CheckInCSV.export(journal.checkIns, chunkSize: chunkSize, into: $0) }
            #expect(Self.difference(written.bytes, Array(Self.referenceCSV(journal.checkIns).utf8)) == nil, "\(name), chunks of \(chunkSize)")
        }
    }

    @Test func everyAwkwardTextIsACellExactlyAsCSVFieldQuotesIt() {
        for text in Self.awkwardTexts {
            var w = CSVWriter(capacity: 64)
            w.cellText.text(text)
            w.endCell()
            #expect(w.bytes == Array(CSV.field(CSV.neutralised(text)).utf8), "\(text.debugDescription)")
        }
    }

    @Test func aLongHistoryIsHandedOverInChunksNotAsOneBuffer() {
        let journal = Journal(
            sessions: [],
            checkIns: (0..<2_000).map { n in
                let at = Timestamp(epochMilliseconds: 1_700_000_000_000 + Int64(n) * 86_400_000, utcOffsetSeconds: 3600)
                return CheckIn(date: at.localDate, at: at, pain: 2, note: "note \(n)", updatedAt: at)
            })
        let written = Self.collect { PrettyJSON.history(checkIns: journal.checkIns, sessions: [], chunkSize: 16_384, into: $0) }
        #expect(written.chunks > 20)
        #expect(Self.difference(written.bytes, Self.referenceHistory(checkIns: journal.checkIns, sessions: [])) == nil)
    }
}

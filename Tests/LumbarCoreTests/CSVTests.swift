import Foundation
import Testing
@testable import LumbarCore

@Suite struct CSVTests {
    @Test func quotesOnlyWhatNeedsIt() {
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
    }

    @Test func readsQuotedFieldsLineBreaksBOMAndSemicolons() throws {
        let rows = try CSV.rows("\u{FEFF}a,b\r\n\"x, \"\"y\"\"\",\"multi\nline\"\r\n\n1,\n")
        #expect(rows.map(\.fields) == [["a", "b"], ["x, \"y\"", "multi\nline"], ["1", ""]])
        #expect(rows.map(\.line) == [1, 2, 5])
        #expect(try CSV.rows("date;pain\n2026-03-01;3\n").map(\.fields) == [["date", "pain"], ["2026-03-01", "3"]])
    }

    @Test func refusesBrokenQuoting() {
        #expect(throws: CSV.SyntaxError.self) { try CSV.rows("a,b\n\"open,2\n") }
        #expect(throws: CSV.SyntaxError.self) { try CSV.rows("a,b\nx\"y,2\n") }
    }

    @Test func exportThenParseGivesTheSameCheckIns() throws {
        let checkIns = Sample.journal.checkIns
        let parsed = try CheckInCSV.parse(CheckInCSV.export(checkIns), timeZone: Sample.zone, now: Date())
        #expect(parsed.errors.isEmpty)
        #expect(parsed.checkIns == checkIns)
    }

    @Test func handWrittenRowsGetStableIDsAndNoonTimes() throws {
        let text = "Date,Pain,Symptoms,Note\n2026-03-01,3,stiffness;spasm,first\n"
        let once = try CheckInCSV.parse(text, timeZone: Sample.zone, now: Date())
        let twice = try CheckInCSV.parse(text, timeZone: Sample.zone, now: Date().addingTimeInterval(60))
        #expect(once.checkIns.map(\.id) == twice.checkIns.map(\.id))
        let c = try #require(once.checkIns.first)
        #expect(c.at.description == "2026-03-01T12:00:00+01:00")
        #expect(c.symptoms == [.stiffness, .spasm])
    }

    @Test(arguments: [
        ("date,pain\n2026-03-01,11\n", "row 2: pain must be a whole number from 0 to 10"),
        ("date,pain\n2026-02-30,1\n", "row 2: date must be YYYY-MM-DD"),
        ("date,pain,symptoms\n2026-03-01,1,backache\n", "row 2: unknown symptom 'backache'"),
        ("date,pain,care\n2026-03-01,1,yoga\n", "row 2: unknown self-care 'yoga'"),
        ("date,pain\n2026-03-01,1,extra\n", "row 2: has 3 fields"),
        ("date,pain,worst\n2026-03-01,5,2\n", "row 2: worst (2) cannot be lower"),
        ("date,pain\n2026-03-01,\n", "row 2: pain is empty"),
    ])
    func reportsBadRowsByNumber(text: String, expected: String) throws {
        let parsed = try CheckInCSV.parse(text, timeZone: Sample.zone, now: Date())
        #expect(parsed.checkIns.isEmpty)
        #expect(parsed.errors.map(\.description).first?.hasPrefix(expected) == true, "\(parsed.errors)")
    }

    @Test(arguments: [
        ("", "the file is empty"),
        ("date,mood\n", "unknown column 'mood'"),
        ("note\nx\n", "needs a 'pain' column"),
    ])
    func refusesABadHeader(text: String, expected: String) {
        #expect {
            _ = try CheckInCSV.parse(text, timeZone: Sample.zone, now: Date())
        } throws: { error in
            "\(error)".contains(expected)
        }
    }
}

/// Schema 2 in CSV, spreadsheet formulas, and ids that appear twice.
@Suite struct CSVSchema2Tests {
    static let formulaNotes = [
        "=1+2", "+SUM(A1)", "-3", "@cmd", "\tindented", "\rcarriage", "\r\nline", "'=quoted already",
        "''+two quotes", "'tis plain", "plain = fine", "-",
    ]

    @Test func formulaCellsAreNeutralisedOnExportAndRestoredExactlyOnImport() throws {
        let checkIns = Self.formulaNotes.enumerated().map { i, note in
            Sample.checkIn("2026-03-0\(1 + i % 9)T0\(i % 10):00", pain: 1, note: note)
        }
        let text = CheckInCSV.export(checkIns)
        let rows = try CSV.rows(text)
        let noteColumn = try #require(rows.first?.fields.firstIndex(of: "note"))
        #expect(rows.allSatisfy { $0.fields.count == CheckInCSV.columns.count }, "\(rows.map(\.fields))")
        for row in rows.dropFirst() {
            guard row.fields.count > noteColumn else { continue }
            let cell = row.fields[noteColumn]
            let first = cell.unicodeScalars.drop { $0 == "'" }.first
            if let first, CSV.formulaStarts.contains(first) {
                #expect(cell.hasPrefix("'"), "'\(cell)' would run as a formula")
            }
            for cell in row.fields where !cell.isEmpty {
                #expect(!"=+-@\t\r".unicodeScalars.contains(cell.unicodeScalars.first ?? "x"), "a cell starts a formula: \(cell)")
            }
        }
        let parsed = try CheckInCSV.parse(text, timeZone: Sample.zone, now: Date())
        #expect(parsed.errors.isEmpty)
        #expect(parsed.checkIns.map(\.note) == checkIns.map(\.note))
    }

    @Test func noAnswersAndRevisionsRoundTrip() throws {
        var c = Sample.checkIn("2026-03-03T08:00", pain: 3, symptoms: [.numbness])
        c.denied = [.bladderBowel, .bothLegs]
        c.revision = 4
        let text = CheckInCSV.export([c])
        #expect(text.hasPrefix("id,date,at,pain,worst,symptoms,denied,care,note,updatedAt,revision\r\n"))
        let parsed = try CheckInCSV.parse(text, timeZone: Sample.zone, now: Date())
        #expect(parsed.checkIns == [c])
        #expect(parsed.unrevised.isEmpty)
    }

    @Test(arguments: [
        ("date,pain,symptoms,denied\n2026-03-05,4,numbness,numbness\n", "row 2: 'numbness' is answered both yes and no"),
        ("date,pain,denied\n2026-03-05,4,stiffness\n", "row 2: 'stiffness' is not a warning-sign question"),
        ("date,pain,revision\n2026-03-05,4,0\n", "row 2: revision must be a whole number from 1 up"),
    ])
    func refusesBadNoAnswersAndRevisions(text: String, expected: String) throws {
        let parsed = try CheckInCSV.parse(text, timeZone: Sample.zone, now: Date())
        #expect(parsed.errors.map(\.description).contains { $0.hasPrefix(expected) }, "\(parsed.errors)")
    }

    @Test func aRepeatedIdIsAnErrorNamingBothRows() throws {
        let id = "6f1c2f9e-3a1b-4c55-9f00-000000000002"
        let text = "id,date,pain\n\(id),2026-03-05,4\n,2026-03-06,1\n\(id),2026-03-07,2\n"
        let parsed = try CheckInCSV.parse(text, timeZone: Sample.zone, now: Date())
        #expect(
            parsed.errors.map(\.description) == [
                "row 4: has the same id as row 2 (\(id)); each row must be a different check-in, so remove one of the two"
            ])
        #expect(parsed.unrevised == [UUID(uuidString: id)!])
    }
}

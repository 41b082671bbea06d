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

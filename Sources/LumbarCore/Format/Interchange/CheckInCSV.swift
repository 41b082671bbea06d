#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Check-ins as CSV: one row per check-in, multiple values joined with `;`.
///
/// Columns, in this order on export: the check-in members of `JournalSchema` (`id, date, at,
/// pain, worst, symptoms, denied, care, note, updatedAt, revision`). On import only `date` (or
/// `at`) and `pain` are required; columns may come in any order and unknown columns are refused
/// so a typo never silently drops data. A cell that a spreadsheet would run as a formula is
/// exported with a `'` in front, and import takes exactly that `'` away (`CSV.neutralised`).
public enum CheckInCSV {
    /// The columns `export --format csv` writes.
    public static let columns = JournalSchema.names(JournalSchema.checkIn)

    /// The CSV text for `checkIns`, header first.
    public static func export(_ checkIns: [CheckIn]) -> String {
        var bytes: [UInt8] = []
        export(checkIns) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The CSV bytes for `checkIns`, header first, handed to `sink` in chunks of about `chunkSize`.
    ///
    /// Written straight into bytes (no string per cell); the bytes are those of quoting each
    /// cell with `CSV.field(CSV.neutralised(_:))`, which a cell with non-ASCII text still goes
    /// through, since `CSV.field` looks at whole characters.
    public static func export(_ checkIns: [CheckIn], chunkSize: Int = PrettyJSON.defaultChunkSize, into sink: ([UInt8]) -> Void) {
        var w = CSVWriter(capacity: min(chunkSize, 256 * checkIns.count) + 1024)
        w.text(CSV.record(columns))
        for c in checkIns {
            JournalCodec.writeText(of: c.id, to: &w.cellText)
            w.endCell()
            JournalCodec.writeCellText(of: c.date, to: &w.cellText)
            w.endCell()
            JournalCodec.writeCellText(of: c.at, to: &w.cellText)
            w.endCell()
            w.cellText.int(c.pain)
            w.endCell()
            if let worst = c.worst { w.cellText.int(worst) }
            w.endCell()
            joined(c.symptoms, to: &w.cellText)
            w.endCell()
            joined(c.denied, to: &w.cellText)
            w.endCell()
            joined(c.care, to: &w.cellText)
            w.endCell()
            w.cellText.text(c.note)
            w.endCell()
            JournalCodec.writeCellText(of: c.updatedAt, to: &w.cellText)
            w.endCell()
            w.cellText.int(c.revision)
            w.endCell()
            w.endRecord()
            w.drain(ifAtLeast: chunkSize, into: sink)
        }
        w.drain(into: sink)
    }

    /// The keys' raw values joined with `;`.
    private static func joined<Key: RawRepresentable>(_ keys: [Key], to w: inout JSONWriter) where Key.RawValue == String {
        for (i, key) in keys.enumerated() {
            if i > 0 { w.byte(UInt8(ascii: ";")) }
            w.text(key.rawValue)
        }
    }

    /// A row that could not be imported: its row number and why.
    public struct RowError: Error, Equatable, Sendable, CustomStringConvertible {
        /// 1-based row number counting the header as row 1 (as a spreadsheet shows it).
        public var row: Int
        /// What is wrong.
        public var reason: String

        public var description: String { "row \(row): \(reason)" }
    }

    /// The result of reading a CSV file.
    public struct Parsed: Sendable {
        /// The rows that are good.
        public var checkIns: [CheckIn]
        /// The rows that are not.
        public var errors: [RowError]
        /// The ids of rows that name an id but no revision: such a row never replaces a
        /// different entry with its id (it cannot say which version it changed).
        public var unrevised: Set<UUID> = []
    }

    /// Reads check-ins; rows without an id get one derived from their content, so importing the
    /// same hand-written file twice does not duplicate it. Times without an offset and rows with
    /// a date only are read in `timeZone` (a date alone means 12:00 that day).
    public static func parse(_ text: String, timeZone: ZoneInfo, now: Date) throws -> Parsed {
        let rows: [CSV.Row]
        do { rows = try CSV.rows(text) } catch { throw RowError(row: error.line, reason: error.reason) }
        guard let header = rows.first else {
            throw RowError(row: 1, reason: "the file is empty; the first row must name the columns, e.g. date,pain,symptoms,care,note")
        }
        let names = header.fields.map { $0.trimmingSpaces() }
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            guard let canonical = columns.first(where: { $0.lowercased() == name.lowercased() }) else {
                throw RowError(row: 1, reason: "unknown column '\(name)'; known columns: \(columns.joined(separator: ", "))")
            }
            guard index[canonical] == nil else { throw RowError(row: 1, reason: "the column '\(name)' appears twice") }
            index[canonical] = i
        }
        guard index["pain"] != nil, index["date"] != nil || index["at"] != nil else {
            throw RowError(row: 1, reason: "the header needs a 'pain' column and a 'date' or 'at' column")
        }
        var checkIns: [CheckIn] = []
        var errors: [RowError] = []
        var unrevised: Set<UUID> = []
        var rowByID: [UUID: Int] = [:]
        let stamp = Timestamp(now, in: timeZone)
        for (n, row) in rows.enumerated().dropFirst() {
            let number = n + 1
            do {
                let fields = row.fields.map(CSV.restored)
                let (checkIn, isUnrevised) = try checkIn(fields, index: index, timeZone: timeZone, stamp: stamp, row: number)
                if let first = rowByID[checkIn.id] {
                    throw RowError(
                        row: number,
                        reason:
                            "has the same id as row \(first) (\(checkIn.id.uuidString.lowercased())); each row must be a different check-in, so remove one of the two"
                    )
                }
                rowByID[checkIn.id] = number
                if isUnrevised { unrevised.insert(checkIn.id) }
                checkIns.append(checkIn)
            } catch let error as RowError {
                errors.append(error)
            }
        }
        return Parsed(checkIns: checkIns, errors: errors, unrevised: unrevised)
    }

    /// The check-in of one row, and whether the row names an id but no revision.
    private static func checkIn(
        _ fields: [String], index: [String: Int], timeZone: ZoneInfo, stamp: Timestamp,
        row: Int
    ) throws -> (CheckIn, unrevised: Bool) {
        func value(_ column: String) -> String? {
            guard let i = index[column], i < fields.count else { return nil }
            let v = fields[i].trimmingSpaces()
            return v.isEmpty ? nil : v
        }
        func fail(_ reason: String) -> RowError { RowError(row: row, reason: reason) }
        if fields.count > index.count { throw fail("has \(fields.count) fields but the header names \(index.count) columns") }

        guard let painText = value("pain") else { throw fail("pain is empty; give a whole number from 0 to 10") }
        guard let pain = Int(painText), (0...10).contains(pain) else { throw fail("pain must be a whole number from 0 to 10, got '\(painText)'") }
        var worst: Int?
        if let w = value("worst") {
            guard let n = Int(w), (0...10).contains(n) else { throw fail("worst must be a whole number from 0 to 10 or empty, got '\(w)'") }
            worst = n
        }
        let date = try value("date").map { text -> LocalDate in
            guard let d = LocalDate(text) else { throw fail("date must be YYYY-MM-DD and real, got '\(text)'") }
            return d
        }
        var at: Timestamp
        if let text = value("at") {
            guard case .success(let t) = Timestamp.parse(text, localTimeZone: timeZone) else {
                throw fail("at must be an ISO 8601 time such as 2026-03-02T18:00:00+01:00, got '\(text)'")
            }
            at = t
        } else if let date, case .success(let t) = Timestamp.parse("\(date)T12:00", localTimeZone: timeZone) {
            at = t
        } else {
            throw fail("needs a date (YYYY-MM-DD) or an at time")
        }
        let symptoms = keys(value("symptoms")).map(Symptom.init(rawValue:))
        let denied = keys(value("denied")).map(Symptom.init(rawValue:))
        let care = keys(value("care")).map(SelfCare.init(rawValue:))
        if let problem = EntryRules.problem(at: at) ?? EntryRules.problem(pain: pain, worst: worst, symptoms: symptoms, denied: denied, care: care) {
            throw fail(problem.message)
        }
        var revision: Int?
        if let text = value("revision") {
            guard let n = Int(text), n >= 1 else { throw fail("revision must be a whole number from 1 up or empty, got '\(text)'") }
            revision = n
        }
        let note = index["note"].flatMap { $0 < fields.count ? fields[$0] : nil } ?? ""
        var updatedAt = stamp
        if let text = value("updatedAt") {
            guard case .success(let t) = Timestamp.parse(text, localTimeZone: timeZone) else {
                throw fail("updatedAt must be an ISO 8601 time, got '\(text)'")
            }
            updatedAt = t
        }
        let id: UUID
        if let text = value("id") {
            guard let parsed = UUID(uuidString: text) else { throw fail("id must be a UUID or empty, got '\(text)'") }
            id = parsed
        } else {
            // No answers joined the content only in schema 2, so rows without them keep the ids
            // they were given before.
            let no = denied.isEmpty ? "" : "|no:\(denied)"
            id = ContentID.uuid(for: "\(date?.description ?? "")|\(at)|\(pain)|\(worst ?? -1)|\(symptoms)|\(care)|\(note)" + no)
            if value("updatedAt") == nil { updatedAt = at }
        }
        let localDate = date ?? LocalDate(instant: at.date, in: timeZone)
        let checkIn = CheckIn(
            id: id, date: localDate, at: at.converted(to: timeZone), pain: pain, worst: worst,
            symptoms: symptoms, denied: denied, care: care, note: note, updatedAt: updatedAt,
            revision: revision ?? 1)
        return (checkIn, value("id") != nil && revision == nil)
    }

    private static func keys(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingSpaces().lowercased() }.filter { !$0.isEmpty }
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// Parses and checks command-line values, failing with one line that says how to fix them.
enum Input {
    /// A 0–10 pain score.
    static func painScore(_ text: String, option: String) throws -> Int {
        guard let value = Int(text.trimmingSpaces()), (0...10).contains(value) else {
            throw CLIError.usage("\(option) must be a whole number from 0 (no pain) to 10 (worst imaginable), got '\(text)'")
        }
        return value
    }

    /// A whole number in `range`.
    static func number(_ text: String, option: String, range: ClosedRange<Int>, meaning: String) throws -> Int {
        guard let value = Int(text.trimmingSpaces()), range.contains(value) else {
            throw CLIError.usage("\(option) must be \(meaning), a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return value
    }

    /// Symptom keys; each value may hold several keys separated by commas.
    static func symptoms(_ values: [String]) throws -> [Symptom] {
        try knownKeys(values, known: Symptom.known, noun: "symptom", plural: "symptoms")
    }

    /// Warning-sign keys for `option` (`--no`); an ordinary symptom or unknown key is refused
    /// with the list of warning signs.
    static func warningSigns(_ values: [String], option: String) throws -> [Symptom] {
        let list = Symptom.warningSigns.map(\.rawValue).joined(separator: ", ")
        return try keys(values).map { key in
            guard let match = Symptom.warningSigns.first(where: { $0.rawValue == key }) else {
                let kind = Symptom.ordinary.contains { $0.rawValue == key } ? "is not a warning sign" : "is not a known warning sign"
                throw CLIError.usage("\(option) '\(key)' \(kind); \(option) takes warning signs: \(list)")
            }
            return match
        }
    }

    /// Medical history keys from `HistoryItem.known`; each value may hold several separated by commas.
    static func historyItems(_ values: [String]) throws -> [HistoryItem] {
        try knownKeys(values, known: HistoryItem.known, noun: "history item", plural: "history items")
    }

    /// Self-care keys; each value may hold several keys separated by commas.
    static func care(_ values: [String]) throws -> [SelfCare] {
        try knownKeys(values, known: SelfCare.known, noun: "self-care", plural: "self-care")
    }

    /// Keys checked against a vocabulary; an unknown one is refused with the list of known ones.
    private static func knownKeys<Key: RawRepresentable & Equatable>(_ values: [String], known: [Key], noun: String, plural: String) throws -> [Key]
    where Key.RawValue == String {
        try keys(values).map { key in
            guard let match = known.first(where: { $0.rawValue == key }) else {
                throw CLIError.usage("unknown \(noun) '\(key)'; known \(plural): \(known.map(\.rawValue).joined(separator: ", "))")
            }
            return match
        }
    }

    /// The keys in `values`, split at commas, trimmed and lowercased.
    static func keys(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingSpaces().lowercased() }.filter { !$0.isEmpty }
    }

    /// A time as `TimeInput` reads it (ISO 8601, `now`, `18:00`, `yesterday 18:00`, `mon 7:30`,
    /// `-2h`), relative to `now` (default: `Clock.now()`), seen in `timeZone`.
    static func timestamp(_ text: String, option: String, now: Date? = nil, timeZone: ZoneInfo = Clock.timeZone) throws -> Timestamp {
        switch TimeInput.parse(text, now: try now ?? Clock.now(), timeZone: timeZone) {
        case .success(let t):
            // Years 1–9999 in every zone (offsets reach ±18 h): a time near either end could
            // become year 0 or 10000 where it is shown, and lumbar would write what it cannot read.
            guard EntryRules.instants.contains(t.epochMilliseconds) else {
                throw CLIError.usage("\(option) '\(text)' is outside the years lumbar keeps (0001-01-02 to 9999-12-30); give a real date")
            }
            return t
        case .failure(let failure):
            throw CLIError.usage(failure.message(for: text, option: option, timeZone: timeZone))
        }
    }

    /// A calendar date: `YYYY-MM-DD`, `today`, `yesterday` or a weekday name (the most recent
    /// such day, today included), relative to `now` (default: `Clock.now()`).
    static func date(_ text: String, option: String, now: Date? = nil, timeZone: ZoneInfo = Clock.timeZone) throws -> LocalDate {
        switch TimeInput.parseDate(text, now: try now ?? Clock.now(), timeZone: timeZone) {
        case .success(let date):
            return date
        case .failure(.outOfRange):
            throw CLIError.usage("\(option) '\(text)' is not a real date (check the month and day)")
        case .failure:
            throw CLIError.usage("\(option) must be a date as YYYY-MM-DD, today, yesterday or a weekday name such as mon, got '\(text)'")
        }
    }

    /// The entry a full or shortened id (at least 4 characters) names in `journal`.
    static func entry(_ idText: String, in journal: Journal) throws -> Journal.Entry {
        let prefix = idText.trimmingSpaces().lowercased()
        guard prefix.count >= 4, prefix.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw CLIError.usage("'\(idText)' is not an entry id; use the id (or its first 8 characters) shown by 'lumbar history'")
        }
        let matches = journal.ids(matchingPrefix: prefix)
        guard let id = matches.first else {
            throw CLIError.usage("no entry has id '\(idText)'; 'lumbar history' lists the ids")
        }
        guard matches.count == 1 else {
            throw CLIError.usage("'\(idText)' matches \(matches.count) entries; give more characters of the id")
        }
        if let c = journal.checkIn(id: id) { return .checkIn(c) }
        if let s = journal.session(id: id) { return .session(s) }
        throw CLIError.usage("no entry has id '\(idText)'; 'lumbar history' lists the ids")
    }
}

extension UUID {
    /// The first 8 hex digits, enough to name an entry on the command line.
    var shortID: String { String(uuidString.lowercased().prefix(8)) }
}

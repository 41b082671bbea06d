#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The evidence of one flag: readable lines with dates, and the dates themselves.
///
/// An entry named twice (the onset that is also the peak) gets one line with both details.
struct EvidenceList {
    private var entries: [(key: String, head: Phrase, details: [String])] = []
    /// The dates of the entries, without repeats, oldest first.
    private(set) var dates: [LocalDate] = []

    /// "2026-03-05: pain 8, numbness", one per entry, in the order first added.
    var lines: [Phrase] {
        entries.map { entry in
            var line = entry.head
            for detail in entry.details { line.append(", " + detail) }
            return line
        }
    }

    /// Adds a check-in, with what about it matters.
    mutating func add(_ checkIn: CheckIn, _ details: [String] = []) {
        add(key: checkIn.id.uuidString, head: "\(checkIn.date.description): pain \(checkIn.pain)", details: details, date: checkIn.date)
    }

    /// Adds a session, with what about it matters.
    mutating func add(_ session: Session, in timeZone: ZoneInfo, _ details: [String] = []) {
        let local = session.at.converted(to: timeZone)
        add(
            key: session.id.uuidString, head: "\(local.localDate.description): \(session.kindName) at \(clock: session.at, in: timeZone)",
            details: details, date: local.localDate)
    }

    /// Adds a line about something without a date of its own (the profile).
    mutating func add(line: String) {
        add(key: line, head: Phrase(line), details: [], date: nil)
    }

    private mutating func add(key: String, head: Phrase, details: [String], date: LocalDate?) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            for detail in details where !entries[index].details.contains(detail) { entries[index].details.append(detail) }
        } else {
            entries.append((key, head, details))
        }
        if let date, !dates.contains(date) {
            dates.append(date)
            dates.sort()
        }
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// What the screens need from the journal, computed once per load or save so that a
/// keystroke never walks the whole history.
struct JournalDigest: Sendable {
    /// One day's check-ins and sessions, summed up.
    struct Day: Hashable, Sendable {
        /// The highest pain of the day's check-ins, or `nil` without check-ins.
        var pain: Int?
        /// Sessions logged that day.
        var sessions = 0
        /// Whether one of the sessions began with sudden sharp pain.
        var suddenPain = false
        /// Whether a check-in of the day reported a red-flag symptom.
        var redFlag = false
    }

    /// A row of the History screen: one check-in or one session.
    enum Row: Hashable, Sendable {
        /// Index into `journal.checkIns`.
        case checkIn(Int)
        /// Index into `journal.sessions`.
        case session(Int)
    }

    /// Day number (days since 1970-01-01) of `days[0]`.
    private(set) var firstDay = 0
    /// Every day from the first entry to the last one (or today, whichever is later).
    private(set) var days: [Day] = []
    /// The average of daily pain over the seven days ending on each day (days without
    /// check-ins are left out), aligned with `days`.
    private(set) var weeklyAverage: [Double?] = []
    /// History rows, newest first.
    private(set) var rows: [Row] = []
    /// Lowercased text each row is matched against when filtering, aligned with `rows`; built
    /// on the first filter, because most sessions never filter and it is the costliest part.
    private(set) var searchText: [String]?
    /// Session kinds, most recently used first, without repeats.
    private(set) var recentKinds: [String] = []
    /// The local date the digest treats as today.
    let today: LocalDate

    init(journal: Journal, today: LocalDate) {
        self.today = today
        let checkIns = journal.checkIns
        let sessions = journal.sessions
        var first = today.dayNumber
        var last = today.dayNumber
        for c in checkIns {
            first = min(first, c.date.dayNumber)
            last = max(last, c.date.dayNumber)
        }
        for s in sessions {
            let d = s.at.localDate.dayNumber
            first = min(first, d)
            last = max(last, d)
        }
        firstDay = first
        days = Array(repeating: Day(), count: last - first + 1)
        for c in checkIns {
            let i = c.date.dayNumber - first
            days[i].pain = max(days[i].pain ?? 0, c.pain)
            if c.symptoms.contains(where: \.isWarningSign) { days[i].redFlag = true }
        }
        for s in sessions {
            let i = s.at.localDate.dayNumber - first
            days[i].sessions += 1
            if s.suddenPain { days[i].suddenPain = true }
        }
        weeklyAverage = JournalDigest.rollingAverage(days.map(\.pain), window: 7)

        // Merge the two `at`-ordered lists backwards: newest first, check-in before a session
        // logged at the same instant (it was most likely logged about that session).
        var ci = checkIns.count - 1
        var si = sessions.count - 1
        rows.reserveCapacity(checkIns.count + sessions.count)
        while ci >= 0 || si >= 0 {
            if si < 0 || (ci >= 0 && checkIns[ci].at >= sessions[si].at) {
                rows.append(.checkIn(ci))
                ci -= 1
            } else {
                rows.append(.session(si))
                si -= 1
            }
        }
        var seen = Set<String>()
        for s in sessions.reversed() {
            let kind = s.kind.trimmingSpaces()
            if kind.isEmpty || !seen.insert(kind.lowercased()).inserted { continue }
            recentKinds.append(kind)
            if recentKinds.count == 8 { break }
        }
    }

    /// Builds the filter's search text for `journal` (the journal this digest was made from) once.
    mutating func indexForSearch(_ journal: Journal) {
        guard searchText == nil else { return }
        let checkIns = journal.checkIns
        let sessions = journal.sessions
        searchText = rows.map { row in
            switch row {
            case .checkIn(let i):
                let c = checkIns[i]
                let words =
                    [c.date.description, "pain \(c.pain)", c.note]
                    + c.symptoms.flatMap { [$0.rawValue, $0.label] } + c.care.flatMap { [$0.rawValue, $0.label] }
                return words.joined(separator: " ").lowercased()
            case .session(let i):
                let s = sessions[i]
                return [s.at.localDate.description, "session", s.kind, s.note, s.suddenPain ? "sudden sharp pain" : ""]
                    .joined(separator: " ").lowercased()
            }
        }
    }

    /// The day summary for `date` (an empty day outside the journal's range).
    func day(_ date: LocalDate) -> Day {
        let i = date.dayNumber - firstDay
        return i >= 0 && i < days.count ? days[i] : Day()
    }

    /// The 7-day average ending on `date`.
    func average(on date: LocalDate) -> Double? {
        let i = date.dayNumber - firstDay
        return i >= 0 && i < weeklyAverage.count ? weeklyAverage[i] : nil
    }

    /// The first date with an entry (or today for an empty journal).
    var firstDate: LocalDate { LocalDate(dayNumber: firstDay) }

    /// Row indices whose text contains every word of `query` (case-insensitive); call
    /// `indexForSearch(_:)` first.
    func rows(matching query: String) -> [Int] {
        let words = query.lowercased().split(separator: " ")
        guard !words.isEmpty else { return Array(rows.indices) }
        guard let searchText else { return [] }
        return searchText.indices.filter { i in words.allSatisfy { searchText[i].contains($0) } }
    }

    static func rollingAverage(_ values: [Int?], window: Int) -> [Double?] {
        var result: [Double?] = []
        result.reserveCapacity(values.count)
        var sum = 0
        var count = 0
        for i in values.indices {
            if let v = values[i] { sum += v; count += 1 }
            if i >= window, let old = values[i - window] { sum -= old; count -= 1 }
            result.append(count > 0 ? Double(sum) / Double(count) : nil)
        }
        return result
    }
}

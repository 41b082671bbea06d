import Foundation

/// A piece of report text; the renderers decide how each kind looks and escape all text.
enum ReportSpan: Hashable, Sendable {
    /// Plain text (possibly the person's own words).
    case text(String)
    /// Emphasised text.
    case strong(String)
    /// A red-flag symptom answered yes.
    case redFlag(String)
    /// A level name, shown in its colour where the format has colour.
    case level(Level)
    /// A rule id or other literal key.
    case code(String)
    /// A line break inside a note.
    case lineBreak
}

/// A line of report text.
typealias ReportLine = [ReportSpan]

/// A table both renderers lay out: a header row and rows of cells.
struct ReportTable: Hashable, Sendable {
    /// One column: its title, whether it holds numbers (right-aligned), and whether HTML shows it
    /// in small type under the previous column's cell instead of as a column of its own.
    struct Column: Hashable, Sendable {
        var title: String
        var numeric = false
        var underPrevious = false
    }

    /// One row: its cells, and whether it is a quiet row (a run of days without entries).
    struct Row: Hashable, Sendable {
        var cells: [ReportLine]
        var muted = false
    }

    /// The columns.
    var columns: [Column]
    /// The rows.
    var rows: [Row]
}

/// The wording of a report, shared by the Markdown and the HTML renderer so both say the same.
///
/// Everything here is lumbar's own phrasing; the person's text (notes, session kinds) passes
/// through as `.text` and is escaped by the renderer.
enum ReportContent {
    /// The report's title.
    static let title = "Self-tracked lower back pain log"

    /// The line that says what kind of document this is.
    static let nature = "A self-tracked log, not a diagnosis."

    /// What the log is and how to read pain scores.
    static let natureDetail = "The person recorded these entries themselves with lumbar, a private self-care app. "
        + "Pain is self-rated from 0 (none) to 10 (worst imaginable); 7 or more counts as severe."

    /// How the trend values are computed.
    static let trendExplanation = "Pain is the \u{201C}pain now\u{201D} score of each check-in; the 7-day average is the mean "
        + "of each day\u{2019}s highest score over that day and the six before it, counting only days with a check-in."

    /// How flags were found.
    static let flagsExplanation = "lumbar evaluated its escalation rules at the end of every day of the period; "
        + "each rule appears once, with the day it first fired. " + StatusFormatter.disclaimer

    /// The legend for red-flag symptoms in the daily table.
    static let redFlagLegend = "Symptoms marked ! answer yes to a red-flag question."

    /// The closing line.
    static let footer = "Made with lumbar from the person\u{2019}s own log. Its flags restate published guidance on back pain "
        + "after exercise, cited by article title; they are not a diagnosis and do not replace an examination."

    // MARK: Header

    /// Period, generated time, level and counts.
    static func headerFacts(_ report: Report) -> [(String, ReportLine)] {
        let days = report.firstDay.days(to: report.lastDay) + 1
        let start = report.firstDay.year == report.lastDay.year ? report.firstDay.shortDescription : longDate(report.firstDay)
        let period = start + " \u{2013} " + longDate(report.lastDay) + " (\(days) \(days == 1 ? "day" : "days"))"
        let generated = longDate(report.generatedAt.localDate) + " " + report.generatedAt.clockTime
            + " (times in \(report.timeZone.identifier))"
        let count = report.status.flags.count
        let flagText = count == 0 ? " (no flag raised)" : count == 1 ? " (1 flag raised)" : " (\(count) flags raised)"
        let levelLabel = report.asOf == report.generatedAt ? "Level now" : "Level at end of period"
        let checkIns = report.checkInCount
        let logged = "\(checkIns) \(checkIns == 1 ? "check-in" : "check-ins") on \(report.loggedDayCount) of \(days) days; "
            + "\(report.sessions.count) exercise \(report.sessions.count == 1 ? "session" : "sessions")"
        return [
            ("Period", [.text(period)]),
            ("Generated", [.text(generated)]),
            (levelLabel, [.level(report.status.level), .text(flagText)]),
            ("Logged", [.text(logged)]),
        ]
    }

    // MARK: Episode

    /// The episode's heading: current or last.
    static func episodeHeading(_ report: Report) -> String {
        report.episode?.isOpen == false ? "Last episode" : "Current episode"
    }

    /// The episode as label/value facts, or a single line when there is none.
    static func episodeFacts(_ report: Report) -> [(String, ReportLine)] {
        guard let episode = report.episode else {
            return [("Status", [.text("No episode of back pain (a check-in with pain 1 or more) in this period.")])]
        }
        let zone = report.timeZone
        var facts: [(String, ReportLine)] = []
        if let close = episode.closeDate {
            facts.append(("Status", [.text("Closed on \(close.shortDescription) after two pain-free days in a row; it lasted \(episode.day) days.")]))
        } else {
            facts.append(("Status", [.strong("Day \(episode.day)"), .text(" (onset day = day 0), still open on \(report.asOf.localDate.shortDescription).")]))
        }
        facts.append(("Onset", [.text(TimeText.dateTime(episode.onset.at, in: zone) + ", pain \(episode.onset.pain)/10")]))
        if let trigger = episode.trigger {
            let hours = Int(trigger.at.hours(to: episode.onset.at).rounded(.down))
            facts.append(("Trigger session", [.text(sessionSummary(trigger, timeZone: zone, withDate: true)
                                                    + "; \(hours) h before the onset")]))
        } else {
            facts.append(("Trigger session", [.text("none logged in the 72 h before the onset")]))
        }
        let latest = "latest \(episode.latest.pain)/10 (" + TimeText.dateTime(episode.latest.at, in: zone) + ")"
        facts.append(("Pain", [.text("peak \(episode.peak)/10 (\(episode.peakCheckIn.date.shortDescription)); " + latest
                                     + "; \(episode.checkInCount) \(episode.checkInCount == 1 ? "check-in" : "check-ins")")]))
        let marks = episode.marks.filter { $0.kind != .trigger }.map { mark in
            let when = mark.kind == .day14 || mark.kind == .day28
                ? mark.at.localDate.shortDescription : TimeText.dateTime(mark.at, in: zone)
            return mark.kind.label + ": " + when + (mark.at > report.asOf ? " (ahead)" : "")
        }
        facts.append(("Windows", [.text(marks.joined(separator: " \u{00B7} "))]))
        return facts
    }

    // MARK: Flags

    /// The flags table, or `nil` when nothing fired.
    static func flagsTable(_ report: Report) -> ReportTable? {
        guard !report.flags.isEmpty else { return nil }
        let rows = report.flags.map { flag -> ReportTable.Row in
            let level: ReportLine = flag.firstLevel == flag.highestLevel
                ? [.level(flag.highestLevel)] : [.level(flag.firstLevel), .text(" \u{2192} "), .level(flag.highestLevel)]
            let last: ReportLine = flag.isRaisedAtEnd ? [.strong("still raised")] : [.text(flag.lastSeen.shortDescription)]
            let source = flag.latest.sources.first?.title ?? "lumbar\u{2019}s own rule (no article)"
            return ReportTable.Row(cells: [
                [.text(flag.rule.title + " ("), .code(flag.rule.rawValue), .text(")")], level,
                [.text(flag.firstFired.shortDescription)], last, [.text(flag.latest.headline)], [.text(source)],
            ])
        }
        return ReportTable(columns: [
            .init(title: "Rule"), .init(title: "Level"), .init(title: "First fired"), .init(title: "Last raised"),
            .init(title: "What lumbar saw (last time raised)"), .init(title: "Source", underPrevious: true),
        ], rows: rows)
    }

    /// The line shown instead of the flags table.
    static let noFlags = "No rule fired on any day of the period."

    // MARK: Red flags

    /// One row per red-flag question with its answers over the period.
    static func redFlagTable(_ report: Report) -> ReportTable {
        let rows = report.redFlagAnswers.map { answer -> ReportTable.Row in
            let of = "\(answer.count) of \(answer.checkInCount) \(answer.checkInCount == 1 ? "check-in" : "check-ins")"
            let cell: ReportLine
            if answer.checkInCount == 0 {
                cell = [.text("no check-ins in the period")]
            } else if answer.wasReported {
                cell = [.strong("yes"), .text(" " + dayList(answer.dates) + " (\(of))")]
            } else {
                cell = [.text("not reported (\(of))")]
            }
            return ReportTable.Row(cells: [[.text(answer.symptom.question)], cell], muted: !answer.wasReported)
        }
        return ReportTable(columns: [.init(title: "Question"), .init(title: "Answers over the period")], rows: rows)
    }

    /// "on Thu 5 Mar, Fri 6 Mar", or "on 12 days, Thu 5 Mar to Fri 20 Mar" when listing them would fill the cell.
    static func dayList(_ dates: [LocalDate]) -> String {
        guard dates.count > 6, let first = dates.first, let last = dates.last else {
            return "on " + dates.map(\.shortDescription).joined(separator: ", ")
        }
        return "on \(dates.count) days, \(first.shortDescription) to \(last.shortDescription)"
    }

    // MARK: Days

    /// The daily table, runs of empty days folded into one row.
    static func dailyTable(_ report: Report) -> ReportTable {
        let rows = report.rows.map { row -> ReportTable.Row in
            switch row {
            case .gap(let first, let last, let level):
                let count = first.days(to: last) + 1
                return ReportTable.Row(cells: [
                    [.text(first.shortDescription + " \u{2013} " + last.shortDescription)], [.text("\u{2013}")], [.text("\u{2013}")],
                    [.text("\u{2013}")], [.text("nothing logged (\(count) days)")], [], [], [.level(level)],
                ], muted: true)
            case .day(let day):
                let dash: ReportLine = [.text("\u{2013}")]
                let pain: ReportLine = day.checkIns.isEmpty ? dash : [.text(day.checkIns.map { String($0.pain) }.joined(separator: ", "))]
                let symptoms: ReportLine = day.checkIns.isEmpty ? [.text("no check-in")] : joined(day.symptoms.map {
                    $0.isWarningSign ? ReportSpan.redFlag($0.label) : ReportSpan.text($0.label)
                })
                return ReportTable.Row(cells: [
                    [.text(day.date.shortDescription)], pain, day.worst.map { [.text(String($0))] } ?? dash,
                    day.sevenDayAverage.map { [.text(average($0))] } ?? dash, symptoms,
                    [.text(day.care.map(\.label).joined(separator: ", "))],
                    [.text(day.sessions.map { sessionSummary($0, timeZone: report.timeZone, withDate: false) }.joined(separator: "; "))],
                    [.level(day.level)],
                ], muted: day.checkIns.isEmpty)
            }
        }
        return ReportTable(columns: [
            .init(title: "Date"), .init(title: "Pain", numeric: true), .init(title: "Worst", numeric: true),
            .init(title: "7-day avg", numeric: true), .init(title: "Symptoms"), .init(title: "Self-care"),
            .init(title: "Sessions"), .init(title: "Level"),
        ], rows: rows)
    }

    // MARK: Care and sessions

    /// Self-care actions with how many days each was logged, or `nil` when none was.
    static func careTable(_ report: Report) -> ReportTable? {
        guard !report.care.isEmpty else { return nil }
        let rows = report.care.map { summary in
            ReportTable.Row(cells: [
                [.text(summary.care.label)], [.text(String(summary.dates.count))],
                [.text(summary.dates.first?.shortDescription ?? "")], [.text(summary.dates.last?.shortDescription ?? "")],
            ])
        }
        return ReportTable(columns: [.init(title: "Self-care"), .init(title: "Days", numeric: true),
                                     .init(title: "First"), .init(title: "Last")], rows: rows)
    }

    /// The period's sessions, or `nil` when there were none.
    static func sessionsTable(_ report: Report) -> ReportTable? {
        guard !report.sessions.isEmpty else { return nil }
        let triggerID = report.episode?.trigger?.id
        let rows = report.sessions.map { session -> ReportTable.Row in
            var kind: ReportLine = [.text(TimeText.kind(of: session))]
            if session.id == triggerID { kind.append(.strong(" (trigger)")) }
            return ReportTable.Row(cells: [
                [.text(TimeText.dateTime(session.at, in: report.timeZone))], kind,
                [.text(session.minutes.map(String.init) ?? "\u{2013}")], [.text(session.rpe.map(String.init) ?? "\u{2013}")],
                session.suddenPain ? [.strong("yes")] : [.text("no")],
            ])
        }
        return ReportTable(columns: [
            .init(title: "When"), .init(title: "Session"), .init(title: "Minutes", numeric: true),
            .init(title: "RPE (1\u{2013}10)", numeric: true), .init(title: "Sharp pain at the session"),
        ], rows: rows)
    }

    /// The line shown when no self-care was logged.
    static let noCare = "No self-care logged in the period."
    /// The line shown when no session was logged.
    static let noSessions = "No exercise session logged in the period."

    // MARK: Notes

    /// One line per note: when, what it was written with, and the note with its line breaks.
    static func noteLines(_ report: Report) -> [ReportLine] {
        report.notes.map { note in
            let source: String
            switch note.source {
            case .checkIn(let pain): source = "check-in, pain \(pain)"
            case .session(let kind): source = "session: " + (kind.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "session" : kind)
            }
            var line: ReportLine = [.strong(TimeText.dateTime(note.at, in: report.timeZone)), .text(" (" + source + "): ")]
            let paragraphs = note.text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
            for (index, paragraph) in paragraphs.enumerated() {
                if index > 0 { line.append(.lineBreak) }
                line.append(.text(paragraph.trimmingCharacters(in: .whitespaces)))
            }
            return line
        }
    }

    /// The line shown when there are no notes.
    static let noNotes = "No notes in the period."

    // MARK: Pieces

    /// "Tue 3 Mar 2026".
    static func longDate(_ date: LocalDate) -> String { date.shortDescription + " \(date.year)" }

    /// "5.3".
    static func average(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// "deadlift 18:00 (50 min, RPE 9, sharp pain)", or "deadlift, Mon 2 Mar 18:00 (...)" with the date.
    static func sessionSummary(_ session: Session, timeZone: TimeZone, withDate: Bool) -> String {
        let when = withDate ? ", " + TimeText.dateTime(session.at, in: timeZone) : " " + session.at.converted(to: timeZone).clockTime
        var details: [String] = []
        if let minutes = session.minutes { details.append("\(minutes) min") }
        if let rpe = session.rpe { details.append("RPE \(rpe)") }
        if session.suddenPain { details.append(withDate ? "sharp pain at the session" : "sharp pain") }
        return TimeText.kind(of: session) + when + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")
    }

    /// Spans separated by ", ".
    static func joined(_ spans: [ReportSpan]) -> ReportLine {
        var line: ReportLine = []
        for (index, span) in spans.enumerated() {
            if index > 0 { line.append(.text(", ")) }
            line.append(span)
        }
        return line
    }
}

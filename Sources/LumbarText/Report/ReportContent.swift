#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// A line of report text.
typealias ReportLine = [ReportSpan]

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
    static let natureDetail =
        "The person made these entries in lumbar, a private self-care app; "
        + "pain is self-rated from 0 (none) to 10 (worst imaginable), 7 or more is severe."

    /// How the trend values are computed.
    static let trendExplanation =
        "Pain is the \u{201C}pain now\u{201D} score of each check-in; the 7-day average is the mean "
        + "of each day\u{2019}s highest score over that day and the six before it, counting only days with a check-in."

    /// How flags were found.
    static let flagsExplanation =
        "lumbar evaluated its escalation rules at the end of every day of the period; "
        + "each rule appears once, with the days its level changed. " + StatusFormatter.disclaimer

    /// The legend for red-flag symptoms in the daily table.
    static let redFlagLegend = "Symptoms marked ! answer yes to a warning-sign question."

    /// The closing line.
    static let footer =
        "Made with lumbar from the person\u{2019}s own log. Its flags restate published guidance on back pain "
        + "after exercise, cited by article title; they are not a diagnosis and do not replace an examination."

    // MARK: Header

    /// "Sat 17 Oct 2026 – Tue 1 Dec 2026 (46 days)".
    static func periodText(_ report: Report) -> String {
        let days = report.firstDay.days(to: report.lastDay) + 1
        return longDate(report.firstDay) + " \u{2013} " + longDate(report.lastDay) + " (\(days) \(days == 1 ? "day" : "days"))"
    }

    /// One line saying why the period covers these days.
    static func periodReason(_ report: Report) -> String {
        switch report.reason {
        case .requested:
            return "Chosen by the person making the report."
        case .episode(let onset, let trigger, let peak, let days, let isOpen, let clipped):
            let span = isOpen ? "open for \(days) \(days == 1 ? "day" : "days")" : "\(days) \(days == 1 ? "day" : "days") long"
            let start =
                trigger.map { "the \($0.kindName) session of \($0.at.converted(to: report.timeZone).localDate.shortDescription)" }
                ?? "the onset on \(onset.shortDescription)"
            let cut = clipped ? " (cut to \(Report.maximumDays) days)" : ""
            return "Starts at \(start)\(cut), which the worst episode of back pain in the last "
                + "\(ReportPeriod.lookBackDays) days is traced to (peak \(peak)/10, \(span))."
        case .recentDays(let count):
            return "The last \(count) days, as no episode of back pain overlaps the last \(ReportPeriod.lookBackDays) days."
        }
    }

    /// Period, why, generated time, level, counts and who.
    static func headerFacts(_ report: Report) -> [(String, ReportLine)] {
        let days = report.firstDay.days(to: report.lastDay) + 1
        let generated =
            longDate(report.generatedAt.localDate) + " " + report.generatedAt.clockTime
            + ", times in \(report.timeZone.identifier)"
        let count = report.status.flags.count
        let flagText = count == 0 ? " (no flag raised)" : count == 1 ? " (1 flag raised)" : " (\(count) flags raised)"
        let levelLabel = report.asOf == report.generatedAt ? "Level now" : "Level at end of period"
        let checkIns = report.checkInCount
        let logged =
            "\(checkIns) \(checkIns == 1 ? "check-in" : "check-ins") on \(report.loggedDayCount) of \(days) days; "
            + "\(report.sessions.count) exercise \(report.sessions.count == 1 ? "session" : "sessions")"
        return [
            ("Period", [.strong(periodText(report))]),
            ("Why", [.text(periodReason(report))]),
            ("Person", [.text(personText(report))]),
            (levelLabel, [.level(report.status.level), .text(flagText)]),
            ("Logged", [.text(logged)]),
            ("Generated", [.text(generated)]),
        ]
    }

    /// "age band 40–49; history: osteoporosis", from the profile.
    static func personText(_ report: Report) -> String {
        let age =
            report.profile.birthYear.flatMap { ageBand(birthYear: $0, in: report.lastDay.year) }
            .map { "age \($0)" } ?? "age not given"
        let history =
            report.profile.history.isEmpty
            ? "no medical history recorded"
            : "history: " + report.profile.history.map(\.label).joined(separator: ", ")
        return age + "; " + history
    }

    /// The ten-year band of the age reached in `year` ("40–49"), `nil` for a birth year after it.
    static func ageBand(birthYear: Int, in year: Int) -> String? {
        let age = year - birthYear
        guard age >= 0 else { return nil }
        let low = age / 10 * 10
        return "\(low)\u{2013}\(low + 9)"
    }

    // MARK: Episode

    /// The episode's heading.
    static let episodeHeading = "Main episode"

    /// The episode as label/value facts, or a single line when there is none.
    static func episodeFacts(_ report: Report) -> [(String, ReportLine)] {
        guard let episode = report.episode, let day = report.episodeDay, let peakCheckIn = report.episodePeakCheckIn else {
            return [("Status", [.text("No episode of back pain (a check-in with pain 1 or more) in this period.")])]
        }
        let zone = report.timeZone
        var facts: [(String, ReportLine)] = []
        if let close = episode.closeDate {
            facts.append(
                (
                    "Status",
                    [
                        .text("Closed on \(close.shortDescription) after two pain-free days in a row; it lasted "),
                        .strong("\(day) days"), .text("."),
                    ]
                ))
        } else {
            facts.append(
                ("Status", [.strong("Day \(day)"), .text(" (onset day = day 0), still open on \(report.asOf.localDate.shortDescription).")]))
        }
        if let trigger = episode.trigger {
            let hours = Int(trigger.at.hours(to: episode.onset.at).rounded(.down))
            var details: [String] = []
            if let minutes = trigger.minutes { details.append("\(minutes) min") }
            if let rpe = trigger.rpe { details.append("RPE \(rpe)") }
            let during = trigger.suddenPain ? "pain began during it" : "no sudden pain during it"
            facts.append(
                (
                    "Trigger",
                    [
                        .strong(trigger.kindName),
                        .text(
                            ", " + TimeText.dateTime(trigger.at, in: zone)
                                + (details.isEmpty ? "" : ", " + details.joined(separator: ", ")) + "; " + during + "; \(hours) h before the onset"),
                    ]
                ))
        } else {
            facts.append(("Trigger", [.text("no session logged in the \(Episode.triggerWindowHours) h before the onset")]))
        }
        facts.append(("Onset", [.text(TimeText.dateTime(episode.onset.at, in: zone) + ", pain \(episode.onset.pain)/10")]))
        let peakDay = episode.onset.date.days(to: peakCheckIn.date)
        let count = report.episodeCheckIns.count
        facts.append(
            (
                "Pain",
                [
                    .text("peak "), .strong("\(episode.peak)/10"), .text(" on \(peakCheckIn.date.shortDescription) (day \(peakDay)); latest "),
                    .strong("\(episode.latest.pain)/10"),
                    .text(
                        " on " + TimeText.dateTime(episode.latest.at, in: zone)
                            + "; \(count) \(count == 1 ? "check-in" : "check-ins")"),
                ]
            ))
        facts.append(("Trend", [.text(trendLine(episode, checkIns: report.episodeCheckIns))]))
        facts.append(("Windows", [.text(windowsLine(episode, report: report))]))
        return facts
    }

    /// The pain at the onset, the peak, days 7, 14, 28 and 42, and the latest, in one line.
    static func trendLine(_ episode: Episode, checkIns: [CheckIn]) -> String {
        let peakCheckIn = episode.peakCheckIn(among: checkIns)
        var parts = ["\(episode.onset.pain) at onset"]
        var shown: Set<UUID> = [episode.onset.id]
        var milestones: [(day: Int, checkIn: CheckIn)] = []
        let lastDate = episode.latest.date
        for day in [7, EpisodeMark.twoWeeksDay, EpisodeMark.fourWeeksDay, EpisodeMark.sixWeeksDay] {
            let date = episode.onset.date.adding(days: day)
            guard date <= lastDate, let checkIn = checkIns.last(where: { $0.date <= date }) else { continue }
            milestones.append((day, checkIn))
        }
        let peakDay = episode.onset.date.days(to: peakCheckIn.date)
        var peakShown = peakCheckIn.id == episode.onset.id
        for milestone in milestones {
            if !peakShown, peakDay <= milestone.day {
                parts.append("peak \(episode.peak) on day \(peakDay)")
                shown.insert(peakCheckIn.id)
                peakShown = true
            }
            guard !shown.contains(milestone.checkIn.id) else { continue }
            shown.insert(milestone.checkIn.id)
            parts.append("\(milestone.checkIn.pain) by day \(milestone.day)")
        }
        if !peakShown {
            parts.append("peak \(episode.peak) on day \(peakDay)")
            shown.insert(peakCheckIn.id)
        }
        if !shown.contains(episode.latest.id), parts.last?.hasPrefix("\(episode.latest.pain) ") != true {
            parts.append("\(episode.latest.pain) on day \(episode.onset.date.days(to: episode.latest.date))")
        }
        let direction = episode.latest.pain < episode.peak ? "Eased" : episode.latest.pain > episode.onset.pain ? "Worsened" : "Held"
        return direction + ": " + parts.joined(separator: " \u{2192} ") + "."
    }

    /// The main episode's marks as a report shows them, in time order: the hour marks only when
    /// a session started the episode, as the report names no hour marks counted from an onset.
    static func marks(_ report: Report) -> [EpisodeMark] {
        guard let episode = report.episode else { return [] }
        let marks = episode.marks(in: report.timeZone)
        return episode.trigger == nil ? marks.filter { $0.kind.hours == nil } : marks
    }

    /// Each window mark after the trigger with when it fell and the pain then, or that it lies ahead.
    static func windowsLine(_ episode: Episode, report: Report) -> String {
        let zone = report.timeZone
        let marks = ReportContent.marks(report).filter { $0.kind != .trigger }.map { mark -> String in
            let when =
                mark.kind.hours != nil
                ? TimeText.dateTime(mark.at, in: zone) : mark.at.localDate.shortDescription
            let state: String
            if mark.at > report.asOf {
                state = "not reached"
            } else if let close = episode.closeDate, mark.at.localDate > close {
                state = "after it closed"
            } else if mark.kind.hours != nil,
                let near = report.episodeCheckIns.filter({ abs($0.at.hours(to: mark.at)) <= 24 && $0.at <= report.asOf })
                    .min(by: { abs($0.at.hours(to: mark.at)) < abs($1.at.hours(to: mark.at)) })
            {
                // The rules judge the pain around these hours, so the nearest check-in on either side tells most.
                state =
                    abs(near.at.hours(to: mark.at)) <= 3
                    ? "pain \(near.pain) then"
                    : "pain \(near.pain) at " + TimeText.weekdayTime(near.at, in: zone)
            } else if let checkIn = report.episodeCheckIns.last(where: {
                mark.kind.hours != nil ? $0.at <= mark.at : $0.date <= mark.at.localDate
            }) {
                // A check-in from days before the mark says little about "then": name its day instead.
                state =
                    checkIn.date == mark.at.localDate && mark.kind.hours == nil
                    ? "pain \(checkIn.pain) then" : "last pain \(checkIn.pain) on \(checkIn.date.shortDescription)"
            } else {
                state = "no check-in yet"
            }
            return mark.kind.label + " " + when + " (" + state + ")"
        }
        return marks.joined(separator: " \u{00B7} ")
    }

    // MARK: Flags

    /// The flags and how their levels moved, for the first page, or `nil` when nothing fired.
    static func flagsTable(_ report: Report) -> ReportTable? {
        guard !report.flags.isEmpty else { return nil }
        let rows = report.flags.map { flag -> ReportTable.Row in
            var rule: ReportLine = [.text(flag.rule.title + " ("), .code(flag.rule.rawValue), .text(")")]
            if let assessed = flag.latest.assessedAt {
                rule.append(.text(", assessed " + TimeText.dateTime(assessed, in: report.timeZone)))
            }
            return ReportTable.Row(cells: [rule, levelSteps(flag)])
        }
        return ReportTable(columns: [.init(title: "Rule"), .init(title: "Level at the end of each day, when it changed")], rows: rows)
    }

    /// What lumbar saw each flag on and the article it rests on, or `nil` when nothing fired.
    static func flagDetailTable(_ report: Report) -> ReportTable? {
        guard !report.flags.isEmpty else { return nil }
        let rows = report.flags.map { flag -> ReportTable.Row in
            let source = flag.latest.sources.first?.title ?? "lumbar\u{2019}s own rule (no article)"
            return ReportTable.Row(cells: [[.code(flag.rule.rawValue)], [.text(flag.latest.headline.text)], [.text(source)]])
        }
        return ReportTable(
            columns: [
                .init(title: "Rule"), .init(title: "What lumbar saw, the last day it was raised"),
                .init(title: "Source", underPrevious: true),
            ], rows: rows)
    }

    /// "watch Sat 17 Oct → see-doctor Sun 18 Oct → cleared Wed 21 Oct", long histories shortened in the middle.
    static func levelSteps(_ flag: ReportFlag) -> ReportLine {
        var steps = flag.steps.map(Optional.some)
        if steps.count > 6 { steps = Array(steps.prefix(2)) + [nil] + Array(steps.suffix(3)) }
        var line: ReportLine = []
        for (index, step) in steps.enumerated() {
            if index > 0 { line.append(.text(" \u{2192} ")) }
            guard let step else {
                line.append(.text("\u{2026}"))
                continue
            }
            if let level = step.level { line.append(.level(level)) } else { line.append(.text("cleared")) }
            line.append(.text(" " + step.date.shortDescription))
        }
        if flag.isRaisedAtEnd { line.append(.strong(" (still raised)")) }
        return line
    }

    /// The line shown instead of the flags table.
    static let noFlags = "No rule fired on any day of the period."

    // MARK: Warning signs

    /// One row per warning-sign question: those answered yes first, then the documented negatives, in asking order.
    static func warningSignTable(_ report: Report) -> ReportTable {
        let ordered = report.warningSigns.filter(\.wasReported) + report.warningSigns.filter { !$0.wasReported }
        let rows = ordered.map { answer in
            ReportTable.Row(
                cells: [
                    answer.wasReported ? [.redFlag(signName(answer.symptom))] : [.text(signName(answer.symptom))],
                    answerLine(answer),
                ], muted: !answer.wasReported && answer.noCount == 0)
        }
        return ReportTable(columns: [.init(title: "Warning sign"), .init(title: "Answers over the period")], rows: rows)
    }

    /// "no on 18 of 20 check-ins, yes on Wed 4 Mar, not asked on 2".
    static func answerLine(_ answer: WarningSignAnswer) -> ReportLine {
        let total = answer.checkInCount
        guard total > 0 else { return [.text("no check-ins in the period")] }
        let checkIns = total == 1 ? "check-in" : "check-ins"
        var line: ReportLine = []
        // The total is said once, on the first count given.
        var totalSaid = false
        func of() -> String {
            defer { totalSaid = true }
            return totalSaid ? "" : " of \(total) \(checkIns)"
        }
        if answer.wasReported {
            // Several yes answers on one day would hide behind the day list: count them then.
            let times = answer.yesCount == answer.yesDates.count ? "" : " (\(answer.yesCount) check-ins)"
            line.append(.strong("yes " + yesDays(answer) + times))
        }
        if answer.noCount > 0 {
            line.append(.text((line.isEmpty ? "" : ", ") + "no on \(answer.noCount)" + of()))
        }
        if answer.notAskedCount > 0 {
            line.append(.text((line.isEmpty ? "" : ", ") + "not asked on \(answer.notAskedCount)" + of()))
        }
        if !totalSaid { line.append(.text(", all \(total) \(checkIns)")) }
        if let since = answer.noSince {
            line.append(.text("; no again since " + since.shortDescription))
        } else if answer.standsAtEnd {
            line.append(.strong("; still yes at the end"))
        }
        return line
    }

    /// "on Wed 4 Mar", "on Wed 4 Mar and Fri 6 Mar", or "on 5 days, first Wed 4 Mar, last Mon 16 Mar".
    static func yesDays(_ answer: WarningSignAnswer) -> String {
        let dates = answer.yesDates
        guard let first = dates.first, let last = dates.last else { return "" }
        switch dates.count {
        case 1: return "on " + first.shortDescription
        case 2: return "on " + first.shortDescription + " and " + last.shortDescription
        default: return "on \(dates.count) days, first \(first.shortDescription), last \(last.shortDescription)"
        }
    }

    /// The warning sign named so it reads alone in a list, in a few words.
    static func signName(_ symptom: Symptom) -> String {
        switch symptom.rawValue {
        case "both-legs": return "both legs affected"
        case "after-fall": return "after a fall or blow"
        case "tingling": return "pins and needles"
        case "radiating-pain": return "pain into buttock/leg"
        case "fever": return "fever or unwell"
        case "cough-sneeze-pain": return "worse on cough/sneeze"
        default: return symptom.label
        }
    }

    /// What "not asked" means.
    static let warningSignExplanation =
        "Each check-in asks these questions; a question skipped counts as not asked, "
        + "not as a no."

    // MARK: Assessments

    /// One line per assessment: when, the flags it covers at their levels, and its note.
    static func assessmentLines(_ report: Report) -> [ReportLine] {
        report.assessments.map { assessment in
            var line: ReportLine = [.strong(TimeText.dateTime(assessment.at, in: report.timeZone)), .text(": covers ")]
            for (index, rule) in assessment.rules.enumerated() {
                if index > 0 { line.append(.text(", ")) }
                line.append(.code(rule.rule))
                line.append(.text(" at "))
                line.append(.level(rule.level))
            }
            if assessment.rules.isEmpty { line.append(.text("no flag")) }
            let note = assessment.note.trimmingWhitespace()
            if !note.isEmpty {
                line.append(.text(" \u{2014} "))
                let paragraphs = note.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
                line.append(.text(paragraphs.map { $0.trimmingSpaces() }.joined(separator: " ")))
            }
            return line
        }
    }

    /// The line shown when no assessment was recorded.
    static let noAssessments = "No assessment by a clinician recorded in the period."

    // MARK: Days

    /// The daily table, runs of empty days folded into one row.
    static func dailyTable(_ report: Report) -> ReportTable {
        let rows = report.rows.map { row -> ReportTable.Row in
            switch row {
            case .gap(let first, let last, let level):
                let count = first.days(to: last) + 1
                return ReportTable.Row(
                    cells: [
                        [.text(first.shortDescription + " \u{2013} " + last.shortDescription)], [.text("\u{2013}")], [.text("\u{2013}")],
                        [.text("\u{2013}")], [.text("nothing logged (\(count) days)")], [], [], [.level(level)],
                    ], muted: true)
            case .day(let day):
                let dash: ReportLine = [.text("\u{2013}")]
                let pain: ReportLine = day.checkIns.isEmpty ? dash : [.text(day.checkIns.map { String($0.pain) }.joined(separator: ", "))]
                let symptoms: ReportLine =
                    day.checkIns.isEmpty
                    ? [.text("no check-in")]
                    : joined(
                        day.symptoms.map {
                            $0.isWarningSign ? ReportSpan.redFlag($0.label) : ReportSpan.text($0.label)
                        })
                return ReportTable.Row(
                    cells: [
                        [.text(day.date.shortDescription)], pain, day.worst.map { [.text(String($0))] } ?? dash,
                        day.sevenDayAverage.map { [.text(average($0))] } ?? dash, symptoms,
                        [.text(day.care.map(\.label).joined(separator: ", "))],
                        [.text(day.sessions.map { sessionSummary($0, timeZone: report.timeZone, withDate: false) }.joined(separator: "; "))],
                        [.level(day.level)],
                    ], muted: day.checkIns.isEmpty)
            }
        }
        return ReportTable(
            columns: [
                .init(title: "Date"), .init(title: "Pain", numeric: true), .init(title: "Worst", numeric: true),
                .init(title: "7-day avg", numeric: true), .init(title: "Symptoms"), .init(title: "Self-care"),
                .init(title: "Sessions"), .init(title: "Level"),
            ], rows: rows)
    }

    // MARK: Care and sessions

    /// Self-care actions with the days logged and how pain moved after them, or `nil` when none was.
    static func careTable(_ report: Report) -> ReportTable? {
        guard !report.care.isEmpty else { return nil }
        let rows = report.care.map { summary in
            let range =
                summary.dates.count == 1
                ? (summary.dates.first?.shortDescription ?? "")
                : (summary.dates.first?.shortDescription ?? "") + " \u{2013} " + (summary.dates.last?.shortDescription ?? "")
            let after =
                summary.comparedDays == 0
                ? "no later check-in"
                : "lower \(summary.lowerAfter), same \(summary.sameAfter), higher \(summary.higherAfter)"
            return ReportTable.Row(cells: [
                [.text(summary.care.label)], [.text(String(summary.dates.count))], [.text(range)], [.text(after)],
            ])
        }
        return ReportTable(
            columns: [
                .init(title: "Self-care"), .init(title: "Days", numeric: true),
                .init(title: "When"), .init(title: "Pain on the next logged day"),
            ], rows: rows)
    }

    /// How to read the self-care table.
    static let careExplanation = "A day\u{2019}s highest pain against the next logged day\u{2019}s: what followed, not what caused it."

    /// The period's pain as one character per day (the day's highest, `·` without a check-in), for text readers.
    static func dailyPainLine(_ report: Report) -> String {
        report.days.map { $0.pain.map(String.init) ?? "\u{00B7}" }.joined(separator: " ")
    }

    /// The period's sessions, or `nil` when there were none.
    static func sessionsTable(_ report: Report) -> ReportTable? {
        guard !report.sessions.isEmpty else { return nil }
        let triggerID = report.episode?.trigger?.id
        let rows = report.sessions.map { session -> ReportTable.Row in
            var kind: ReportLine = [.text(session.kindName)]
            if session.id == triggerID { kind.append(.strong(" (trigger)")) }
            return ReportTable.Row(cells: [
                [.text(TimeText.dateTime(session.at, in: report.timeZone))], kind,
                [.text(session.minutes.map(String.init) ?? "\u{2013}")], [.text(session.rpe.map(String.init) ?? "\u{2013}")],
                session.suddenPain ? [.strong("yes")] : [.text("no")],
            ])
        }
        return ReportTable(
            columns: [
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
            case .session(let kind): source = "session: " + (kind.trimmingWhitespace().isEmpty ? "session" : kind)
            }
            var line: ReportLine = [.strong(TimeText.dateTime(note.at, in: report.timeZone)), .text(" (" + source + "): ")]
            let paragraphs = note.text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
            for (index, paragraph) in paragraphs.enumerated() {
                if index > 0 { line.append(.lineBreak) }
                line.append(.text(paragraph.trimmingSpaces()))
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
    static func sessionSummary(_ session: Session, timeZone: ZoneInfo, withDate: Bool) -> String {
        let when = withDate ? ", " + TimeText.dateTime(session.at, in: timeZone) : " " + session.at.converted(to: timeZone).clockTime
        var details: [String] = []
        if let minutes = session.minutes { details.append("\(minutes) min") }
        if let rpe = session.rpe { details.append("RPE \(rpe)") }
        if session.suddenPain { details.append(withDate ? "sharp pain at the session" : "sharp pain") }
        return session.kindName + when + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")
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

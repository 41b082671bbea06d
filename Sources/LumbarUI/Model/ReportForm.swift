#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// The Report screen's choices: the period (the default one, or from/to dates) and the format.
struct ReportForm: Hashable, Sendable {
    /// The rows, top to bottom.
    enum Row: Int, CaseIterable, Hashable, Sendable {
        case period, from, to, format
    }

    /// The file formats a report is written in.
    enum Format: String, CaseIterable, Hashable, Sendable {
        case md, html

        var title: String { self == .md ? "Markdown (.md)" : "HTML page (.html)" }
        var name: String { self == .md ? "Markdown" : "HTML" }
    }

    /// Whether the period is the default one (30 days, back to the episode's onset).
    var usesDefaultPeriod = true
    /// The first day as typed (YYYY-MM-DD), used when the period is not the default one.
    var from = ""
    /// The last day as typed (YYYY-MM-DD), used when the period is not the default one.
    var to = ""
    var format = Format.md
    /// The focused row.
    var focus = Row.period
    /// Where the last report went, shown until the next one.
    var lastWritten: String?

    /// The rows that take keys: the dates only when the period is chosen by hand.
    var rows: [Row] { usesDefaultPeriod ? [.period, .format] : Row.allCases }

    /// Moves the focus by `step` rows among `rows`, stopping at the ends.
    mutating func move(_ step: Int) {
        let rows = self.rows
        let index = rows.firstIndex(of: focus) ?? 0
        focus = rows[min(max(0, index + step), rows.count - 1)]
    }

    /// The period to report on, or why the typed dates do not make one.
    func period(today: LocalDate, journal: Journal, now: Date, timeZone: ZoneInfo) -> Result<(first: LocalDate, last: LocalDate), ProfileForm.Problem>
    {
        if usesDefaultPeriod {
            let standard = ReportPeriod.standard(through: today, journal: journal, now: now, timeZone: timeZone)
            return .success((standard.first, standard.last))
        }
        guard let first = LocalDate(from) else {
            return .failure(.init(text: "From \u{201C}\(from)\u{201D} is not a date; type it as YYYY-MM-DD."))
        }
        let last: LocalDate
        if to.isEmpty {
            last = today
        } else if let typed = LocalDate(to) {
            last = min(typed, today)
        } else {
            return .failure(.init(text: "To \u{201C}\(to)\u{201D} is not a date; type it as YYYY-MM-DD, or leave it empty for today."))
        }
        if first > last {
            return .failure(.init(text: "From \(first) is after \(last); give the earlier date first."))
        }
        let days = first.days(to: last) + 1
        if days > Report.maximumDays {
            return .failure(.init(text: "\(first) to \(last) is \(days) days; a report covers at most \(Report.maximumDays)."))
        }
        return .success((first, last))
    }

    /// The report for `period` as a file to write, rendered by the report module's entry points.
    func file(first: LocalDate, last: LocalDate, journal: Journal, now: Date, timeZone: ZoneInfo) -> ReportFile {
        // The default period keeps the report's own account of why it was chosen.
        let standard = ReportPeriod.standard(through: last, journal: journal, now: now, timeZone: timeZone)
        let report =
            usesDefaultPeriod && standard.first == first
            ? Report(journal: journal, period: standard, now: now, timeZone: timeZone)
            : Report(journal: journal, from: first, through: last, now: now, timeZone: timeZone)
        let text = format == .html ? HTMLReport.render(report) : MarkdownReport.render(report)
        return ReportFile(
            name: "lumbar-report-\(first)-to-\(report.lastDay).\(format.rawValue)", text: text,
            summary: "the \(format.name) report for \(first) to \(report.lastDay)")
    }
}

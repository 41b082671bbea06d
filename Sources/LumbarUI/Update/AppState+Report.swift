#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

extension AppState {
    mutating func handleReportKey(_ key: Key) -> [Effect] {
        var form = reportForm
        defer { reportForm = form }
        switch key {
        case .up, .character("k"), .backTab: form.move(-1)
        case .down, .character("j"), .tab: form.move(1)
        case .home: form.focus = .period
        case .end, .character("G"): form.focus = form.rows.last ?? .format
        case .character(" "), .left, .right:
            switch form.focus {
            case .period: form.usesDefaultPeriod.toggle()
            case .format: form.format = form.format == .md ? .html : .md
            case .from, .to: break
            }
        case .character(let c) where (c.isASCII && c.isNumber) || c == "-":
            switch form.focus {
            case .from: if form.from.count < 10 { form.from.append(c) }
            case .to: if form.to.count < 10 { form.to.append(c) }
            case .period, .format: break
            }
        case .backspace, .delete:
            switch form.focus {
            case .from: if !form.from.isEmpty { form.from.removeLast() }
            case .to: if !form.to.isEmpty { form.to.removeLast() }
            case .period, .format: break
            }
        case .enter:
            switch form.period(today: today, journal: journal, now: now, timeZone: timeZone) {
            case .failure(let problem):
                flash = BarMessage(text: problem.text, isError: true)
            case .success(let period):
                if form.from.isEmpty { form.from = period.first.description }
                return [.writeReport(form.file(first: period.first, last: period.last, journal: journal, now: now, timeZone: timeZone))]
            }
        default:
            break
        }
        return []
    }

    /// The report is on disk: say where, and keep saying it on the screen.
    mutating func didWriteReport(_ file: ReportFile, to path: String) {
        reportForm.lastWritten = path
        flash = BarMessage(text: "Wrote \(path) (\(file.summary), readable only by you).")
    }
}

import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// The plain-text history table.
enum HistoryTable {
    /// One line per entry, in time order, sessions among the check-ins.
    static func lines(checkIns: [CheckIn], sessions: [Session], timeZone: ZoneInfo, unicode: Bool) -> [String] {
        var rows: [(Timestamp, Int, String)] = []
        for (i, c) in checkIns.enumerated() {
            let local = c.at.converted(to: timeZone)
            let bar = String(repeating: unicode ? "█" : "#", count: c.pain) + String(repeating: unicode ? "·" : ".", count: 10 - c.pain)
            var line = "\(c.date) \(c.date.weekdayAbbreviation) \(local.clockTime)  pain \(bar) \(c.pain < 10 ? " " : "")\(c.pain)"
            line += c.worst.map { "  worst \($0 < 10 ? " " : "")\($0)" } ?? "          "
            var details: [String] = []
            if !c.symptoms.isEmpty { details.append(c.symptoms.map { ($0.isWarningSign ? "!" : "") + $0.rawValue }.joined(separator: ",")) }
            if !c.care.isEmpty { details.append("care: " + c.care.map(\.rawValue).joined(separator: ",")) }
            if !c.note.isEmpty { details.append("\"" + c.note.replacing("\n", with: " ").escapingControlCharacters + "\"") }
            line += "  [\(c.id.shortID)]"
            if !details.isEmpty { line += "  " + details.joined(separator: "  ") }
            rows.append((c.at, i * 2 + 1, line))
        }
        for (i, s) in sessions.enumerated() {
            let local = s.at.converted(to: timeZone)
            var what = [s.kind.escapingControlCharacters]
            if let m = s.minutes { what.append("\(m) min") }
            if let r = s.rpe { what.append("RPE \(r)") }
            if s.suddenPain { what.append("sudden pain") }
            var line = "\(local.localDate) \(local.localDate.weekdayAbbreviation) \(local.clockTime)  session: \(what.joined(separator: ", "))"
            line += "  [\(s.id.shortID)]"
            if !s.note.isEmpty { line += "  \"" + s.note.replacing("\n", with: " ").escapingControlCharacters + "\"" }
            rows.append((s.at, i * 2, line))
        }
        return rows.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.2)
    }
}

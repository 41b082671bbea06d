#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// Draws a report's pain trend as an inline SVG: each check-in's pain at its time, the 7-day average, the severe band,
/// the main episode shaded, its window marks (trigger, 72 h, 96 h, days 14, 28 and 42), sessions,
/// warning signs answered yes, a strip with each day's level and a numbered marker where each flag
/// was first raised. Every mark names itself in a `<title>` (shown on hover). Plain SVG with no
/// scripts, fonts or links, so it prints anywhere.
public enum PainChart {
    /// The drawing's width in user units (it scales to the page).
    static let width = 720.0
    /// The drawing's height in user units.
    static let height = 176.0
    /// The plot area.
    static let left = 34.0, right = 710.0, top = 30.0, bottom = 128.0
    /// The level strip under the x-axis labels.
    static let stripTop = 146.0, stripHeight = 9.0
    /// The middle of the row of flag markers.
    static let flagRow = 166.0

    /// The colour of each level in the strip and the legend.
    public static func color(of level: Level) -> String {
        switch level {
        case .none: return "#e5e7eb"
        case .info: return "#93c5fd"
        case .watch: return "#fcd34d"
        case .seeDoctor: return "#fb923c"
        case .urgent: return "#ef4444"
        case .emergency: return "#7f1d1d"
        }
    }

    /// The colour of a window mark's line.
    static func color(of mark: EpisodeMark.Kind) -> String {
        switch mark {
        case .trigger: return "#111827"
        case .hours72, .hours96: return "#c2410c"
        case .day14, .day28, .day42: return "#6d28d9"
        }
    }

    /// The main episode's shading.
    static let episodeFill = "#e0e7ff"

    /// The main episode's window marks that fall inside the period's days, in time order.
    static func drawnMarks(_ report: Report) -> [EpisodeMark] {
        let start = report.firstDay.start(in: report.timeZone)
        let end = report.lastDay.end(in: report.timeZone)
        return ReportContent.marks(report).filter { $0.at >= start && $0.at <= end }
    }

    /// The flags first raised in the period, numbered from 1 in the order they were first raised.
    static func drawnFlags(_ report: Report) -> [(number: Int, flag: ReportFlag)] {
        let order = Dictionary(uniqueKeysWithValues: RuleID.allCases.enumerated().map { ($1, $0) })
        let sorted = report.flags.sorted {
            $0.firstFired != $1.firstFired ? $0.firstFired < $1.firstFired : (order[$0.rule] ?? 0) < (order[$1.rule] ?? 0)
        }
        return sorted.enumerated().map { ($0.offset + 1, $0.element) }
    }

    /// The trigger mark's label: the session's kind, cut short.
    static func triggerLabel(_ report: Report) -> String {
        shortened(report.episode?.trigger.map(\.kindName) ?? "session")
    }

    /// The plot's geometry for one report: where a day, a pain score and an instant fall.
    struct Frame {
        /// The report being drawn.
        let report: Report
        /// The period's first day, position 0 on the x-axis.
        let first: LocalDate
        /// The width of one day in user units.
        let dayWidth: Double

        /// The frame for `report`, or `nil` for a period without days.
        init?(_ report: Report) {
            guard let first = report.days.first?.date else { return nil }
            self.report = report
            self.first = first
            dayWidth = (right - left) / Double(report.days.count)
        }

        /// The period's days.
        var days: [ReportDay] { report.days }

        /// The x coordinate of a fractional day position.
        func x(_ position: Double) -> Double { left + position * dayWidth }

        /// The y coordinate of a pain score.
        func y(_ pain: Double) -> Double { bottom - pain / 10 * (bottom - top) }

        /// The fractional day position of an instant, read on the report's wall clock.
        func position(_ time: Timestamp) -> Double {
            let local = time.converted(to: report.timeZone).localParts
            return Double(first.days(to: local.date)) + Double(local.hour * 3600 + local.minute * 60 + local.second) / 86_400
        }
    }

    /// The chart as an `<svg>` element (no XML declaration), or `nil` for a period without days.
    public static func svg(_ report: Report) -> String? {
        guard let frame = Frame(report) else { return nil }
        var out: [String] = []
        let label =
            "Pain from \(frame.first.shortDescription) to \(report.lastDay.shortDescription): pain at each check-in, 7-day average and the episode\u{2019}s window marks."
        out.append("<svg class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">")
        out.append("<title>\(HTMLText.escape(label))</title>")
        out.append(contentsOf: episodeShading(frame))
        out.append(contentsOf: painGrid(frame))
        out.append(contentsOf: dayTicks(frame))
        out.append(contentsOf: windowMarks(frame))
        out.append(contentsOf: sessionMarks(frame))
        out.append(contentsOf: painLines(frame))
        out.append(contentsOf: levelStrip(frame))
        out.append(contentsOf: flagMarkers(frame))
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    /// The main episode, shaded from its onset to its close (or the period's end).
    static func episodeShading(_ frame: Frame) -> [String] {
        let report = frame.report
        guard let episode = report.episode else { return [] }
        let dayCount = Double(frame.days.count)
        let from = max(frame.position(episode.onset.at), 0)
        let to = min(episode.closeDate.map { frame.position($0.end(in: report.timeZone)) } ?? dayCount, dayCount)
        guard to > from else { return [] }
        let title =
            "Main episode: onset \(TimeText.dateTime(episode.onset.at, in: report.timeZone)), "
            + (episode.closeDate.map { "closed \($0.shortDescription)" } ?? "still open") + ", peak \(episode.peak)/10"
        return [
            "<rect x=\"\(n(frame.x(from)))\" y=\"\(n(top))\" width=\"\(n(frame.x(to) - frame.x(from)))\" height=\"\(n(bottom - top))\" fill=\"\(episodeFill)\" opacity=\"0.6\"><title>\(HTMLText.escape(title))</title></rect>"
        ]
    }

    /// The severe band, the pain gridlines with their numbers and the y-axis name.
    static func painGrid(_ frame: Frame) -> [String] {
        let y = frame.y
        var out: [String] = []
        out.append("<rect x=\"\(n(left))\" y=\"\(n(y(10)))\" width=\"\(n(right - left))\" height=\"\(n(y(7) - y(10)))\" fill=\"#fdecec\"/>")
        out.append("<text x=\"\(n(right - 4))\" y=\"\(n(y(10) + 10))\" text-anchor=\"end\" class=\"band\">severe (7\u{2013}10)</text>")
        for pain in stride(from: 0, through: 10, by: 2) {
            out.append(
                "<line x1=\"\(n(left))\" y1=\"\(n(y(Double(pain))))\" x2=\"\(n(right))\" y2=\"\(n(y(Double(pain))))\" stroke=\"#d1d5db\" stroke-width=\"\(pain == 0 ? "1" : "0.6")\"/>"
            )
            out.append("<text x=\"\(n(left - 6))\" y=\"\(n(y(Double(pain)) + 3.5))\" text-anchor=\"end\" class=\"axis\">\(pain)</text>")
        }
        out.append(
            "<text x=\"10\" y=\"\(n((top + bottom) / 2))\" transform=\"rotate(-90 10 \(n((top + bottom) / 2)))\" text-anchor=\"middle\" class=\"axis\">pain</text>"
        )
        return out
    }

    /// Day ticks and date labels, about a dozen at most.
    static func dayTicks(_ frame: Frame) -> [String] {
        var out: [String] = []
        let step = max(1, Int((Double(frame.days.count) / 11).rounded(.up)))
        for (index, day) in frame.days.enumerated() {
            let tickX = frame.x(Double(index))
            out.append(
                "<line x1=\"\(n(tickX))\" y1=\"\(n(bottom))\" x2=\"\(n(tickX))\" y2=\"\(n(bottom + 3))\" stroke=\"#9ca3af\" stroke-width=\"0.6\"/>")
            if index % step == 0 {
                out.append(
                    "<text x=\"\(n(frame.x(Double(index) + 0.5)))\" y=\"\(n(bottom + 14))\" text-anchor=\"middle\" class=\"axis\">\(day.date.day) \(day.date.monthAbbreviation)</text>"
                )
            }
        }
        return out
    }

    /// Window marks with their labels, staggered on two rows when they would collide; each names itself on hover.
    static func windowMarks(_ frame: Frame) -> [String] {
        let report = frame.report
        var out: [String] = []
        var rowEnds = [-Double.infinity, -Double.infinity]
        for mark in drawnMarks(report) {
            let markX = frame.x(frame.position(mark.at))
            let dash = mark.kind == .trigger ? "" : " stroke-dasharray=\"4 3\""
            let text = mark.kind == .trigger ? triggerLabel(report) : mark.kind.label
            let halfWidth = Double(text.count) * 2.9 + 2
            let labelX = min(max(markX, left + halfWidth), right - halfWidth)
            let row = labelX - halfWidth > rowEnds[0] ? 0 : 1
            rowEnds[row] = labelX + halfWidth
            let title =
                mark.kind.meaning.prefix(1).uppercased() + mark.kind.meaning.dropFirst() + ": "
                + TimeText.dateTime(mark.at, in: report.timeZone)
            out.append("<g class=\"window\"><title>\(HTMLText.escape(title))</title>")
            out.append(
                "<line x1=\"\(n(markX))\" y1=\"\(n(top - 4))\" x2=\"\(n(markX))\" y2=\"\(n(bottom))\" stroke=\"\(color(of: mark.kind))\" stroke-width=\"1.2\"\(dash)/>"
            )
            out.append(
                "<text x=\"\(n(labelX))\" y=\"\(row == 0 ? "12" : "24")\" text-anchor=\"middle\" class=\"mark\" fill=\"\(color(of: mark.kind))\">\(HTMLText.escape(text))</text>"
            )
            out.append("</g>")
        }
        return out
    }

    /// Sessions as small triangles on the x-axis.
    static func sessionMarks(_ frame: Frame) -> [String] {
        frame.report.sessions.map { session in
            let at = frame.x(frame.position(session.at))
            let title = "Session: " + session.kindName + ", " + TimeText.dateTime(session.at, in: frame.report.timeZone)
            return
                "<path d=\"M\(n(at)) \(n(bottom - 7))L\(n(at - 4)) \(n(bottom))L\(n(at + 4)) \(n(bottom))Z\" fill=\"#4b5563\"><title>\(HTMLText.escape(title))</title></path>"
        }
    }

    /// The 7-day average line, the check-in line and a dot per check-in, with a `!` over warning signs answered yes.
    static func painLines(_ frame: Frame) -> [String] {
        let days = frame.days
        var out: [String] = []
        // The 7-day average at each day's middle, broken where a day has none.
        out.append(
            contentsOf: polylines(
                days.enumerated().map { index, day in
                    day.sevenDayAverage.map { (frame.x(Double(index) + 0.5), frame.y($0)) }
                }, attributes: "stroke=\"#2563eb\" stroke-width=\"2\" stroke-dasharray=\"6 3\" fill=\"none\" opacity=\"0.85\""))
        // Each check-in at its own time, so it reads right against the hour marks. Logging every
        // other day is common, so the line bridges one day without a check-in but breaks across
        // longer gaps rather than inventing a course for them.
        let checkIns = days.flatMap(\.checkIns)
        var points: [(Double, Double)?] = []
        for (index, checkIn) in checkIns.enumerated() {
            if index > 0, checkIns[index - 1].date.days(to: checkIn.date) > 2 { points.append(nil) }
            let at = min(max(frame.position(checkIn.at), 0), Double(days.count))
            points.append((frame.x(at), frame.y(Double(checkIn.pain))))
        }
        out.append(contentsOf: polylines(points, attributes: "stroke=\"#374151\" stroke-width=\"1.6\" fill=\"none\""))
        for (checkIn, point) in zip(checkIns, points.compactMap { $0 }) {
            let fill = PainScale.isSevere(checkIn.pain) ? "#b91c1c" : "#111827"
            let when = TimeText.dateTime(checkIn.at, in: frame.report.timeZone)
            out.append(
                "<circle cx=\"\(n(point.0))\" cy=\"\(n(point.1))\" r=\"2.6\" fill=\"\(fill)\"><title>\(HTMLText.escape(when + ": pain \(checkIn.pain)"))</title></circle>"
            )
            let signs = checkIn.symptoms.filter(\.isWarningSign)
            if !signs.isEmpty {
                let title = when + ": answered yes to " + signs.map(\.label).joined(separator: ", ")
                out.append(
                    "<text x=\"\(n(point.0))\" y=\"\(n(point.1 - 6))\" text-anchor=\"middle\" class=\"rf\">!<title>\(HTMLText.escape(title))</title></text>"
                )
            }
        }
        return out
    }

    /// One cell per day in the level strip, after its label.
    static func levelStrip(_ frame: Frame) -> [String] {
        var out = ["<text x=\"\(n(left - 6))\" y=\"\(n(stripTop + stripHeight - 1))\" text-anchor=\"end\" class=\"axis\">level</text>"]
        for (index, day) in frame.days.enumerated() {
            out.append(
                "<rect x=\"\(n(frame.x(Double(index)) + 0.3))\" y=\"\(n(stripTop))\" width=\"\(n(frame.dayWidth - 0.6))\" height=\"\(n(stripHeight))\" fill=\"\(color(of: day.level))\"><title>\(day.date.shortDescription): \(day.level.key)</title></rect>"
            )
        }
        return out
    }

    /// A numbered marker under the strip on the day each flag was first raised; same-day markers sit side by side.
    static func flagMarkers(_ frame: Frame) -> [String] {
        var out = ["<text x=\"\(n(left - 6))\" y=\"\(n(flagRow + 3))\" text-anchor=\"end\" class=\"axis\">flags</text>"]
        // Markers are 11 units wide: one on a neighbouring day moves right rather than covering the other.
        var nextFree = -Double.infinity
        for (number, flag) in drawnFlags(frame.report) {
            let centre = min(max(frame.x(Double(frame.first.days(to: flag.firstFired)) + 0.5), nextFree), right - 5)
            nextFree = centre + 12
            let steps = flag.steps.map { step in (step.level?.key ?? "cleared") + " " + step.date.shortDescription }
            let title = "Flag \(number): \(flag.rule.title) (\(flag.rule.rawValue)): " + steps.joined(separator: " \u{2192} ")
            let ink = flag.highestLevel >= .urgent ? "#fff" : "#111827"
            out.append("<g class=\"flag\"><title>\(HTMLText.escape(title))</title>")
            out.append(
                "<circle cx=\"\(n(centre))\" cy=\"\(n(flagRow))\" r=\"5.5\" fill=\"\(color(of: flag.highestLevel))\" stroke=\"#374151\" stroke-width=\"0.5\"/>"
            )
            out.append("<text x=\"\(n(centre))\" y=\"\(n(flagRow + 3))\" text-anchor=\"middle\" class=\"flagnum\" fill=\"\(ink)\">\(number)</text>")
            out.append("</g>")
        }
        return out
    }

    /// `<polyline>` elements through consecutive points; a `nil` breaks the line. A lone point draws nothing.
    static func polylines(_ points: [(Double, Double)?], attributes: String) -> [String] {
        var lines: [String] = []
        var run: [(Double, Double)] = []
        func flush() {
            if run.count >= 2 {
                lines.append("<polyline points=\"" + run.map { n($0.0) + "," + n($0.1) }.joined(separator: " ") + "\" \(attributes)/>")
            }
            run.removeAll()
        }
        for point in points {
            if let point { run.append(point) } else { flush() }
        }
        flush()
        return lines
    }

    /// A label cut to 14 characters, so a long session name does not run over its neighbours.
    static func shortened(_ text: String) -> String {
        text.count <= 14 ? text : String(text.prefix(13)) + "\u{2026}"
    }

    /// A coordinate with at most one decimal, the same on every machine and locale.
    static func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? sign + String(magnitude / 10) : sign + "\(magnitude / 10).\(magnitude % 10)"
    }
}

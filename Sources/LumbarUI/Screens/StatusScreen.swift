import Foundation
import LumbarCore

/// The level banner, each flag with what to do and why, the episode, a 14-day sparkline, and
/// the line saying this is guidance, not a diagnosis.
enum StatusScreen {
    static func render(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let (bannerRow, rest) = rect.splitTop(1)
        Banner.draw(state.status.level, action: true, glyphs: state.glyphs, in: bannerRow, into: &buffer)
        let (body, footer) = rest.splitBottom(1)
        let lines = content(state, width: body.width - 2)
        let offset = min(state.statusScroll, max(0, lines.count - body.height))
        buffer.draw(lines, in: Rect(x: body.x + 1, y: body.y, width: body.width - 2, height: body.height), offset: offset)
        ScrollHint.draw(offset: offset, visible: body.height, total: lines.count, in: body, glyphs: state.glyphs, into: &buffer)
        Disclaimer.draw(in: footer, into: &buffer)
    }

    /// Rows for the scrolling part.
    static func viewHeight(_ state: AppState) -> Int { max(0, AppView.contentHeight(state) - 2) }

    static func maxScroll(_ state: AppState) -> Int {
        max(0, content(state, width: state.width - 2).count - viewHeight(state))
    }

    /// The scrolling part: flags, then the episode, then the sparkline.
    static func content(_ state: AppState, width: Int) -> [[Span]] {
        guard width > 0 else { return [] }
        var lines: [[Span]] = []
        let status = state.status
        let tz = state.timeZone
        if status.flags.isEmpty {
            lines += SpanLayout.wrapped("No flags: nothing in the log calls for action. Keep checking in.", width: width, indent: 0)
        }
        for flag in status.flags {
            let tag = " " + flag.level.key.uppercased() + " "
            let lead = [Span(String(state.glyphs.bullet) + " ", Style(foreground: Banner.style(flag.level).background, attributes: .bold)),
                        Span(tag, Banner.style(flag.level)), Span(" ")]
            lines += SpanLayout.wrapped(flag.headline, width: width, lead: lead, indent: 2, style: .bold)
            let labelWidth = 9
            func detail(_ label: String, _ text: String, _ style: Style = .plain) {
                let lead = [Span("  "), Span(TextLayout.pad(label, to: labelWidth - 2), .dim)]
                lines += SpanLayout.wrapped(text, width: width, lead: lead, indent: labelWidth, style: style)
            }
            detail("Do", flag.action, flag.level >= .urgent ? .warning : .plain)
            if !flag.evidence.isEmpty { detail("Seen", flag.evidence.joined(separator: "; ")) }
            if let window = flag.window { detail("Window", window.text) }
            if !flag.sources.isEmpty { detail("Source", flag.sources.map(\.title).joined(separator: "; "), .dim) }
        }
        lines.append([])
        if let episode = status.episode {
            let onset = episode.onset
            var text = "day \(episode.day), since \(When.format(onset.at, in: tz)) (pain \(onset.pain)); peak \(episode.peak), latest \(episode.latest.pain) on \(episode.latest.date.shortDescription)"
            if let trigger = episode.trigger {
                text += "; after \(trigger.kind) \(When.format(trigger.at, in: tz))"
            }
            lines += SpanLayout.wrapped(text, width: width, lead: [Span("Episode  ", .bold)], indent: 9)
            if let next = nextBoundary(episode, now: status.now, timeZone: tz) {
                lines += SpanLayout.wrapped(next, width: width, lead: [Span("Next     ", .bold)], indent: 9)
            }
        } else {
            lines += SpanLayout.wrapped("none open. An episode starts with the first check-in with pain 1 or more.", width: width,
                                        lead: [Span("Episode  ", .bold)], indent: 9)
        }
        lines.append(sparkline(state, width: width))
        return lines
    }

    /// The 14 days up to today as one line.
    static func sparkline(_ state: AppState, width: Int) -> [Span] {
        let today = state.today
        var spans = [Span(width >= 50 ? "Last 14 days  " : "14 days  ", .bold)]
        for back in stride(from: 13, through: 0, by: -1) {
            let day = state.digest.day(today.adding(days: -back))
            let glyph = state.glyphs.spark(day.pain)
            spans.append(Span(String(glyph), Style(foreground: PainBar.color(for: day.pain ?? 0), attributes: day.redFlag ? .underline : [])))
        }
        let first = today.adding(days: -13)
        let range = "  \(first.shortDescription) to \(today.shortDescription)"
        if width >= 14 + 14 + DisplayWidth.of(range) { spans.append(Span(range, .dim)) }
        return spans
    }

    /// The next window boundary of the episode after now, in local time, in words.
    static func nextBoundary(_ episode: EpisodeSummary, now: Timestamp, timeZone: TimeZone) -> String? {
        var candidates: [(Timestamp, String)] = []
        if let trigger = episode.trigger {
            for hours in [72.0, 96.0] {
                let at = trigger.at.adding(hours: hours)
                candidates.append((at, "\(Int(hours)) h after \(trigger.kind) \(When.format(trigger.at, in: timeZone)) = \(When.format(at, in: timeZone))"))
            }
        }
        for day in [14, 28, 42] {
            let date = episode.onset.date.adding(days: day)
            if case .success(let midnight) = Timestamp.parse(date.description + "T00:00", localTimeZone: timeZone) {
                candidates.append((midnight, "day \(day) of the episode begins \(date.shortDescription) \(date.year)"))
            }
        }
        return candidates.filter { $0.0 > now }.min { $0.0 < $1.0 }?.1
    }
}

/// Local-time formatting for instants: "Mon 2 Mar 18:00".
enum When {
    static func format(_ stamp: Timestamp, in timeZone: TimeZone) -> String {
        let local = stamp.converted(to: timeZone)
        return local.localDate.shortDescription + " " + local.clockTime
    }
}

/// The level banner: a full-width bar in the level's colour.
enum Banner {
    static func title(_ level: Level) -> String {
        switch level {
        case .none: return "NO FLAGS"
        case .info: return "INFO"
        case .watch: return "WATCH"
        case .seeDoctor: return "SEE A DOCTOR"
        case .urgent: return "URGENT"
        case .emergency: return "EMERGENCY"
        }
    }

    static func style(_ level: Level) -> Style {
        switch level {
        case .none: return Style(foreground: .black, background: .green, attributes: .bold)
        case .info: return Style(foreground: .black, background: .cyan, attributes: .bold)
        case .watch: return Style(foreground: .black, background: .yellow, attributes: .bold)
        case .seeDoctor: return Style(foreground: .white, background: .magenta, attributes: .bold)
        case .urgent: return Style(foreground: .white, background: .red, attributes: .bold)
        case .emergency: return Style(foreground: .white, background: .red, attributes: [.bold, .underline])
        }
    }

    static func draw(_ level: Level, action: Bool, glyphs: Glyphs, in rect: Rect, into buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        let style = style(level)
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: style)
        var text = " " + title(level)
        if action { text += " " + String(glyphs.dot) + " " + level.action }
        buffer.write(TextLayout.truncate(text, to: rect.width - 1), x: rect.x, y: rect.y, style: style)
    }
}

/// The one line every screen with flags carries.
enum Disclaimer {
    static let long = "lumbar gives guidance drawn from five articles on back pain after exercise; it is not a diagnosis."
    static let medium = "This is guidance from the articles, not a diagnosis."
    static let short = "Article guidance, not a diagnosis."

    static func draw(in rect: Rect, into buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        let room = rect.width - 2
        let text = [long, medium, short].first { DisplayWidth.of($0) <= room } ?? TextLayout.truncate(short, to: room)
        buffer.write(text, x: rect.x + 1, y: rect.y, style: Style(attributes: [.dim]))
    }
}

/// "more above/below" marks at the right edge of a scrolling area.
enum ScrollHint {
    static func draw(offset: Int, visible: Int, total: Int, in rect: Rect, glyphs: Glyphs, into buffer: inout Buffer) {
        guard rect.height > 0 else { return }
        if offset > 0 {
            buffer.write(glyphs.isUnicode ? "▲" : "^", x: rect.right - 1, y: rect.y, style: .dim)
        }
        if offset + visible < total {
            buffer.write(glyphs.isUnicode ? "▼" : "v", x: rect.right - 1, y: rect.bottom - 1, style: .dim)
        }
    }
}

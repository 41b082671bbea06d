#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore
import LumbarText

/// The level banner, each flag with what to do and why, the episode, a 14-day sparkline, and
/// the line saying this is guidance, not a diagnosis.
enum StatusScreen {
    static func render(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let banner = bannerLines(state, width: rect.width)
        let (bannerRows, rest) = rect.splitTop(banner.count)
        let style = Banner.style(state.status.level)
        for (i, line) in banner.enumerated() where i < bannerRows.height {
            buffer.fill(Rect(x: bannerRows.x, y: bannerRows.y + i, width: bannerRows.width, height: 1), style: style)
            buffer.write(line, x: bannerRows.x, y: bannerRows.y + i, maxWidth: bannerRows.width, style: style)
        }
        let (main, footer) = rest.splitBottom(1)
        let width = state.viewport.proseWidth
        let parts = layout(state, width: width, height: main.height)
        let (body, pinnedArea) = main.splitBottom(parts.pinned.count)
        let offset = min(state.statusScroll, max(0, parts.scrolling.count - body.height))
        buffer.draw(parts.scrolling, in: Rect(x: body.x + 1, y: body.y, width: width, height: body.height), offset: offset)
        ScrollHint.draw(offset: offset, visible: body.height, total: parts.scrolling.count, in: body, glyphs: state.glyphs, into: &buffer)
        buffer.draw(parts.pinned, in: Rect(x: pinnedArea.x + 1, y: pinnedArea.y, width: width, height: pinnedArea.height))
        Disclaimer.draw(in: footer, into: &buffer)
    }

    /// The level, how many flags, and what to do, wrapped to `width` so that the most
    /// important line is never cut (at most four rows, enough for every level's action at 40
    /// columns; past that the last row says it goes on, and the flags below repeat it whole).
    static func bannerLines(_ state: AppState, width: Int) -> [String] {
        guard width > 2 else { return [""] }
        let status = state.status
        let dot = " " + String(state.glyphs.dot) + " "
        var text = Banner.title(status.level)
        let assessed = status.flags.filter { $0.assessedAt != nil }.count
        switch status.flags.count {
        case 0: break
        case 1: text += dot + "1 flag"
        default: text += dot + "\(status.flags.count) flags"
        }
        if assessed > 0 { text += " (\(assessed) assessed)" }
        text += dot + status.level.action
        let lines = TextLayout.wrap(text, width: width - 2).map { " " + $0 }
        guard lines.count > 4 else { return lines }
        return Array(lines.prefix(3)) + [
            " " + TextLayout.truncate(lines[3...].map { String($0.dropFirst()) }.joined(separator: " "), to: width - 2, glyphs: state.glyphs)
        ]
    }

    /// The flags scroll; the episode and the sparkline stay in view at the bottom when they
    /// leave the flags at least six rows, and scroll after the flags otherwise.
    static func layout(_ state: AppState, width: Int, height: Int) -> (scrolling: [[Span]], pinned: [[Span]]) {
        let flags = flagLines(state, width: width)
        let summary = [[]] + episodeLines(state, width: width) + [sparkline(state, width: width)]
        if height - summary.count >= 6 { return (flags, summary) }
        return (flags + summary, [])
    }

    /// Each flag: level and title, headline, what to do, evidence, window, source.
    static func flagLines(_ state: AppState, width: Int) -> [[Span]] {
        guard width > 0 else { return [] }
        var lines: [[Span]] = []
        let status = state.status
        if status.flags.isEmpty {
            lines += SpanLayout.wrapped(StatusFormatter.calmLine, width: width, indent: 0)
        }
        for (index, flag) in status.flags.enumerated() {
            if index > 0 { lines.append([]) }
            let style = Banner.style(flag.level)
            let tag =
                flag.assessedAt == nil
                ? Span(" " + flag.level.key.uppercased() + " ", style)
                : Span(" " + flag.level.key.uppercased() + ", ASSESSED ", Style(attributes: [.bold, .reverse]))
            let lead = [Span(String(state.glyphs.bullet) + " ", Style(foreground: style.background, attributes: .bold)), tag, Span(" ")]
            lines += SpanLayout.wrapped(flag.rule.title, width: width, lead: lead, indent: 2, style: .bold)
            lines += SpanLayout.wrapped(flag.headline.text, width: width, lead: [Span("  ")], indent: 2)
            let labelWidth = 10
            func detail(_ label: String, _ text: String, _ style: Style = .plain) {
                let lead = [Span("  "), Span(TextLayout.pad(label, to: labelWidth - 2), .dim)]
                lines += SpanLayout.wrapped(text, width: width, lead: lead, indent: labelWidth, style: style)
            }
            if let assessed = flag.assessedAt {
                detail("Note", "assessed \(assessed.localDate.shortDescription) \(assessed.localDate.year) \(assessed.clockTime)", .bold)
            }
            detail("Do", flag.action.text, flag.level >= .urgent ? .warning : .bold)
            for (i, item) in flag.evidence.enumerated() { detail(i == 0 ? "Seen" : "", item.text) }
            if let window = flag.window { detail("Window", window.text.text) }
            detail("Source", StatusFormatter.sourceText(flag.sources), .dim)
        }
        // Every status carries the emergency line, at any level.
        lines.append([])
        lines += SpanLayout.wrapped(status.safetyNet, width: width, indent: 0, style: .warning)
        return lines
    }

    /// The episode line with the next window boundary, in local time.
    static func episodeLines(_ state: AppState, width: Int) -> [[Span]] {
        guard width > 0 else { return [] }
        let lead = [Span("Episode  ", .bold)]
        if let text = StatusFormatter.episodeText(state.status, timeZone: state.timeZone, clock: state.preferences.clock) {
            return SpanLayout.wrapped(text, width: width, lead: lead, indent: 9)
        }
        return SpanLayout.wrapped("none open. One starts with the first check-in with pain 1 or more.", width: width, lead: lead, indent: 9)
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
}

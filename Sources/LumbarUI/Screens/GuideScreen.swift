import LumbarCore

/// The flags explained, self-care advice and the sources, as scrolling text.
enum GuideScreen {
    static func render(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let (body, footer) = rect.splitBottom(1)
        let lines = content(width: StatusScreen.textWidth(body.width), glyphs: state.glyphs)
        let offset = min(state.guideScroll, max(0, lines.count - body.height))
        buffer.draw(lines, in: Rect(x: body.x + 1, y: body.y, width: body.width - 2, height: body.height), offset: offset)
        ScrollHint.draw(offset: offset, visible: body.height, total: lines.count, in: body, glyphs: state.glyphs, into: &buffer)
        Disclaimer.draw(in: footer, into: &buffer)
    }

    static func viewHeight(_ state: AppState) -> Int { max(0, AppView.contentHeight(state) - 1) }

    static func maxScroll(_ state: AppState) -> Int {
        max(0, content(width: StatusScreen.textWidth(state.width), glyphs: state.glyphs).count - viewHeight(state))
    }

    /// The guide's lines: `Guide.standard` (the same text as `lumbar guide`), then the sources.
    static func content(width: Int, glyphs: Glyphs) -> [[Span]] {
        guard width > 4 else { return [] }
        let guide = Guide.standard
        var lines: [[Span]] = []
        lines += SpanLayout.wrapped(guide.title, width: width, indent: 0, style: .bold)
        lines.append([])
        lines += SpanLayout.wrapped(guide.introduction, width: width, indent: 0)
        for section in guide.sections {
            lines.append([])
            lines += SpanLayout.wrapped(section.title, width: width, indent: 0, style: .heading)
            for item in section.items {
                lines += SpanLayout.wrapped(item.title, width: width, lead: [Span(String(glyphs.bullet) + " ", bulletStyle(item))],
                                            indent: 2, style: .bold)
                lines += SpanLayout.wrapped(item.text, width: width, lead: [Span("  ")], indent: 2)
                lines += SpanLayout.wrapped(StatusFormatter.sourceText(item.sources), width: width, lead: [Span("  Source: ", .dim)],
                                            indent: 4, style: .dim)
            }
        }
        lines.append([])
        lines.append([Span("Sources", .heading)])
        for article in Article.allCases {
            lines += SpanLayout.wrapped(article.title, width: width, lead: [Span(String(glyphs.bullet) + " ", .dim)], indent: 2)
        }
        return lines
    }

    /// Flag items get their level's colour; advice is green.
    private static func bulletStyle(_ item: GuideItem) -> Style {
        guard let rule = RuleID.allCases.first(where: { item.title.hasPrefix($0.title + " (") }), let level = rule.levels.last else {
            return Style(foreground: .green, attributes: .bold)
        }
        return Style(foreground: Banner.style(level).background, attributes: .bold)
    }
}

/// The key reference, over whatever screen is in front.
enum HelpOverlay {
    /// Key, what it does, and a shorter wording for narrow screens.
    static let entries: [(key: String, long: String, short: String)] = [
        ("t s h c g", "Today, Status, History, Chart, Guide", "switch screen"),
        ("q", "quit (asks only if a check-in is unsaved)", "quit"),
        ("Esc", "back, or stop typing in a field", "back / stop typing"),
        ("0-9", "pain (1 then 0 for 10); ←→ adjust", "pain; 1 0 = 10"),
        ("Enter", "save the check-in / edit an entry", "save / edit"),
        ("Tab S-Tab", "next / previous field", "next / prev field"),
        ("↑↓ j k", "move, scroll", "move, scroll"),
        ("Space y n", "tick or untick a checklist item", "tick / untick"),
        ("/", "filter History by text or symptom", "filter History"),
        ("x", "delete the selected entry (asks first)", "delete entry"),
        ("u", "undo the last change", "undo"),
        ("1-4", "Chart range: 14 d, 90 d, 1 y, all", "chart range"),
        ("[ ]", "Chart calendar month", "calendar month"),
        ("PgUp PgDn", "scroll a page", "page"),
        ("?", "this help (any key closes it)", "this help"),
    ]

    static func render(_ state: AppState, into buffer: inout Buffer) {
        let keyWidth = 10
        let boxWidth = min(buffer.width - 2, 60)
        let boxHeight = min(buffer.height - 2, entries.count + 4)
        let box = buffer.area.centered(width: boxWidth, height: boxHeight)
        Frame.draw(box, title: "Keys", glyphs: state.glyphs, into: &buffer)
        let inner = box.inset(dx: 2, dy: 1)
        for (i, entry) in entries.enumerated() where i < inner.height - 1 {
            var key = entry.key
            var text = inner.width - keyWidth - 1 >= DisplayWidth.of(entry.long) ? entry.long : entry.short
            if !state.glyphs.isUnicode {
                key = key.replacingOccurrences(of: "↑↓", with: "Up Dn")
                text = text.replacingOccurrences(of: "←→", with: "-/+")
            }
            buffer.write(TextLayout.pad(key, to: keyWidth), x: inner.x, y: inner.y + i, style: .bold)
            buffer.write(TextLayout.truncate(text, to: inner.width - keyWidth - 1), x: inner.x + keyWidth + 1, y: inner.y + i)
        }
        if inner.height > 0 {
            buffer.write("Any key closes this.", x: inner.x, y: inner.bottom - 1, maxWidth: inner.width, style: .dim)
        }
    }
}

/// A yes/no question in a box.
enum ConfirmDialog {
    static func render(_ confirmation: Confirmation, state: AppState, into buffer: inout Buffer) {
        let boxWidth = min(buffer.width - 2, 56)
        let lines = TextLayout.wrap(confirmation.question, width: boxWidth - 4)
        let box = buffer.area.centered(width: boxWidth, height: lines.count + 4)
        Frame.draw(box, title: "Confirm", glyphs: state.glyphs, into: &buffer)
        let inner = box.inset(dx: 2, dy: 1)
        for (i, line) in lines.enumerated() where i < inner.height {
            buffer.write(line, x: inner.x, y: inner.y + i, style: .bold)
        }
        let answer = [Span("y", Style(foreground: .green, attributes: .bold)), Span(" yes   "),
                      Span("n", Style(foreground: .red, attributes: .bold)), Span(" no")]
        buffer.draw(answer, x: inner.x, y: inner.bottom - 1, width: inner.width)
    }
}

/// A box with a title, cleared inside.
enum Frame {
    static func draw(_ rect: Rect, title: String, glyphs: Glyphs, into buffer: inout Buffer) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        buffer.fill(rect)
        let (h, v, tl, tr, bl, br): (Character, Character, Character, Character, Character, Character) =
            glyphs.isUnicode ? ("─", "│", "┌", "┐", "└", "┘") : ("-", "|", "+", "+", "+", "+")
        let style = Style(foreground: .cyan)
        buffer.fill(Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1), with: h, style: style)
        buffer.fill(Rect(x: rect.x + 1, y: rect.bottom - 1, width: rect.width - 2, height: 1), with: h, style: style)
        buffer.fill(Rect(x: rect.x, y: rect.y + 1, width: 1, height: rect.height - 2), with: v, style: style)
        buffer.fill(Rect(x: rect.right - 1, y: rect.y + 1, width: 1, height: rect.height - 2), with: v, style: style)
        buffer.write(String(tl), x: rect.x, y: rect.y, style: style)
        buffer.write(String(tr), x: rect.right - 1, y: rect.y, style: style)
        buffer.write(String(bl), x: rect.x, y: rect.bottom - 1, style: style)
        buffer.write(String(br), x: rect.right - 1, y: rect.bottom - 1, style: style)
        buffer.write(" " + title + " ", x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, style: Style(foreground: .cyan, attributes: .bold))
    }
}

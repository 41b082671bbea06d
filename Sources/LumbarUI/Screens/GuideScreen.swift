import LumbarCore
import LumbarText

/// The flags explained, self-care advice and the sources, as scrolling text.
enum GuideScreen {
    static func render(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let (body, footer) = rect.splitBottom(1)
        let lines = content(width: state.viewport.proseWidth, glyphs: state.glyphs)
        let offset = min(state.guideScroll, max(0, lines.count - body.height))
        buffer.draw(lines, in: Rect(x: body.x + 1, y: body.y, width: body.width - 2, height: body.height), offset: offset)
        ScrollHint.draw(offset: offset, visible: body.height, total: lines.count, in: body, glyphs: state.glyphs, into: &buffer)
        Disclaimer.draw(in: footer, into: &buffer)
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
                lines += SpanLayout.wrapped(
                    item.title, width: width, lead: [Span(String(glyphs.bullet) + " ", bulletStyle(item))],
                    indent: 2, style: .bold)
                lines += SpanLayout.wrapped(item.text, width: width, lead: [Span("  ")], indent: 2)
                lines += SpanLayout.wrapped(
                    StatusFormatter.sourceText(item.sources), width: width, lead: [Span("  Source: ", .dim)],
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
        guard let level = item.rule?.levels.last else {
            return Style(foreground: .green, attributes: .bold)
        }
        return Style(foreground: Banner.style(level).background, attributes: .bold)
    }
}

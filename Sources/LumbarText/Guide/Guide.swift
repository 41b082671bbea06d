import LumbarCore

/// lumbar's self-care and prevention guide: what the five articles advise, in lumbar's words.
///
/// `lumbar guide` prints `Guide.standard.text(width:)`; the TUI's Guide screen lays out the sections itself.
public struct Guide: Hashable, Sendable {
    /// The title line.
    public var title: String
    /// A few sentences read before the sections.
    public var introduction: String
    /// The sections, in reading order.
    public var sections: [GuideSection]

    /// A guide.
    public init(title: String, introduction: String, sections: [GuideSection]) {
        self.title = title
        self.introduction = introduction
        self.sections = sections
    }

    /// The guide as plain text wrapped to `width` columns (at least 30), ending with a newline.
    public func text(width: Int) -> String {
        let width = max(width, 30)
        var lines = TextLayout.wrap(title, width: width)
        lines.append(contentsOf: TextLayout.wrap(StatusFormatter.disclaimer, width: width))
        lines.append("")
        lines.append(contentsOf: TextLayout.wrap(introduction, width: width))
        for section in sections {
            lines.append("")
            let heading = TextLayout.wrap(section.title.uppercased(), width: width)
            lines.append(contentsOf: heading)
            lines.append(String(repeating: "=", count: heading.map { DisplayWidth.of($0) }.max() ?? 0))
            for item in section.items {
                lines.append("")
                lines.append(contentsOf: TextLayout.wrap(item.title, width: width))
                lines.append(contentsOf: TextLayout.wrap(item.text, width: width, indent: "  "))
                lines.append(
                    contentsOf: TextLayout.wrap(
                        "Source: " + StatusFormatter.sourceText(item.sources), width: width,
                        indent: "  ", hangingIndent: "    "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

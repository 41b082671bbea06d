import LumbarText
/// The tab row at the top and the message bar at the bottom.
enum ScreenFrame {
    /// How much of each tab fits: full titles with the brand, full titles packed, or the
    /// screen in front by name and the others by their key letter.
    private enum TabLayout: CaseIterable { case roomy, packed, letters }

    static func renderTabs(_ state: AppState, into buffer: inout Buffer) {
        let y = 0
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), style: Style(attributes: .reverse))
        let help = buffer.width >= 60 ? "? help " : "? "
        let room = buffer.width - DisplayWidth.of(help)
        let layout = TabLayout.allCases.first { width(of: $0, state) <= room } ?? .letters
        var x = 0
        if layout == .roomy {
            x += buffer.write(" lumbar ", x: x, y: y, style: Style(foreground: .cyan, attributes: [.reverse, .bold]))
        }
        for screen in ScreenName.allCases {
            let active = screen == state.screen
            let base: Style = active ? Style(attributes: .bold) : Style(attributes: .reverse)
            let title = tabTitle(screen, layout, active: active)
            guard x + DisplayWidth.of(title) + 2 <= room else { break }
            x += buffer.write(" ", x: x, y: y, style: base)
            // The key is underlined: the title's first letter, or the "w:" before a title that does not start with it.
            x += buffer.write(String(title.prefix(1)), x: x, y: y, style: base.with(.underline))
            x += buffer.write(title.dropFirst() + " ", x: x, y: y, style: base)
            if layout == .roomy { x += buffer.write(" ", x: x, y: y, style: Style(attributes: .reverse)) }
        }
        buffer.write(help, x: buffer.width - DisplayWidth.of(help), y: y, style: Style(attributes: .reverse))
    }

    private static func width(of layout: TabLayout, _ state: AppState) -> Int {
        ScreenName.allCases.reduce(layout == .roomy ? 8 : 0) { sum, screen in
            sum + DisplayWidth.of(tabTitle(screen, layout, active: screen == state.screen)) + 2 + (layout == .roomy ? 1 : 0)
        }
    }

    /// "History", "w:Training" when the key is not the title's first letter, or just the key letter.
    private static func tabTitle(_ screen: ScreenName, _ layout: TabLayout, active: Bool) -> String {
        if layout == .letters && !active { return String(screen.key) }
        let keyFirst = screen.title.lowercased().hasPrefix(String(screen.key))
        return keyFirst ? screen.title : String(screen.key) + ":" + screen.title
    }

    static func renderMessageBar(_ state: AppState, into buffer: inout Buffer) {
        let y = buffer.height - 1
        // Drawn while the program runs a save, which can wait on another lumbar's lock.
        if state.isSaving {
            buffer.write("Saving" + state.glyphs.cut, x: 0, y: y, maxWidth: buffer.width, style: .accent)
            return
        }
        if let flash = state.flash {
            let style: Style = flash.isError ? .error : Style(foreground: .green)
            buffer.write(TextLayout.truncate(flash.text, to: buffer.width, glyphs: state.glyphs), x: 0, y: y, style: style)
            return
        }
        let hints = Hints.forState(state)
        var x = 0
        for (key, action) in hints {
            let piece = DisplayWidth.of(key) + 1 + DisplayWidth.of(action) + 2
            guard x + piece - 2 <= buffer.width else { break }
            x += buffer.write(key, x: x, y: y, style: .bold)
            x += buffer.write(" " + action + "  ", x: x, y: y, style: .dim)
        }
    }
}

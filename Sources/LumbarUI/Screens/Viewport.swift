/// Where the parts of the TUI go at one terminal size: made once per size (at start and on
/// each resize) and kept in `AppState.viewport`. `update` reads it for page sizes and scroll
/// limits and the screens for where to draw, so the two cannot disagree and `update` asks no
/// screen for a number.
struct Viewport: Hashable, Sendable {
    /// Terminal columns.
    let width: Int
    /// Terminal rows.
    let height: Int

    /// The viewport for a terminal of `width` columns and `height` rows (negative sizes count as 0).
    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// Whether the screens lay out at all; below this a "too small" note is drawn.
    var fits: Bool { width >= AppView.minimumWidth && height >= AppView.minimumHeight }

    /// Every row but the tab row and the message bar.
    var content: Rect { Rect(x: 0, y: 1, width: width, height: max(0, height - 2)) }

    /// Prose on Status and Guide: a column of margin each side, and a readable length on wide terminals.
    var proseWidth: Int { min(width - 2, 100) }

    /// Today: rows of the scrolling form, below its pinned title.
    var todayRows: Int { max(0, content.height - 1) }

    /// Guide: rows of text, above the disclaimer.
    var guideRows: Int { max(0, content.height - 1) }

    /// Status: rows between a banner of `bannerLines` and the disclaimer.
    func statusRows(bannerLines: Int) -> Int { max(0, content.height - 1 - bannerLines) }

    /// History: rows of the list (below its header) or of an entry shown whole (above its
    /// position line), less the filter line when one is shown.
    func historyRows(showsFilter: Bool) -> Int { max(0, content.height - 1 - (showsFilter ? 1 : 0)) }

    /// History: the width an entry shown whole is wrapped to.
    var historyDetailWidth: Int { width - 2 }

    /// The help box, centred.
    var helpBox: Rect {
        Rect(x: 0, y: 0, width: width, height: height).centered(width: min(width - 2, 60), height: min(height - 2, HelpOverlay.entries.count + 4))
    }

    /// Help: entry rows that fit in its box (one row inside is kept for the closing line).
    var helpRows: Int { max(0, helpBox.inset(dx: 2, dy: 1).height - 1) }
}

extension AppState {
    /// The flags' scrolling part of Status at this size (the banner and the pinned episode
    /// lines take their rows first).
    var statusExtent: ScrollExtent {
        let rows = viewport.statusRows(bannerLines: StatusScreen.bannerLines(self, width: viewport.width).count)
        let parts = StatusScreen.layout(self, width: viewport.proseWidth, height: rows)
        return ScrollExtent(rows: rows - parts.pinned.count, lines: parts.scrolling.count)
    }

    /// The Guide's text at this size.
    var guideExtent: ScrollExtent {
        ScrollExtent(rows: viewport.guideRows, lines: GuideScreen.content(width: viewport.proseWidth, glyphs: glyphs).count)
    }

    /// The History entry shown whole, when one is (nothing scrolls otherwise).
    var historyDetailExtent: ScrollExtent {
        let rows = viewport.historyRows(showsFilter: history.showsFilter)
        guard history.showsDetail, let entry = selectedEntry else { return ScrollExtent(rows: rows, lines: 0) }
        return ScrollExtent(rows: rows, lines: HistoryScreen.detailLines(self, entry: entry, width: viewport.historyDetailWidth).count)
    }

    /// The Today form at this width, and the line its focused field is on.
    var todayExtent: (extent: ScrollExtent, focusLine: Int) {
        let lines = TodayScreen.lines(form, width: viewport.width)
        return (ScrollExtent(rows: viewport.todayRows, lines: lines.count), TodayScreen.line(of: form.focus, in: lines) ?? 0)
    }

    /// The help's entries in its box.
    var helpExtent: ScrollExtent { ScrollExtent(rows: viewport.helpRows, lines: HelpOverlay.entries.count) }
}

/// History's selection, scroll, filter and detail view.
struct HistoryState: Hashable, Sendable {
    /// Indices into `digest.rows` that pass the filter, newest first.
    var visible: [Int] = []
    /// Index into `visible` of the selected row.
    var selected = 0
    /// First visible row.
    var offset = 0
    /// The filter in force ("" for none); narrows as it is typed.
    var filter = ""
    /// The filter being typed, while `/` is open.
    var filterField: TextField?
    /// The filter in force when `/` was pressed, put back by Esc.
    var filterBeforeTyping = ""
    /// Whether the selected entry is shown whole instead of the list.
    var showsDetail = false
    /// First line of the detail view.
    var detailScroll = 0

    /// Whether the filter line shows: while typing one, or while one is in force.
    var showsFilter: Bool { filterField != nil || !filter.isEmpty }

    mutating func refilter(_ digest: JournalDigest) {
        visible = filter.isEmpty ? Array(digest.rows.indices) : digest.rows(matching: filter)
        selected = min(selected, max(0, visible.count - 1))
    }
}

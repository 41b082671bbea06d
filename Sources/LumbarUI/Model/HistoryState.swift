/// History's selection, scroll and filter.
struct HistoryState: Hashable, Sendable {
    /// Indices into `digest.rows` that pass the filter, newest first.
    var visible: [Int] = []
    /// Index into `visible` of the selected row.
    var selected = 0
    /// First visible row.
    var offset = 0
    /// The filter in force ("" for none).
    var filter = ""
    /// The filter being typed, while `/` is open.
    var filterField: TextField?

    mutating func refilter(_ digest: JournalDigest) {
        visible = filter.isEmpty ? Array(digest.rows.indices) : digest.rows(matching: filter)
        selected = min(selected, max(0, visible.count - 1))
    }
}

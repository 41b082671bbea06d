#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// Everything the TUI shows and remembers: the journal and what is derived from it, the
/// screen, the draft, selections and overlays. A value: `update` makes the next one.
public struct AppState: Sendable {
    /// The screen in front.
    public internal(set) var screen: ScreenName
    /// Screens to go back to with Esc, most recent last.
    var backStack: [ScreenName] = []
    /// Where each part goes at the terminal's size; replaced on resize.
    var viewport: Viewport
    /// Terminal columns.
    public var width: Int { viewport.width }
    /// Terminal rows.
    public var height: Int { viewport.height }
    /// The journal as last read or saved.
    public internal(set) var journal: Journal
    /// The rules' verdict for `journal` at `now`; evaluated when the journal changes or the
    /// minute turns, never per key.
    public internal(set) var status: Status
    /// The clock, as of the last tick.
    public internal(set) var now: Date
    /// The zone local dates and times are read in.
    public let timeZone: ZoneInfo
    /// Block glyphs or ASCII.
    public let glyphs: Glyphs
    /// The person's settings: week start, clock, backfill time, the form's usual items.
    public let preferences: Preferences

    var digest: JournalDigest
    var form: TodayForm
    var history = HistoryState()
    var chart = ChartState()
    var statusScroll = 0
    var guideScroll = 0
    /// The Profile screen's draft; `nil` shows the journal's profile.
    var profileForm: ProfileForm?
    var reportForm = ReportForm()
    /// First line of the help overlay.
    var helpScroll = 0
    var overlay: Overlay?
    var flash: BarMessage?
    var undoStack: [UndoEntry] = []
    /// The undo entry being saved, put back if the save fails.
    var pendingUndo: UndoEntry?
    /// A save effect is running: set when `update` asks for one, cleared by its result. The
    /// program draws the state before running it, so the message bar says "Saving…" meanwhile.
    var isSaving = false
    /// Unlogged dates of the open episode to ask about once the check-in being saved is saved.
    var painFreeOffer: [LocalDate] = []
    /// The minute (since 1970) `status` was evaluated for.
    var evaluatedMinute: Int64

    /// The state on opening: Today when today has no check-in yet, Status otherwise.
    public init(
        journal: Journal, now: Date, timeZone: ZoneInfo, width: Int, height: Int, glyphs: Glyphs = .unicode,
        preferences: Preferences = .standard
    ) {
        self.preferences = preferences
        self.journal = journal
        self.now = now
        self.timeZone = timeZone
        viewport = Viewport(width: width, height: height)
        self.glyphs = glyphs
        let today = LocalDate(instant: now, in: timeZone)
        digest = JournalDigest(journal: journal, today: today)
        status = EscalationEngine.evaluate(journal, now: now, timeZone: timeZone, clock: preferences.clock)
        evaluatedMinute = AppState.minute(of: now)
        form = TodayForm(date: today, journal: journal, now: now, preferences: preferences)
        screen = journal.checkIns.contains { $0.date == today } ? .status : .today
        history.visible = Array(digest.rows.indices)
    }

    /// Today's local date.
    var today: LocalDate { digest.today }

    /// Whether keys go into a text field (so letter keys are typed, not commands).
    public var isInTextField: Bool {
        if overlay != nil { return false }
        switch screen {
        case .today: return (form.editing && form.focusedField.isText) || form.dateEntry != nil
        case .history: return history.filterField != nil
        default: return false
        }
    }

    /// Whether there is a draft that quitting would lose.
    public var hasUnsavedDraft: Bool { form.isDirty }

    /// `now` as a timestamp in the user's zone.
    var nowStamp: Timestamp { Timestamp(now, in: timeZone) }

    static func minute(of date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / 60).rounded(.down)) }

    /// Applies History's filter, indexing the rows' text the first time a filter is used.
    mutating func refilterHistory() {
        if !history.filter.isEmpty { digest.indexForSearch(journal) }
        history.refilter(digest)
    }

    /// Recomputes what derives from the journal; called once per load or save.
    mutating func journalDidChange(_ newJournal: Journal) {
        let selectedID = selectedEntry?.id
        journal = newJournal
        digest = JournalDigest(journal: journal, today: LocalDate(instant: now, in: timeZone))
        reevaluate()
        refilterHistory()
        // Keep the same entry selected when rows were added or removed above it.
        if let selectedID, let index = history.visible.firstIndex(where: { entry(ofRow: $0).id == selectedID }) {
            history.selected = index
        }
    }

    /// The check-in or session with `id` as the journal holds it now.
    func currentEntry(id: UUID) -> Journal.Entry? {
        if let checkIn = journal.checkIn(id: id) { return .checkIn(checkIn) }
        return journal.session(id: id).map { .session($0) }
    }

    mutating func reevaluate() {
        status = EscalationEngine.evaluate(journal, now: now, timeZone: timeZone, clock: preferences.clock)
        evaluatedMinute = AppState.minute(of: now)
    }
}

extension AppState {
    /// Whether the wall-clock minute differs between two instants (the status is re-evaluated once a minute).
    public static func minuteChanged(from old: Date, to new: Date) -> Bool { minute(of: old) != minute(of: new) }
}

/// Draws the whole TUI for a state: tabs, the screen in front, the message bar and any overlay.
public enum AppView {
    /// The smallest terminal the screens lay out in; below it a "too small" note is shown.
    public static let minimumWidth = 40
    /// See `minimumWidth`.
    public static let minimumHeight = 10

    /// The frame for `state`. Pure: the same state always draws the same buffer.
    public static func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(width: state.width, height: state.height)
        guard state.viewport.fits else {
            TooSmallScreen.render(state, into: &buffer)
            return buffer
        }
        ScreenFrame.renderTabs(state, into: &buffer)
        let content = state.viewport.content
        switch state.screen {
        case .today: TodayScreen.render(state, in: content, into: &buffer)
        case .status: StatusScreen.render(state, in: content, into: &buffer)
        case .history: HistoryScreen.render(state, in: content, into: &buffer)
        case .chart: ChartScreen.render(state, in: content, into: &buffer)
        case .guide: GuideScreen.render(state, in: content, into: &buffer)
        case .training: TrainingScreen.render(state, in: content, into: &buffer)
        case .profile: ProfileScreen.render(state, in: content, into: &buffer)
        case .report: ReportScreen.render(state, in: content, into: &buffer)
        }
        ScreenFrame.renderMessageBar(state, into: &buffer)
        switch state.overlay {
        case .help: HelpOverlay.render(state, into: &buffer)
        case .confirm(let confirmation): ConfirmDialog.render(confirmation, state: state, into: &buffer)
        case .assessment(let form): AssessmentDialog.render(form, state: state, into: &buffer)
        case nil: break
        }
        if !state.glyphs.isUnicode { buffer.fallBackToASCII() }
        return buffer
    }
}

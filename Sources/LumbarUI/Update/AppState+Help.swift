extension AppState {
    /// Keys while the help is open: arrows, pages, Home and End scroll it; anything else closes it.
    mutating func handleHelpKey(_ key: Key) {
        let extent = helpExtent
        switch key {
        case .up, .character("k"), .down, .character("j"), .pageUp, .pageDown, .control("b"), .control("f"), .home, .end,
            .character("G"), .character(" "):
            helpScroll = Scrolling.apply(key, to: helpScroll, page: extent.page, max: extent.maxOffset)
        default:
            overlay = nil
            helpScroll = 0
        }
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LumbarCore

/// Screens as text, for `lumbar show` and golden tests.
public enum ScreenText {
    /// `screen` drawn for `journal` at `now`, `width` × `height`, as lines of text; ANSI
    /// colours only when `color`. Glyphs follow the process locale (block glyphs in UTF-8).
    public static func renderText(
        screen: ScreenName, journal: Journal, now: Date, timeZone: ZoneInfo,
        width: Int, height: Int, color: Bool, preferences: Preferences = .standard
    ) -> String {
        renderText(
            screen: screen, journal: journal, now: now, timeZone: timeZone, width: width, height: height,
            color: color, glyphs: Glyphs.forEnvironment(ProcessInfo.processInfo.environment), preferences: preferences)
    }

    /// As `renderText(screen:journal:now:timeZone:width:height:color:)` with the glyphs given.
    public static func renderText(
        screen: ScreenName, journal: Journal, now: Date, timeZone: ZoneInfo,
        width: Int, height: Int, color: Bool, glyphs: Glyphs, preferences: Preferences = .standard
    ) -> String {
        var state = AppState(
            journal: journal, now: now, timeZone: timeZone, width: width, height: height, glyphs: glyphs,
            preferences: preferences)
        state.show(screen)
        state.backStack = []
        return ANSIText.render(AppView.render(state), color: color)
    }
}

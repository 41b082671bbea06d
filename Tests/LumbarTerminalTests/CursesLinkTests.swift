import CNCursesW
import Testing

/// Proves ncursesw is linked and its shim compiles, without needing a terminal.
@Suite struct CursesLinkTests {
    @Test func shimExposesAttributesAndKeyCodes() {
        #expect(lumbar_a_bold() != lumbar_a_normal())
        #expect(lumbar_a_reverse() != 0)
        #expect(lumbar_key_resize() > 255)
        #expect(lumbar_key_up() != lumbar_key_down())
        #expect(lumbar_err() == -1)
    }

    @Test func linkedLibraryReportsItsVersion() {
        let version = String(cString: curses_version())
        #expect(version.hasPrefix("ncurses"))
    }

    @Test func wideCharacterWidthsComeFromTheCLibrary() {
        _ = setlocale(LC_ALL, "C.UTF-8")
        #expect(lumbar_wcwidth(wchar_t(97)) == 1)
        #expect(lumbar_wcwidth(wchar_t(0x6F22)) == 2)  // 漢
    }
}

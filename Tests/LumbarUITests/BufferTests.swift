import Testing
@testable import LumbarUI
@testable import LumbarText

/// The buffer, display widths, text fields and frame diffs that every screen rests on.
@Suite struct BufferTests {
    @Test func displayWidthCountsWideAndZeroWidthGraphemes() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("痛い") == 4)
        #expect(DisplayWidth.of("😣") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // e + combining acute
        #expect(DisplayWidth.of("🇸🇪") == 2)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("ｱ") == 1)  // halfwidth katakana
        #expect(DisplayWidth.of("Ａ") == 2)  // fullwidth A
        #expect(DisplayWidth.of("❤️") == 2)  // text-default heart with emoji presentation selector
        #expect(DisplayWidth.of("–…·█") == 4)
    }

    @Test func writingWideTextClipsAtTheEdgeWithoutHalfGlyphs() {
        var buffer = Buffer(width: 5, height: 1)
        let used = buffer.write("ab漢字", x: 0, y: 0)
        #expect(used == 5)
        #expect(buffer.lines == ["ab漢"])
        #expect(buffer[2, 0].width == 2)
        #expect(buffer[3, 0].isContinuation)
        #expect(buffer[4, 0].symbol == " ")
    }

    @Test func controlCharactersNeverReachACell() {
        var buffer = Buffer(width: 12, height: 1)
        buffer.write("a\u{1B}]0;x\u{07}b\u{9B}c", x: 0, y: 0)
        let scalars = buffer.lines.joined().unicodeScalars
        #expect(!scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(buffer.lines == ["a ]0;x b c"])
    }

    @Test func overwritingHalfAWideGlyphClearsTheOtherHalf() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("漢字", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.lines == [" x字"])
        buffer.write("y", x: 2, y: 0)
        #expect(buffer.lines == [" xy"])
    }

    @Test func truncateAndWrapMeasureByDisplayWidth() {
        #expect(TextLayout.truncate("痛い痛い", to: 5) == "痛い…")
        #expect(DisplayWidth.of(TextLayout.truncate("痛い痛い", to: 5)) <= 5)
        #expect(TextLayout.truncate("short", to: 10) == "short")
        #expect(TextLayout.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextLayout.wrap("漢字漢字", width: 5) == ["漢字", "漢字"])
    }

    @Test func backspaceRemovesWholeGraphemes() {
        var field = TextField("")
        for c in "añ😣👍🏽漢" { field.insert(c) }
        #expect(field.text == "añ😣👍🏽漢")
        _ = field.handle(.backspace)
        #expect(field.text == "añ😣👍🏽")
        _ = field.handle(.backspace)
        #expect(field.text == "añ😣")
        _ = field.handle(.backspace)
        #expect(field.text == "añ")
        // A combining accent typed after a letter joins it; one backspace removes both.
        field.insert("e")
        field.insert("\u{301}")
        #expect(field.text == "añe\u{301}")
        #expect(field.characters.count == 3)
        _ = field.handle(.backspace)
        #expect(field.text == "añ")
    }

    @Test func textFieldCursorMovesAndScrolls() {
        var field = TextField("hello world")
        _ = field.handle(.home)
        _ = field.handle(.right)
        field.insert("X")
        #expect(field.text == "hXello world")
        _ = field.handle(.end)
        _ = field.handle(.control("w"))
        #expect(field.text == "hXello ")
        let view = TextField(String(repeating: "漢", count: 20)).visible(width: 10)
        #expect(DisplayWidth.of(view.text) <= 10)
        #expect(view.cursorColumn <= 9)
    }

    @Test func frameDiffFindsOnlyTheChangedCells() {
        var a = Buffer(width: 20, height: 3)
        a.write("hello", x: 0, y: 1)
        var b = a
        #expect(FrameDiff.runs(from: a, to: b).isEmpty)
        b.write("J", x: 0, y: 1)
        #expect(FrameDiff.runs(from: a, to: b) == [FrameDiff.Run(y: 1, start: 0, end: 1)])
        b.write("漢", x: 10, y: 2)
        let runs = FrameDiff.runs(from: a, to: b)
        #expect(runs.count == 2)
        #expect(runs.last == FrameDiff.Run(y: 2, start: 10, end: 12))
        #expect(FrameDiff.runs(from: nil, to: b).count == 3)
        #expect(FrameDiff.runs(from: Buffer(width: 10, height: 3), to: b).count == 3)
    }

    @Test func monochromeTurnsColouredBackgroundsIntoReverseVideo() {
        let banner = Style(foreground: .white, background: .red, attributes: .bold)
        #expect(banner.monochrome == Style(attributes: [.bold, .reverse]))
        #expect(Style(foreground: .red).monochrome == .plain)
    }

    @Test func ansiTextHasColourOnlyWhenAsked() {
        var buffer = Buffer(width: 10, height: 1)
        buffer.write("red", x: 0, y: 0, style: Style(foreground: .red))
        #expect(ANSIText.render(buffer, color: false) == "red")
        #expect(ANSIText.render(buffer, color: true) == "\u{1B}[0;31mred\u{1B}[0m")
    }

    @Test func glyphsFollowTheLocale() {
        #expect(Glyphs.forEnvironment(["LANG": "en_US.UTF-8"]).isUnicode)
        #expect(Glyphs.forEnvironment(["LC_ALL": "C.utf8", "LANG": "C"]).isUnicode)
        #expect(!Glyphs.forEnvironment(["LANG": "C"]).isUnicode)
        #expect(!Glyphs.forEnvironment(["LC_ALL": "POSIX", "LANG": "en_US.UTF-8"]).isUnicode)
        #expect(!Glyphs.forEnvironment([:]).isUnicode)
    }
}

import CNCursesW
import Foundation
import LumbarUI
import Testing
@testable import LumbarTerminal

/// Key decoding and the painter, without a real terminal.
@Suite(.serialized) struct TerminalTests {
    @Test func keysDecodeFromWgetWch() {
        let ok = lumbar_ok()
        let yes = lumbar_key_code_yes()
        #expect(KeyDecoder.decode(status: ok, code: 0x61) == .key(.character("a")))
        #expect(KeyDecoder.decode(status: ok, code: 0x75DB) == .key(.character("痛")))
        #expect(KeyDecoder.decode(status: ok, code: 0x1F623) == .key(.character("😣")))
        #expect(KeyDecoder.decode(status: ok, code: 13) == .key(.enter))
        #expect(KeyDecoder.decode(status: ok, code: 10) == .key(.enter))
        #expect(KeyDecoder.decode(status: ok, code: 27) == .key(.escape))
        #expect(KeyDecoder.decode(status: ok, code: 9) == .key(.tab))
        #expect(KeyDecoder.decode(status: ok, code: 127) == .key(.backspace))
        #expect(KeyDecoder.decode(status: ok, code: 3) == .key(.control("c")))
        #expect(KeyDecoder.decode(status: ok, code: 21) == .key(.control("u")))
        #expect(KeyDecoder.decode(status: yes, code: UInt32(lumbar_key_up())) == .key(.up))
        #expect(KeyDecoder.decode(status: yes, code: UInt32(lumbar_key_btab())) == .key(.backTab))
        #expect(KeyDecoder.decode(status: yes, code: UInt32(lumbar_key_backspace())) == .key(.backspace))
        #expect(KeyDecoder.decode(status: yes, code: UInt32(lumbar_key_npage())) == .key(.pageDown))
        #expect(KeyDecoder.decode(status: yes, code: UInt32(lumbar_key_resize())) == .resize)
        #expect(KeyDecoder.decode(status: yes, code: UInt32(lumbar_key_f0() + 1)) == .key(.function(1)))
        #expect(KeyDecoder.decode(status: lumbar_err(), code: 0) == nil)
        #expect(KeyDecoder.decode(status: ok, code: 0xD800) == nil)  // a lone surrogate is no character
    }

    /// Paints through real ncurses onto a pseudo-terminal and counts the cells written.
    @Test func onlyChangedCellsAreRepainted() throws {
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        #expect(master >= 0)
        guard master >= 0 else { return }
        defer { close(master) }
        let number = lumbar_unlock_pty(master)
        try #require(number >= 0)
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        try #require(slave >= 0)
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
        let file = fdopen(slave, "r+")
        _ = setlocale(LC_ALL, "C.UTF-8")
        let screen = newterm("xterm", file, file)
        try #require(screen != nil)
        defer {
            endwin()
            delscreen(screen)
            fclose(file)
        }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        func drain() {
            var scratch = [UInt8](repeating: 0, count: 65_536)
            while read(master, &scratch, scratch.count) > 0 {}
        }

        var painter = Painter(color: false)
        var frame = Buffer(width: 80, height: 24)
        frame.write("lumbar 痛い", x: 0, y: 0)
        let first = painter.paint(frame)
        drain()
        #expect(first == 80 * 24 - 2)  // every cell, the wide ones once
        #expect(lumbar_char_at(0, 7) == wchar_t(0x75DB))  // 痛
        #expect(painter.paint(frame) == 0)
        drain()
        frame.write("L", x: 0, y: 0)
        #expect(painter.paint(frame) == 1)
        drain()
        #expect(lumbar_char_at(0, 0) == wchar_t(UInt8(ascii: "L")))
        painter.invalidate()
        #expect(painter.paint(frame) == 80 * 24 - 2)
        drain()
    }
}

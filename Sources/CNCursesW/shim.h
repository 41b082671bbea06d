#ifndef LUMBAR_CNCURSESW_SHIM_H
#define LUMBAR_CNCURSESW_SHIM_H

// Wide-character ncurses. Swift cannot import macros or mutable C globals
// (Swift 6 rejects them as not concurrency-safe), so they are wrapped here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *lumbar_stdscr(void) { return stdscr; }
static inline int lumbar_lines(void) { return LINES; }
static inline int lumbar_cols(void) { return COLS; }
static inline int lumbar_colors(void) { return COLORS; }
static inline int lumbar_color_pairs(void) { return COLOR_PAIRS; }
static inline int lumbar_err(void) { return ERR; }
static inline int lumbar_ok(void) { return OK; }
static inline int lumbar_key_code_yes(void) { return KEY_CODE_YES; }

static inline attr_t lumbar_a_normal(void) { return A_NORMAL; }
static inline attr_t lumbar_a_bold(void) { return A_BOLD; }
static inline attr_t lumbar_a_dim(void) { return A_DIM; }
static inline attr_t lumbar_a_reverse(void) { return A_REVERSE; }
static inline attr_t lumbar_a_underline(void) { return A_UNDERLINE; }
static inline attr_t lumbar_color_pair(int n) { return COLOR_PAIR(n); }

static inline int lumbar_key_resize(void) { return KEY_RESIZE; }
static inline int lumbar_key_up(void) { return KEY_UP; }
static inline int lumbar_key_down(void) { return KEY_DOWN; }
static inline int lumbar_key_left(void) { return KEY_LEFT; }
static inline int lumbar_key_right(void) { return KEY_RIGHT; }
static inline int lumbar_key_home(void) { return KEY_HOME; }
static inline int lumbar_key_end(void) { return KEY_END; }
static inline int lumbar_key_npage(void) { return KEY_NPAGE; }
static inline int lumbar_key_ppage(void) { return KEY_PPAGE; }
static inline int lumbar_key_backspace(void) { return KEY_BACKSPACE; }
static inline int lumbar_key_dc(void) { return KEY_DC; }
static inline int lumbar_key_enter(void) { return KEY_ENTER; }
static inline int lumbar_key_btab(void) { return KEY_BTAB; }

static inline int lumbar_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int lumbar_getmaxx(WINDOW *w) { return getmaxx(w); }

/// Writes one cell: a wide character with attributes and a colour pair.
static inline int lumbar_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &cell);
}

static inline int lumbar_wcwidth(wchar_t c) { return wcwidth(c); }

static inline int lumbar_key_f0(void) { return KEY_F0; }

/// The number of the pseudo-terminal opened on `master` (/dev/ptmx), unlocked for opening
/// as /dev/pts/N; -1 on failure. Lets tests run curses without a real terminal.
static inline int lumbar_unlock_pty(int master) {
    int unlock = 0;
    unsigned int number = 0;
    if (ioctl(master, TIOCSPTLCK, &unlock) != 0) return -1;
    if (ioctl(master, TIOCGPTN, &number) != 0) return -1;
    return (int)number;
}

/// The first character of the cell at (y, x) of the standard screen's window, 0 if none.
static inline wchar_t lumbar_char_at(int y, int x) {
    cchar_t cell;
    wchar_t text[CCHARW_MAX + 1];
    attr_t attrs;
    short pair;
    if (mvwin_wch(stdscr, y, x, &cell) == ERR) return 0;
    if (getcchar(&cell, text, &attrs, &pair, NULL) == ERR) return 0;
    return text[0];
}

/// Writes one cell holding a single character.
static inline int lumbar_put_char(int y, int x, wchar_t c, attr_t attrs, short pair) {
    wchar_t text[2] = { c, 0 };
    return lumbar_put_cell(y, x, text, attrs, pair);
}

/// Starts curses on the process's terminal; NULL (instead of exiting, as initscr would) when
/// the terminal type is unknown.
static inline SCREEN *lumbar_newterm(void) { return newterm(NULL, stdout, stdin); }

/// Turns the terminal's bracketed paste mode (DEC private mode 2004) on or off, so pasted text
/// arrives between ESC [200~ and ESC [201~ instead of looking like typed keys.
static inline void lumbar_bracketed_paste(int on) {
    fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
    fflush(stdout);
}

/// Sets how long wget_wch waits, in milliseconds (-1 blocks).
static inline void lumbar_input_timeout(int milliseconds) { wtimeout(stdscr, milliseconds); }

/// Whether the C library's current locale encodes text as UTF-8 (call after setlocale).
static inline int lumbar_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

static inline int lumbar_setlocale_from_environment(void) { return setlocale(LC_ALL, "") != NULL; }

/// Whether the terminal can move the cursor (has `cup`); a dumb terminal cannot hold a screen.
static inline int lumbar_can_address_cursor(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}

// The signal and crash handlers live in the CLumbarSystem target (one definition of their state,
// in a .c file): a header's static inline storage can be duplicated between modules.

#endif

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
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *lumbar_stdscr(void) { return stdscr; }
static inline int lumbar_lines(void) { return LINES; }
static inline int lumbar_cols(void) { return COLS; }
static inline int lumbar_colors(void) { return COLORS; }
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

#endif

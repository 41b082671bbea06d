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

// Signals that end the TUI. The handler only records the signal: the main loop notices it
// (the blocking read returns with EINTR or at its timeout) and restores the terminal itself,
// because endwin() is not async-signal-safe.
// Storage lives in function-local statics: Swift's importer emits those with the function,
// but not file-scope statics of a header.
static inline volatile sig_atomic_t *lumbar_signal_slot(void) {
    static volatile sig_atomic_t slot = 0;
    return &slot;
}

static inline int lumbar_caught_signal(int i) {
    switch (i) {
    case 0: return SIGINT;
    case 1: return SIGTERM;
    case 2: return SIGHUP;
    default: return SIGQUIT;
    }
}

static inline void lumbar_record_signal(int signal_number) { *lumbar_signal_slot() = signal_number; }

/// The number of signals lumbar catches (the size of the array the two calls below take).
static inline int lumbar_caught_signal_count(void) { return 4; }

/// Installs the recording handler for SIGINT, SIGTERM, SIGHUP and SIGQUIT, saving the
/// handlers in place into `previous` (4 entries). Called before newterm so that ncurses,
/// seeing handlers in place, leaves these signals to lumbar.
static inline void lumbar_install_signal_handlers(struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = lumbar_record_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a blocking read returns so the loop sees the signal
    *lumbar_signal_slot() = 0;
    for (int i = 0; i < 4; i++) sigaction(lumbar_caught_signal(i), &action, &previous[i]);
}

/// Puts back the handlers `lumbar_install_signal_handlers` saved.
static inline void lumbar_restore_signal_handlers(const struct sigaction *previous) {
    for (int i = 0; i < 4; i++) sigaction(lumbar_caught_signal(i), &previous[i], NULL);
}

/// The signal received since the last call (0 for none), clearing it.
static inline int lumbar_take_signal(void) {
    int signal_number = *lumbar_signal_slot();
    *lumbar_signal_slot() = 0;
    return signal_number;
}

// Crashes (a Swift trap is SIGILL or SIGTRAP; bad memory SIGSEGV or SIGBUS; abort SIGABRT)
// restore the terminal first, then run whatever handled them before (the Swift runtime's
// backtracer, or the default action), as htop's CRT_handleSIGSEGV does.
static inline int lumbar_crash_signal(int i) {
    switch (i) {
    case 0: return SIGSEGV;
    case 1: return SIGBUS;
    case 2: return SIGILL;
    case 3: return SIGFPE;
    case 4: return SIGTRAP;
    default: return SIGABRT;
    }
}

/// The number of crash signals (the size of the array the calls below take).
static inline int lumbar_crash_signal_count(void) { return 6; }

static inline struct sigaction **lumbar_crash_previous_slot(void) {
    static struct sigaction *slot = NULL;
    return &slot;
}

static inline void lumbar_on_crash(int signal_number) {
    endwin();
    struct sigaction *previous = *lumbar_crash_previous_slot();
    for (int i = 0; i < 6; i++) {
        if (lumbar_crash_signal(i) != signal_number) continue;
        if (previous != NULL) sigaction(signal_number, &previous[i], NULL);
        else signal(signal_number, SIG_DFL);
    }
    // Delivered again once this handler returns (it is blocked until then), now to the
    // previous handler; a fault would also recur when the instruction is re-run.
    raise(signal_number);
}

/// Installs the crash handler, saving the handlers in place into `previous` (6 entries,
/// which must stay allocated until `lumbar_restore_crash_handlers`).
static inline void lumbar_install_crash_handlers(struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = lumbar_on_crash;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK;
    *lumbar_crash_previous_slot() = previous;
    for (int i = 0; i < 6; i++) sigaction(lumbar_crash_signal(i), &action, &previous[i]);
}

/// Puts back the handlers `lumbar_install_crash_handlers` saved.
static inline void lumbar_restore_crash_handlers(const struct sigaction *previous) {
    for (int i = 0; i < 6; i++) sigaction(lumbar_crash_signal(i), &previous[i], NULL);
    *lumbar_crash_previous_slot() = NULL;
}

#endif

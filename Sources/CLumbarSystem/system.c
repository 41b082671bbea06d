// Process-wide state that must exist exactly once: the TUI's signal flag and the saved crash
// handlers. A `static` in a header's inline function is emitted once per module that uses it,
// so the handler and the loop could see two different flags (issue 11, item 13); here there is
// one definition, and Swift only calls functions.
#include "lumbar_system.h"

#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <ncursesw/curses.h>

static volatile sig_atomic_t caught_signal = 0;
static struct sigaction *crash_previous = NULL;

static const int caught_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT };
#define CAUGHT_COUNT ((int)(sizeof caught_signals / sizeof caught_signals[0]))
#define CRASH_COUNT ((int)(sizeof crash_signals / sizeof crash_signals[0]))

int lumbar_disable_core_dumps(void) {
    int result = 0;
    struct rlimit none = { 0, 0 };
    if (setrlimit(RLIMIT_CORE, &none) != 0) result = -1;
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) result = -1;
    return result;
}

int lumbar_caught_signal_count(void) { return CAUGHT_COUNT; }

// Only an async-signal-safe store: the loop notices the flag (the blocking read returns with
// EINTR or at its timeout) and restores the terminal itself, since endwin() is not safe here.
void lumbar_record_signal(int signal_number) { caught_signal = signal_number; }

void lumbar_install_signal_handlers(struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = lumbar_record_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a blocking read returns so the loop sees the signal
    caught_signal = 0;
    for (int i = 0; i < CAUGHT_COUNT; i++) sigaction(caught_signals[i], &action, &previous[i]);
}

void lumbar_restore_signal_handlers(const struct sigaction *previous) {
    for (int i = 0; i < CAUGHT_COUNT; i++) sigaction(caught_signals[i], &previous[i], NULL);
}

int lumbar_take_signal(void) {
    int signal_number = caught_signal;
    caught_signal = 0;
    return signal_number;
}

int lumbar_crash_signal_count(void) { return CRASH_COUNT; }

// Crashes (a Swift trap is SIGILL or SIGTRAP; bad memory SIGSEGV or SIGBUS; abort SIGABRT)
// restore the terminal first, then run whatever handled them before (the Swift runtime's
// backtracer, or the default action), as htop's CRT_handleSIGSEGV does.
static void on_crash(int signal_number) {
    endwin();
    for (int i = 0; i < CRASH_COUNT; i++) {
        if (crash_signals[i] != signal_number) continue;
        if (crash_previous != NULL) sigaction(signal_number, &crash_previous[i], NULL);
        else signal(signal_number, SIG_DFL);
    }
    // Delivered again once this handler returns (it is blocked until then), now to the
    // previous handler; a fault would also recur when the instruction is re-run.
    raise(signal_number);
}

void lumbar_install_crash_handlers(struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_crash;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK;
    crash_previous = previous;
    for (int i = 0; i < CRASH_COUNT; i++) sigaction(crash_signals[i], &action, &previous[i]);
}

void lumbar_restore_crash_handlers(const struct sigaction *previous) {
    for (int i = 0; i < CRASH_COUNT; i++) sigaction(crash_signals[i], &previous[i], NULL);
    crash_previous = NULL;
}

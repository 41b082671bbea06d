#ifndef LUMBAR_SYSTEM_H
#define LUMBAR_SYSTEM_H

#include <signal.h>

/// Turns core dumps off for this process (RLIMIT_CORE 0 and not dumpable), so a crash never
/// writes the journal held in memory to disk. Returns 0, or -1 if either call failed.
int lumbar_disable_core_dumps(void);

/// The number of signals that end the TUI (SIGINT, SIGTERM, SIGHUP, SIGQUIT).
int lumbar_caught_signal_count(void);

/// Installs the recording handler for the signals that end the TUI, saving the handlers in
/// place into `previous` (lumbar_caught_signal_count() entries), and clears the recorded signal.
void lumbar_install_signal_handlers(struct sigaction *previous);

/// Puts back the handlers `lumbar_install_signal_handlers` saved.
void lumbar_restore_signal_handlers(const struct sigaction *previous);

/// The signal received since the last call (0 for none), clearing it.
int lumbar_take_signal(void);

/// Sends `signal_number` to the recording handler as if it had been delivered (for tests).
void lumbar_record_signal(int signal_number);

/// The number of crash signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT).
int lumbar_crash_signal_count(void);

/// Installs the crash handler, which restores the terminal (endwin) and then runs the handler
/// saved in `previous` (lumbar_crash_signal_count() entries, kept allocated until restored).
void lumbar_install_crash_handlers(struct sigaction *previous);

/// Puts back the handlers `lumbar_install_crash_handlers` saved.
void lumbar_restore_crash_handlers(const struct sigaction *previous);

#endif

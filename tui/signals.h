/* signals: terminal-friendly signal handling for the TUI.
 *
 * SIGHUP, SIGTERM and SIGINT only set a flag that the main loop polls (it
 * then rolls back, restores the terminal and exits; SIGINT, Ctrl-C, is a
 * quit that asks first, see signals_take_interrupt).  A fatal signal
 * (SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGILL) runs the restore hook once and
 * re-raises with the default action, so that the shell is usable and a core
 * is still dumped.  Installed before initscr, so ncurses keeps its hands off
 * these signals (it still handles SIGWINCH → KEY_RESIZE itself). */
#ifndef DOORSTEP_SIGNALS_H
#define DOORSTEP_SIGNALS_H

/* Installs the handlers; restore is called from the fatal handler (may be
 * NULL). */
void signals_install(void (*restore)(void));

/* The termination signal caught so far (SIGHUP, SIGTERM, SIGINT), or 0. */
int signals_pending(void);

/* 1 when the signal pending is SIGINT (Ctrl-C), which it then clears: the
 * full-screen program takes Ctrl-C as a request to quit that asks first
 * when a form holds unsaved input, as q does. */
int signals_take_interrupt(void);

#endif

/* harness: drives the real doorstep binary in a pseudo-terminal for screen tests.
 *
 * A test starts build/doorstep (path from $DOORSTEP_BIN, else ../build/doorstep
 * relative to the test binary's working directory, else build/doorstep) in a
 * pty of a chosen size with a clean, chosen environment, types keys into it
 * and reads the screen back through libvterm, the way a user's terminal
 * would show it.  Every wait takes a timeout in milliseconds, so a test that
 * goes wrong fails in seconds instead of hanging.
 *
 * The check macros (HCHECK ...) print the reason and the current screen, kill
 * the child and exit(1): a screen test is a plain program whose exit status is
 * its verdict (tests/run.sh). */
#ifndef DOORSTEP_HARNESS_H
#define DOORSTEP_HARNESS_H

#include <stddef.h>
#include <stdio.h>

struct harness;

struct harness_opts {
	int rows, cols; /* 0 means 24 x 80 */
	/* "NAME=value" strings added to the base environment (PATH, HOME,
	 * TERM=xterm-256color, LANG=C.UTF-8), overriding any of them; a
	 * "NAME=" entry with nothing after = removes NAME.  NULL-terminated. */
	const char *const *env;
	/* Arguments after the program name, NULL-terminated; may be NULL. */
	const char *const *args;
	const char *cwd; /* the child's working directory, or NULL */
	const char *bin; /* another program to run instead of doorstep, or NULL */
};

/* The doorstep binary the tests run (static string or getenv()'s). */
const char *harness_bin(void);

/* Starts the binary.  Returns NULL (with a message on stderr) when the pty or
 * the process cannot be made. */
struct harness *harness_start(const struct harness_opts *o);

/* Kills the child if it still runs (SIGKILL), reaps it, frees everything and
 * sets *h to NULL.  NULL is allowed. */
void harness_free(struct harness **h);

/* Writes bytes to the terminal as if typed.  Returns 0 or -1. */
int harness_send(struct harness *h, const void *bytes, size_t n);
/* Types a UTF-8 string (e.g. "张三"). */
int harness_type(struct harness *h, const char *utf8);
/* Sends one named key: Enter, Esc, Tab, BTab (Shift-Tab), Backspace, Delete,
 * Up, Down, Left, Right, Home, End, PgUp, PgDn, F1..F12, Space, C-a..C-z.
 * Returns 0, or -1 for an unknown name (printed). */
int harness_key(struct harness *h, const char *name);

/* Reads what the child wrote for up to ms milliseconds (less if it exits). */
void harness_pump(struct harness *h, int ms);
/* Waits until the child has written nothing for quiet_ms, at most
 * timeout_ms in all.  Returns 1 when quiet, 0 on timeout. */
int harness_settle(struct harness *h, int quiet_ms, int timeout_ms);

/* Waits until text appears anywhere on the screen (UTF-8, matched within one
 * row).  Returns 1 found, 0 timed out or the child exited first. */
int harness_wait_text(struct harness *h, const char *text, int timeout_ms);
/* Waits until text is no longer on the screen.  Returns 1 or 0. */
int harness_wait_gone(struct harness *h, const char *text, int timeout_ms);
/* 1 when text is on the screen now (no reading). */
int harness_has_text(struct harness *h, const char *text);
/* Finds text on the screen: returns 1 and the row and screen column (0-based)
 * of its first character, or 0. */
int harness_find(struct harness *h, const char *text, int *row, int *col);

/* The whole screen as UTF-8, one line per row, trailing blanks cut, a wide
 * character once.  Malloc'd; the caller frees. */
char *harness_screen_text(struct harness *h);
/* One row as UTF-8 (trailing blanks cut).  Malloc'd. */
char *harness_row_text(struct harness *h, int row);

/* What a cell looks like, for theme tests. */
struct harness_cell {
	int bold, reverse, underline;
	int fg_default, bg_default; /* 1 when the default colour is used */
	int fg, bg;		    /* palette index when not default and indexed, else -1 */
};
/* Fills c for the cell at row, col.  Returns 0, or -1 out of range. */
int harness_cell(struct harness *h, int row, int col, struct harness_cell *c);
/* The screen's size. */
void harness_size(struct harness *h, int *rows, int *cols);

/* Sets a new terminal size (TIOCSWINSZ, which makes the kernel send
 * SIGWINCH to the child's process group) and resizes the emulator. */
int harness_resize(struct harness *h, int rows, int cols);
/* Sends sig to the child.  Returns 0 or -1. */
int harness_signal(struct harness *h, int sig);
/* Waits for the child to exit, reading its output meanwhile.  Returns 1 and
 * the wait status in *status when it exited, 0 on timeout. */
int harness_wait_exit(struct harness *h, int timeout_ms, int *status);
/* 1 while the child runs. */
int harness_running(struct harness *h);

/* Prints the screen, framed, with row numbers, to f. */
void harness_dump(struct harness *h, FILE *f);

/* --- helpers for the tests ------------------------------------------------ */

/* Makes a fresh temporary folder (mode 0700) and returns its malloc'd path;
 * exits(1) on failure.  harness_rmdir removes it and what is inside. */
char *harness_tmpdir(void);
void harness_rmdir(const char *path);

/* Runs the doorstep binary without a terminal: args NULL-terminated, env as in
 * harness_opts.  Its stdout (and stderr, appended) is returned malloc'd in
 * *out when out is not NULL.  Returns the exit status, or -1 when it could
 * not run or was killed; gives up (kills) after timeout_ms. */
int harness_run(const char *const *env, const char *const *args, char **out, int timeout_ms);

/* Runs `sqlite3 -batch -noheader DB SQL` and returns its output malloc'd
 * (trailing newline cut), or NULL when sqlite3 failed. */
char *harness_sql(const char *db, const char *sql);

/* A fresh doorstep database for a test: makes a temporary folder (*dir,
 * malloc'd) and runs `doorstep init --community 幸福里社区` there with
 * DOORSTEP_NOW fixed; returns the database path (malloc'd) or exits(1).
 * harness_db_env fills env[0..2] with DOORSTEP_DB=path, DOORSTEP_NOW and
 * NULL (the strings in buf, which must hold 600 bytes) for harness_opts. */
char *harness_new_db(char **dir);
void harness_db_env(const char *db, char *buf, const char *env[3]);

/* The fixed "now" of the tests. */
#define HARNESS_NOW "2020-02-15 09:30:00"

/* Prints "FAIL: file:line: message", the screen, kills the child, exit(1). */
void harness_fail(struct harness *h, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5), noreturn));

#define HCHECK(h, cond, ...)                                                                       \
	do {                                                                                       \
		if (!(cond))                                                                       \
			harness_fail((h), __FILE__, __LINE__, __VA_ARGS__);                        \
	} while (0)

/* Waits for text or fails the test. */
#define HWAIT(h, text, ms)                                                                         \
	HCHECK((h), harness_wait_text((h), (text), (ms)),                                          \
	       "timed out after %d ms waiting for \"%s\"", (ms), (text))
#define HGONE(h, text, ms)                                                                         \
	HCHECK((h), harness_wait_gone((h), (text), (ms)), "\"%s\" still shown after %d ms",        \
	       (text), (ms))

#endif

/* app: the full-screen program (README.md#the-screens) and the services its screens use.
 *
 * app_run opens the database, asks who is on duty, and runs the main loop:
 * eight tabs, each with its own stack of screens (tui/widgets/screen.h), a status
 * line and a hint line.  Screens reach the program through the functions
 * below; they never touch the stacks themselves.
 *
 * When there is no database yet at the path, or one that was never set up,
 * the program starts without one (app_db is NULL, no tabs): the first-start
 * screens (tui/screens/first_start.h) make it and then call app_begin. */
#ifndef DOORSTEP_APP_H
#define DOORSTEP_APP_H

#include "core/err.h"

struct cli;
struct app;
struct db;
struct settings;
struct screen;
struct screen_class;

/* Opens the database, runs the TUI until the user quits or a signal
 * arrives, restores the terminal.  Returns the exit status. */
int app_run(struct cli *cli);

/* The open database; NULL only during the first start, before app_begin. */
struct db *app_db(struct app *app);

/* The command line's state: the database path, the connection the
 * first start makes (cli->db), the staff name. */
struct cli *app_cli(struct app *app);

/* Ends the first start: takes cli->db (just set up by the caller) as the
 * program's database, reads its settings, closes every open screen (after
 * the current event) and opens the Today tab with the staff picker over it
 * (unless the staff was given).  Returns 0, or -1 with e filled when the
 * database holds no settings (nothing changed then). */
int app_begin(struct app *app, struct err *e);

/* The community's settings as last read (app_settings_reload re-reads them
 * after the settings screen saved). */
const struct settings *app_settings(struct app *app);
void app_settings_reload(struct app *app);

/* The staff member on duty (also db_staff(app_db(app))). */
const char *app_staff(struct app *app);

/* Opens a screen of class cls with arg on top of the current tab's stack.
 * Returns 0, or -1 when its open failed (the reason is shown in the status
 * line). */
int app_push(struct app *app, const struct screen_class *cls, void *arg);

/* Closes screen s (any screen of any stack, usually the caller itself or
 * the screen that opened a dialog) once the current event is handled: its
 * close runs then.  Returning SCREEN_POP from a handler does the same for
 * the screen that returned it. */
void app_close(struct app *app, struct screen *s);

/* Called from a draw function: after drawing, the terminal cursor is shown
 * at (y, x) (a text field's insertion point).  Without a call the cursor
 * is hidden. */
void app_cursor(struct app *app, int y, int x);

/* Messages in the status line, until the next key press replaces them:
 * app_status for information, app_error (highlighted) for what went wrong.
 * app_error_err shows e->msg. */
void app_status(struct app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void app_error(struct app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void app_error_err(struct app *app, const struct err *e);

/* Switches to tab i (0..7), as the digits do.  Returns 0, or -1 when a
 * form or dialog holds the current tab. */
int app_goto_tab(struct app *app, int i);

/* Switches to tab i, as app_goto_tab, and asks the tab's screen to show
 * the record t names (screen_class.show; t is only read during the call).
 * Returns 0, or -1 when the tab could not be switched or the screen could
 * not show it (the reason is in the status line). */
struct screen_target;
int app_show(struct app *app, int i, const struct screen_target *t);

#endif

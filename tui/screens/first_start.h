/* first_start: what the TUI shows when there is no database yet.
 *
 * Started by app_run when the database path holds no file, or a database
 * that was never set up (no settings row).  One line says so; a menu offers
 * (1) a new community: a form with its name, street office, district and
 * station code, the same as `doorstep init`; (2) a second machine of an
 * existing community: the other machine's file and this one's station code,
 * the same as `doorstep init --from FILE --station S`, after which the merge
 * report is shown; (3) quit.  Both go through tui/ops/setup.h, the code path of
 * the command line.  A refusal keeps the form open and is shown in full
 * under it.  Once the database exists, app_begin hands over to the normal
 * program (staff picker, tabs). */
#ifndef DOORSTEP_FIRST_START_H
#define DOORSTEP_FIRST_START_H

struct app;

/* Pushes the first-start screen and its menu on the current tab (the
 * program has no database yet: app_db is NULL).  Returns 0 or -1. */
int first_start_push(struct app *app);

#endif

/* import_screen: importing a roster from the Households tab (docs/households.md).
 *
 * `i` on the Households list asks for a file (a path field), reads and
 * checks it (tui/cli/cmd_import.h), and shows a preview: how the file's columns
 * map to doorstep's fields (unknown ones ignored), what the import would
 * do (households and residents new, updated, unchanged: a dry run of
 * db_roster_apply), and every problem as `LINE: column: reason` in a list
 * that scrolls.  A file with any error cannot be imported.  Enter asks for
 * confirmation, then imports in one transaction with a progress bar, and
 * every screen refreshes. */
#ifndef DOORSTEP_IMPORT_SCREEN_H
#define DOORSTEP_IMPORT_SCREEN_H

struct app;

/* Opens the path form.  Returns 0, or -1 when it could not be pushed. */
int import_screen_start(struct app *app);

#endif

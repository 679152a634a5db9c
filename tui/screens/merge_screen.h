/* merge_screen: merging another machine's file from the TUI.
 *
 * Opened from the settings form (its "Merge another machine's file" field):
 * it runs the merge as a dry run first and shows the report (per table
 * counts, conflicts, joins); Enter merges for real and shows the final
 * report, Esc closes without writing. */
#ifndef DOORSTEP_MERGE_SCREEN_H
#define DOORSTEP_MERGE_SCREEN_H

#include "core/err.h"

struct app;

/* Runs the dry run of merging the database at path (copied) and pushes
 * its report.  Returns 0, or -1 with the reason in e (nothing pushed). */
int merge_screen_push(struct app *app, const char *path, struct err *e);

#endif

/* history: the audit log of one record, newest first.
 *
 * Screens open it with `h` on a row.  Each entry shows when, who, what was
 * done and what changed (field: old → new); Enter shows one entry whole. */
#ifndef DOORSTEP_HISTORY_H
#define DOORSTEP_HISTORY_H

struct app;

/* Pushes the history of the record whose UUID is record_uuid (copied);
 * title (copied, translated) names the record, e.g. "Household 3-2-501".
 * Returns 0 or -1. */
int history_push(struct app *app, const char *record_uuid, const char *title);

#endif

/* db stats: the day's counts behind the Today screen, `doorstep report`, the
 * daily sheet and the `daily` export (docs/rounds.md#today-tab-1; docs/sheets.md).
 *
 * Every count is of live records (deleted_at IS NULL); voided donations are
 * left out.  "Now" is core/clock (DOORSTEP_NOW): for today the missed-check
 * counts follow the AM/PM cut-offs of the settings against the clock, for a
 * past date the whole day is over, for a future date nothing is missed yet.
 *
 * Definitions (the README's SQL mirrors them, and the integration test
 * checks each against a plain sqlite3 query):
 * - households, residents: records created on or before the date and not
 *   deleted by then; residents only while living here or away (not moved
 *   out, not deceased);
 * - a household's status on the date is the outcome of its latest live visit
 *   that day ("latest visit wins"); visited + no_answer + refused + away =
 *   households_done;
 * - residents_checked: residents with a temperature in a live reading of a
 *   live visit that day; fevers: those of them with a reading at or above the
 *   fever threshold (each person once);
 * - an isolation is active at the end of the day when start_date <= date and
 *   (end_date IS NULL OR end_date > date); it is due for AM and PM checks that
 *   day; its last day is start_date + days + extended_days - 1;
 * - released: ended that day as completed; ended_other: ended that day for
 *   another reason except 'restarted' (the restarted period continues in a
 *   new row, which counts as new that day). */
#ifndef DOORSTEP_DB_STATS_H
#define DOORSTEP_DB_STATS_H

#include "core/err.h"
#include "core/report.h" /* struct daily_stats */

struct db;

/* Fills *out with the counts for date (ISO YYYY-MM-DD).  Read-only; runs in
 * one read transaction so that the numbers agree with each other.  Returns 0,
 * or -1 with e filled (a malformed date names the field "date"). */
int db_daily_stats(struct db *db, const char *date, struct daily_stats *out, struct err *e);

#endif

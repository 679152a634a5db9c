/* db stats: the day's counts behind the Today screen, `doorstep report`, the
 * daily sheet and the `daily` export (docs/rounds.md#today-tab-1; docs/sheets.md).
 *
 * Every count is of live records (deleted_at IS NULL); voided donations are
 * left out.  "Now" is core/clock (DOORSTEP_NOW): for today the missed-check
 * counts follow the AM/PM cut-offs of the settings against the clock, for a
 * past date the whole day is over, for a future date nothing is missed yet.
 *
 * Each number is defined in docs/report.md, which names the query here that
 * computes it; tests/integration/test_demo_report.sh checks each against an
 * independent sqlite3 query.  The isolation predicates (due on, held on) and
 * the last day are db/views.h's.
 *
 * Cost: the first screen reads these counts at every start, so none reads a
 * whole table.  The rows of households and residents are counted by
 * triggers into row_counts (db/schema.c; `check` compares them with the
 * recount of the view row_counts_actual), and the day's residents checked,
 * fevers, households by the outcome of their latest visit (the one no later
 * live visit of that day follows, by time then id, as db/today.c lists the
 * "no answer" ones) and visits are read from per-date counters kept by
 * triggers, day_temps and day_outcomes (db/schema.c; the views
 * day_temps_actual and day_outcomes_actual state their definitions, and
 * `check` compares them with a recount: db/daytemps.h;
 * docs/performance.md). */
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

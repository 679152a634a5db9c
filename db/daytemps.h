/* daytemps: the day's temperature counters set aside for a bulk write.
 *
 * day_temps (db/schema.c) counts, per date and temperature, the residents
 * whose highest reading of the date it is; its triggers move the counts at
 * every write of a reading, visit or household, reading the resident's
 * other readings of the date each time (two index walks per row).  A path
 * that writes millions of readings in one transaction (the demo, init
 * --from) drops the triggers instead, and refills the counters once from
 * their recount before it creates them again, in the same transaction: a
 * failure or a kill leaves both as they were. */
#ifndef DOORSTEP_DAYTEMPS_H
#define DOORSTEP_DAYTEMPS_H

#include <sqlite3.h>

#include "core/err.h"

struct db;

/* Drops the counters' triggers; *set_aside records that it did (zero it
 * first).  Must run in a transaction.  Returns 0 or -1 with e. */
int db_daytemps_suspend(struct db *db, int *set_aside, struct err *e);

/* When *set_aside: refills day_temps from day_temps_actual and creates the
 * triggers again, then clears *set_aside.  Returns 0 or -1 with e. */
int db_daytemps_resume(struct db *db, int *set_aside, struct err *e);

/* Compares every counter with a recount made here from the rows, and calls
 * report(text, ctx) for each that differs ("day_temps: on DATE, TOP tenths:
 * the counter says N, a recount M").  The recount is the definition of the
 * view day_temps_actual walked in C: the live readings in date order from
 * the covering indexes visits_date and readings_visit, the households'
 * times from memory, each resident's highest reading of a date in an array
 * (about 2 s CPU at 40,000 households; the view's grouping takes 7 s).
 * Returns the number of problems, or -1 with e. */
int db_daytemps_recount(struct db *db, void (*report)(const char *problem, void *ctx), void *ctx,
			struct err *e);

/* The same recount fed by a pass that reads the readings anyway (`check`'s
 * scan of the readings, db/consistency_scan.c): tally_new loads the
 * households' times; the SQL function tally_sql (user data: the tally),
 * called with a reading's visit id, date, household id and deleted_at, and
 * its own deleted_at, resident id and temperature, tallies a live reading
 * of a live visit and returns 0; tally_finish compares the counters with
 * the tally, reading the rows itself if no pass called tally_sql, then
 * recounts day_outcomes.  Returns the number of problems, or -1 with e. */
struct daytemps_tally;
struct daytemps_tally *db_daytemps_tally_new(struct db *db, struct err *e);
void db_daytemps_tally_sql(sqlite3_context *cx, int argc, sqlite3_value **v);
int db_daytemps_tally_finish(struct db *db, struct daytemps_tally *tl,
			      void (*report)(const char *problem, void *ctx), void *ctx,
			      struct err *e);
void db_daytemps_tally_free(struct daytemps_tally *tl);

#endif

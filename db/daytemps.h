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
 * (about 1 s at 40,000 households; the view's grouping takes 7 s).  Returns
 * the number of problems, or -1 with e. */
int db_daytemps_recount(struct db *db, void (*report)(const char *problem, void *ctx), void *ctx,
			struct err *e);

#endif

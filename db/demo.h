/* db demo: writes a realistic synthetic community for `doorstep demo`.
 *
 * The content is deterministic: one seed (and one DOORSTEP_NOW) always gives
 * the same rows, UUIDs included; only the settings row, which is the
 * database's own identity, and the audit row get fresh UUIDs.  It is built
 * for size (40,000 households and 60 days, over a million readings, in
 * seconds): one transaction, dedicated INSERT statements with positional
 * parameters, and no audit row per generated record: the whole batch is
 * recorded by ONE audit_log row (action "insert", table "demo", changes =
 * the parameters and the counts).  Derived columns are computed as
 * db/households.c and db/residents.c do (core/natsort natsort_key,
 * core/reskey reskey_make), so `doorstep check` finds them consistent.
 *
 * Checkpoints (issue 10): 2 to 4 checkpoints (by size), a week of shifts
 * around the last day with two gaps and one double booking on purpose, a
 * pass for every household (core/passno numbers of the station, a few lost
 * and replaced), and the last days' outings decided by core/outing as the
 * gate would (refused attempts are not recorded). */
#ifndef DOORSTEP_DB_DEMO_H
#define DOORSTEP_DB_DEMO_H

#include "core/err.h"

struct db;

struct demo_params {
	int households;          /* 1 .. 200000 */
	int days;                /* days of history ending today, 1 .. 366 */
	unsigned long long seed;
	const char *community;   /* used when the database has no settings yet */
};

struct demo_summary {
	long long staff, grids, households, residents, visits, readings, isolations, checks,
		donations, distributions, checkpoints, shifts, passes, pass_events, followups, visitors;
};

/* 1 when the database holds no household, resident, visit, isolation or
 * donation (settings and staff alone do not count), 0 when it does, -1 on
 * error. */
int db_demo_is_empty(struct db *db, struct err *e);

/* Generates the community into an empty database (refused otherwise) in one
 * transaction; on any error nothing is written.  Returns 0 with *out filled,
 * or -1 with e. */
int db_demo_generate(struct db *db, const struct demo_params *p, struct demo_summary *out,
		     struct err *e);

#endif

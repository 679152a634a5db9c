/* consistency_scan: the one reading of every row of every table that
 * `doorstep check` makes (db/consistency.h).  A large community's readings
 * and visits are millions of rows, so each table is read once for every
 * check that looks at its rows one by one: invalid UTF-8 in any text value,
 * text over its column's limit (core/limits.h), values that break
 * core/recordcheck's rules, its foreign keys (joined to their parents in
 * the same statement when the parent key is a rowid, which is exactly what
 * `PRAGMA foreign_key_check` looks up) and the rules of a row against the
 * rows it points to (a reading of a deleted visit ...). */
#ifndef DOORSTEP_CONSISTENCY_SCAN_H
#define DOORSTEP_CONSISTENCY_SCAN_H

#include "core/err.h"

struct db;
struct daytemps_tally;

/* Reads every table once; calls report(problem text, ctx) once per problem,
 * and feeds tl (NULL: none) the readings it reads (db/daytemps.h).
 * Returns the number of problems, or -1 when a table could not be read (e
 * filled). */
int consistency_scan(struct db *db, struct daytemps_tally *tl,
		     void (*report)(const char *problem, void *ctx), void *ctx, struct err *e);

#endif

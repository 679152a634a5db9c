/* consistency: the project's own checks of a database, beyond SQLite's
 * integrity check (`doorstep check`). */
#ifndef DOORSTEP_CONSISTENCY_H
#define DOORSTEP_CONSISTENCY_H

#include "core/err.h"

struct db;

/* Runs every check; calls report(problem text, ctx) once per problem found.
 * Returns the number of problems (0 = consistent), or -1 when a check could
 * not run (e filled). */
int db_consistency_check(struct db *db, void (*report)(const char *problem, void *ctx), void *ctx,
			 struct err *e);

/* Calls report once per warning: what is not damage but needs a person
 * (an open conflict a merge stored, a legacy record: db/legacy.h).  Returns the number, or -1. */
int db_consistency_warnings(struct db *db, void (*report)(const char *problem, void *ctx),
			    void *ctx, struct err *e);

#endif

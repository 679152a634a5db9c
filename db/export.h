/* db export: the query behind each export dataset (core/export.h).
 *
 * One statement per export, built from the columns asked for, stepped row by
 * row and handed to a callback: nothing is collected in memory, so a million
 * readings export in constant space.  Soft-deleted records are skipped
 * (voided donations are kept: they carry their void reason); staff, grids,
 * households and residents are joined in by name and code.  The daily
 * dataset is one db_daily_stats (db/stats.h) per day of the range (today
 * when no bound is given; at most ten years). */
#ifndef DOORSTEP_DB_EXPORT_H
#define DOORSTEP_DB_EXPORT_H

#include <stddef.h>

#include "core/err.h"
#include "core/export.h"

struct db;

struct db_export_query {
	const struct export_dataset *ds;
	const int *cols; /* indexes into ds->cols, in output order */
	int ncols;
	const char *from, *to; /* ISO dates, or NULL for no bound */
	const char *today;     /* ISO date: ages, and the daily range's default end */
};

/* Called once per row with ncols values: vals[i] is the stored text of column
 * cols[i] (lens[i] bytes; NULL for SQL NULL), valid only during the call.
 * Returns 0 to go on, non-zero to stop the export early. */
typedef int (*db_export_row_fn)(void *ctx, const char *const *vals, const size_t *lens);

/* Runs the export.  Returns the number of rows handed to fn (an early stop
 * counts the rows so far), or -1 with a message in e.  e is also how fn
 * reports its own failure: fill it and return non-zero, and the caller
 * checks it. */
long long db_export_run(struct db *db, const struct db_export_query *q, db_export_row_fn fn,
			void *ctx, struct err *e);

/* The number of rows db_export_run would produce now (for a progress bar),
 * or -1 with a message. */
long long db_export_count(struct db *db, const struct db_export_query *q, struct err *e);

/* 1 when every column of every dataset of the catalogue has a query here,
 * else 0 with the first missing one named in e (a test of the tables). */
int db_export_complete(struct err *e);

#endif

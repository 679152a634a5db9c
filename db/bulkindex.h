/* bulkindex: a table's secondary indexes set aside while a bulk of rows goes
 * in, and built again afterwards.
 *
 * Millions of rows inserted into a table keep each of its indexes up to
 * date row by row, at a random place of the index when the indexed column
 * does not grow with the rows (readings by resident, visits by household):
 * a page read, changed and written per row.  CREATE INDEX on the filled
 * table sorts once and writes each page once, several times cheaper.  Only
 * the indexes that are not constraints are set aside (a UNIQUE index keeps
 * checking every row), and both steps run in the caller's transaction, so a
 * failure or a kill leaves the indexes as they were.  While they are set
 * aside, a query that would use one scans the table: the caller runs none
 * on the hot path. */
#ifndef DOORSTEP_BULKINDEX_H
#define DOORSTEP_BULKINDEX_H

#include "core/err.h"

struct db;

/* The indexes set aside: their CREATE statements, as SQLite keeps them. */
struct bulkindex {
	char **sql;
	int n;
};

/* Drops the non-unique indexes of each table of tables (NULL-terminated)
 * of the main database, remembering them in *b (zero it first).  Must run
 * in a transaction.  Returns 0 or -1 with e. */
int db_bulkindex_drop(struct db *db, const char *const *tables, struct bulkindex *b, struct err *e);

/* The same for the indexes named in names (NULL-terminated) that exist:
 * those a bulk insert would hit at random places, when the table's other
 * indexes grow at their end or serve queries the bulk insert runs. */
int db_bulkindex_drop_named(struct db *db, const char *const *names, struct bulkindex *b,
			    struct err *e);

/* Creates the indexes of *b again, exactly as they were.  Returns 0 or -1. */
int db_bulkindex_restore(struct db *db, const struct bulkindex *b, struct err *e);

/* Frees *b's statements and zeroes it. */
void db_bulkindex_free(struct bulkindex *b);

#endif

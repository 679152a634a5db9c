/* db roster: writing a checked roster (core/roster.h) into the database.
 *
 * The whole file goes in one BEGIN IMMEDIATE transaction: a kill at any
 * moment leaves either all of it or none of it.  Households are matched by
 * code; residents by ID number, else by name within their household (a
 * stored resident with another ID number is another person).  Matched
 * records are updated only where a cell holds a value that differs from the
 * stored one (an empty cell never erases), through db/households and
 * db/residents, so that each change is audited like one made by hand; a
 * resident whose ID number is found in another household is moved there.
 * One more audit row (action "import") records the file and the counts.
 *
 * The audit trail of an import is one row per record, as if typed: every
 * new household and resident has its "insert" row with all its values,
 * every changed one its "update" row with old and new values, so that each
 * record's history (tui/screens/history.c reads it by record UUID) starts where it
 * came in.  One row per household with its residents' values would be
 * cheaper to write but would leave each resident without a history; the
 * rows are made cheap instead (no lookups the import already did, no
 * temporary b-trees in the CHECKs, one timestamp parse).
 *
 * The search index (db/search.h) is brought up to date in the same
 * transaction: the triggers that queue new records are set aside for it,
 * the import queues the households it added to, and they are refiled in
 * sorted batches before the commit, so the first keystroke after an import
 * of 100,000 residents does not wait seconds.  A dry run skips the
 * refiling (it is rolled back anyway). */
#ifndef DOORSTEP_DB_ROSTER_H
#define DOORSTEP_DB_ROSTER_H

#include <stddef.h>

#include "core/err.h"

struct db;
struct roster;

struct roster_counts {
	long households_new, households_updated, households_unchanged;
	long residents_new, residents_updated, residents_unchanged;
	/* The updates that move a resident to another household or rename
	 * one (matched by ID number), each a sentence with the file's line, ID
	 * numbers masked: a dry run lists them so that nobody is moved or
	 * renamed by a mistyped row unseen.  Free with roster_counts_clear. */
	char **changes;
	size_t nchanges;
};

void roster_counts_clear(struct roster_counts *c);

/* Called now and then with the rows written so far and the total. */
typedef void (*db_roster_progress_fn)(size_t done, size_t total, void *ctx);

/* Writes roster r (which must have no errors: roster_read returned 0) in one
 * transaction; `source` (the file name, may be NULL) goes into the import's
 * audit row.  With dry_run the same work is done and then rolled back, so
 * the counts are exactly those a real import would give and nothing is
 * written.  progress may be NULL.  Returns 0 with *out filled (clear it with
 * roster_counts_clear), or -1 with e
 * (e->line set to the row's line when a row was refused) and nothing
 * written. */
int db_roster_apply(struct db *db, const struct roster *r, const char *source, int dry_run,
		    db_roster_progress_fn progress, void *ctx, struct roster_counts *out,
		    struct err *e);

#endif

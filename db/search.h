/* search: the Households list, whole or filtered as the user types.
 *
 * Pages are read by keyset (sort_key, id) in natural code order, forwards or
 * backwards from an anchor row, never by OFFSET, so a page costs the same on
 * the first screen and the thousandth, and nothing but the page is held.
 *
 * A filter finds households by (see core/searchkey.h): a prefix of the code,
 * a substring of a resident's name, a substring of a name's pinyin initials
 * (any reading of a polyphone), and, for three or more digits, the last
 * digits of a resident's ID number or phone.  Each is one lookup in the
 * search_terms index, tails of up to SEARCHKEY_TAIL_FILED characters
 * included; a longer tail (a handful of residents) adds a prefix range on
 * residents.id_rev and phone_rev, merged with the lookup in list order.
 *
 * The index is refiled lazily: triggers (or a bulk writer, below) queue
 * changed households in search_dirty, in the transaction of the change.  A
 * search refiles a short queue first (a short write transaction); a long
 * one (after an import) is refiled a slice at a time by db_search_idle while
 * the TUI waits for a key, or all at once by db_search_sync.  Until then,
 * and when another program holds the write lock, a search leaves the queued
 * households' old terms aside and matches them on their rows as they are
 * now (core/searchkey's searchkey_match_*, a scan of the queue), so the
 * filter finds a household the moment it is committed. */
#ifndef DOORSTEP_SEARCH_H
#define DOORSTEP_SEARCH_H

#include "core/err.h"
#include "core/model.h"

struct db;

/* One row of the list: the household as db_household_get reads it (code,
 * phone, head, resident count, last visit, tags ...) and its sort key.
 * Members are malloc'd; db_search_row_clear frees them. */
struct search_row {
	struct household h;
	char *sort_key;
};

void db_search_row_clear(struct search_row *r);

/* Reads up to n rows of the list filtered by query (what the user typed, as
 * typed: folded here; NULL or blank for the whole list) into out[0..n-1].
 *   dir > 0: the rows after anchor in list order, nearest first (anchor NULL:
 *            the first rows);
 *   dir < 0: the rows before anchor, nearest first (anchor NULL: the last
 *            rows, the last first).
 * Only anchor->sort_key and anchor->h.id are read.  Returns the number of
 * rows (0 at the end) or -1 with e filled; the caller owns the rows. */
int db_search_page(struct db *db, const char *query, const struct search_row *anchor, int dir,
		   int n, struct search_row *out, struct err *e);

/* The number of households the query matches (the whole list for NULL or
 * blank), counting at most limit (a cap keeps a keystroke fast; the result is
 * then limit).  Returns the count or -1. */
long long db_search_count(struct db *db, const char *query, long long limit, struct err *e);

/* Refiles the queued households now.  Returns 1 when the queue is empty
 * afterwards, 0 when another program held the write lock (nothing done),
 * -1 on error.  Within the caller's transaction it refiles in it. */
int db_search_sync(struct db *db, struct err *e);

/* Refiles the first few hundred queued households (a slice of a tenth of a
 * second or so), in a transaction of its own; for the TUI's idle moments.
 * Returns 1 when the queue is empty afterwards, 0 when households are left
 * or another program held the write lock, -1 on error. */
int db_search_idle(struct db *db, struct err *e);

/* Registers the SQL functions the search's statements call on connection
 * db (db_open does).  Returns 0 or -1. */
int db_search_functions(struct db *db, struct err *e);

/* Queues every household and refiles them all (after a bulk change, or to
 * repair).  Returns 0 or -1. */
int db_search_rebuild(struct db *db, struct err *e);

/* Bulk writing (an import), inside the caller's open transaction:
 * db_search_bulk_begin sets aside the triggers that queue every inserted
 * household and resident (db/schema.h says why); the writer then queues
 * with db_search_queue each household it inserted or added residents to
 * (updates are still queued by their triggers); db_search_bulk_end puts the
 * triggers back and, when refile is set, refiles the queue in the same
 * transaction (else the households stay queued, for db_search_idle: the
 * filter finds them meanwhile).  Each returns 0 or -1 with e (the caller rolls back: the triggers come
 * back with the rollback). */
int db_search_bulk_begin(struct db *db, struct err *e);
int db_search_queue(struct db *db, long long household_id, struct err *e);
/* Queues every household whose id is above after_id (those a bulk writer
 * inserted, ids only growing). */
int db_search_queue_after(struct db *db, long long after_id, struct err *e);
int db_search_bulk_end(struct db *db, int refile, struct err *e);

#endif

/* sql: statement helpers for the db/ modules (never included by tui/).
 *
 * Statements are prepared once per connection (SQLITE_PREPARE_PERSISTENT)
 * and kept in a cache keyed by their SQL text; db_stmt hands back a reset
 * statement with cleared bindings.  Named parameters (:name) are bound with
 * the sql_bind_* helpers, which take the name and accept NULL text as SQL
 * NULL. */
#ifndef DOORSTEP_SQL_H
#define DOORSTEP_SQL_H

#include <stddef.h>

#include <sqlite3.h>

#include "core/err.h"
#include "db/db.h"

/* The connection's handle. */
sqlite3 *db_handle(struct db *db);

/* The cached, reset statement for sql (a string literal: the pointer is the
 * cache key's first check, the text the second).  NULL with a message in e
 * when it does not prepare.  The statement belongs to the cache: do not
 * finalize it. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct err *e);

/* Runs SQL text with no parameters and no rows (schema, pragmas). */
int db_exec(struct db *db, const char *sql, struct err *e);

/* Bind by parameter name (":code").  A missing name is a programming error
 * and aborts the program (in every build); the helpers return 0 or -1. */
int sql_bind_text(sqlite3_stmt *st, const char *name, const char *v);
int sql_bind_int(sqlite3_stmt *st, const char *name, long long v);
int sql_bind_null(sqlite3_stmt *st, const char *name);
/* Binds v (NULL for NULL) to parameter number i, as a statement's numbered
 * ?N parameters are bound on hot paths: a name lookup per value costs a scan
 * of the statement's parameters. */
int sql_bind_text_at(sqlite3_stmt *st, int i, const char *v);
/* Binds v, or NULL when v is negative (optional foreign keys). */
int sql_bind_id(sqlite3_stmt *st, const char *name, long long v);
/* Binds v, or NULL when v is 0 (a temperature not measured). */
int sql_bind_nonzero(sqlite3_stmt *st, const char *name, long long v);

/* Steps a statement that returns no row; fills e from the connection on
 * failure (constraint errors keep SQLite's text after a readable prefix). */
int sql_step_done(struct db *db, sqlite3_stmt *st, struct err *e);

/* Steps once: 1 row, 0 done, -1 error (e filled). */
int sql_step_row(struct db *db, sqlite3_stmt *st, struct err *e);

/* Steps st (prepared and bound by the caller, who resets or finalizes it
 * after) to its end, copying the first ncols columns of each row into the
 * malloc'd *v, ncols entries a row and *n in all, a NULL as a copy of
 * null_as (NULL: it stays NULL).  The caller frees them with xfree_strv,
 * also after an error.  0, or -1 with e set from the connection after the
 * prefix what. */
int sql_collect_texts(struct db *db, sqlite3_stmt *st, int ncols, const char *null_as,
		      const char *what, char ***v, size_t *n, struct err *e);

/* A malloc'd copy of a text column (NULL for SQL NULL). */
char *sql_col_dup(sqlite3_stmt *st, int col);
/* Replaces the owned string *dst (freed; NULL is fine) with a malloc'd copy
 * of a text column, "" for NULL: the whole value, never cut. */
void sql_col_str(sqlite3_stmt *st, int col, char **dst);
/* Copies a fixed-format text column (a UUID, a date, a time, an enumeration
 * code) into buf (always NUL-terminated; "" for NULL).  Never for free text:
 * a value longer than buf would be cut. */
void sql_col_copy(sqlite3_stmt *st, int col, char *buf, size_t n);

/* Runs sql, a query of one row at most with the parameter :id bound to id
 * ("SELECT 1 FROM staff WHERE id = :id AND deleted_at IS NULL"): 1 a row,
 * 0 none, -1 error. */
int sql_exists_id(struct db *db, const char *sql, long long id, struct err *e);

/* A named parameter and its value, for the statements below:
 * SQLP_TEXT(":name", v) (NULL binds NULL), SQLP_INT(":id", v), SQLP_ID(":iid",
 * v) (NULL when v < 0, as sql_bind_id). */
struct sql_param {
	const char *name;
	char kind; /* 't', 'i', 'd' */
	long long i;
	const char *s;
};
#define SQLP_TEXT(n, v)                                                                            \
	{                                                                                          \
		n, 't', 0, (v)                                                                     \
	}
#define SQLP_INT(n, v)                                                                             \
	{                                                                                          \
		n, 'i', (v), NULL                                                                  \
	}
#define SQLP_ID(n, v)                                                                              \
	{                                                                                          \
		n, 'd', (v), NULL                                                                  \
	}

/* The cached statement of sql with the n parameters p bound: the caller
 * steps it (and resets it).  NULL with e filled when it does not prepare. */
sqlite3_stmt *sql_prep(struct db *db, const char *sql, const struct sql_param *p, size_t n,
		       struct err *e);

/* The query sql bound as sql_prep, stepped once and reset: 1 a row, 0
 * none (nothing of the row is read), -1 error. */
int sql_step_once(struct db *db, const char *sql, const struct sql_param *p, size_t n,
		  struct err *e);

/* The write sql bound as sql_prep, run to its end (sql_step_done): 0 or -1. */
int sql_run(struct db *db, const char *sql, const struct sql_param *p, size_t n, struct err *e);

/* The three with their parameters listed in the call:
 *	r = SQL_ONCE(db, e, "SELECT 1 FROM t WHERE code = :c AND id <> :id",
 *		     SQLP_TEXT(":c", code), SQLP_INT(":id", id)); */
#define SQL_PARAMS(...)                                                                            \
	(const struct sql_param[]){__VA_ARGS__},                                                   \
	    sizeof((const struct sql_param[]){__VA_ARGS__}) / sizeof(struct sql_param)
#define SQL_PREP(db, e, sql, ...) sql_prep(db, sql, SQL_PARAMS(__VA_ARGS__), e)
#define SQL_ONCE(db, e, sql, ...) sql_step_once(db, sql, SQL_PARAMS(__VA_ARGS__), e)
#define SQL_RUN(db, e, sql, ...)  sql_run(db, sql, SQL_PARAMS(__VA_ARGS__), e)

/* Steps st (a statement of sql_prep, reset after; NULL when it did not
 * prepare, e filled) once: with a row, its columns 0..n-1 into v and 1;
 * none 0 (v untouched); -1 error. */
int sql_row_ints(struct db *db, sqlite3_stmt *st, long long *v, int n, struct err *e);

/* Sets e from the connection's last error with a prefix. */
int sql_error(struct db *db, struct err *e, const char *what);

/* Steps st to its end, collecting the integer of column 0 of each row
 * into a malloc'd array (*ids, *n; the caller frees *ids, also on error).
 * Returns 0, or -1 with e filled. */
int sql_collect_ids(struct db *db, sqlite3_stmt *st, long long **ids, size_t *n, struct err *e);

/* Runs a single-row single-integer query with no parameters; -1 on error. */
long long sql_scalar(struct db *db, const char *sql, struct err *e);

/* The cached INSERT statement sql of a new record with its parameters
 * :uuid and :now bound to a fresh UUID and the time now, also copied into
 * the caller's uuid and now.  NULL with e filled when sql does not prepare. */
sqlite3_stmt *sql_insert_stmt(struct db *db, const char *sql, char uuid[37], char now[20],
			      struct err *e);

/* The cached UPDATE statement sql of one record, with its parameters :id
 * bound to id and :now to the time now.  NULL with e filled when sql does
 * not prepare. */
sqlite3_stmt *sql_update_stmt(struct db *db, const char *sql, long long id, struct err *e);

/* New record boilerplate: fresh UUID and "now" as the caller's buffers. */
void sql_new_record(char uuid[37], char now[20]);

/* A bulk writer's flush (db/households.h, db/residents.h): the rows staged
 * in temp.bulk_<table> (its columns cols) go into table with one INSERT ...
 * SELECT in the order order, each updated_at its created_at, where the
 * table's constraints, indexes and triggers apply; the stage is emptied.
 * 0 or -1. */
int sql_stage_flush(struct db *db, const char *table, const char *cols, const char *order,
		    struct err *e);

#endif

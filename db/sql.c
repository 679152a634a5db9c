/* sql: binding, stepping and reading helpers for the db/ modules; see sql.h
 * (the statement cache and the connection are db.c's). */
#include "db/sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/uuid.h"
#include "core/xalloc.h"

static int bind_index(sqlite3_stmt *st, const char *name)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i == 0) {
		fprintf(stderr, "doorstep: internal error: no parameter %s in %s\n", name,
			sqlite3_sql(st));
		abort();
	}
	return i;
}

int sql_bind_text(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = bind_index(st, name);

	return (v ? sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i)) ==
		       SQLITE_OK
		   ? 0
		   : -1;
}

int sql_bind_text_at(sqlite3_stmt *st, int i, const char *v)
{
	return (v ? sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i)) ==
		       SQLITE_OK
		   ? 0
		   : -1;
}

int sql_bind_int(sqlite3_stmt *st, const char *name, long long v)
{
	return sqlite3_bind_int64(st, bind_index(st, name), v) == SQLITE_OK ? 0 : -1;
}

int sql_bind_null(sqlite3_stmt *st, const char *name)
{
	return sqlite3_bind_null(st, bind_index(st, name)) == SQLITE_OK ? 0 : -1;
}

int sql_bind_id(sqlite3_stmt *st, const char *name, long long v)
{
	return v < 0 ? sql_bind_null(st, name) : sql_bind_int(st, name, v);
}

int sql_bind_nonzero(sqlite3_stmt *st, const char *name, long long v)
{
	return v ? sql_bind_int(st, name, v) : sql_bind_null(st, name);
}

int sql_step_row(struct db *db, sqlite3_stmt *st, struct err *e)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	sql_error(db, e, _("reading failed"));
	sqlite3_reset(st);
	return -1;
}

int sql_collect_texts(struct db *db, sqlite3_stmt *st, int ncols, const char *null_as,
		      const char *what, char ***v, size_t *n, struct err *e)
{
	size_t cap = 0;
	int rc;

	*v = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		XGROW(*v, cap, *n + (size_t)ncols, 16);
		for (int i = 0; i < ncols; i++) {
			const char *text = (const char *)sqlite3_column_text(st, i);

			(*v)[(*n)++] = xstrdup(text ? text : null_as);
		}
	}
	return rc == SQLITE_DONE ? 0 : sql_error(db, e, what);
}

char *sql_col_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t ? xstrdup((const char *)t) : NULL;
}

void sql_col_str(sqlite3_stmt *st, int col, char **dst)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	xstrset(dst, (const char *)t);
}

void sql_col_copy(sqlite3_stmt *st, int col, char *buf, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(buf, n, "%s", t ? (const char *)t : "");
}

int sql_collect_ids(struct db *db, sqlite3_stmt *st, long long **ids, size_t *n, struct err *e)
{
	size_t cap = 0;
	int r;

	*ids = NULL;
	*n = 0;
	while ((r = sql_step_row(db, st, e)) == 1) {
		XGROW(*ids, cap, *n + 1, 16);
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

sqlite3_stmt *sql_prep(struct db *db, const char *sql, const struct sql_param *p, size_t n,
		       struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);

	for (size_t i = 0; st && i < n; i++) {
		if (p[i].kind == 't')
			sql_bind_text(st, p[i].name, p[i].s);
		else if (p[i].kind == 'd')
			sql_bind_id(st, p[i].name, p[i].i);
		else
			sql_bind_int(st, p[i].name, p[i].i);
	}
	return st;
}

int sql_step_once(struct db *db, const char *sql, const struct sql_param *p, size_t n,
		  struct err *e)
{
	sqlite3_stmt *st = sql_prep(db, sql, p, n, e);
	int r;

	if (!st)
		return -1;
	r = sql_step_row(db, st, e);
	sqlite3_reset(st);
	return r;
}

int sql_run(struct db *db, const char *sql, const struct sql_param *p, size_t n, struct err *e)
{
	sqlite3_stmt *st = sql_prep(db, sql, p, n, e);

	return st ? sql_step_done(db, st, e) : -1;
}

int sql_row_ints(struct db *db, sqlite3_stmt *st, long long *v, int n, struct err *e)
{
	int r;

	if (!st)
		return -1;
	r = sql_step_row(db, st, e);
	for (int i = 0; r == 1 && i < n; i++)
		v[i] = sqlite3_column_int64(st, i);
	sqlite3_reset(st);
	return r;
}

int sql_exists_id(struct db *db, const char *sql, long long id, struct err *e)
{
	return SQL_ONCE(db, e, sql, SQLP_INT(":id", id));
}

long long sql_scalar(struct db *db, const char *sql, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
	long long v = -1;

	if (!st)
		return -1;
	if (sql_step_row(db, st, e) == 1)
		v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return v;
}

int sql_stage_flush(struct db *db, const char *table, const char *cols, const char *order,
		    struct err *e)
{
	char *sql = xasprintf("INSERT INTO %s(updated_at, %s) SELECT created_at, %s"
			      " FROM temp.bulk_%s ORDER BY %s; DELETE FROM temp.bulk_%s",
			      table, cols, cols, table, order, table);
	int r = db_exec(db, sql, e);

	free(sql);
	return r;
}

void sql_new_record(char uuid[37], char now[20])
{
	uuid_v7(uuid);
	clock_now(now);
}

sqlite3_stmt *sql_update_stmt(struct db *db, const char *sql, long long id, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char now[CLOCK_STR];

	if (!st)
		return NULL;
	clock_now(now);
	sql_bind_text(st, ":now", now);
	sql_bind_int(st, ":id", id);
	return st;
}

sqlite3_stmt *sql_insert_stmt(struct db *db, const char *sql, char uuid[37], char now[20],
			      struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);

	if (!st)
		return NULL;
	sql_new_record(uuid, now);
	sql_bind_text(st, ":uuid", uuid);
	sql_bind_text(st, ":now", now);
	return st;
}

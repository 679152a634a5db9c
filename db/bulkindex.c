/* bulkindex: secondary indexes set aside around a bulk insert; see
 * bulkindex.h. */
#include "db/bulkindex.h"

#include <stdlib.h>

#include "core/xalloc.h"
#include "db/db.h"
#include "db/sql.h"

/* The non-unique indexes of a table (SQLite's own, without a statement,
 * are the constraints' and stay), or the one index of a name. */
static const char *const select_sql[] = {
    "SELECT name, sql FROM main.sqlite_schema WHERE type = 'index'"
    " AND tbl_name = :t AND sql IS NOT NULL"
    " AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name",
    "SELECT name, sql FROM main.sqlite_schema WHERE type = 'index'"
    " AND name = :t AND sql IS NOT NULL",
};

/* Reads the names and statements of the indexes select_sql[by_name] finds
 * for t. */
static int collect(struct db *db, int by_name, const char *t, struct bulkindex *b, char ***names,
		   int *n, struct err *e)
{
	sqlite3_stmt *st = SQL_PREP(db, e, select_sql[by_name], SQLP_TEXT(":t", t));
	int r;

	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		*names = xrealloc(*names, (size_t)(*n + 1) * sizeof **names);
		b->sql = xrealloc(b->sql, (size_t)(b->n + 1) * sizeof *b->sql);
		(*names)[(*n)++] = sql_col_dup(st, 0);
		b->sql[b->n++] = sql_col_dup(st, 1);
	}
	sqlite3_reset(st);
	return r;
}

/* Drops the indexes that select_sql[by_name] finds for each of keys. */
static int drop(struct db *db, int by_name, const char *const *keys, struct bulkindex *b,
		struct err *e)
{
	char **names = NULL;
	int n = 0, r = 0;

	if (db_need_transaction(db, "indexes set aside", e) < 0)
		return -1;
	for (int k = 0; r == 0 && keys[k]; k++)
		r = collect(db, by_name, keys[k], b, &names, &n, e);
	for (int i = 0; r == 0 && i < n; i++) {
		char *sql = xasprintf("DROP INDEX main.\"%s\"", names[i]);

		r = db_exec(db, sql, e);
		free(sql);
	}
	xfree_strv(names, (size_t)n);
	return r < 0 ? -1 : 0;
}

int db_bulkindex_drop(struct db *db, const char *const *tables, struct bulkindex *b, struct err *e)
{
	return drop(db, 0, tables, b, e);
}

int db_bulkindex_drop_named(struct db *db, const char *const *names, struct bulkindex *b,
			    struct err *e)
{
	return drop(db, 1, names, b, e);
}

int db_bulkindex_restore(struct db *db, const struct bulkindex *b, struct err *e)
{
	for (int i = 0; i < b->n; i++)
		if (db_exec(db, b->sql[i], e) < 0)
			return -1;
	return 0;
}

void db_bulkindex_free(struct bulkindex *b)
{
	xfree_strv(b->sql, (size_t)b->n);
	b->sql = NULL;
	b->n = 0;
}

/* rowdesc: see rowdesc.h. */
#include "db/rowdesc.h"

#include <string.h>

#include "db/sql.h"

void rowdesc_read(sqlite3_stmt *st, const struct col_desc *cols, size_t n, void *row)
{
	char *base = row;

	for (size_t i = 0; i < n; i++) {
		void *p = base + cols[i].off;
		int c = (int)i;

		switch (cols[i].kind) {
		case COL_INT:
			*(long long *)p = sqlite3_column_int64(st, c);
			break;
		case COL_INT32:
			*(int *)p = sqlite3_column_int(st, c);
			break;
		case COL_REF:
			*(long long *)p = sqlite3_column_type(st, c) == SQLITE_NULL
					      ? -1
					      : sqlite3_column_int64(st, c);
			break;
		case COL_CODE:
			sql_col_copy(st, c, p, cols[i].size);
			break;
		case COL_STR:
			*(char **)p = NULL;
			sql_col_str(st, c, p);
			break;
		}
	}
}

int rowdesc_get(struct db *db, const char *sql, long long key, const struct col_desc *cols,
		size_t n, void *row, size_t row_size, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
	int r;

	if (!st)
		return -1;
	sql_bind_int(st, ":key", key);
	r = sql_step_row(db, st, e);
	if (r == 1) {
		memset(row, 0, row_size);
		rowdesc_read(st, cols, n, row);
	}
	sqlite3_reset(st);
	return r;
}

int rowdesc_page(struct db *db, const char *const sql[4], const char *anchor_date,
		 long long anchor_id, int dir, int n, const struct col_desc *cols, size_t ncols,
		 void *out, size_t row_size, struct err *e)
{
	const char *q = anchor_date ? (dir > 0 ? sql[2] : sql[3]) : (dir > 0 ? sql[0] : sql[1]);
	sqlite3_stmt *st = db_stmt(db, q, e);
	int r = 0, m = 0;

	if (!st)
		return -1;
	sql_bind_int(st, ":n", n);
	if (anchor_date) {
		sql_bind_text(st, ":date", anchor_date);
		sql_bind_int(st, ":id", anchor_id);
	}
	while (m < n && (r = sql_step_row(db, st, e)) == 1) {
		void *row = (char *)out + (size_t)m++ * row_size;

		memset(row, 0, row_size);
		rowdesc_read(st, cols, ncols, row);
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : m;
}

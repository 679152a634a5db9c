/* rowdesc: see rowdesc.h. */
#include "db/rowdesc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/namesort.h"
#include "core/xalloc.h"
#include "db/record.h"
#include "db/sql.h"

static int is_text(enum col_kind k)
{
	return k == COL_CODE || k == COL_STR || k == COL_DUP;
}

static int is_owned(enum col_kind k)
{
	return k == COL_STR || k == COL_DUP;
}

/* A text column's value in row: "" for NULL. */
static const char *text_of(const void *row, const struct col_desc *c)
{
	const char *p = (const char *)row + c->off;

	if (c->kind == COL_CODE)
		return p;
	p = *(char *const *)p;
	return p ? p : "";
}

/* An integer column's value in row. */
static long long int_of(const void *row, const struct col_desc *c)
{
	const char *p = (const char *)row + c->off;

	if (c->kind == COL_CHAR)
		return *p;
	return c->kind == COL_INT32 || c->kind == COL_OPT32 ? *(const int *)p
							    : *(const long long *)p;
}

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
		case COL_OPT32:
			*(int *)p = sqlite3_column_type(st, c) == SQLITE_NULL
					? -1
					: sqlite3_column_int(st, c);
			break;
		case COL_CHAR:
			*(char *)p =
			    sqlite3_column_text(st, c) ? (char)sqlite3_column_text(st, c)[0] : 0;
			break;
		case COL_DUP:
			*(char **)p = sql_col_dup(st, c);
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

int rowdesc_one(struct db *db, sqlite3_stmt *st, const struct col_desc *cols, size_t n, void *row,
		size_t row_size, struct err *e)
{
	int r = sql_step_row(db, st, e);

	if (r == 1) {
		memset(row, 0, row_size);
		rowdesc_read(st, cols, n, row);
	}
	sqlite3_reset(st);
	return r;
}

int rowdesc_get(struct db *db, const char *sql, long long key, const struct col_desc *cols,
		size_t n, void *row, size_t row_size, struct err *e)
{
	sqlite3_stmt *st = SQL_PREP(db, e, sql, SQLP_INT(":key", key));

	if (!st)
		return -1;
	return rowdesc_one(db, st, cols, n, row, row_size, e);
}

int rowdesc_find(struct db *db, const char *sql, const char *key, const struct col_desc *cols,
		 size_t n, void *row, size_t row_size, struct err *e)
{
	sqlite3_stmt *st = SQL_PREP(db, e, sql, SQLP_TEXT(":key", key));

	if (!st)
		return -1;
	return rowdesc_one(db, st, cols, n, row, row_size, e);
}

int rowdesc_collect(struct db *db, sqlite3_stmt *st, const struct col_desc *cols, size_t n,
		    void **v, int *count, size_t row_size, struct err *e)
{
	int cap = 0, r;
	char *rows = NULL;

	*v = NULL;
	*count = 0;
	while ((r = sql_step_row(db, st, e)) == 1) {
		if (*count == cap) {
			cap = (int)xgrow_cap((size_t)cap, (size_t)*count + 1, 16);
			rows = xrealloc(rows, (size_t)cap * row_size);
		}
		memset(rows + (size_t)*count * row_size, 0, row_size);
		rowdesc_read(st, cols, n, rows + (size_t)(*count)++ * row_size);
	}
	sqlite3_reset(st);
	if (r < 0) {
		rowdesc_free_rows(cols, n, rows, *count, row_size);
		*count = 0;
		return -1;
	}
	*v = rows;
	return 0;
}

void rowdesc_clear(const struct col_desc *cols, size_t n, void *row, size_t row_size)
{
	for (size_t i = 0; i < n; i++)
		if (is_owned(cols[i].kind))
			free(*(char **)((char *)row + cols[i].off));
	memset(row, 0, row_size);
}

void rowdesc_free_rows(const struct col_desc *cols, size_t n, void *rows, int count,
		       size_t row_size)
{
	for (int i = 0; i < count; i++)
		rowdesc_clear(cols, n, (char *)rows + (size_t)i * row_size, row_size);
	free(rows);
}

void rowdesc_copy(const struct col_desc *cols, size_t n, void *dst, const void *src,
		  size_t row_size)
{
	memcpy(dst, src, row_size);
	for (size_t i = 0; i < n; i++) {
		char **p = (char **)((char *)dst + cols[i].off);

		if (cols[i].kind == COL_STR || (cols[i].kind == COL_DUP && *p))
			*p = xstrdup(*p ? *p : "");
	}
}

struct name_key {
	char *key;
	long long id;
	int first, i;
};

static int name_key_cmp(const void *a, const void *b)
{
	const struct name_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (x->first != y->first)
		return y->first - x->first;
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

static void sort_by_name(void *rows, int n, size_t row_size, size_t name_off, size_t id_off,
			 long first_off)
{
	struct name_key *k;
	char *base = rows, *copy;

	if (n < 2)
		return;
	k = xmalloc((size_t)n * sizeof *k);
	for (int i = 0; i < n; i++) {
		char *row = base + (size_t)i * row_size;

		k[i].key = namesort_key(*(char **)(row + name_off));
		k[i].id = *(long long *)(row + id_off);
		k[i].first = first_off >= 0 ? *(int *)(row + first_off) : 0;
		k[i].i = i;
	}
	qsort(k, (size_t)n, sizeof *k, name_key_cmp);
	copy = xmalloc((size_t)n * row_size);
	memcpy(copy, rows, (size_t)n * row_size);
	for (int i = 0; i < n; i++) {
		memcpy(base + (size_t)i * row_size, copy + (size_t)k[i].i * row_size, row_size);
		free(k[i].key);
	}
	free(copy);
	free(k);
}

int rowdesc_collect_by_name(struct db *db, sqlite3_stmt *st, const struct col_desc *cols, size_t n,
			    void **rows, int *count, size_t row_size, size_t name_off,
			    size_t id_off, long first_off, struct err *e)
{
	int r = -1;

	*rows = NULL;
	*count = 0;
	if (st)
		r = rowdesc_collect(db, st, cols, n, rows, count, row_size, e);
	if (r == 0)
		sort_by_name(*rows, *count, row_size, name_off, id_off, first_off);
	return r;
}

void rowdesc_bind(sqlite3_stmt *st, const struct col_desc *cols, size_t n, const void *row)
{
	for (size_t i = 0; i < n; i++) {
		const struct col_desc *c = &cols[i];

		if (!c->param)
			continue;
		if (is_text(c->kind))
			sql_bind_text(st, c->param,
				      *text_of(row, c) || c->keep_empty ? text_of(row, c) : NULL);
		else if ((c->kind == COL_REF || c->kind == COL_OPT32) && int_of(row, c) < 0)
			sql_bind_null(st, c->param);
		else
			sql_bind_int(st, c->param, int_of(row, c));
	}
}

/* Appends the change of column c between the two rows when it differs:
 * 1 it did, 0 not (or a COL_REF without its table). */
static int diff_one(struct db *db, const void *old_row, const void *new_row,
		    const struct col_desc *c, struct strbuf *json)
{
	char a[24], b[24];

	if (is_text(c->kind)) {
		if (!strcmp(text_of(old_row, c), text_of(new_row, c)))
			return 0;
		json_add_change(json, c->name, text_of(old_row, c), text_of(new_row, c));
		return 1;
	}
	if (int_of(old_row, c) == int_of(new_row, c) || (c->kind == COL_REF && !c->ref))
		return 0;
	if (c->kind == COL_REF) {
		record_json_ref_change(db, json, c->name, c->ref, int_of(old_row, c),
				       int_of(new_row, c));
		return 1;
	}
	snprintf(a, sizeof a, "%lld", int_of(old_row, c));
	snprintf(b, sizeof b, "%lld", int_of(new_row, c));
	json_add_change(json, c->name, a, b);
	return 1;
}

int rowdesc_diff(struct db *db, const void *old_row, const void *new_row,
		 const struct col_desc *cols, size_t n, struct strbuf *json)
{
	int changed = 0;

	for (size_t i = 0; i < n; i++)
		if (cols[i].name)
			changed += diff_one(db, old_row, new_row, &cols[i], json);
	return changed;
}

void rowdesc_dump(struct db *db, const void *row, const struct col_desc *cols, size_t n,
		  struct strbuf *json)
{
	for (size_t i = 0; i < n; i++) {
		const struct col_desc *c = &cols[i];

		if (!c->name)
			continue;
		if (is_text(c->kind)) {
			if (*text_of(row, c) || c->keep_empty)
				json_add_str(json, c->name, text_of(row, c));
		} else if (c->kind == COL_REF) {
			if (c->ref && int_of(row, c) >= 0)
				record_json_ref(db, json, c->name, c->ref, int_of(row, c));
		} else if (c->kind != COL_OPT32 || int_of(row, c) >= 0) {
			json_add_int(json, c->name, int_of(row, c));
		}
	}
}

sqlite3_stmt *rowdesc_page_stmt(struct db *db, const char *const sql[4], int anchored, int dir,
				int n, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql[(anchored ? 2 : 0) + (dir > 0 ? 0 : 1)], e);

	if (st)
		sql_bind_int(st, ":n", n);
	return st;
}

int rowdesc_fill(struct db *db, sqlite3_stmt *st, int n, const struct col_desc *cols,
		 size_t ncols, void *out, size_t row_size, struct err *e)
{
	int r = 0, m = 0;

	while (m < n && (r = sql_step_row(db, st, e)) == 1) {
		void *row = (char *)out + (size_t)m++ * row_size;

		memset(row, 0, row_size);
		rowdesc_read(st, cols, ncols, row);
	}
	sqlite3_reset(st);
	if (r < 0) {
		while (m > 0)
			rowdesc_clear(cols, ncols, (char *)out + (size_t)--m * row_size, row_size);
		return -1;
	}
	return m;
}

int rowdesc_page(struct db *db, const char *const sql[4], const char *anchor_date,
		 long long anchor_id, int dir, int n, const struct col_desc *cols, size_t ncols,
		 void *out, size_t row_size, struct err *e)
{
	sqlite3_stmt *st = rowdesc_page_stmt(db, sql, anchor_date != NULL, dir, n, e);

	if (!st)
		return -1;
	if (anchor_date) {
		sql_bind_text(st, ":date", anchor_date);
		sql_bind_int(st, ":id", anchor_id);
	}
	return rowdesc_fill(db, st, n, cols, ncols, out, row_size, e);
}

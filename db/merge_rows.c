/* merge_rows: see merge_rows.h. */
#include "db/merge_rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/json.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/sql.h"

row_t mg_row_load(sqlite3_stmt *st, int n)
{
	row_t v = xcalloc((size_t)n, sizeof *v);

	for (int i = 0; i < n; i++) {
		v[i] = sqlite3_value_dup(sqlite3_column_value(st, i));
		if (!v[i]) {
			fprintf(stderr, "doorstep: out of memory\n");
			abort();
		}
	}
	return v;
}

void mg_row_free(row_t *v, int n)
{
	if (!*v)
		return;
	for (int i = 0; i < n; i++)
		sqlite3_value_free((*v)[i]);
	free(*v);
	*v = NULL;
}

/* Replaces value i of v with text, or NULL (sqlite3_value has no
 * constructor: the value comes out of a one-column statement). */
void mg_row_set_text(sqlite3_stmt *mkval, row_t v, int i, const char *text)
{
	sqlite3_value *nv;

	if (text)
		sqlite3_bind_text(mkval, 1, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(mkval, 1);
	sqlite3_step(mkval);
	nv = sqlite3_value_dup(sqlite3_column_value(mkval, 0));
	sqlite3_reset(mkval);
	if (!nv) {
		fprintf(stderr, "doorstep: out of memory\n");
		abort();
	}
	sqlite3_value_free(v[i]);
	v[i] = nv;
}

const char *mg_row_text(row_t v, int i)
{
	const unsigned char *t;

	if (i < 0)
		return "";
	t = sqlite3_value_text(v[i]);
	return t ? (const char *)t : "";
}

int mg_row_is_null(row_t v, int i)
{
	return sqlite3_value_type(v[i]) == SQLITE_NULL;
}

/* A total order on values: NULL < numbers < text < blob. */
int mg_value_cmp(sqlite3_value *a, sqlite3_value *b)
{
	static const int rank[] = {[SQLITE_NULL] = 0,
				   [SQLITE_INTEGER] = 1,
				   [SQLITE_FLOAT] = 1,
				   [SQLITE_TEXT] = 2,
				   [SQLITE_BLOB] = 3};
	int ta = sqlite3_value_type(a), tb = sqlite3_value_type(b);
	int na, nb, c;

	if (rank[ta] != rank[tb])
		return rank[ta] < rank[tb] ? -1 : 1;
	switch (rank[ta]) {
	case 0:
		return 0;
	case 1:
		if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER) {
			sqlite3_int64 x = sqlite3_value_int64(a), y = sqlite3_value_int64(b);

			return x < y ? -1 : x > y;
		} else {
			double x = sqlite3_value_double(a), y = sqlite3_value_double(b);

			return x < y ? -1 : x > y;
		}
	default:
		na = sqlite3_value_bytes(a);
		nb = sqlite3_value_bytes(b);
		c = memcmp(
		    rank[ta] == 2 ? (const void *)sqlite3_value_text(a) : sqlite3_value_blob(a),
		    rank[tb] == 2 ? (const void *)sqlite3_value_text(b) : sqlite3_value_blob(b),
		    (size_t)(na < nb ? na : nb));
		if (c)
			return c < 0 ? -1 : 1;
		return na < nb ? -1 : na > nb;
	}
}

int mg_row_cmp(const struct table *t, row_t a, row_t b)
{
	for (int i = 0; i < t->ncol; i++) {
		int c = mg_value_cmp(a[i], b[i]);

		if (c)
			return c;
	}
	return 0;
}

/* 1 when a and b differ only in updated_at and the deleted_at timestamp
 * (both live or both deleted). */
int mg_row_same_change(const struct table *t, row_t a, row_t b)
{
	if (mg_row_is_null(a, t->i_del) != mg_row_is_null(b, t->i_del))
		return 0;
	for (int i = 0; i < t->ncol; i++)
		if (i != t->i_upd && i != t->i_del && mg_value_cmp(a[i], b[i]))
			return 0;
	return 1;
}

struct merge_item *mg_report_item(struct merge_item **v, size_t *n, const char *table,
				  const char *uuid, const char *label)
{
	struct merge_item *it;

	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	it = &(*v)[(*n)++];
	memset(it, 0, sizeof *it);
	it->table = table ? table : "conflicts";
	if (uuid)
		snprintf(it->uuid, sizeof it->uuid, "%s", uuid);
	it->label = xstrdup(label);
	return it;
}

void mg_json_value(struct strbuf *b, const char *key, sqlite3_value *v)
{
	if (sqlite3_value_type(v) == SQLITE_INTEGER)
		json_add_int(b, key, sqlite3_value_int64(v));
	else if (sqlite3_value_type(v) == SQLITE_NULL)
		json_add_str(b, key, NULL);
	else
		json_add_str(b, key, (const char *)sqlite3_value_text(v));
}

sqlite3_stmt *mg_prepare(struct merge *m, const char *sql, struct err *e)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(m->h, sql, -1, &st, NULL) != SQLITE_OK) {
		sql_error(m->db, e, _("merge: a query failed to prepare"));
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

/* Steps a statement to its end; 0 or -1. */
int mg_step_done(struct merge *m, sqlite3_stmt *st, struct err *e)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	return sql_error(m->db, e, _("merge: writing failed"));
}

int mg_exec(struct merge *m, const char *sql, struct err *e)
{
	return db_exec(m->db, sql, e);
}

int mg_col_index(const struct table *t, const char *name)
{
	for (int i = 0; name && i < t->ncol; i++)
		if (!strcmp(t->cols[i].name, name))
			return i;
	return -1;
}

/* The SELECT list of a table's row from schema s (alias t), foreign keys as
 * their parent's UUID resolved through the joins. */
static void projection(struct strbuf *b, const struct table *t, const char *s)
{
	for (int i = 0; i < t->ncol; i++) {
		if (i)
			strbuf_puts(b, ", ");
		if (t->cols[i].parent)
			strbuf_printf(b,
				      "(SELECT coalesce(j.survivor, p.uuid) FROM %s.\"%s\" p"
				      " LEFT JOIN temp.merge_join j ON j.loser = p.uuid"
				      " WHERE p.id = t.\"%s\")",
				      s, t->cols[i].parent, t->cols[i].name);
		else
			strbuf_printf(b, "t.\"%s\"", t->cols[i].name);
	}
}

/* The value expression of column i bound to parameter n in this file. */
static void value_expr(struct strbuf *b, const struct table *t, int i, int n)
{
	if (t->cols[i].parent)
		strbuf_printf(b, "(SELECT id FROM main.\"%s\" WHERE uuid = ?%d)", t->cols[i].parent,
			      n);
	else
		strbuf_printf(b, "?%d", n);
}

int mg_table_load(struct merge *m, struct table *t, const struct table_def *def, struct err *e)
{
	sqlite3_stmt *st;
	struct strbuf b = STRBUF_INIT;
	int r = -1;

	t->def = def;
	st = mg_prepare(m, "SELECT name FROM pragma_table_info(?1) WHERE name <> 'id' ORDER BY cid",
			e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, def->name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		t->cols = xrealloc(t->cols, (size_t)(t->ncol + 1) * sizeof *t->cols);
		t->cols[t->ncol].name = xstrdup((const char *)sqlite3_column_text(st, 0));
		t->cols[t->ncol].parent = NULL;
		t->cols[t->ncol].limit = limits_find(def->name, t->cols[t->ncol].name);
		t->ncol++;
	}
	sqlite3_finalize(st);
	st = mg_prepare(m, "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, def->name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int i = mg_col_index(t, (const char *)sqlite3_column_text(st, 0));

		if (i >= 0)
			t->cols[i].parent = xstrdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	t->i_uuid = mg_col_index(t, "uuid");
	t->i_upd = mg_col_index(t, "updated_at");
	t->i_del = mg_col_index(t, "deleted_at");
	t->i_label = mg_col_index(t, def->label);
	t->i_keynull = mg_col_index(t, def->key_null);
	for (t->nkey = 0; t->nkey < 3 && def->key[t->nkey]; t->nkey++)
		t->i_key[t->nkey] = mg_col_index(t, def->key[t->nkey]);
	if (t->i_uuid < 0)
		return err_set(e, "internal error: table %s has no uuid", def->name);
	if (t - m->t == AUDIT_INDEX)
		return 0;
	if (t->i_upd < 0 || t->i_del < 0)
		return err_set(e, "internal error: table %s is not a record table", def->name);

	/* Known UUIDs first, then the new ones, each in the other file's order
	 * (so that isolations.previous_id finds its earlier isolation).  The
	 * ORDER BY sorts the whole result before the first row comes back, so
	 * the writes that follow cannot disturb the reading. */
	strbuf_puts(&b, "SELECT ");
	projection(&b, t, "other");
	strbuf_printf(&b, ", EXISTS (SELECT 1 FROM main.\"%s\" x WHERE x.uuid = t.uuid) AS known",
		      def->name);
	/* then, per column, whether it holds a value (a foreign key that holds
	 * one but finds no record points to one that does not exist) */
	for (int i = 0; i < t->ncol; i++)
		strbuf_printf(&b, ", t.\"%s\" IS NOT NULL", t->cols[i].name);
	strbuf_printf(&b, " FROM other.\"%s\" t ORDER BY known DESC, t.id", def->name);
	if (!(t->sel_other = mg_prepare(m, strbuf_str(&b), e)))
		goto out;
	strbuf_reset(&b);
	strbuf_puts(&b, "SELECT ");
	projection(&b, t, "main");
	strbuf_printf(&b, " FROM main.\"%s\" t WHERE t.uuid = ?%d", def->name, t->ncol + 1);
	if (!(t->sel_main = mg_prepare(m, strbuf_str(&b), e)))
		goto out;
	strbuf_reset(&b);
	strbuf_printf(&b, "INSERT INTO main.\"%s\" (", def->name);
	for (int i = 0; i < t->ncol; i++)
		strbuf_printf(&b, "%s\"%s\"", i ? ", " : "", t->cols[i].name);
	strbuf_puts(&b, ") VALUES (");
	for (int i = 0; i < t->ncol; i++) {
		if (i)
			strbuf_puts(&b, ", ");
		value_expr(&b, t, i, i + 1);
	}
	strbuf_puts(&b, ")");
	if (!(t->ins = mg_prepare(m, strbuf_str(&b), e)))
		goto out;
	strbuf_reset(&b);
	strbuf_printf(&b, "UPDATE main.\"%s\" SET ", def->name);
	for (int i = 0; i < t->ncol; i++) {
		strbuf_printf(&b, "%s\"%s\" = ", i ? ", " : "", t->cols[i].name);
		value_expr(&b, t, i, i + 1);
	}
	strbuf_printf(&b, " WHERE uuid = ?%d", t->i_uuid + 1);
	if (!(t->upd = mg_prepare(m, strbuf_str(&b), e)))
		goto out;
	if (t->nkey > 0) {
		strbuf_reset(&b);
		strbuf_puts(&b, "SELECT ");
		projection(&b, t, "main");
		strbuf_printf(&b, " FROM main.\"%s\" t WHERE t.uuid <> ?%d", def->name,
			      t->i_uuid + 1);
		if (!def->key_global)
			strbuf_puts(&b, " AND t.deleted_at IS NULL");
		if (t->i_keynull >= 0)
			strbuf_printf(&b, " AND t.\"%s\" IS NULL", def->key_null);
		for (int k = 0; k < t->nkey; k++) {
			strbuf_printf(&b, " AND t.\"%s\" = ", def->key[k]);
			value_expr(&b, t, t->i_key[k], t->i_key[k] + 1);
		}
		strbuf_puts(&b, " ORDER BY t.deleted_at IS NOT NULL, t.uuid LIMIT 1");
		if (!(t->dup = mg_prepare(m, strbuf_str(&b), e)))
			goto out;
	}
	r = 0;
out:
	strbuf_free(&b);
	return r;
}

void mg_table_free(struct table *t)
{
	sqlite3_finalize(t->sel_other);
	sqlite3_finalize(t->sel_main);
	sqlite3_finalize(t->ins);
	sqlite3_finalize(t->upd);
	sqlite3_finalize(t->dup);
	for (int i = 0; i < t->ncol; i++) {
		free(t->cols[i].name);
		free(t->cols[i].parent);
	}
	free(t->cols);
	memset(t, 0, sizeof *t);
}

void mg_bind_row(sqlite3_stmt *st, const struct table *t, row_t v)
{
	for (int i = 0; i < t->ncol; i++)
		sqlite3_bind_value(st, i + 1, v[i]);
}

/* Writes version v of a record: an insert when this file lacks its UUID. */
int mg_write_row(struct merge *m, struct table *t, row_t v, int exists, struct err *e)
{
	sqlite3_stmt *st = exists ? t->upd : t->ins;

	mg_bind_row(st, t, v);
	if (mg_step_done(m, st, e) < 0) {
		err_prefix(e, "%s %s %s", t->def->name, mg_row_text(v, t->i_uuid),
			   mg_row_text(v, t->i_label));
		return -1;
	}
	return 0;
}

/* Points every child of record `loser` of table t at `survivor` instead. */
int mg_repoint_children(struct merge *m, struct table *t, const char *loser, const char *survivor,
			struct err *e)
{
	const char *name = t->def->name;

	for (int c = 0; c < AUDIT_INDEX; c++) {
		for (int i = 0; i < m->t[c].ncol; i++) {
			char *sql;
			sqlite3_stmt *st;
			int r;

			if (!m->t[c].cols[i].parent || strcmp(m->t[c].cols[i].parent, name))
				continue;
			sql =
			    xasprintf("UPDATE main.\"%s\" SET \"%s\" = (SELECT id FROM main.\"%s\""
				      " WHERE uuid = ?2) WHERE \"%s\" = (SELECT id FROM main.\"%s\""
				      " WHERE uuid = ?1)",
				      m->t[c].def->name, m->t[c].cols[i].name, name,
				      m->t[c].cols[i].name, name);
			st = mg_prepare(m, sql, e);
			free(sql);
			if (!st)
				return -1;
			sqlite3_bind_text(st, 1, loser, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, survivor, -1, SQLITE_STATIC);
			r = mg_step_done(m, st, e);
			sqlite3_finalize(st);
			if (r < 0)
				return -1;
		}
	}
	return 0;
}

/* The SQL list "('insert', 'update', ...)" of the actions that change a
 * record (core/mergeplan). */
char *mg_change_actions_sql(void)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_putc(&b, '(');
	for (size_t i = 0; mergeplan_change_actions[i]; i++)
		strbuf_printf(&b, "%s'%s'", i ? ", " : "", mergeplan_change_actions[i]);
	strbuf_putc(&b, ')');
	return strbuf_detach(&b);
}

struct table *mg_table_named(struct merge *m, const char *name)
{
	for (int i = 0; i < AUDIT_INDEX; i++)
		if (!strcmp(m->t[i].def->name, name))
			return &m->t[i];
	return NULL;
}

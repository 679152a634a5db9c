/* merge: the merge engine; see merge.h and docs/merge.md.
 *
 * The tables' columns are read from the schema at run time (pragma
 * table_info and foreign_key_list), so a column added by a later migration
 * travels without a change here.  Each table is merged in two steps over the
 * other file's rows: the UUIDs this file knows (a decision between two
 * versions, core/mergeplan), then the new ones (inserted).  Whenever a
 * version is about to become live here, its natural key (household code, ID
 * number ...) is checked: a live record of another UUID with the same key is
 * a natural duplicate, and the two are joined (the smaller UUID survives).
 * Joins are remembered in the audit log ({"joined_into": uuid}, action
 * merge) and read back from both files into temp.merge_join, through which
 * every foreign key is resolved, so both machines agree on the survivor. */
#include "db/merge.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/limits.h"
#include "core/mask.h"
#include "core/recordcheck.h"
#include "core/strbuf.h"
#include "core/uuid.h"
#include "core/xalloc.h"
#include "db/conflicts.h"
#include "db/consistency.h"
#include "db/db.h"
#include "db/schema.h"
#include "db/sql.h"

/* A column pointing at the record a child cannot live without (a resident's
 * household, a reading's visit).  strict: `check` refuses a live child under
 * a deleted parent whatever happened, so the merge never leaves one;
 * otherwise only a change to the child made apart from the parent's deletion
 * brings the parent back (a deleted household keeps its earlier visits). */
struct within {
	const char *col;
	int strict;
};

/* What the code knows of each table beyond its columns (which are read from
 * the schema): the column shown in the report, the natural key that makes
 * two records duplicates, and the parents it lives within.  A table joins
 * the merge with one entry here, in dependency order (docs/merge.md). */
struct table_def {
	const char *name;
	const char *label;
	const char *key[3];   /* natural key columns (all non-NULL to apply) */
	const char *key_null; /* the key applies only while this column is NULL */
	int key_global;	      /* the key is unique over deleted records too */
	/* duplicates that differ in one of these are both kept (a fever is a
	 * fact, not a duplicate) */
	const char *facts[3];
	struct within within[2];
};

static const struct table_def defs[MERGE_TABLES] = {
    {.name = "staff", .label = "name", .key = {"name"}},
    {.name = "grids", .label = "name", .key = {"name"}},
    {.name = "households", .label = "code", .key = {"code"}},
    {.name = "residents",
     .label = "name",
     .key = {"id_number"},
     .within = {{"household_id", 1}}},
    {.name = "visits", .label = "at", .within = {{"household_id", 0}}},
    {.name = "readings",
     .label = "temperature",
     .within = {{"visit_id", 1}, {"resident_id", 0}}},
    {.name = "isolations",
     .label = "start_date",
     .key = {"resident_id"},
     .key_null = "end_date",
     .within = {{"resident_id", 0}}},
    {.name = "checks",
     .label = "date",
     .key = {"isolation_id", "date", "slot"},
     .facts = {"temperature", "symptoms"},
     .within = {{"isolation_id", 0}}},
    {.name = "followups", .label = "opened_at", .within = {{"resident_id", 0}}},
    {.name = "checkpoints", .label = "name", .key = {"name"}},
    {.name = "donations", .label = "receipt_no"},
    {.name = "distributions", .label = "item", .within = {{"household_id", 0}}},
    {.name = "expenditures", .label = "voucher_no"},
    {.name = "shifts", .label = "date", .within = {{"checkpoint_id", 0}}},
    {.name = "passes",
     .label = "pass_no",
     .key = {"pass_no"},
     .key_global = 1,
     .within = {{"household_id", 0}}},
    {.name = "pass_events", .label = "at", .within = {{"pass_id", 0}}},
    {.name = "visitors", .label = "time_in"},
    {.name = "conflicts", .label = "subject"},
    {.name = "audit_log"},
};

#define AUDIT_INDEX (MERGE_TABLES - 1)

struct col {
	char *name;
	char *parent; /* the table a foreign key points to, or NULL */
};

struct table {
	const struct table_def *def;
	int ncol;
	struct col *cols;
	int i_uuid, i_upd, i_del, i_label, i_keynull, nkey;
	int i_key[3];
	sqlite3_stmt *sel_other; /* every row of other, known UUIDs first */
	sqlite3_stmt *sel_main;	 /* this file's row by uuid (?1) */
	sqlite3_stmt *ins, *upd, *dup;
};

struct merge {
	struct db *db;
	sqlite3 *h;
	struct merge_report *r;
	struct table t[MERGE_TABLES];
	char now[CLOCK_STR];
	int other_version; /* the other file's schema before migrating its copy */
	sqlite3_stmt *unseen_this, *unseen_other, *join_add, *join_chain, *mkval;
};

/* A row: one dup'd value per column. */
typedef sqlite3_value **row_t;

static row_t row_load(sqlite3_stmt *st, int n)
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

static void row_free(row_t *v, int n)
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
static void row_set_text(sqlite3_stmt *mkval, row_t v, int i, const char *text)
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

static const char *row_text(row_t v, int i)
{
	const unsigned char *t;

	if (i < 0)
		return "";
	t = sqlite3_value_text(v[i]);
	return t ? (const char *)t : "";
}

static int row_is_null(row_t v, int i)
{
	return sqlite3_value_type(v[i]) == SQLITE_NULL;
}

/* A total order on values: NULL < numbers < text < blob. */
static int value_cmp(sqlite3_value *a, sqlite3_value *b)
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

static int row_cmp(const struct table *t, row_t a, row_t b)
{
	for (int i = 0; i < t->ncol; i++) {
		int c = value_cmp(a[i], b[i]);

		if (c)
			return c;
	}
	return 0;
}

/* 1 when a and b differ only in updated_at and the deleted_at timestamp
 * (both live or both deleted). */
static int row_same_change(const struct table *t, row_t a, row_t b)
{
	if (row_is_null(a, t->i_del) != row_is_null(b, t->i_del))
		return 0;
	for (int i = 0; i < t->ncol; i++)
		if (i != t->i_upd && i != t->i_del && value_cmp(a[i], b[i]))
			return 0;
	return 1;
}

static void json_value(struct strbuf *b, const char *key, sqlite3_value *v)
{
	if (sqlite3_value_type(v) == SQLITE_INTEGER)
		json_add_int(b, key, sqlite3_value_int64(v));
	else if (sqlite3_value_type(v) == SQLITE_NULL)
		json_add_str(b, key, NULL);
	else
		json_add_str(b, key, (const char *)sqlite3_value_text(v));
}

static sqlite3_stmt *prepare(struct merge *m, const char *sql, struct err *e)
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
static int step_done(struct merge *m, sqlite3_stmt *st, struct err *e)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	return sql_error(m->db, e, _("merge: writing failed"));
}

static int exec(struct merge *m, const char *sql, struct err *e)
{
	return db_exec(m->db, sql, e);
}

/* ---- the other file: a snapshot attached as "other" ---- */

/* A file: URI for path, so that mode=ro can be asked for. */
static char *file_uri(const char *path)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_puts(&b, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21)
			strbuf_printf(&b, "%%%02X", *p);
		else
			strbuf_putc(&b, (char)*p);
	}
	strbuf_puts(&b, "?mode=ro");
	return strbuf_detach(&b);
}

static int backup_all(sqlite3 *dst, const char *dst_name, sqlite3 *src, struct err *e)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, dst_name, src, "main");
	int rc;

	if (!b)
		return err_set(e, _("cannot copy the other database: %s"), sqlite3_errmsg(dst));
	while ((rc = sqlite3_backup_step(b, 1024)) == SQLITE_OK || rc == SQLITE_BUSY ||
	       rc == SQLITE_LOCKED)
		if (rc != SQLITE_OK)
			sqlite3_sleep(50);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return err_set(e, _("cannot copy the other database: %s"), sqlite3_errstr(rc));
	return 0;
}

/* A damaged other file is refused by its own name before anything is read
 * from it (SQLite's quick check of the copy). */
static int other_damaged(struct merge *m, const char *path, struct err *e)
{
	sqlite3_stmt *st = NULL;
	int ok, rc;

	/* CHECK constraints are left to the record checks, which name the
	 * record and the field. */
	sqlite3_exec(m->h, "PRAGMA ignore_check_constraints = 1", NULL, NULL, NULL);
	if (sqlite3_prepare_v2(m->h, "PRAGMA other.quick_check(1)", -1, &st, NULL) != SQLITE_OK) {
		err_set(e, _("%s is damaged (%s): nothing was merged"), path, sqlite3_errmsg(m->h));
		sqlite3_exec(m->h, "PRAGMA ignore_check_constraints = 0", NULL, NULL, NULL);
		sqlite3_finalize(st);
		return -1;
	}
	rc = sqlite3_step(st);
	ok = rc == SQLITE_ROW && sqlite3_column_text(st, 0) &&
	     !strcmp((const char *)sqlite3_column_text(st, 0), "ok");
	if (!ok)
		err_set(e, _("%s is damaged (%s): nothing was merged"), path,
			rc == SQLITE_ROW && sqlite3_column_text(st, 0)
			    ? (const char *)sqlite3_column_text(st, 0)
			    : sqlite3_errstr(rc));
	sqlite3_finalize(st);
	sqlite3_exec(m->h, "PRAGMA ignore_check_constraints = 0", NULL, NULL, NULL);
	return ok ? 0 : -1;
}

/* Opens path read-only and copies it into the schema "other" of m's
 * connection; an older schema is migrated in an in-memory copy first. */
static int attach_other(struct merge *m, const char *path, struct err *e)
{
	char *uri = file_uri(path);
	sqlite3 *src = NULL;
	sqlite3_stmt *st = NULL;
	struct db *mig = NULL;
	struct stat sb;
	int version = 0, r = -1;

	if (stat(path, &sb) < 0) {
		err_set(e, _("cannot open %s: %s"), path, strerror(errno));
		goto out;
	}
	if (!S_ISREG(sb.st_mode)) {
		err_set(e, _("%s is not a regular file"), path);
		goto out;
	}
	if (db_probe_identity(path, e) < 0)
		goto out;
	if (sqlite3_open_v2(uri, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK) {
		err_set(e, _("cannot open %s: %s"), path,
			src ? sqlite3_errmsg(src) : "out of memory");
		goto out;
	}
	sqlite3_busy_timeout(src, 10000);
	if (sqlite3_prepare_v2(src, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		err_set(e, _("%s is not a doorstep database (not an SQLite file, or damaged)"),
			path);
		goto out;
	}
	version = sqlite3_column_int(st, 0);
	m->other_version = version;
	if (version > schema_latest_version()) {
		err_set(e,
			_("%s was written by a newer doorstep (schema %d; this program knows up to "
			  "%d): update doorstep before merging it"),
			path, version, schema_latest_version());
		goto out;
	}
	if (version < 1) {
		err_set(e, _("%s is not a doorstep database"), path);
		goto out;
	}
	/* The other file's copy goes to a temporary file, not to memory
	 * (db_open's temp_store): a large community's copy is gigabytes. */
	if (exec(m, "PRAGMA temp_store = FILE", e) < 0 || exec(m, "ATTACH '' AS other", e) < 0)
		goto out;
	/* A merge touches every page of both: a cache that holds them saves
	 * most of the reads and writes (set back to SQLite's default at the end). */
	if (exec(m, "PRAGMA main.cache_size = -65536; PRAGMA other.cache_size = -65536", e) < 0)
		goto out;
	if (exec(m,
		 "CREATE TEMP TABLE IF NOT EXISTS merge_join(loser TEXT PRIMARY KEY,"
		 " survivor TEXT NOT NULL)",
		 e) < 0)
		goto out;
	if (version < schema_latest_version()) {
		/* Read it through the migrations without changing it. */
		if (db_open(&mig, NULL, DB_OPEN_MEMORY, e) < 0 ||
		    backup_all(db_handle(mig), "main", src, e) < 0 ||
		    schema_migrate(mig, version, e) < 0 ||
		    backup_all(m->h, "other", db_handle(mig), e) < 0) {
			err_prefix(e, "%s (schema %d)", path, version);
			goto out;
		}
	} else if (backup_all(m->h, "other", src, e) < 0) {
		goto out;
	}
	if (other_damaged(m, path, e) < 0)
		goto out;
	r = 0;
out:
	sqlite3_finalize(st);
	if (src)
		sqlite3_close_v2(src);
	db_close(&mig);
	free(uri);
	return r;
}

/* ---- tables ---- */

static int col_index(const struct table *t, const char *name)
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

static int table_load(struct merge *m, struct table *t, const struct table_def *def, struct err *e)
{
	sqlite3_stmt *st;
	struct strbuf b = STRBUF_INIT;
	int r = -1;

	t->def = def;
	st =
	    prepare(m, "SELECT name FROM pragma_table_info(?1) WHERE name <> 'id' ORDER BY cid", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, def->name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		t->cols = xrealloc(t->cols, (size_t)(t->ncol + 1) * sizeof *t->cols);
		t->cols[t->ncol].name = xstrdup((const char *)sqlite3_column_text(st, 0));
		t->cols[t->ncol].parent = NULL;
		t->ncol++;
	}
	sqlite3_finalize(st);
	st = prepare(m, "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, def->name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int i = col_index(t, (const char *)sqlite3_column_text(st, 0));

		if (i >= 0)
			t->cols[i].parent = xstrdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	t->i_uuid = col_index(t, "uuid");
	t->i_upd = col_index(t, "updated_at");
	t->i_del = col_index(t, "deleted_at");
	t->i_label = col_index(t, def->label);
	t->i_keynull = col_index(t, def->key_null);
	for (t->nkey = 0; t->nkey < 3 && def->key[t->nkey]; t->nkey++)
		t->i_key[t->nkey] = col_index(t, def->key[t->nkey]);
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
	if (!(t->sel_other = prepare(m, strbuf_str(&b), e)))
		goto out;
	strbuf_reset(&b);
	strbuf_puts(&b, "SELECT ");
	projection(&b, t, "main");
	strbuf_printf(&b, " FROM main.\"%s\" t WHERE t.uuid = ?%d", def->name, t->ncol + 1);
	if (!(t->sel_main = prepare(m, strbuf_str(&b), e)))
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
	if (!(t->ins = prepare(m, strbuf_str(&b), e)))
		goto out;
	strbuf_reset(&b);
	strbuf_printf(&b, "UPDATE main.\"%s\" SET ", def->name);
	for (int i = 0; i < t->ncol; i++) {
		strbuf_printf(&b, "%s\"%s\" = ", i ? ", " : "", t->cols[i].name);
		value_expr(&b, t, i, i + 1);
	}
	strbuf_printf(&b, " WHERE uuid = ?%d", t->i_uuid + 1);
	if (!(t->upd = prepare(m, strbuf_str(&b), e)))
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
		if (!(t->dup = prepare(m, strbuf_str(&b), e)))
			goto out;
	}
	r = 0;
out:
	strbuf_free(&b);
	return r;
}

static void table_free(struct table *t)
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

static void bind_row(sqlite3_stmt *st, const struct table *t, row_t v)
{
	for (int i = 0; i < t->ncol; i++)
		sqlite3_bind_value(st, i + 1, v[i]);
}

/* Writes version v of a record: an insert when this file lacks its UUID. */
static int write_row(struct merge *m, struct table *t, row_t v, int exists, struct err *e)
{
	sqlite3_stmt *st = exists ? t->upd : t->ins;

	bind_row(st, t, v);
	if (step_done(m, st, e) < 0) {
		err_prefix(e, "%s %s %s", t->def->name, row_text(v, t->i_uuid),
			   row_text(v, t->i_label));
		return -1;
	}
	return 0;
}

/* Points every child of record `loser` of table t at `survivor` instead. */
static int repoint_children(struct merge *m, struct table *t, const char *loser,
			    const char *survivor, struct err *e)
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
			st = prepare(m, sql, e);
			free(sql);
			if (!st)
				return -1;
			sqlite3_bind_text(st, 1, loser, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, survivor, -1, SQLITE_STATIC);
			r = step_done(m, st, e);
			sqlite3_finalize(st);
			if (r < 0)
				return -1;
		}
	}
	return 0;
}

static void report_join(struct merge *m, struct table *t, row_t loser, row_t survivor,
			const char *key)
{
	struct merge_report *r = m->r;
	struct merge_item *it;

	r->joins = xrealloc(r->joins, (r->njoins + 1) * sizeof *r->joins);
	it = &r->joins[r->njoins++];
	memset(it, 0, sizeof *it);
	it->table = t->def->name;
	snprintf(it->uuid, sizeof it->uuid, "%s", row_text(loser, t->i_uuid));
	snprintf(it->survivor, sizeof it->survivor, "%s", row_text(survivor, t->i_uuid));
	it->label = xstrdup(row_text(loser, t->i_label));
	it->survivor_label = xstrdup(row_text(survivor, t->i_label));
	it->key = xstrdup(key);
}

/* 1 when column i is the record's own typed value (not its identity or
 * timestamps). */
static int typed_col(const struct table *t, int i)
{
	return i != t->i_uuid && i != t->i_upd && i != t->i_del &&
	       strcmp(t->cols[i].name, "created_at");
}

static int value_empty(sqlite3_value *v)
{
	return sqlite3_value_type(v) == SQLITE_NULL ||
	       (sqlite3_value_type(v) == SQLITE_TEXT && sqlite3_value_bytes(v) == 0);
}

/* 1 when duplicates a and b differ in one of the table's facts. */
static int facts_differ(const struct table *t, row_t a, row_t b)
{
	for (int k = 0; k < 3 && t->def->facts[k]; k++) {
		int i = col_index(t, t->def->facts[k]);

		if (i >= 0 && value_cmp(a[i], b[i]))
			return 1;
	}
	return 0;
}

/* What the survivor of a join takes from the record joined away: each field
 * filled there only is copied (its change appended to fill as
 * `"col":[old,new]`), each that differs is appended to lost.  Returns the
 * number of fields filled. */
static int join_fields(const struct table *t, row_t winner, row_t loser, struct strbuf *fill,
		       struct strbuf *lost, int *differ)
{
	int filled = 0;

	for (int i = 0; i < t->ncol; i++) {
		sqlite3_value *nv;

		if (!typed_col(t, i) || value_empty(loser[i]) || !value_cmp(winner[i], loser[i]))
			continue;
		if (!value_empty(winner[i])) {
			json_value(lost, t->cols[i].name, loser[i]);
			(*differ)++;
			continue;
		}
		json_add_change(fill, t->cols[i].name, "", (const char *)sqlite3_value_text(loser[i]));
		nv = sqlite3_value_dup(loser[i]);
		if (!nv) {
			fprintf(stderr, "doorstep: out of memory\n");
			abort();
		}
		sqlite3_value_free(winner[i]);
		winner[i] = nv;
		filled++;
	}
	return filled;
}

/* A join that lost differing values is a conflict too: listed with the
 * survivor's UUID. */
static void report_join_conflict(struct merge *m, struct table *t, row_t winner, row_t loser,
				 int took_other)
{
	struct merge_report *r = m->r;
	struct merge_item *it;

	r->conflicts = xrealloc(r->conflicts, (r->nconflicts + 1) * sizeof *r->conflicts);
	it = &r->conflicts[r->nconflicts++];
	memset(it, 0, sizeof *it);
	it->table = t->def->name;
	snprintf(it->uuid, sizeof it->uuid, "%s", row_text(winner, t->i_uuid));
	it->label = xstrdup(row_text(winner, t->i_label));
	it->took_other = took_other;
	snprintf(it->this_at, sizeof it->this_at, "%s",
		 row_text(took_other ? loser : winner, t->i_upd));
	snprintf(it->other_at, sizeof it->other_at, "%s",
		 row_text(took_other ? winner : loser, t->i_upd));
	snprintf(it->survivor, sizeof it->survivor, "%s", row_text(loser, t->i_uuid));
}

/* Joins natural duplicates v (about to be written) and s (live here).
 * *v_lost: v was joined away; *differ: fields whose values differed (kept
 * in the audit row as lost); *kept_both: the two differ in a fact, so both
 * stay and nothing was written. */
static int join_pair(struct merge *m, struct table *t, row_t v, int v_exists, row_t s, int *v_lost,
		     int *differ, int *kept_both, struct err *e)
{
	struct strbuf key = STRBUF_INIT, ch = STRBUF_INIT, fill = STRBUF_INIT, lost = STRBUF_INIT;
	int v_wins, filled, r = -1;
	row_t loser, winner;

	if (facts_differ(t, v, s)) {
		*kept_both = 1;
		return 0;
	}

	if (t->def->key_global && row_is_null(v, t->i_del) != row_is_null(s, t->i_del))
		v_wins = row_is_null(v, t->i_del); /* a live record beats a deleted one */
	else
		v_wins = mergeplan_survives(row_text(v, t->i_uuid), row_text(s, t->i_uuid));
	loser = v_wins ? s : v;
	winner = v_wins ? v : s;
	for (int k = 0; k < t->nkey; k++) {
		const char *kv = row_text(v, t->i_key[k]);
		mask_fn mask = mask_for_field(t->def->key[k]);

		strbuf_printf(&key, "%s%s=", k ? ", " : "", t->def->key[k]);
		if (t->cols[t->i_key[k]].parent)
			strbuf_puts(&key, "same"); /* a parent's UUID says little to a reader */
		else if (mask) /* the report and the audit log show no full ID number */
			mask_append(mask, kv, &key);
		else
			strbuf_puts(&key, kv);
	}
	report_join(m, t, loser, winner, strbuf_str(&key));
	/* Nothing typed is thrown away: the survivor takes what only the
	 * other filled in; differing values are a conflict, kept as lost. */
	json_open(&fill);
	json_open(&lost);
	filled = join_fields(t, winner, loser, &fill, &lost, differ);
	json_add_str(&fill, "filled_from", row_text(loser, t->i_uuid));
	json_close(&fill);
	json_close(&lost);
	if (*differ)
		report_join_conflict(m, t, winner, loser, v_wins);
	/* Deleted as of its own last change: the same version whichever
	 * machine, and whichever pair of a larger group, makes the join. */
	if (row_is_null(loser, t->i_del)) {
		char *at = xstrdup(row_text(loser, t->i_upd));

		row_set_text(m->mkval, loser, t->i_del, at);
		free(at);
	}
	if (t->def->key_global) {
		/* Both rows must exist: the one joined away gives up its key. */
		char *renamed =
		    xasprintf("%s~%.8s", row_text(loser, t->i_key[0]), row_text(loser, t->i_uuid));

		row_set_text(m->mkval, loser, t->i_key[0], renamed);
		free(renamed);
	}
	if (v_wins) {
		if (write_row(m, t, s, 1, e) < 0 || write_row(m, t, v, v_exists, e) < 0)
			goto out;
	} else if (write_row(m, t, v, v_exists, e) < 0 || (filled && write_row(m, t, s, 1, e) < 0)) {
		goto out;
	}
	/* The fields filled are a change of the survivor (an update), so its
	 * fuller version wins on the machines that lack it. */
	if (filled && db_audit(m->db, "update", t->def->name, row_text(winner, t->i_uuid),
			       strbuf_str(&fill), e) < 0)
		goto out;
	if (repoint_children(m, t, row_text(loser, t->i_uuid), row_text(winner, t->i_uuid), e) < 0)
		goto out;
	/* Remember the join, here and (through the audit log) on every machine. */
	sqlite3_bind_text(m->join_add, 1, row_text(loser, t->i_uuid), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(m->join_add, 2, row_text(winner, t->i_uuid), -1, SQLITE_TRANSIENT);
	if (step_done(m, m->join_add, e) < 0)
		goto out;
	sqlite3_bind_text(m->join_chain, 1, row_text(loser, t->i_uuid), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(m->join_chain, 2, row_text(winner, t->i_uuid), -1, SQLITE_TRANSIENT);
	if (step_done(m, m->join_chain, e) < 0)
		goto out;
	json_open(&ch);
	json_add_str(&ch, "joined_into", row_text(winner, t->i_uuid));
	json_add_str(&ch, "key", strbuf_str(&key));
	json_add_str(&ch, "peer", m->r->other_uuid);
	if (*differ) {
		json_add_str(&ch, "conflict", "values differed: the survivor's are kept");
		strbuf_printf(&ch, ",\"lost\":%s", strbuf_str(&lost));
	}
	json_close(&ch);
	if (db_audit(m->db, "merge", t->def->name, row_text(loser, t->i_uuid), strbuf_str(&ch), e) <
	    0)
		goto out;
	*v_lost = !v_wins;
	r = 0;
out:
	strbuf_free(&key);
	strbuf_free(&ch);
	strbuf_free(&fill);
	strbuf_free(&lost);
	return r;
}

/* Writes version v, joining it with any natural duplicate live here first.
 * Returns the number of joins made, or -1; *differ counts the joins whose
 * values differed (conflicts). */
static int place_row(struct merge *m, struct table *t, row_t v, int exists, int *differ,
		     struct err *e)
{
	int joins = 0;

	for (;;) {
		row_t s = NULL;
		int rc, lost = 0, diff = 0, kept_both = 0;

		if (!t->dup || !row_is_null(v, t->i_del) ||
		    (t->i_keynull >= 0 && !row_is_null(v, t->i_keynull)))
			break;
		for (int k = 0; k < t->nkey; k++)
			if (row_is_null(v, t->i_key[k]))
				goto plain;
		bind_row(t->dup, t, v);
		rc = sqlite3_step(t->dup);
		if (rc == SQLITE_ROW)
			s = row_load(t->dup, t->ncol);
		sqlite3_reset(t->dup);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return sql_error(m->db, e, _("merge: reading failed"));
		if (!s)
			break;
		rc = join_pair(m, t, v, exists, s, &lost, &diff, &kept_both, e);
		row_free(&s, t->ncol);
		if (rc < 0)
			return -1;
		if (kept_both)
			break;
		joins++;
		*differ += diff > 0;
		exists = 1;
		if (lost || joins > 16)
			return joins;
	}
plain:
	if (joins > 0)
		return joins;
	return write_row(m, t, v, exists, e) < 0 ? -1 : 0;
}

static long unseen(sqlite3_stmt *st, const char *uuid)
{
	long n = -1;

	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

static int record_conflict(struct merge *m, struct table *t, row_t mine, row_t theirs,
			   int took_other, struct err *e)
{
	struct merge_report *r = m->r;
	struct merge_item *it;
	struct strbuf ch = STRBUF_INIT;
	row_t lost = took_other ? mine : theirs, won = took_other ? theirs : mine;
	int rc;

	r->conflicts = xrealloc(r->conflicts, (r->nconflicts + 1) * sizeof *r->conflicts);
	it = &r->conflicts[r->nconflicts++];
	memset(it, 0, sizeof *it);
	it->table = t->def->name;
	snprintf(it->uuid, sizeof it->uuid, "%s", row_text(mine, t->i_uuid));
	it->label = xstrdup(row_text(won, t->i_label));
	it->took_other = took_other;
	snprintf(it->this_at, sizeof it->this_at, "%s", row_text(mine, t->i_upd));
	snprintf(it->other_at, sizeof it->other_at, "%s", row_text(theirs, t->i_upd));

	/* The losing values, so that nothing typed is lost. */
	json_open(&ch);
	json_add_str(&ch, "conflict",
		     took_other ? "took the other machine's version"
				: "kept this machine's version");
	json_add_str(&ch, "peer", r->other_uuid);
	strbuf_puts(&ch, ",\"lost\":");
	json_open(&ch);
	for (int i = 0; i < t->ncol; i++)
		if (value_cmp(lost[i], won[i]))
			json_value(&ch, t->cols[i].name, lost[i]);
	json_close(&ch);
	json_close(&ch);
	rc = db_audit(m->db, "merge", t->def->name, row_text(mine, t->i_uuid), strbuf_str(&ch), e);
	strbuf_free(&ch);
	return rc;
}

/* Refuses a record of the other file that is invalid on its own: a field
 * against core/recordcheck's rules (unless the other file's schema is older
 * than the rule), a foreign key to a record that does not exist. */
static int validate_row(struct merge *m, struct table *t, row_t v, struct err *e)
{
	int i_type = col_index(t, "id_type");
	const char *why = NULL;
	int i, since;

	for (i = 0; i < t->ncol && !why; i++) {
		if (t->cols[i].parent) {
			if (row_is_null(v, i) && sqlite3_column_int(t->sel_other, t->ncol + 1 + i))
				why = N_("points to a record that does not exist");
			continue;
		}
		why = recordcheck_value(t->cols[i].name,
					row_is_null(v, i) ? NULL : row_text(v, i),
					i_type >= 0 && !row_is_null(v, i_type) ? row_text(v, i_type)
									    : NULL,
					&since);
		if (why && since > m->other_version)
			why = NULL;
	}
	if (!why)
		return 0;
	return err_field(e, t->cols[i - 1].name,
			 _("the other file's record %s %s is invalid: %s %s; nothing was merged"),
			 t->def->name, row_text(v, t->i_uuid), t->cols[i - 1].name, _(why));
}

static int merge_table(struct merge *m, struct table *t, struct mergeplan_counts *c, struct err *e)
{
	int rc, r = -1;

	while ((rc = sqlite3_step(t->sel_other)) == SQLITE_ROW) {
		row_t theirs = row_load(t->sel_other, t->ncol), mine = NULL;
		int known = sqlite3_column_int(t->sel_other, t->ncol);
		int j, differ = 0;

		if (known) {
			struct mergeplan_side a, b;
			struct mergeplan_decision d;

			sqlite3_bind_value(t->sel_main, t->ncol + 1, theirs[t->i_uuid]);
			if (sqlite3_step(t->sel_main) == SQLITE_ROW)
				mine = row_load(t->sel_main, t->ncol);
			sqlite3_reset(t->sel_main);
			if (!mine) {
				row_free(&theirs, t->ncol);
				sql_error(m->db, e, _("merge: reading failed"));
				goto out;
			}
			if (row_cmp(t, mine, theirs) == 0) {
				c->unchanged++;
				goto next;
			}
			a.updated_at = row_text(mine, t->i_upd);
			a.deleted = !row_is_null(mine, t->i_del);
			a.unseen = (int)unseen(m->unseen_this, row_text(mine, t->i_uuid));
			b.updated_at = row_text(theirs, t->i_upd);
			b.deleted = !row_is_null(theirs, t->i_del);
			b.unseen = (int)unseen(m->unseen_other, row_text(mine, t->i_uuid));
			if (a.unseen < 0 || b.unseen < 0) {
				sql_error(m->db, e, _("merge: reading the audit log failed"));
				goto fail;
			}
			d = mergeplan_decide(&a, &b, row_cmp(t, theirs, mine),
					     row_same_change(t, mine, theirs));
			if (d.conflict) {
				c->conflicts++;
				if (record_conflict(m, t, mine, theirs, d.choice == MERGEPLAN_TAKE,
						    e) < 0)
					goto fail;
			}
			if (d.choice == MERGEPLAN_KEEP) {
				c->unchanged++;
				goto next;
			}
			c->updated++;
		} else {
			c->added++;
		}
		if (validate_row(m, t, theirs, e) < 0)
			goto fail;
		j = place_row(m, t, theirs, known, &differ, e);
		if (j < 0)
			goto fail;
		c->joined += j;
		c->conflicts += differ;
	next:
		row_free(&theirs, t->ncol);
		row_free(&mine, t->ncol);
		continue;
	fail:
		row_free(&theirs, t->ncol);
		row_free(&mine, t->ncol);
		goto out;
	}
	if (rc != SQLITE_DONE) {
		sql_error(m->db, e, _("merge: reading the other database failed"));
		goto out;
	}
	r = 0;
out:
	sqlite3_reset(t->sel_other);
	return r;
}

/* ---- revivals: no live record within a deleted one ---- */

static char *change_actions_sql(void);

static struct table *table_named(struct merge *m, const char *name)
{
	for (int i = 0; i < AUDIT_INDEX; i++)
		if (!strcmp(m->t[i].def->name, name))
			return &m->t[i];
	return NULL;
}

/* SQL: the audit rows of record x (an expression) of actions acts in schema
 * s1 that schema s2 lacks exist. */
static void apart(struct strbuf *b, const char *s1, const char *s2, const char *x,
		  const char *acts)
{
	strbuf_printf(b,
		      "EXISTS (SELECT 1 FROM %s.audit_log a WHERE a.record_uuid = %s"
		      " AND a.action IN %s AND NOT EXISTS (SELECT 1 FROM %s.audit_log o"
		      " WHERE o.uuid = a.uuid))",
		      s1, x, acts, s2);
}

static void report_revival(struct merge *m, const struct table *t, const char *uuid,
			   const char *label, const char *by_table, const char *by_uuid,
			   const char *by_label)
{
	struct merge_report *r = m->r;
	struct merge_item *it;

	r->revivals = xrealloc(r->revivals, (r->nrevivals + 1) * sizeof *r->revivals);
	it = &r->revivals[r->nrevivals++];
	memset(it, 0, sizeof *it);
	it->table = t->def->name;
	snprintf(it->uuid, sizeof it->uuid, "%s", uuid);
	it->label = xstrdup(label);
	snprintf(it->survivor, sizeof it->survivor, "%s", by_uuid);
	it->survivor_label = xstrdup(by_label);
	it->key = xstrdup(by_table);
}

static int revive_took(struct merge *m, struct table *t, const char *uuid, const char *label,
		       struct err *e);

/* 1 when the record uuid of t is live here, 0 not, -1 error. */
static int record_live(struct merge *m, struct table *t, const char *uuid, struct err *e)
{
	char *sql = xasprintf("SELECT deleted_at IS NULL FROM main.\"%s\" WHERE uuid = ?1",
			      t->def->name);
	sqlite3_stmt *st = prepare(m, sql, e);
	int r = -1;

	free(sql);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		r = sqlite3_column_int(st, 0);
	else
		sql_error(m->db, e, _("merge: reading failed"));
	sqlite3_finalize(st);
	return r;
}

/* Brings the deleted record uuid of t back (its updated_at stays, so every
 * machine that brings it back writes the same version), audited as
 * an update; then the records its deletion took with it.  1 revived, 0 it
 * was live, -1 error. */
static int revive(struct merge *m, struct table *t, const char *uuid, const char *by_table,
		  const char *by_uuid, const char *by_label, struct err *e)
{
	struct strbuf ch = STRBUF_INIT;
	row_t v = NULL;
	char *label;
	int rc, differ = 0, live;

	sqlite3_bind_text(t->sel_main, t->ncol + 1, uuid, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(t->sel_main) == SQLITE_ROW)
		v = row_load(t->sel_main, t->ncol);
	sqlite3_reset(t->sel_main);
	if (!v || row_is_null(v, t->i_del)) {
		row_free(&v, t->ncol);
		return 0;
	}
	/* Written live through the natural-key check: a live duplicate that
	 * came meanwhile (the same ID number registered again) is joined. */
	row_set_text(m->mkval, v, t->i_del, NULL);
	label = xstrdup(row_text(v, t->i_label));
	rc = place_row(m, t, v, 1, &differ, e);
	row_free(&v, t->ncol);
	live = rc < 0 ? -1 : record_live(m, t, uuid, e);
	if (live <= 0) {
		free(label);
		return live < 0 ? -1 : 1; /* joined into the live duplicate */
	}
	report_revival(m, t, uuid, label, by_table, by_uuid, by_label);
	/* An update of deleted_at: a change like any other, so the version
	 * brought back wins over the deleted one on the machines that lack it. */
	json_open(&ch);
	strbuf_puts(&ch, "\"deleted_at\":[\"deleted\",null]");
	json_add_str(&ch, "revived_by_table", by_table);
	json_add_str(&ch, "revived_by", by_uuid);
	json_add_str(&ch, "peer", m->r->other_uuid);
	json_close(&ch);
	rc = db_audit(m->db, "update", t->def->name, uuid, strbuf_str(&ch), e);
	strbuf_free(&ch);
	if (rc == 0)
		rc = revive_took(m, t, uuid, label, e);
	free(label);
	return rc < 0 ? -1 : 1;
}

/* The records the last deletion of uuid took with it (its audit row's
 * {"took": {"residents": [uuid ...]}}), still deleted and unchanged since,
 * come back with it. */
static int revive_took(struct merge *m, struct table *t, const char *uuid, const char *label,
		       struct err *e)
{
	char *acts = change_actions_sql();
	char *sql = xasprintf(
	    "WITH d AS (SELECT at, changes FROM (SELECT at, uuid, changes FROM main.audit_log"
	    " WHERE record_uuid = ?1 AND action = 'delete' UNION SELECT at, uuid, changes"
	    " FROM other.audit_log WHERE record_uuid = ?1 AND action = 'delete')"
	    " WHERE json_valid(changes) ORDER BY at DESC, uuid DESC LIMIT 1)"
	    " SELECT k.key, v.value FROM d, json_each(d.changes, '$.took') k, json_each(k.value) v"
	    " WHERE NOT EXISTS (SELECT 1 FROM main.audit_log a WHERE a.record_uuid = v.value"
	    " AND a.action IN %s AND a.at > d.at) AND NOT EXISTS (SELECT 1 FROM other.audit_log a"
	    " WHERE a.record_uuid = v.value AND a.action IN %s AND a.at > d.at)"
	    " ORDER BY k.key, v.value",
	    acts, acts);
	sqlite3_stmt *st = prepare(m, sql, e);
	char **took = NULL;
	size_t n = 0;
	int rc, r = 0;

	free(sql);
	free(acts);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		took = xrealloc(took, (n + 2) * sizeof *took);
		took[n++] = xstrdup((const char *)sqlite3_column_text(st, 0));
		took[n++] = xstrdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		r = sql_error(m->db, e, _("merge: reading the audit log failed"));
	for (size_t i = 0; r == 0 && i < n; i += 2) {
		struct table *c = table_named(m, took[i]);

		if (c && revive(m, c, took[i + 1], t->def->name, uuid, label, e) < 0)
			r = -1;
	}
	for (size_t i = 0; i < n; i++)
		free(took[i]);
	free(took);
	return r;
}

/* One pass over a parent relation: each live record of t within a deleted
 * parent, where the relation is strict or the record was changed on one
 * side while the other deleted the parent, brings the parent back.
 * Returns the number of records revived, or -1. */
static int revive_within(struct merge *m, struct table *t, const struct within *w, struct err *e)
{
	int ci = col_index(t, w->col), rc, n = 0;
	struct strbuf b = STRBUF_INIT;
	char *acts = change_actions_sql();
	struct table *p;
	sqlite3_stmt *st;
	char **rows = NULL;
	size_t nrows = 0;

	if (ci < 0 || !t->cols[ci].parent || !(p = table_named(m, t->cols[ci].parent))) {
		free(acts);
		return 0;
	}
	strbuf_printf(&b,
		      "SELECT p.uuid, c.uuid, c.\"%s\" FROM main.\"%s\" c JOIN main.\"%s\" p"
		      " ON p.id = c.\"%s\" WHERE c.deleted_at IS NULL AND p.deleted_at IS NOT NULL"
		      " AND (%d OR (",
		      t->def->label, t->def->name, p->def->name, w->col, w->strict);
	apart(&b, "main", "other", "c.uuid", acts);
	strbuf_puts(&b, " AND ");
	apart(&b, "other", "main", "p.uuid", "('delete')");
	strbuf_puts(&b, ") OR (");
	apart(&b, "other", "main", "c.uuid", acts);
	strbuf_puts(&b, " AND ");
	apart(&b, "main", "other", "p.uuid", "('delete')");
	strbuf_puts(&b, ")) ORDER BY p.uuid, c.uuid");
	free(acts);
	st = prepare(m, strbuf_str(&b), e);
	strbuf_free(&b);
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows = xrealloc(rows, (nrows + 3) * sizeof *rows);
		for (int i = 0; i < 3; i++)
			rows[nrows++] = xstrdup(sqlite3_column_text(st, i)
						    ? (const char *)sqlite3_column_text(st, i)
						    : "");
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		n = sql_error(m->db, e, _("merge: reading failed"));
	for (size_t i = 0; n >= 0 && i < nrows; i += 3) {
		rc = revive(m, p, rows[i], t->def->name, rows[i + 1], rows[i + 2], e);
		n = rc < 0 ? -1 : n + rc;
	}
	for (size_t i = 0; i < nrows; i++)
		free(rows[i]);
	free(rows);
	return n;
}

/* Records live again here (an edit won over a deletion) whose deletion had
 * taken records with it: those come back too. */
static int revive_took_of_live(struct merge *m, struct err *e)
{
	sqlite3_stmt *st =
	    prepare(m,
		    "SELECT DISTINCT table_name, record_uuid FROM (SELECT table_name, record_uuid,"
		    " changes FROM main.audit_log WHERE action = 'delete' UNION ALL SELECT"
		    " table_name, record_uuid, changes FROM other.audit_log WHERE action = 'delete')"
		    " WHERE changes LIKE '%\"took\"%' ORDER BY table_name, record_uuid",
		    e);
	char **rows = NULL;
	size_t n = 0;
	int rc, r = 0;

	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows = xrealloc(rows, (n + 2) * sizeof *rows);
		rows[n++] = xstrdup((const char *)sqlite3_column_text(st, 0));
		rows[n++] = xstrdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		r = sql_error(m->db, e, _("merge: reading the audit log failed"));
	for (size_t i = 0; r == 0 && i < n; i += 2) {
		struct table *t = table_named(m, rows[i]);
		char *sql;
		sqlite3_stmt *q;
		char *label = NULL;

		if (!t)
			continue;
		sql = xasprintf("SELECT \"%s\" FROM main.\"%s\" WHERE uuid = ?1"
				" AND deleted_at IS NULL",
				t->def->label, t->def->name);
		q = prepare(m, sql, e);
		free(sql);
		if (!q) {
			r = -1;
			break;
		}
		sqlite3_bind_text(q, 1, rows[i + 1], -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			label = xstrdup(sqlite3_column_text(q, 0) ? (const char *)sqlite3_column_text(q, 0)
								  : "");
		sqlite3_finalize(q);
		if (label && revive_took(m, t, rows[i + 1], label, e) < 0)
			r = -1;
		free(label);
	}
	for (size_t i = 0; i < n; i++)
		free(rows[i]);
	free(rows);
	return r;
}

/* No live record is left within a deleted one: parents come back, passes
 * until nothing changes (a parent brought back may bring its own). */
static int revive_all(struct merge *m, struct err *e)
{
	if (revive_took_of_live(m, e) < 0)
		return -1;
	for (int pass = 0; pass < 16; pass++) {
		int changed = 0;

		for (int ti = 0; ti < AUDIT_INDEX; ti++)
			for (int w = 0; w < 2 && m->t[ti].def->within[w].col; w++) {
				int n = revive_within(m, &m->t[ti], &m->t[ti].def->within[w], e);

				if (n < 0)
					return -1;
				changed += n;
			}
		if (!changed)
			break;
	}
	return 0;
}

/* Rules the two sides broke together become open conflicts (stored and
 * listed in the report), never silent. */
static int store_conflicts(struct merge *m, struct err *e)
{
	char *subjects = NULL;
	int n = db_conflicts_detect(m->db, &subjects, e);

	if (n < 0)
		return -1;
	for (const char *p = subjects; p && *p; p += strlen(p) + 1) {
		struct merge_item *it;

		m->r->open = xrealloc(m->r->open, (m->r->nopen + 1) * sizeof *m->r->open);
		it = &m->r->open[m->r->nopen++];
		memset(it, 0, sizeof *it);
		it->table = "conflicts";
		it->label = xstrdup(p);
	}
	free(subjects);
	return 0;
}

/* Joins known from either file's audit log (earlier merges), resolved to
 * their final survivor. */
static int load_joins(struct merge *m, struct err *e)
{
	static const char *const fill[] = {
	    "INSERT OR IGNORE INTO temp.merge_join(loser, survivor)"
	    " SELECT record_uuid, json_extract(changes, '$.joined_into') FROM main.audit_log"
	    " WHERE action = 'merge' AND record_uuid IS NOT NULL AND json_valid(changes)"
	    " AND json_extract(changes, '$.joined_into') IS NOT NULL",
	    "INSERT OR IGNORE INTO temp.merge_join(loser, survivor)"
	    " SELECT record_uuid, json_extract(changes, '$.joined_into') FROM other.audit_log"
	    " WHERE action = 'merge' AND record_uuid IS NOT NULL AND json_valid(changes)"
	    " AND json_extract(changes, '$.joined_into') IS NOT NULL",
	};

	if (exec(m, "DELETE FROM temp.merge_join", e) < 0)
		return -1;
	for (size_t i = 0; i < sizeof fill / sizeof fill[0]; i++)
		if (exec(m, fill[i], e) < 0)
			return -1;
	/* A survivor may itself have been joined later: follow the chain (the
	 * survivor's UUID is always smaller, so chains end). */
	for (int i = 0; i < 64; i++) {
		if (exec(m,
			 "UPDATE temp.merge_join SET survivor = (SELECT j.survivor FROM"
			 " temp.merge_join j WHERE j.loser = merge_join.survivor)"
			 " WHERE survivor IN (SELECT loser FROM temp.merge_join)",
			 e) < 0)
			return -1;
		if (sqlite3_changes(m->h) == 0)
			break;
	}
	return 0;
}

/* Children of records joined on another machine point at the survivor here
 * too. */
static int repoint_known_joins(struct merge *m, struct err *e)
{
	for (int ti = 0; ti < AUDIT_INDEX; ti++) {
		struct table *t = &m->t[ti];
		char *sql;
		sqlite3_stmt *st;
		int rc;

		if (!t->nkey)
			continue;
		sql = xasprintf("SELECT j.loser, j.survivor FROM temp.merge_join j"
				" JOIN main.\"%s\" l ON l.uuid = j.loser"
				" JOIN main.\"%s\" s ON s.uuid = j.survivor",
				t->def->name, t->def->name);
		st = prepare(m, sql, e);
		free(sql);
		if (!st)
			return -1;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			char *l = xstrdup((const char *)sqlite3_column_text(st, 0));
			char *s = xstrdup((const char *)sqlite3_column_text(st, 1));

			rc = repoint_children(m, t, l, s, e);
			free(l);
			free(s);
			if (rc < 0) {
				sqlite3_finalize(st);
				return -1;
			}
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return sql_error(m->db, e, _("merge: reading failed"));
	}
	return 0;
}

static int append_audit(struct merge *m, long *added, struct err *e)
{
	if (exec(m,
		 "INSERT INTO main.audit_log(uuid, at, staff, action, table_name, record_uuid,"
		 " changes) SELECT uuid, at, staff, action, table_name, record_uuid, changes"
		 " FROM other.audit_log o WHERE NOT EXISTS"
		 " (SELECT 1 FROM main.audit_log a WHERE a.uuid = o.uuid) ORDER BY o.id",
		 e) < 0)
		return -1;
	*added = sqlite3_changes(m->h);
	return 0;
}

struct side_settings {
	int found;
	char uuid[37];
	char *community; /* malloc'd */
	char station;
};

static int read_settings(struct merge *m, const char *schema, struct side_settings *s,
			 struct err *e)
{
	char *sql = xasprintf("SELECT uuid, community, station FROM %s.settings"
			      " WHERE deleted_at IS NULL ORDER BY id LIMIT 1",
			      schema);
	sqlite3_stmt *st = prepare(m, sql, e);
	int rc;

	free(sql);
	memset(s, 0, sizeof *s);
	if (!st)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		s->found = 1;
		sql_col_copy(st, 0, s->uuid, sizeof s->uuid);
		sql_col_str(st, 1, &s->community);
		s->station =
		    (char)(sqlite3_column_text(st, 2) ? sqlite3_column_text(st, 2)[0] : 'A');
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(m->db, e, _("merge: reading the settings failed"));
	return 0;
}

/* A receipt number held by two different donations cannot be merged. */
static int check_receipts(struct merge *m, const char *path, struct err *e)
{
	sqlite3_stmt *st =
	    prepare(m,
		    "SELECT o.receipt_no FROM other.donations o JOIN main.donations d"
		    " ON d.receipt_no = o.receipt_no WHERE d.uuid <> o.uuid"
		    " ORDER BY o.receipt_no LIMIT 1",
		    e);
	int rc, r = 0;

	if (!st)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		r = err_set(
		    e,
		    _("receipt %s is a different donation in %s than here: the two machines "
		      "issued the same receipt numbers (one was copied instead of set up "
		      "with `doorstep init --from FILE --station S`); nothing was merged"),
		    sqlite3_column_text(st, 0), path);
	else if (rc != SQLITE_DONE)
		r = sql_error(m->db, e, _("merge: reading the donations failed"));
	sqlite3_finalize(st);
	return r;
}

/* A text over its column's limit (core/limits.h) that this database does not
 * already hold is refused, naming the record, the field and the limit: the
 * merge takes it whole or not at all, never cut.  (A value held here already,
 * an older row, is no news and is left to `check`.) */
static int check_limits(struct merge *m, const char *path, struct err *e)
{
	int r = 0;

	for (const struct text_limit *l = text_limits; l->table && !r; l++) {
		char *sql = xasprintf("SELECT o.uuid, length(o.\"%s\") FROM other.\"%s\" o"
				      " WHERE length(o.\"%s\") > %d AND NOT EXISTS (SELECT 1 FROM"
				      " main.\"%s\" h WHERE h.uuid = o.uuid AND h.\"%s\" IS o.\"%s\")"
				      " LIMIT 1",
				      l->column, l->table, l->column, l->max_chars, l->table,
				      l->column, l->column);
		sqlite3_stmt *st = prepare(m, sql, e);
		int rc;

		free(sql);
		if (!st)
			return -1;
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			r = err_set(e,
				    _("%s: the %s of %s record %s is %d characters long, over its "
				      "limit of %d; nothing was merged"),
				    path, _(l->label), l->table,
				    (const char *)sqlite3_column_text(st, 0),
				    sqlite3_column_int(st, 1), l->max_chars);
		else if (rc != SQLITE_DONE)
			r = sql_error(m->db, e, _("merge: reading the other file failed"));
		sqlite3_finalize(st);
	}
	return r;
}

static void merge_free(struct merge *m)
{
	for (int i = 0; i < MERGE_TABLES; i++)
		table_free(&m->t[i]);
	sqlite3_finalize(m->unseen_this);
	sqlite3_finalize(m->unseen_other);
	sqlite3_finalize(m->join_add);
	sqlite3_finalize(m->join_chain);
	sqlite3_finalize(m->mkval);
	m->unseen_this = m->unseen_other = m->join_add = m->join_chain = m->mkval = NULL;
}

/* The SQL list "('insert', 'update', ...)" of the actions that change a
 * record (core/mergeplan). */
static char *change_actions_sql(void)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_putc(&b, '(');
	for (size_t i = 0; mergeplan_change_actions[i]; i++)
		strbuf_printf(&b, "%s'%s'", i ? ", " : "", mergeplan_change_actions[i]);
	strbuf_putc(&b, ')');
	return strbuf_detach(&b);
}

static int prepare_all(struct merge *m, struct err *e)
{
	char *changes, *sql;

	for (int i = 0; i < MERGE_TABLES; i++) {
		if (table_load(m, &m->t[i], &defs[i], e) < 0)
			return -1;
		m->r->tables[i].table = defs[i].name;
	}
	/* Only rows that change the record count as unseen: not the merge's
	 * own rows (conflicts, joins), nor reveal, print or export. */
	changes = change_actions_sql();
	sql = xasprintf("SELECT count(*) FROM main.audit_log a WHERE a.record_uuid = ?1"
			" AND a.action IN %s AND NOT EXISTS"
			" (SELECT 1 FROM other.audit_log b WHERE b.uuid = a.uuid)",
			changes);
	m->unseen_this = prepare(m, sql, e);
	free(sql);
	sql = xasprintf("SELECT count(*) FROM other.audit_log a WHERE a.record_uuid = ?1"
			" AND a.action IN %s AND NOT EXISTS"
			" (SELECT 1 FROM main.audit_log b WHERE b.uuid = a.uuid)",
			changes);
	m->unseen_other = prepare(m, sql, e);
	free(sql);
	free(changes);
	m->join_add =
	    prepare(m, "INSERT OR REPLACE INTO temp.merge_join(loser, survivor) VALUES(?1, ?2)", e);
	m->join_chain =
	    prepare(m, "UPDATE temp.merge_join SET survivor = ?2 WHERE survivor = ?1", e);
	m->mkval = prepare(m, "SELECT ?1", e);
	return m->unseen_this && m->unseen_other && m->join_add && m->join_chain && m->mkval ? 0
											     : -1;
}

static int write_summary(struct merge *m, struct err *e)
{
	struct strbuf ch = STRBUF_INIT;
	char station[2] = {m->r->other_station, 0};
	int rc;

	json_open(&ch);
	json_add_str(&ch, "merged_from", station);
	json_add_int(&ch, "added", m->r->total.added);
	json_add_int(&ch, "updated", m->r->total.updated);
	json_add_int(&ch, "conflicts", m->r->total.conflicts);
	json_add_int(&ch, "joined", m->r->total.joined);
	json_add_int(&ch, "revived", (long long)m->r->nrevivals);
	json_add_int(&ch, "open_conflicts", (long long)m->r->nopen);
	json_close(&ch);
	rc = db_audit(m->db, "merge", "peers", m->r->other_uuid, strbuf_str(&ch), e);
	strbuf_free(&ch);
	return rc;
}

static int remember_peer(struct merge *m, struct err *e)
{
	sqlite3_stmt *st =
	    prepare(m,
		    "INSERT INTO main.peers(db_uuid, station, last_merged_at)"
		    " VALUES(?1, ?2, ?3) ON CONFLICT(db_uuid) DO UPDATE SET"
		    " station = excluded.station, last_merged_at = excluded.last_merged_at",
		    e);
	char station[2] = {m->r->other_station, 0};
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, m->r->other_uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, station, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->now, -1, SQLITE_STATIC);
	rc = step_done(m, st, e);
	sqlite3_finalize(st);
	return rc;
}

static int read_last_met(struct merge *m, struct err *e)
{
	sqlite3_stmt *st =
	    prepare(m, "SELECT last_merged_at FROM main.peers WHERE db_uuid = ?1", e);

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, m->r->other_uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		sql_col_copy(st, 0, m->r->last_met, sizeof m->r->last_met);
	sqlite3_finalize(st);
	return 0;
}

/* Copies the other's settings with a fresh UUID and the new station. */
static int copy_settings(struct merge *m, char station, struct err *e)
{
	sqlite3_stmt *st =
	    prepare(m,
		    "INSERT INTO main.settings(uuid, created_at, updated_at, community,"
		    " street, district, station, fever_threshold, isolation_days,"
		    " am_cutoff, pm_cutoff, outing_days, out_alert_hours)"
		    " SELECT ?1, ?2, ?2, community, street, district, ?3, fever_threshold,"
		    " isolation_days, am_cutoff, pm_cutoff, outing_days, out_alert_hours"
		    " FROM other.settings WHERE deleted_at IS NULL ORDER BY id LIMIT 1",
		    e);
	char uuid[UUID_STR], st_code[2] = {station, 0};
	struct strbuf ch = STRBUF_INIT;
	int rc;

	if (!st)
		return -1;
	uuid_v4(uuid);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, m->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, st_code, -1, SQLITE_STATIC);
	rc = step_done(m, st, e);
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	json_open(&ch);
	json_add_str(&ch, "community", m->r->other_community);
	json_add_str(&ch, "station", st_code);
	json_add_str(&ch, "copied_from", m->r->other_uuid);
	json_close(&ch);
	rc = db_audit(m->db, "insert", "settings", uuid, strbuf_str(&ch), e);
	strbuf_free(&ch);
	return rc;
}

/* `check`'s problems of this file, as a list of strings. */
struct problems {
	char **v;
	size_t n;
};

static void add_problem(const char *p, void *ctx)
{
	struct problems *ps = ctx;

	ps->v = xrealloc(ps->v, (ps->n + 1) * sizeof *ps->v);
	ps->v[ps->n++] = xstrdup(p);
}

static void problems_free(struct problems *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		free(ps->v[i]);
	free(ps->v);
	memset(ps, 0, sizeof *ps);
}

/* `check`'s problems of the file as it was before the merge: what a second
 * connection sees while the merge's transaction is open. */
static int problems_before(struct merge *m, struct problems *before, struct err *e)
{
	struct db *old = NULL;
	int r = db_open(&old, db_path(m->db), DB_OPEN_READONLY, e);

	if (r >= 0)
		r = db_consistency_check(old, add_problem, before, e);
	db_close(&old);
	return r < 0 ? -1 : 0;
}

/* A merge never leaves a problem `check` would find that was not there
 * before it: the last guard, after every rule above.  The file before is
 * checked only when the file after has a problem (a full check costs as
 * much as the merge); init --from's file was empty before. */
static int no_new_problem(struct merge *m, struct problems *before, int was_empty,
			  const char *path, struct err *e)
{
	struct problems after = {0};
	int r = 0;

	if (db_consistency_check(m->db, add_problem, &after, e) < 0)
		return -1;
	if (after.n > 0 && !was_empty && problems_before(m, before, e) < 0) {
		problems_free(&after);
		return -1;
	}
	for (size_t i = 0; i < after.n && r == 0; i++) {
		size_t k = 0;

		while (k < before->n && strcmp(before->v[k], after.v[i]))
			k++;
		if (k == before->n)
			r = err_set(e,
				    _("merging %s would leave this file inconsistent (%s); nothing "
				      "was merged"),
				    path, after.v[i]);
	}
	problems_free(&after);
	return r;
}

static int run(struct db *db, const char *path, const struct merge_opts *o, char init_station,
	       struct merge_report *r, struct err *e)
{
	struct merge m;
	struct side_settings me = {0}, them = {0};
	struct problems before = {0};
	int attached = 0, began = 0, rc = -1;

	memset(&m, 0, sizeof m);
	memset(r, 0, sizeof *r);
	m.db = db;
	m.h = db_handle(db);
	m.r = r;
	r->dry_run = o->dry_run;
	clock_now(m.now);
	if (db_in_transaction(db)) {
		err_set(e, "internal error: merge inside a transaction");
		return -1;
	}
	if (db_quick_check(db, e) < 0)
		return -1;
	if (attach_other(&m, path, e) < 0)
		goto out;
	attached = 1;
	if (read_settings(&m, "main", &me, e) < 0 || read_settings(&m, "other", &them, e) < 0)
		goto out;
	if (!them.found) {
		err_set(
		    e,
		    _("%s holds no community (it was never set up with `doorstep init`); nothing "
		      "was merged"),
		    path);
		goto out;
	}
	snprintf(r->other_uuid, sizeof r->other_uuid, "%s", them.uuid);
	r->other_community = xstrdup(them.community);
	r->other_station = them.station;
	if (init_station) {
		long long n;

		if (me.found) {
			err_set(e,
				_("%s already holds the community \"%s\": init --from needs a new, "
				  "empty database"),
				db_path(db), me.community);
			goto out;
		}
		n = sql_scalar(db,
			       "SELECT (SELECT count(*) FROM staff) + (SELECT count(*) FROM"
			       " households) + (SELECT count(*) FROM audit_log)",
			       e);
		if (n != 0) {
			if (n > 0)
				err_set(
				    e,
				    _("%s already holds records: init --from needs a new, empty "
				      "database"),
				    db_path(db));
			goto out;
		}
		if (init_station == them.station) {
			err_set(
			    e,
			    _("%s is station %c already: give this machine its own station code "
			      "(--station), so that receipt numbers stay unique"),
			    path, them.station);
			goto out;
		}
		r->this_station = init_station;
	} else {
		if (!me.found) {
			err_set(e,
				_("%s holds no community yet: set it up with `doorstep init --from "
				  "%s --station S` instead"),
				db_path(db), path);
			goto out;
		}
		r->this_station = me.station;
		r->same_database = !strcmp(me.uuid, them.uuid);
		if (strcmp(me.community, them.community) && !o->force) {
			err_set(
			    e,
			    _("%s belongs to the community \"%s\", this database to \"%s\": "
			      "nothing was merged (use --force if they are really one community)"),
			    path, them.community, me.community);
			goto out;
		}
		if (!r->same_database && me.station == them.station) {
			err_set(e,
				_("%s is also station %c: two machines of one station code would "
				  "issue the same receipt numbers; nothing was merged (set up each "
				  "machine with `doorstep init --from FILE --station S`)"),
				path, them.station);
			goto out;
		}
		if (read_last_met(&m, e) < 0)
			goto out;
	}
	if (check_receipts(&m, path, e) < 0 || check_limits(&m, path, e) < 0)
		goto out;
	if (prepare_all(&m, e) < 0) {
		err_prefix(e, _("%s does not hold the tables of a doorstep database (damaged?)"),
			   path);
		goto out;
	}

	if (db_begin(db, e) < 0)
		goto out;
	began = 1;
	if (load_joins(&m, e) < 0)
		goto out;
	if (init_station && copy_settings(&m, init_station, e) < 0)
		goto out;
	for (int i = 0; i < AUDIT_INDEX; i++) {
		if (merge_table(&m, &m.t[i], &r->tables[i].c, e) < 0)
			goto out;
		mergeplan_counts_add(&r->total, &r->tables[i].c);
	}
	if (repoint_known_joins(&m, e) < 0 || revive_all(&m, e) < 0 || store_conflicts(&m, e) < 0)
		goto out;
	if ((mergeplan_counts_changed(&r->total) || r->nrevivals || r->nopen) && !init_station &&
	    write_summary(&m, e) < 0)
		goto out;
	if (append_audit(&m, &r->tables[AUDIT_INDEX].c.added, e) < 0)
		goto out;
	if (!r->same_database && remember_peer(&m, e) < 0)
		goto out;
	if (no_new_problem(&m, &before, init_station != 0, path, e) < 0)
		goto out;
	if (o->dry_run) {
		db_rollback(db);
		began = 0;
		rc = 0;
		goto out;
	}
	began = 0;
	if (db_commit(db, e) < 0)
		goto out;
	rc = 0;
out:
	if (began)
		db_rollback(db);
	problems_free(&before);
	merge_free(&m);
	free(me.community);
	free(them.community);
	if (attached) {
		struct err ignore;

		err_clear(&ignore);
		exec(&m, "DROP TABLE IF EXISTS temp.merge_join", &ignore);
		exec(&m, "DETACH other", &ignore);
		exec(&m, "PRAGMA main.cache_size = -2000", &ignore);
	}
	sqlite3_exec(m.h, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
	return rc;
}

int db_merge(struct db *db, const char *other_path, const struct merge_opts *o,
	     struct merge_report *r, struct err *e)
{
	return run(db, other_path, o, 0, r, e);
}

int db_merge_init_from(struct db *db, const char *other_path, char station, struct merge_report *r,
		       struct err *e)
{
	struct merge_opts o = {0, 0};

	if (station < 'A' || station > 'Z')
		return err_set(e, _("the station code is one letter A-Z"));
	return run(db, other_path, &o, station, r, e);
}

static void item_free(struct merge_item *it)
{
	free(it->label);
	free(it->survivor_label);
	free(it->key);
}

void merge_report_free(struct merge_report *r)
{
	for (size_t i = 0; i < r->nconflicts; i++)
		item_free(&r->conflicts[i]);
	for (size_t i = 0; i < r->njoins; i++)
		item_free(&r->joins[i]);
	for (size_t i = 0; i < r->nrevivals; i++)
		item_free(&r->revivals[i]);
	for (size_t i = 0; i < r->nopen; i++)
		item_free(&r->open[i]);
	free(r->open);
	free(r->conflicts);
	free(r->joins);
	free(r->revivals);
	free(r->other_community);
	memset(r, 0, sizeof *r);
}

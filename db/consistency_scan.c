/* consistency_scan: one reading of each table for every row-by-row check;
 * see consistency_scan.h. */
#include "db/consistency_scan.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/limits.h"
#include "core/recordcheck.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "db/daytemps.h"
#include "db/db.h"
#include "db/sql.h"

/* The rules of one row against the rows it points to, checked in the pass
 * over its table: an SQL expression over the row (t) and the parent of each
 * of its foreign keys (joined as fk_<column>), NULL when the row is right,
 * else the problem. */
struct row_rule {
	const char *table;
	const char *expr;
};

static const struct row_rule row_rules[] = {
    /* A live reading belongs to a live visit, of its resident's household
     * (unless the resident moved or absorbed a duplicate of another
     * household in a merge: the audit says so). */
    {"readings",
     "CASE WHEN t.deleted_at IS NOT NULL THEN NULL"
     " WHEN fk_visit_id.deleted_at IS NOT NULL THEN 'readings: reading ' || t.uuid"
     " || ' belongs to deleted visit ' || fk_visit_id.uuid"
     " WHEN fk_resident_id.household_id <> fk_visit_id.household_id"
     " AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.record_uuid = fk_resident_id.uuid"
     " AND a.action = 'update' AND a.changes LIKE '%household%')"
     " AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'merge'"
     " AND a.table_name = 'residents'"
     " AND a.changes LIKE '%\"joined_into\":\"' || fk_resident_id.uuid || '\"%')"
     " THEN 'readings: reading ' || t.uuid || ' is of a resident of another household than"
     " its visit' END"},
    {"visits", "CASE WHEN substr(t.at, 1, 10) <> t.date THEN 'visits: visit ' || t.uuid"
	       " || ' has date ' || t.date || ' but time ' || t.at END"},
    {"residents", "CASE WHEN t.deleted_at IS NULL AND fk_household_id.deleted_at IS NOT NULL"
		  " THEN 'residents: ' || t.uuid || ' lives in deleted household '"
		  " || t.household_id END"},
};

/* What a row of a table feeds to a recount besides its checks: an SQL call
 * over the row and its parents that returns 0, evaluated for every row
 * before check_suspect.  The readings' pass tallies the per-date counters'
 * recount (db/daytemps.h), which would read them all again otherwise. */
static const struct row_rule row_feeds[] = {
    {"readings", "day_reading(fk_visit_id.id, fk_visit_id.date, fk_visit_id.household_id,"
		 " fk_visit_id.deleted_at, t.deleted_at, t.resident_id, t.temperature)"},
};

/* A statement for SQL built at run time (table names): prepared, not cached. */
static sqlite3_stmt *prepare(struct db *db, const char *sql, struct err *e)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK) {
		sql_error(db, e, _("check failed"));
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

/* Each foreign key of a table: its column, its parent, and the parent's key
 * when that key is the parent's rowid (an INTEGER PRIMARY KEY of a rowid
 * table: no index of origin 'pk') and the foreign key one column; NULL
 * otherwise. */
static const char fk_sql[] =
    "SELECT f.\"from\", f.\"table\", (SELECT p.name FROM pragma_table_info(f.\"table\") p"
    " WHERE p.pk = 1 AND upper(p.type) = 'INTEGER'"
    " AND (f.\"to\" IS NULL OR p.name = f.\"to\" COLLATE NOCASE)"
    " AND (SELECT count(*) FROM pragma_table_info(f.\"table\") WHERE pk > 0) = 1"
    " AND NOT EXISTS (SELECT 1 FROM pragma_index_list(f.\"table\") WHERE origin = 'pk')"
    " AND (SELECT count(*) FROM pragma_foreign_key_list(?1) g WHERE g.id = f.id) = 1)"
    " FROM pragma_foreign_key_list(?1) f WHERE f.seq = 0 ORDER BY f.id";

/* What one column is checked for besides its UTF-8. */
struct col_check {
	char *name;
	int limit;		    /* characters (core/limits.h); 0: none */
	enum recordcheck_rule rule; /* in a record (a table with a uuid) */
};

/* One table's pass. */
struct scan {
	const char *table;
	int rowid;		/* a rowid table (rows named by rowid, foreign keys joined) */
	struct col_check *cc;	/* per column of the table */
	int ncc;		/* the table's columns */
	int uuid_col, type_col; /* columns of the table, -1 when none */
	sqlite3_str *from;	/* the joins of the foreign keys */
	char **x;		/* the problems found in SQL: foreign keys, row rules */
	int nx;
	int fk_joined; /* every foreign key of the table is checked by a join */
	sqlite3_stmt *st;
	int first; /* the statement's column of the table's first column */
	const char *feed; /* the row's feed (row_feeds), or NULL */
	void (*report)(const char *, void *);
	void *ctx;
};

static void add_x(struct scan *sc, char *expr)
{
	sc->x = xrealloc(sc->x, (size_t)(sc->nx + 1) * sizeof *sc->x);
	sc->x[sc->nx++] = expr;
}

/* The joins of a table's foreign keys to rowid parents (aliased fk_<column>),
 * their problems (when every key of the table is joined: else
 * check_fk_pragma asks SQLite for the table) and the table's row rules. */
static int plan_joins(struct db *db, struct scan *sc, struct err *e)
{
	sqlite3_stmt *st = prepare(db, fk_sql, e);
	char **fk = NULL;
	int nfk = 0, r;

	sc->fk_joined = 1;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, sc->table, -1, SQLITE_STATIC);
	while ((r = sql_step_row(db, st, e)) == 1) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		const char *parent = (const char *)sqlite3_column_text(st, 1);
		const char *key = (const char *)sqlite3_column_text(st, 2);

		if (!key) {
			sc->fk_joined = 0;
			continue;
		}
		sqlite3_str_appendf(sc->from,
				    " LEFT JOIN \"%w\" AS \"fk_%w\" ON \"fk_%w\".\"%w\" = t.\"%w\"",
				    parent, col, col, key, col);
		fk = xrealloc(fk, (size_t)(nfk + 1) * sizeof *fk);
		fk[nfk++] = sqlite3_mprintf(
		    "CASE WHEN t.\"%w\" IS NOT NULL AND \"fk_%w\".\"%w\" IS NULL THEN"
		    " 'foreign key: %q row ' || t.rowid || ' points to a missing %q' END",
		    col, col, key, sc->table, parent);
	}
	sqlite3_finalize(st);
	for (int i = 0; i < nfk; i++) {
		if (r >= 0 && sc->fk_joined)
			add_x(sc, xstrdup(fk[i]));
		sqlite3_free(fk[i]);
	}
	free(fk);
	if (r < 0)
		return -1;
	for (size_t i = 0; i < sizeof row_rules / sizeof row_rules[0]; i++)
		if (!strcmp(row_rules[i].table, sc->table))
			add_x(sc, xstrdup(row_rules[i].expr));
	return 0;
}

/* 1 when the n bytes at s are ASCII without a NUL: valid UTF-8 of n
 * characters, which is nearly every value a check reads (uuids, times). */
static int plain_ascii(const unsigned char *s, size_t n)
{
	const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		if ((w & high) || ((w - ones) & ~w & high))
			return 0;
	}
	for (; i < n; i++)
		if (s[i] == 0 || s[i] >= 0x80)
			return 0;
	return 1;
}

/* What is wrong with one value of a column (t its SQLite type, v its text,
 * bytes its length, type the row's id_type): nothing (0), or 1 with *out
 * filled. */
struct verdict {
	int bad_utf8;
	size_t chars;	 /* over the column's limit, else 0 */
	const char *why; /* the record rule it breaks, else NULL */
};

static int judge(const struct col_check *cc, int t, const char *v, size_t bytes, const char *type,
		 struct verdict *out)
{
	int ascii = plain_ascii((const unsigned char *)v, bytes);

	out->bad_utf8 = t == SQLITE_TEXT && !ascii && !utf8_valid(v, bytes);
	out->chars = 0;
	/* A value of no more bytes than the limit holds no more characters. */
	if (cc->limit && bytes > (size_t)cc->limit) {
		size_t chars = ascii ? bytes : limits_chars(v);

		if (chars > (size_t)cc->limit)
			out->chars = chars;
	}
	out->why = cc->rule ? recordcheck_apply(cc->rule, v, type) : NULL;
	return out->bad_utf8 || out->chars || out->why;
}

/* Whether a value of type t needs judging at all. */
static int judged(const struct col_check *cc, int t)
{
	return t != SQLITE_NULL && (t == SQLITE_TEXT || cc->limit || cc->rule);
}

/* SQL function check_suspect(every column of the row): 1 when a value is
 * wrong (judge), else 0.  Only those rows come out of SQLite to
 * check_row, which says what is wrong: most rows never leave it. */
static void check_suspect(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const struct scan *sc = *(const struct scan **)sqlite3_user_data(cx);
	const char *type = NULL;
	struct verdict vd;

	if (!sc || argc != sc->ncc) {
		sqlite3_result_int(cx, 1);
		return;
	}
	if (sc->type_col >= 0)
		type = (const char *)sqlite3_value_text(argv[sc->type_col]);
	for (int c = 0; c < argc; c++) {
		int t = sqlite3_value_type(argv[c]);
		const char *v;

		if (!judged(&sc->cc[c], t))
			continue;
		v = (const char *)sqlite3_value_text(argv[c]);
		if (!v ||
		    judge(&sc->cc[c], t, v, (size_t)sqlite3_value_bytes(argv[c]), type, &vd)) {
			sqlite3_result_int(cx, 1);
			return;
		}
	}
	sqlite3_result_int(cx, 0);
}

static void problem(const struct scan *sc, char *msg)
{
	sc->report(msg, sc->ctx);
	free(msg);
}

/* Column c of the table in the current row: reports what judge finds.
 * Returns the problems found. */
static int check_value(const struct scan *sc, int c, const char *type)
{
	sqlite3_stmt *st = sc->st;
	const struct col_check *cc = &sc->cc[c];
	int i = sc->first + c, t = sqlite3_column_type(st, i), n = 0;
	const char *v;
	struct verdict vd;

	if (!judged(cc, t) || !(v = (const char *)sqlite3_column_text(st, i)) ||
	    !judge(cc, t, v, (size_t)sqlite3_column_bytes(st, i), type, &vd))
		return 0;
	if (vd.bad_utf8) {
		const char *row = (const char *)sqlite3_column_text(st, 0);

		problem(sc, xasprintf("%s: row %s, column %s is not valid UTF-8", sc->table,
				      row ? row : "?", cc->name));
		n++;
	}
	if (vd.chars) {
		problem(sc, xasprintf("%s: row %lld, column %s holds %zu characters, over its "
				      "limit of %d (kept as is; shorten it)",
				      sc->table, (long long)sqlite3_column_int64(st, 0), cc->name,
				      vd.chars, cc->limit));
		n++;
	}
	if (vd.why) {
		problem(sc,
			xasprintf("%s: %s %s: %s", sc->table,
				  (const char *)sqlite3_column_text(st, sc->first + sc->uuid_col),
				  cc->name, _(vd.why)));
		n++;
	}
	return n;
}

/* A row check_suspect or the SQL problems let out: every column, then the
 * problems the SQL found. */
static int check_row(const struct scan *sc)
{
	const char *type = NULL;
	int n = 0;

	if (sc->type_col >= 0)
		type = (const char *)sqlite3_column_text(sc->st, sc->first + sc->type_col);
	for (int c = 0; c < sc->ncc; c++)
		n += check_value(sc, c, type);
	for (int c = sc->first + sc->ncc; c < sc->first + sc->ncc + sc->nx; c++)
		if (sqlite3_column_type(sc->st, c) != SQLITE_NULL) {
			sc->report((const char *)sqlite3_column_text(sc->st, c), sc->ctx);
			n++;
		}
	return n;
}

/* The table's columns, their limits and rules. */
static int scan_columns(struct db *db, struct scan *sc, struct err *e)
{
	char *sql = sqlite3_mprintf("SELECT t.* FROM \"%w\" AS t", sc->table);
	sqlite3_stmt *st = prepare(db, sql, e);

	sqlite3_free(sql);
	if (!st)
		return -1;
	sc->ncc = sqlite3_column_count(st);
	sc->cc = xcalloc((size_t)sc->ncc, sizeof *sc->cc);
	sc->uuid_col = sc->type_col = -1;
	for (int c = 0; c < sc->ncc; c++) {
		const char *name = sqlite3_column_name(st, c);

		sc->cc[c].name = xstrdup(name);
		sc->cc[c].limit = limits_max(sc->table, name);
		sc->cc[c].rule = recordcheck_rule_of(name);
		if (!strcmp(name, "uuid"))
			sc->uuid_col = c;
		else if (!strcmp(name, "id_type"))
			sc->type_col = c;
	}
	sqlite3_finalize(st);
	/* Only a record (a table with a uuid) is held to the record rules. */
	for (int c = 0; sc->uuid_col < 0 && c < sc->ncc; c++)
		sc->cc[c].rule = RECORDCHECK_NONE;
	return 0;
}

/* SELECT [rowid,] every column, the SQL problems FROM the table and the
 * parents WHERE check_suspect or a problem says so. */
static char *scan_sql(const struct scan *sc, int filter)
{
	sqlite3_str *q = sqlite3_str_new(NULL);
	char *from = sqlite3_str_value(sc->from);

	sqlite3_str_appendf(q, "SELECT %st.*", sc->rowid ? "t.rowid, " : "");
	for (int i = 0; i < sc->nx; i++)
		sqlite3_str_appendf(q, ", %s", sc->x[i]);
	sqlite3_str_appendf(q, " FROM \"%w\" AS t%s", sc->table, from ? from : "");
	if (filter) {
		sqlite3_str_appendf(q, " WHERE %s%scheck_suspect(", sc->feed ? sc->feed : "",
				    sc->feed ? " OR " : "");
		for (int c = 0; c < sc->ncc; c++)
			sqlite3_str_appendf(q, "%st.\"%w\"", c ? ", " : "", sc->cc[c].name);
		sqlite3_str_appendall(q, ")");
		for (int i = 0; i < sc->nx; i++)
			sqlite3_str_appendf(q, " OR (%s) IS NOT NULL", sc->x[i]);
	}
	return sqlite3_str_finish(q);
}

/* PRAGMA foreign_key_check for one table, for keys no join could check. */
static int check_fk_pragma(struct db *db, const char *table, void (*report)(const char *, void *),
			   void *ctx, struct err *e)
{
	sqlite3_stmt *st =
	    db_stmt(db,
		    "SELECT 'foreign key: ' || \"table\" || ' row ' || ifnull(rowid, '?')"
		    " || ' points to a missing ' || parent"
		    " FROM pragma_foreign_key_check(?1)",
		    e);
	int n = 0, r;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
	while ((r = sql_step_row(db, st, e)) == 1) {
		report((const char *)sqlite3_column_text(st, 0), ctx);
		n++;
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : n;
}

static void scan_clear(struct scan *sc)
{
	sqlite3_finalize(sc->st);
	for (int c = 0; c < sc->ncc; c++)
		free(sc->cc[c].name);
	free(sc->cc);
	for (int i = 0; i < sc->nx; i++)
		free(sc->x[i]);
	free(sc->x);
	sqlite3_free(sqlite3_str_finish(sc->from));
}

/* One table, one pass; *cur is what check_suspect sees (NULL: no filter
 * function, every row comes out). */
static int scan_table(struct db *db, const char *table, int rowid, const struct scan **cur,
		      int feeds, void (*report)(const char *, void *), void *ctx, struct err *e)
{
	struct scan sc = {.table = table, .rowid = rowid, .report = report, .ctx = ctx};
	int n = 0, r = -1;
	char *sql;

	for (size_t i = 0; feeds && rowid && i < sizeof row_feeds / sizeof row_feeds[0]; i++)
		if (!strcmp(row_feeds[i].table, table))
			sc.feed = row_feeds[i].expr;

	sc.from = sqlite3_str_new(NULL);
	sc.fk_joined = !rowid ? 0 : 1;
	if (scan_columns(db, &sc, e) < 0 || (rowid && plan_joins(db, &sc, e) < 0))
		goto done;
	sql = scan_sql(&sc, cur != NULL);
	sc.st = prepare(db, sql, e);
	sqlite3_free(sql);
	if (!sc.st)
		goto done;
	sc.first = rowid ? 1 : 0;
	if (cur)
		*cur = &sc;
	while ((r = sql_step_row(db, sc.st, e)) == 1)
		n += check_row(&sc);
	if (cur)
		*cur = NULL;
	if (r >= 0 && !sc.fk_joined) {
		r = check_fk_pragma(db, table, report, ctx, e);
		n += r > 0 ? r : 0;
	}
done:
	scan_clear(&sc);
	return r < 0 ? -1 : n;
}

/* The tables, by name, and whether each has a rowid. */
static int list_tables(struct db *db, char ***tables, int **rowid, size_t *nt, struct err *e)
{
	sqlite3_stmt *st =
	    prepare(db,
		    "SELECT name, sql NOT LIKE '%WITHOUT ROWID%' FROM sqlite_schema"
		    " WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
		    e);
	int r;

	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		*tables = xrealloc(*tables, (*nt + 1) * sizeof **tables);
		*rowid = xrealloc(*rowid, (*nt + 1) * sizeof **rowid);
		(*rowid)[*nt] = sqlite3_column_int(st, 1);
		(*tables)[(*nt)++] = xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return r < 0 ? -1 : 0;
}

int consistency_scan(struct db *db, struct daytemps_tally *tl,
		     void (*report)(const char *problem, void *ctx), void *ctx, struct err *e)
{
	sqlite3 *h = db_handle(db);
	const struct scan **cur = xcalloc(1, sizeof *cur);
	char **tables = NULL;
	int *rowid = NULL;
	size_t nt = 0;
	int n = 0, r, feeds = 0;

	/* The filter lives as long as the connection wants it (freed by SQLite);
	 * if it cannot be made, every row goes through check_row. */
	if (sqlite3_create_function_v2(h, "check_suspect", -1, SQLITE_UTF8 | SQLITE_DIRECTONLY, cur,
				       check_suspect, NULL, NULL, free) != SQLITE_OK)
		cur = NULL;
	if (cur && tl &&
	    sqlite3_create_function_v2(h, "day_reading", 7, SQLITE_UTF8 | SQLITE_DIRECTONLY, tl,
				       db_daytemps_tally_sql, NULL, NULL, NULL) == SQLITE_OK)
		feeds = 1;
	r = list_tables(db, &tables, &rowid, &nt, e);
	for (size_t i = 0; i < nt && r >= 0; i++) {
		int k = scan_table(db, tables[i], rowid[i], cur, feeds, report, ctx, e);

		if (k < 0)
			r = -1;
		else
			n += k;
	}
	if (cur)
		sqlite3_create_function_v2(h, "check_suspect", -1, SQLITE_UTF8, NULL, NULL, NULL,
					   NULL, NULL);
	if (feeds)
		sqlite3_create_function_v2(h, "day_reading", 7, SQLITE_UTF8, NULL, NULL, NULL, NULL,
					   NULL);
	for (size_t i = 0; i < nt; i++)
		free(tables[i]);
	free(tables);
	free(rowid);
	return r < 0 ? -1 : n;
}

/* consistency: rules the schema cannot state, checked by queries.  Each
 * check is a query returning one text row per problem. */
#include "db/consistency.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/limits.h"
#include "core/natsort.h"
#include "core/recordcheck.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "db/daytemps.h"
#include "db/db.h"
#include "db/legacy.h"
#include "db/sql.h"

static const char *const checks[] = {
	"SELECT 'foreign key: ' || \"table\" || ' row ' || rowid || ' points to a missing '"
	" || parent FROM pragma_foreign_key_check",
	/* None is right in a database that was created and never set up (an
	 * init, demo or merge killed before its transaction committed): it
	 * holds nothing, and init or demo may still fill it. */
	"SELECT 'settings: ' || count(*) || ' live settings rows (expected 1)' FROM settings"
	" WHERE deleted_at IS NULL HAVING count(*) > 1 OR (count(*) = 0 AND EXISTS"
	" (SELECT 1 FROM staff UNION ALL SELECT 1 FROM households UNION ALL SELECT 1 FROM visits"
	" UNION ALL SELECT 1 FROM donations UNION ALL SELECT 1 FROM checkpoints))",
	/* Both rules of a live reading in one reading of the readings (the
	 * largest table: millions of rows in a large community). */
	"SELECT 'readings: reading ' || r.uuid || CASE WHEN v.deleted_at IS NOT NULL"
	" THEN ' belongs to deleted visit ' || v.uuid"
	" ELSE ' is of a resident of another household than its visit' END"
	" FROM readings r JOIN visits v ON v.id = r.visit_id LEFT JOIN residents p ON p.id = r.resident_id"
	" WHERE r.deleted_at IS NULL AND (v.deleted_at IS NOT NULL OR (p.household_id <> v.household_id"
	" AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.record_uuid = p.uuid AND a.action = 'update'"
	" AND a.changes LIKE '%household%')"
	/* or the resident absorbed a duplicate of another household (merge) */
	" AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'merge'"
	" AND a.table_name = 'residents'"
	" AND a.changes LIKE '%\"joined_into\":\"' || p.uuid || '\"%')))",
	"SELECT 'visits: visit ' || uuid || ' has date ' || date || ' but time ' || at"
	" FROM visits WHERE substr(at, 1, 10) <> date",
	"SELECT 'isolations: ' || uuid || ' ends (' || end_date || ') before it starts (' || start_date || ')'"
	" FROM isolations WHERE end_date IS NOT NULL AND end_date < start_date",
	"SELECT 'isolations: resident ' || resident_id || ' has ' || count(*) || ' active isolations'"
	" FROM isolations WHERE deleted_at IS NULL AND end_date IS NULL"
	" GROUP BY resident_id HAVING count(*) > 1",
	/* Two checks of one slot that differ are both kept by a merge (a fever
	 * is a fact, not a duplicate); two equal ones are a duplicate. */
	"SELECT 'checks: two checks in one slot: isolation ' || isolation_id || ' ' || date || ' ' || slot"
	" FROM checks WHERE deleted_at IS NULL GROUP BY isolation_id, date, slot, temperature, symptoms"
	" HAVING count(*) > 1",
	"SELECT 'donations: receipt ' || receipt_no || ' does not match its year, station and number'"
	" FROM donations WHERE receipt_no <> printf('%04d-%s-%04d', year, station, seq)",
	"SELECT 'donations: receipt ' || receipt_no || ' is deleted (donations are voided, never deleted)'"
	" FROM donations WHERE deleted_at IS NOT NULL",
	"SELECT 'donations: ' || receipt_no || ' is a ' || kind || ' donation without its amount or goods'"
	" FROM donations WHERE (kind = 'cash' AND amount_fen IS NULL)"
	" OR (kind = 'goods' AND (item IS NULL OR quantity IS NULL OR unit IS NULL))",
	/* A merge that found it stored a conflict: a warning until settled. */
	"SELECT 'stock: ' || item || ' (' || unit || ') is below zero: received '"
	" || received || ', distributed ' || distributed || ' (hundredths)'"
	" FROM stock_below_zero s WHERE NOT EXISTS (SELECT 1 FROM conflicts c"
	" WHERE c.kind = 'stock' AND c.subject = s.item || '|' || s.unit AND c.deleted_at IS NULL)",
	"SELECT 'residents: ' || uuid || ' lives in deleted household ' || household_id"
	" FROM residents p WHERE deleted_at IS NULL AND EXISTS (SELECT 1 FROM households h"
	" WHERE h.id = p.household_id AND h.deleted_at IS NOT NULL)",
	/* The triggers' row counters (db/stats.h) against a recount. */
	"SELECT 'row_counts: ' || a.name || ' has ' || a.n || ' rows, its counter says '"
	" || ifnull(c.n, 'nothing') FROM row_counts_actual a LEFT JOIN row_counts c"
	" ON c.name = a.name WHERE c.n IS NOT a.n",
	"SELECT 'pass_events: ' || uuid || ' is of a revoked or unknown pass' FROM pass_events e"
	" WHERE NOT EXISTS (SELECT 1 FROM passes p WHERE p.id = e.pass_id)",
	/* A merge that found it stored a conflict: a warning until settled. */
	"SELECT 'passes: pass ' || u.pass_no || ' was used to go out at ' || u.at"
	" || ' after it was revoked at ' || u.revoked_at FROM pass_used_revoked u"
	" WHERE NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.kind = 'pass'"
	" AND c.subject = u.pass_no AND c.deleted_at IS NULL)",
};

/* Household sort keys are computed in C, so they are checked in C. */
static int check_sort_keys(struct db *db, void (*report)(const char *, void *), void *ctx,
			   struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT code, sort_key FROM households", e);
	int n = 0, r;

	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		const char *key = (const char *)sqlite3_column_text(st, 1);
		char *want = natsort_key(code ? code : "");

		if (!key || strcmp(key, want)) {
			char *msg = xasprintf("households: %s has a stale sort key", code);

			report(msg, ctx);
			free(msg);
			n++;
		}
		free(want);
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : n;
}

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

static void problem(void (*report)(const char *, void *), void *ctx, char *msg)
{
	report(msg, ctx);
	free(msg);
}

/* What one column is checked for besides its UTF-8. */
struct col_check {
	int limit; /* characters (core/limits.h); 0: none */
	int rule;  /* core/recordcheck has a rule for it */
};

/* One row of check_table: each text value's UTF-8, each limited column's
 * length, each ruled column's value.  Returns the problems found. */
static int check_row(sqlite3_stmt *st, const char *table, int first, const struct col_check *cc,
		     int uuid_col, int type_col, void (*report)(const char *, void *), void *ctx)
{
	const char *type = type_col >= 0 ? (const char *)sqlite3_column_text(st, type_col) : NULL;
	int n = 0;

	for (int c = first; c < sqlite3_column_count(st); c++) {
		int t = sqlite3_column_type(st, c);
		const char *v, *why;
		size_t chars;

		if (t != SQLITE_TEXT && !cc[c].limit && !cc[c].rule)
			continue;
		v = (const char *)sqlite3_column_text(st, c);

		if (t == SQLITE_TEXT && v && !utf8_valid(v, (size_t)sqlite3_column_bytes(st, c))) {
			const char *row = (const char *)sqlite3_column_text(st, 0);

			problem(report, ctx,
				xasprintf("%s: row %s, column %s is not valid UTF-8", table,
					  row ? row : "?", sqlite3_column_name(st, c)));
			n++;
		}
		if (cc[c].limit && v && (chars = limits_chars(v)) > (size_t)cc[c].limit) {
			problem(report, ctx,
				xasprintf("%s: row %lld, column %s holds %zu characters, over its "
					  "limit of %d (kept as is; shorten it)",
					  table, (long long)sqlite3_column_int64(st, 0),
					  sqlite3_column_name(st, c), chars, cc[c].limit));
			n++;
		}
		if (cc[c].rule && (why = recordcheck_value(sqlite3_column_name(st, c), v, type, NULL))) {
			problem(report, ctx,
				xasprintf("%s: %s %s: %s", table,
					  (const char *)sqlite3_column_text(st, uuid_col),
					  sqlite3_column_name(st, c), _(why)));
			n++;
		}
	}
	return n;
}

/* Every row of one table in one pass (a large community's readings are
 * millions of rows: one reading of them, not one per kind of check):
 * invalid UTF-8 in any text value (a value cut in the middle of a character
 * by an older version, or written by another tool), text over its column's
 * limit (written by an older version or another tool, kept as it is,
 * reported so that someone shortens it) and, in a table of records (with a
 * uuid), values that break core/recordcheck's rules (a date that is not
 * one, an ID number with a wrong check digit ...).  A row is named by its
 * rowid, or in a WITHOUT ROWID table by its first column; a record by its
 * uuid. */
static int check_table(struct db *db, const char *table, int rowid,
		       void (*report)(const char *, void *), void *ctx, struct err *e)
{
	char *sql = xasprintf(rowid ? "SELECT rowid, * FROM \"%s\"" : "SELECT *, * FROM \"%s\"",
			      table);
	sqlite3_stmt *st = prepare(db, sql, e);
	struct col_check *cc;
	int n = 0, r, first, ncol, uuid_col = -1, type_col = -1;

	free(sql);
	if (!st)
		return -1;
	ncol = sqlite3_column_count(st);
	first = rowid ? 1 : ncol / 2;
	cc = xcalloc((size_t)ncol, sizeof *cc);
	for (int c = first; c < ncol; c++) {
		const char *name = sqlite3_column_name(st, c);

		cc[c].limit = limits_max(table, name);
		cc[c].rule = recordcheck_value(name, "", "id", NULL) != NULL;
		if (!strcmp(name, "uuid"))
			uuid_col = c;
		else if (!strcmp(name, "id_type"))
			type_col = c;
	}
	for (int c = first; uuid_col < 0 && c < ncol; c++)
		cc[c].rule = 0;
	while ((r = sql_step_row(db, st, e)) == 1)
		n += check_row(st, table, first, cc, uuid_col, type_col, report, ctx);
	sqlite3_finalize(st);
	free(cc);
	return r < 0 ? -1 : n;
}

/* check_table over every table. */
static int check_tables(struct db *db, void (*report)(const char *, void *), void *ctx,
			struct err *e)
{
	sqlite3_stmt *st = prepare(db,
				   "SELECT name, sql NOT LIKE '%WITHOUT ROWID%' FROM sqlite_schema"
				   " WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
				   e);
	char **tables = NULL;
	int *rowid = NULL;
	size_t nt = 0;
	int n = 0, r;

	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		tables = xrealloc(tables, (nt + 1) * sizeof *tables);
		rowid = xrealloc(rowid, (nt + 1) * sizeof *rowid);
		rowid[nt] = sqlite3_column_int(st, 1);
		tables[nt++] = xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < nt && r >= 0; i++) {
		int k = check_table(db, tables[i], rowid[i], report, ctx, e);

		if (k < 0)
			r = -1;
		else
			n += k;
	}
	for (size_t i = 0; i < nt; i++)
		free(tables[i]);
	free(tables);
	free(rowid);
	return r < 0 ? -1 : n;
}

int db_consistency_warnings(struct db *db, void (*report)(const char *problem, void *ctx),
			    void *ctx, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT 'conflict ' || substr(uuid, 1, 8) || ': ' || kind || ' '"
				   " || replace(subject, '|', ' ') || ', found by a merge, is open"
				   " (settle it on the Today screen)' FROM conflicts"
				   " WHERE deleted_at IS NULL AND resolved_at IS NULL"
				   " ORDER BY created_at, uuid",
				   e);
	int n = 0, r;

	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		report((const char *)sqlite3_column_text(st, 0), ctx);
		n++;
	}
	sqlite3_reset(st);
	if (r < 0)
		return -1;
	r = db_legacy_problems(db, report, ctx, e);
	return r < 0 ? -1 : n + r;
}

int db_consistency_check(struct db *db, void (*report)(const char *problem, void *ctx), void *ctx,
			 struct err *e)
{
	int problems = 0, r;

	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		sqlite3_stmt *st = db_stmt(db, checks[i], e);

		if (!st)
			return -1;
		while ((r = sql_step_row(db, st, e)) == 1) {
			report((const char *)sqlite3_column_text(st, 0), ctx);
			problems++;
		}
		sqlite3_reset(st);
		if (r < 0)
			return -1;
	}
	r = check_sort_keys(db, report, ctx, e);
	if (r < 0)
		return -1;
	problems += r;
	/* The day's temperature counters against a recount (about 1 s at
	 * 40,000 households). */
	r = db_daytemps_recount(db, report, ctx, e);
	if (r < 0)
		return -1;
	problems += r;
	r = check_tables(db, report, ctx, e);
	return r < 0 ? -1 : problems + r;
}

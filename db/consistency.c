/* consistency: rules the schema cannot state, checked by queries.  Each
 * check is a query returning one text row per problem. */
#include "db/consistency.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/limits.h"
#include "core/natsort.h"
#include "core/recordcheck.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "db/db.h"
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
	"SELECT 'readings: reading ' || r.uuid || ' belongs to deleted visit ' || v.uuid"
	" FROM readings r JOIN visits v ON v.id = r.visit_id"
	" WHERE r.deleted_at IS NULL AND v.deleted_at IS NOT NULL",
	"SELECT 'readings: reading ' || r.uuid || ' is of a resident of another household than its visit'"
	" FROM readings r JOIN visits v ON v.id = r.visit_id JOIN residents p ON p.id = r.resident_id"
	" WHERE r.deleted_at IS NULL AND v.deleted_at IS NULL AND p.household_id <> v.household_id"
	" AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.record_uuid = p.uuid AND a.action = 'update'"
	" AND a.changes LIKE '%household%')"
	/* or the resident absorbed a duplicate of another household (merge) */
	" AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'merge'"
	" AND a.table_name = 'residents'"
	" AND a.changes LIKE '%\"joined_into\":\"' || p.uuid || '\"%')",
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

/* Rows holding more characters than their column's limit (core/limits.h):
 * written by an older version or another tool, kept as they are, reported so
 * that someone shortens them. */
static int check_text_limits(struct db *db, void (*report)(const char *, void *), void *ctx,
			     struct err *e)
{
	int n = 0, r = 0;

	for (const struct text_limit *l = text_limits; l->table && r >= 0; l++) {
		char *sql = xasprintf("SELECT rowid, length(\"%s\") FROM \"%s\" WHERE length(\"%s\") > %d",
				      l->column, l->table, l->column, l->max_chars);
		sqlite3_stmt *st = prepare(db, sql, e);

		free(sql);
		if (!st)
			return -1;
		while ((r = sql_step_row(db, st, e)) == 1) {
			char *msg = xasprintf("%s: row %lld, column %s holds %lld characters, over its "
					      "limit of %d (kept as is; shorten it)",
					      l->table, (long long)sqlite3_column_int64(st, 0), l->column,
					      (long long)sqlite3_column_int64(st, 1), l->max_chars);

			report(msg, ctx);
			free(msg);
			n++;
		}
		sqlite3_finalize(st);
	}
	return r < 0 ? -1 : n;
}

/* Invalid UTF-8 in one table: every text value of every column.  A row is
 * named by its rowid, or in a WITHOUT ROWID table by its first column. */
static int check_utf8_table(struct db *db, const char *table, int rowid,
			    void (*report)(const char *, void *), void *ctx, struct err *e)
{
	char *sql = xasprintf(rowid ? "SELECT rowid, * FROM \"%s\"" : "SELECT *, * FROM \"%s\"",
			      table);
	sqlite3_stmt *st = prepare(db, sql, e);
	int n = 0, r, first;

	free(sql);
	if (!st)
		return -1;
	first = rowid ? 1 : sqlite3_column_count(st) / 2;
	while ((r = sql_step_row(db, st, e)) == 1) {
		for (int c = first; c < sqlite3_column_count(st); c++) {
			const char *v, *row;
			char *msg;

			if (sqlite3_column_type(st, c) != SQLITE_TEXT)
				continue;
			v = (const char *)sqlite3_column_text(st, c);
			if (!v || utf8_valid(v, (size_t)sqlite3_column_bytes(st, c)))
				continue;
			row = (const char *)sqlite3_column_text(st, 0);
			msg = xasprintf("%s: row %s, column %s is not valid UTF-8", table,
					row ? row : "?", sqlite3_column_name(st, c));
			report(msg, ctx);
			free(msg);
			n++;
		}
	}
	sqlite3_finalize(st);
	return r < 0 ? -1 : n;
}

/* Invalid UTF-8 in any text column of any table (a value cut in the middle of
 * a character by an older version, or written by another tool). */
static int check_utf8(struct db *db, void (*report)(const char *, void *), void *ctx,
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
		int k = check_utf8_table(db, tables[i], rowid[i], report, ctx, e);

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

/* The values of one table that break core/recordcheck's rules (a date that
 * is not one, an ID number with a wrong check digit ...); one problem each.
 * Only the columns a rule applies to are read. */
static int check_table_values(struct db *db, const char *table,
			      void (*report)(const char *, void *), void *ctx, struct err *e)
{
	sqlite3 *h = db_handle(db);
	sqlite3_stmt *st = NULL;
	struct strbuf q = STRBUF_INIT;
	char *sql = xasprintf("SELECT name FROM pragma_table_info('%s') ORDER BY cid", table);
	int ncol = 0, has_type = 0, n = 0, rc;

	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK) {
		free(sql);
		return sql_error(db, e, "check");
	}
	free(sql);
	strbuf_puts(&q, "SELECT uuid, ");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);

		if (!strcmp(col, "id_type"))
			has_type = 1;
		if (recordcheck_value(col, "", "id", NULL))
			strbuf_printf(&q, "%s\"%s\"", ncol++ ? ", " : "", col);
	}
	sqlite3_finalize(st);
	if (!ncol) {
		strbuf_free(&q);
		return 0;
	}
	strbuf_printf(&q, ", %s FROM \"%s\"", has_type ? "id_type" : "NULL", table);
	rc = sqlite3_prepare_v2(h, strbuf_str(&q), -1, &st, NULL);
	strbuf_free(&q);
	if (rc != SQLITE_OK)
		return sql_error(db, e, "check");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, ncol + 1);

		for (int i = 1; i <= ncol; i++) {
			const char *why = recordcheck_value(sqlite3_column_name(st, i),
							    (const char *)sqlite3_column_text(st, i),
							    type, NULL);

			if (why) {
				char *msg = xasprintf("%s: %s %s: %s", table,
						      (const char *)sqlite3_column_text(st, 0),
						      sqlite3_column_name(st, i), _(why));

				report(msg, ctx);
				free(msg);
				n++;
			}
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_error(db, e, "check");
	return n;
}

/* Every record table's values against the record rules. */
static int check_values(struct db *db, void (*report)(const char *, void *), void *ctx,
			struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT m.name FROM sqlite_schema m WHERE m.type = 'table'"
				   " AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c"
				   " WHERE c.name = 'uuid') ORDER BY m.name",
				   e);
	char **tables = NULL;
	size_t n = 0;
	int r, total = 0;

	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		tables = xrealloc(tables, (n + 1) * sizeof *tables);
		tables[n++] = sql_col_dup(st, 0);
	}
	sqlite3_reset(st);
	for (size_t i = 0; r == 0 && i < n; i++) {
		int k = check_table_values(db, tables[i], report, ctx, e);

		if (k < 0)
			r = -1;
		else
			total += k;
	}
	for (size_t i = 0; i < n; i++)
		free(tables[i]);
	free(tables);
	return r < 0 ? -1 : total;
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
	return r < 0 ? -1 : n;
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
	r = check_text_limits(db, report, ctx, e);
	if (r < 0)
		return -1;
	problems += r;
	r = check_utf8(db, report, ctx, e);
	if (r < 0)
		return -1;
	problems += r;
	r = check_values(db, report, ctx, e);
	return r < 0 ? -1 : problems + r;
}

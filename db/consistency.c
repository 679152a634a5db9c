/* consistency: rules the schema cannot state, checked by queries.  Each
 * check is a query returning one text row per problem. */
#include "db/consistency.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/natsort.h"
#include "core/xalloc.h"
#include "db/consistency_scan.h"
#include "db/daytemps.h"
#include "db/db.h"
#include "db/legacy.h"
#include "db/sql.h"

static const char *const checks[] = {
    /* None is right in a database that was created and never set up (an
     * init, demo or merge killed before its transaction committed): it
     * holds nothing, and init or demo may still fill it. */
    "SELECT 'settings: ' || count(*) || ' live settings rows (expected 1)' FROM settings"
    " WHERE deleted_at IS NULL HAVING count(*) > 1 OR (count(*) = 0 AND EXISTS"
    " (SELECT 1 FROM staff UNION ALL SELECT 1 FROM households UNION ALL SELECT 1 FROM visits"
    " UNION ALL SELECT 1 FROM donations UNION ALL SELECT 1 FROM checkpoints))",
    "SELECT 'isolations: ' || uuid || ' ends (' || end_date || ') before it starts (' || "
    "start_date || ')'"
    " FROM isolations WHERE end_date IS NOT NULL AND end_date < start_date",
    "SELECT 'isolations: resident ' || resident_id || ' has ' || count(*) || ' active isolations'"
    " FROM isolations WHERE deleted_at IS NULL AND end_date IS NULL"
    " GROUP BY resident_id HAVING count(*) > 1",
    /* Two checks of one slot that differ are both kept by a merge (a fever
     * is a fact, not a duplicate); two equal ones are a duplicate. */
    "SELECT 'checks: two checks in one slot: isolation ' || isolation_id || ' ' || date || ' ' || "
    "slot"
    " FROM checks WHERE deleted_at IS NULL GROUP BY isolation_id, date, slot, temperature, symptoms"
    " HAVING count(*) > 1",
    "SELECT 'donations: receipt ' || receipt_no || ' does not match its year, station and number'"
    " FROM donations WHERE receipt_no <> printf('%04d-%s-%04d', year, station, seq)",
    "SELECT 'donations: receipt ' || receipt_no || ' is deleted (donations are voided, never "
    "deleted)'"
    " FROM donations WHERE deleted_at IS NOT NULL",
    "SELECT 'donations: ' || receipt_no || ' is a ' || kind || ' donation without its amount or "
    "goods'"
    " FROM donations WHERE (kind = 'cash' AND amount_fen IS NULL)"
    " OR (kind = 'goods' AND (item IS NULL OR quantity IS NULL OR unit IS NULL))",
    /* A merge that found it stored a conflict: a warning until settled. */
    "SELECT 'stock: ' || item || ' (' || unit || ') is below zero: received '"
    " || received || ', distributed ' || distributed || ' (hundredths)'"
    " FROM stock_below_zero s WHERE NOT EXISTS (SELECT 1 FROM conflicts c"
    " WHERE c.kind = 'stock' AND c.subject = s.item || '|' || s.unit AND c.deleted_at IS NULL)",
    /* The triggers' row counters (db/stats.h) against a recount.  Another
     * counter's recount is one more query like it; one that must read a
     * large table row by row belongs in that table's pass instead
     * (consistency_scan.c), which reads it anyway. */
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

/* Runs sql and reports the text of each row's first column.  Returns how
 * many, or -1. */
static int report_rows(struct db *db, const char *sql,
		       void (*report)(const char *problem, void *ctx), void *ctx, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
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

int db_consistency_warnings(struct db *db, void (*report)(const char *problem, void *ctx),
			    void *ctx, struct err *e)
{
	int n = report_rows(db,
			    "SELECT 'conflict ' || substr(uuid, 1, 8) || ': ' || kind || ' '"
			    " || replace(subject, '|', ' ') || ', found by a merge, is open"
			    " (settle it on the Today screen)' FROM conflicts"
			    " WHERE deleted_at IS NULL AND resolved_at IS NULL"
			    " ORDER BY created_at, uuid",
			    report, ctx, e);
	int r;

	if (n < 0)
		return -1;
	r = db_legacy_problems(db, report, ctx, e);
	return r < 0 ? -1 : n + r;
}

int db_consistency_check(struct db *db, void (*report)(const char *problem, void *ctx), void *ctx,
			 struct err *e)
{
	struct daytemps_tally *tl;
	int problems = 0, r;

	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		if ((r = report_rows(db, checks[i], report, ctx, e)) < 0)
			return -1;
		problems += r;
	}
	r = check_sort_keys(db, report, ctx, e);
	if (r < 0)
		return -1;
	problems += r;
	/* The per-date counters against a recount tallied in the scan's pass
	 * over the readings, which reads them anyway. */
	tl = db_daytemps_tally_new(db, e);
	if (!tl)
		return -1;
	r = consistency_scan(db, tl, report, ctx, e);
	if (r >= 0) {
		problems += r;
		r = db_daytemps_tally_finish(db, tl, report, ctx, e);
	}
	db_daytemps_tally_free(tl);
	return r < 0 ? -1 : problems + r;
}

/* db today: the alert lines of the Today screen; see today.h. */
#include "db/today.h"

#include <stdlib.h>

#include "core/xalloc.h"
#include "db/db.h"
#include "db/sql.h"

void db_today_alert_free(struct today_alert **ap)
{
	struct today_alert *a = *ap;

	if (!a)
		return;
	free(a->sort);
	free(a->code);
	free(a->name);
	free(a);
	*ap = NULL;
}

/* clang-format off: SQL reads better laid out by hand */
/* The day's fevers are gathered from the covering indexes visits_date and
 * readings_visit and only then joined to their residents and households;
 * a household's latest visit of the day is the one no later live visit of
 * that day follows (by time, then id: the order db/stats counts them in),
 * looked for only behind the day's "no answer" visits. */
#define ALERTS                                                                                     \
	"WITH alerts(kind, sort, id, household_id, code, name, temp) AS ("                         \
	" SELECT 1, h.sort_key, r.id, h.id, h.code, r.name, f.temp"                                \
	" FROM (SELECT rd.resident_id AS rid, v.household_id AS hid, max(rd.temperature) AS temp"  \
	"  FROM visits v JOIN readings rd ON rd.visit_id = v.id"                                   \
	"  WHERE v.date = :date AND v.deleted_at IS NULL AND rd.deleted_at IS NULL"                \
	"  AND rd.temperature >= :thr GROUP BY rd.resident_id) f"                                  \
	" JOIN residents r ON r.id = f.rid JOIN households h ON h.id = f.hid"                      \
	" UNION ALL"                                                                               \
	" SELECT 2, h.sort_key, h.id, h.id, h.code,"                                               \
	" (SELECT r.name FROM residents r WHERE r.household_id = h.id AND r.deleted_at IS NULL"    \
	"  ORDER BY r.relation <> 'head', r.uuid LIMIT 1), NULL"                                   \
	" FROM visits v JOIN households h ON h.id = v.household_id AND h.deleted_at IS NULL"       \
	" WHERE v.date = :date AND v.deleted_at IS NULL AND v.outcome = 'no_answer'"               \
	" AND NOT EXISTS (SELECT 1 FROM visits w WHERE w.date = v.date"                            \
	"  AND w.household_id = v.household_id AND w.deleted_at IS NULL"                           \
	"  AND (w.at, w.id) > (v.at, v.id)))"                                                      \
	" SELECT kind, sort, id, household_id, code, name, temp FROM alerts"
/* clang-format on */

static const char *const alerts_sql[2] = {
    ALERTS " WHERE (kind, sort, id) > (:kind, :sort, :id) ORDER BY kind, sort, id LIMIT :n",
    ALERTS " WHERE (kind, sort, id) < (:kind, :sort, :id)"
	   " ORDER BY kind DESC, sort DESC, id DESC LIMIT :n",
};

int db_today_alerts(struct db *db, const char *date, int threshold, const struct today_alert *after,
		    int dir, int n, struct today_alert **out, struct err *e)
{
	int back = dir < 0, count = 0, r = 0;
	sqlite3_stmt *st = db_stmt(db, alerts_sql[back], e);

	if (!st)
		return -1;
	sql_bind_text(st, ":date", date);
	sql_bind_int(st, ":thr", threshold);
	if (after) {
		sql_bind_int(st, ":kind", after->kind);
		sql_bind_text(st, ":sort", after->sort);
		sql_bind_int(st, ":id", after->id);
	} else {
		sql_bind_int(st, ":kind", back ? 1000 : 0);
		sql_bind_text(st, ":sort", "");
		sql_bind_int(st, ":id", 0);
	}
	sql_bind_int(st, ":n", n);
	while (count < n && (r = sql_step_row(db, st, e)) == 1) {
		struct today_alert *a = xcalloc(1, sizeof *a);

		a->kind = sqlite3_column_int(st, 0);
		a->sort = sql_col_dup(st, 1);
		a->id = sqlite3_column_int64(st, 2);
		a->household_id = sqlite3_column_int64(st, 3);
		a->code = sql_col_dup(st, 4);
		a->name = sql_col_dup(st, 5);
		if (!a->name)
			a->name = xstrdup("");
		a->temperature = sqlite3_column_int(st, 6);
		out[count++] = a;
	}
	sqlite3_reset(st);
	if (count < n && r < 0) {
		while (count > 0)
			db_today_alert_free(&out[--count]);
		return -1;
	}
	return count;
}

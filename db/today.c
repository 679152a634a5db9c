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
#define ALERTS                                                                                     \
	"WITH alerts(kind, sort, id, household_id, code, name, temp) AS ("                         \
	" SELECT 1, h.sort_key, r.id, h.id, h.code, r.name, max(rd.temperature)"                   \
	" FROM visits v JOIN readings rd ON rd.visit_id = v.id"                                    \
	" JOIN residents r ON r.id = rd.resident_id JOIN households h ON h.id = v.household_id"    \
	" WHERE v.date = :date AND v.deleted_at IS NULL AND rd.deleted_at IS NULL"                 \
	" AND rd.temperature >= :thr GROUP BY r.id"                                                \
	" UNION ALL"                                                                               \
	" SELECT 2, h.sort_key, h.id, h.id, h.code,"                                               \
	" (SELECT r.name FROM residents r WHERE r.household_id = h.id AND r.deleted_at IS NULL"    \
	"  ORDER BY r.relation <> 'head', r.uuid LIMIT 1), NULL"                                   \
	" FROM (SELECT household_id, outcome, row_number() OVER (PARTITION BY household_id"        \
	"  ORDER BY at DESC, id DESC) AS rn FROM visits WHERE date = :date"                        \
	"  AND deleted_at IS NULL) l"                                                              \
	" JOIN households h ON h.id = l.household_id AND h.deleted_at IS NULL"                     \
	" WHERE l.rn = 1 AND l.outcome = 'no_answer')"                                             \
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

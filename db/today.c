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
#define ACTIVE                                                                                     \
	" i.deleted_at IS NULL AND i.start_date <= :date"                                          \
	" AND (i.end_date IS NULL OR i.end_date > :date)"
#define LAST_DAY "date(i.start_date, printf('%+d days', i.days + i.extended_days - 1))"
#define ISO_FROM                                                                                   \
	" FROM isolations i JOIN residents r ON r.id = i.resident_id"                              \
	" JOIN households h ON h.id = r.household_id WHERE" ACTIVE
#define MISSED(slot)                                                                               \
	"NOT EXISTS (SELECT 1 FROM checks c WHERE c.isolation_id = i.id AND c.date = :date"        \
	" AND c.slot = '" slot "' AND c.deleted_at IS NULL)"

#define ALERTS                                                                                     \
	"WITH alerts(kind, sort, id, household_id, isolation_id, code, name, temp, detail,"        \
	" last_day) AS ("                                                                          \
	" SELECT 1, h.sort_key, r.id, h.id, NULL, h.code, r.name, max(rd.temperature), '', ''"     \
	" FROM visits v JOIN readings rd ON rd.visit_id = v.id"                                    \
	" JOIN residents r ON r.id = rd.resident_id JOIN households h ON h.id = v.household_id"    \
	" WHERE v.date = :date AND v.deleted_at IS NULL AND rd.deleted_at IS NULL"                 \
	" AND rd.temperature >= :thr GROUP BY r.id"                                                \
	" UNION ALL"                                                                               \
	" SELECT 2, h.sort_key, h.id, h.id, NULL, h.code,"                                         \
	" (SELECT r.name FROM residents r WHERE r.household_id = h.id AND r.deleted_at IS NULL"    \
	"  ORDER BY r.relation <> 'head', r.id LIMIT 1), NULL, '', ''"                             \
	" FROM (SELECT household_id, outcome, row_number() OVER (PARTITION BY household_id"        \
	"  ORDER BY at DESC, id DESC) AS rn FROM visits WHERE date = :date"                        \
	"  AND deleted_at IS NULL) l"                                                              \
	" JOIN households h ON h.id = l.household_id AND h.deleted_at IS NULL"                     \
	" WHERE l.rn = 1 AND l.outcome = 'no_answer'"                                              \
	" UNION ALL"                                                                               \
	" SELECT 3, sort, id, household_id, id, code, name, NULL, detail, last_day FROM ("         \
	"  SELECT h.sort_key AS sort, i.id AS id, h.id AS household_id, h.code AS code,"           \
	"  r.name AS name, " LAST_DAY " AS last_day,"                                              \
	"  trim(CASE WHEN :am AND " MISSED(                                                        \
	    "AM") " THEN 'AM' ELSE '' END || ' ' ||"                                               \
		  "  CASE WHEN :pm AND " MISSED(                                                   \
		      "PM") " THEN 'PM' ELSE '' END) AS detail" ISO_FROM " ) WHERE detail <> ''"   \
			    " UNION ALL"                                                           \
			    " SELECT 4, h.sort_key, i.id, h.id, i.id, h.code, r.name, NULL, "      \
			    "i.kind, " LAST_DAY ISO_FROM " AND " LAST_DAY " = :date"               \
			    " UNION ALL"                                                           \
			    " SELECT 5, h.sort_key, i.id, h.id, i.id, h.code, r.name, NULL, "      \
			    "i.kind, " LAST_DAY ISO_FROM " AND " LAST_DAY " < :date)"              \
			    " SELECT kind, sort, id, household_id, isolation_id, code, name, "     \
			    "temp, detail, last_day"                                               \
			    " FROM alerts"
/* clang-format on */

static const char *const alerts_sql[2] = {
    ALERTS " WHERE (kind, sort, id) > (:kind, :sort, :id) ORDER BY kind, sort, id LIMIT :n",
    ALERTS " WHERE (kind, sort, id) < (:kind, :sort, :id)"
	   " ORDER BY kind DESC, sort DESC, id DESC LIMIT :n",
};

int db_today_alerts(struct db *db, const char *date, int threshold, int am_over, int pm_over,
		    const struct today_alert *after, int dir, int n, struct today_alert **out,
		    struct err *e)
{
	int back = dir < 0, count = 0, r = 0;
	sqlite3_stmt *st = db_stmt(db, alerts_sql[back], e);

	if (!st)
		return -1;
	sql_bind_text(st, ":date", date);
	sql_bind_int(st, ":thr", threshold);
	sql_bind_int(st, ":am", am_over ? 1 : 0);
	sql_bind_int(st, ":pm", pm_over ? 1 : 0);
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
		a->isolation_id =
		    sqlite3_column_type(st, 4) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 4);
		a->code = sql_col_dup(st, 5);
		a->name = sql_col_dup(st, 6);
		if (!a->name)
			a->name = xstrdup("");
		a->temperature = sqlite3_column_int(st, 7);
		sql_col_copy(st, 8, a->detail, sizeof a->detail);
		sql_col_copy(st, 9, a->last_day, sizeof a->last_day);
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

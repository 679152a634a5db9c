/* db today: the alert lines of the Today screen; see today.h. */
#include "db/today.h"

#include <stdlib.h>

#include "core/xalloc.h"
#include "db/db.h"
#include "db/rowdesc.h"
#include "db/sql.h"

/* An alert's columns, in the order of every alert query's SELECT list. */
static const struct col_desc alert_cols[] = {
    COLD_INT32(struct today_alert, kind),
    COLD_DUP(struct today_alert, sort),
    COLD_INT(struct today_alert, id),
    COLD_INT(struct today_alert, household_id),
    COLD_DUP(struct today_alert, code),
    COLD_STR(struct today_alert, name),
    COLD_INT32(struct today_alert, temperature),
};

ROWDESC_DESTROY_FN(db_today_alert_free, struct today_alert, alert_cols)

/* clang-format off: SQL reads better laid out by hand */
/* The day's fevers.  A fever is a reading at or above the threshold, as
 * core/temperature's temperature_is_fever says; a threshold of at least
 * FEVER_INDEXED (every threshold from 37.0) finds them in the partial index
 * readings_fever (db/schema.c: the live readings at or above 37.0, about one
 * in 500), among the visit ids of the day's visits (their range from the
 * index visits_day_ids), instead of walking the
 * day's every reading; a lower threshold (the settings accept 36.0) adds
 * the readings below 37.0 the long way.  Only then are they joined to their
 * residents and households. */
#define FEVER_INDEXED "370"
#define DAY_VISIT_IDS(AGG) "(SELECT " AGG "(id) FROM visits WHERE date = :date)"
#define FEVER_READINGS                                                                             \
	"SELECT rd.resident_id AS rid, v.household_id AS hid, rd.temperature AS temp"              \
	" FROM readings rd INDEXED BY readings_fever CROSS JOIN visits v ON v.id = rd.visit_id"    \
	" WHERE rd.visit_id BETWEEN " DAY_VISIT_IDS("min") " AND " DAY_VISIT_IDS("max")             \
	" AND rd.temperature >= " FEVER_INDEXED " AND rd.deleted_at IS NULL"                       \
	" AND rd.temperature >= :thr AND v.date = :date AND v.deleted_at IS NULL"                  \
	" UNION ALL"                                                                               \
	" SELECT rd.resident_id, v.household_id, rd.temperature"                                   \
	" FROM visits v JOIN readings rd ON rd.visit_id = v.id"                                    \
	" WHERE :thr < " FEVER_INDEXED " AND v.date = :date AND v.deleted_at IS NULL"              \
	" AND rd.deleted_at IS NULL AND rd.temperature >= :thr"                                    \
	" AND rd.temperature < " FEVER_INDEXED
#define FEVERS                                                                                     \
	"SELECT 1 AS kind, h.sort_key AS sort, r.id AS id, h.id AS household_id, h.code AS code,"  \
	" r.name AS name, f.temp AS temp"                                                          \
	" FROM (SELECT rid, hid, max(temp) AS temp FROM (" FEVER_READINGS ") GROUP BY rid) f"      \
	" JOIN residents r ON r.id = f.rid JOIN households h ON h.id = f.hid"
/* A household's latest visit of the day is the one no later live visit of
 * that day follows (by time, then id: the order db/stats counts them in),
 * looked for only behind the day's "no answer" visits. */
#define NO_ANSWERS                                                                                 \
	"SELECT 2 AS kind, h.sort_key AS sort, h.id AS id, h.id AS household_id, h.code AS code,"  \
	" (SELECT r.name FROM residents r WHERE r.household_id = h.id AND r.deleted_at IS NULL"    \
	"  ORDER BY r.relation <> 'head', r.uuid LIMIT 1) AS name, NULL AS temp"                   \
	" FROM visits v JOIN households h ON h.id = v.household_id AND h.deleted_at IS NULL"       \
	" WHERE v.date = :date AND v.deleted_at IS NULL AND v.outcome = 'no_answer'"               \
	" AND NOT EXISTS (SELECT 1 FROM visits w WHERE w.date = v.date"                            \
	"  AND w.household_id = v.household_id AND w.deleted_at IS NULL"                           \
	"  AND (w.at, w.id) > (v.at, v.id))"
/* A page of one kind after (or before) :sort, :id; from its start (or
 * end) when :sort is NULL. */
#define PAGE(KIND, CMP, DESC)                                                                      \
	"SELECT kind, sort, id, household_id, code, name, temp FROM (" KIND ")"                     \
	" WHERE :sort IS NULL OR (sort, id) " CMP " (:sort, :id)"                                   \
	" ORDER BY sort" DESC ", id" DESC " LIMIT :n"
/* clang-format on */

/* The kinds are read one after the other, each by its own query, so that a
 * page full of fevers never computes the "no answer" alerts (a few hundred
 * in a large community, each looked up). [kind - 1][backward] */
static const char *const alerts_sql[2][2] = {
    {PAGE(FEVERS, ">", ""), PAGE(FEVERS, "<", " DESC")},
    {PAGE(NO_ANSWERS, ">", ""), PAGE(NO_ANSWERS, "<", " DESC")},
};

/* Appends up to n alerts of one kind to out[*count], after (or before)
 * `after` when it is of that kind.  Returns 0 or -1. */
static int kind_page(struct db *db, int kind, int back, const char *date, int threshold,
		     const struct today_alert *after, int n, struct today_alert **out, int *count,
		     struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, alerts_sql[kind - 1][back], e);
	int r = 0, got = 0;

	if (!st)
		return -1;
	sql_bind_text(st, ":date", date);
	if (sqlite3_bind_parameter_index(st, ":thr"))
		sql_bind_int(st, ":thr", threshold);
	if (after && after->kind == kind) {
		sql_bind_text(st, ":sort", after->sort);
		sql_bind_int(st, ":id", after->id);
	} else {
		sqlite3_bind_null(st, sqlite3_bind_parameter_index(st, ":sort"));
		sql_bind_int(st, ":id", 0);
	}
	sql_bind_int(st, ":n", n);
	while (got < n && (r = sql_step_row(db, st, e)) == 1) {
		struct today_alert *a = xcalloc(1, sizeof *a);

		rowdesc_read(st, alert_cols, ROWDESC_N(alert_cols), a);
		out[(*count)++] = a;
		got++;
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

int db_today_alerts(struct db *db, const char *date, int threshold, const struct today_alert *after,
		    int dir, int n, struct today_alert **out, struct err *e)
{
	int back = dir < 0, count = 0;
	int kind = after ? after->kind : back ? TODAY_NO_ANSWER : TODAY_FEVER;

	for (; count < n && kind >= TODAY_FEVER && kind <= TODAY_NO_ANSWER; kind += back ? -1 : 1)
		if (kind_page(db, kind, back, date, threshold, after, n - count, out, &count, e) <
		    0) {
			while (count > 0)
				db_today_alert_free(&out[--count]);
			return -1;
		}
	return count;
}

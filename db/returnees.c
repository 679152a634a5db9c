/* db returnees: the returnee alerts and decisions; see returnees.h. */
#include "db/returnees.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/limits.h"
#include "core/json.h"
#include "core/returnee.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/settings.h"
#include "db/sql.h"
#include "db/visitors.h"

enum collect_mode { ALERTS, WINDOW, EVERY };

/* The columns of collect's SELECT list: kind, member, SQL expression
 * (monitored and isolated are the facts core/returnee decides on). */
#define ROWDESC_ROW struct returnee_alert
#define ALERT_COLUMNS(F, X)                                                                        \
	F(INT, resident_id, "r.id") X(INT, household_id, "r.household_id") X(STR, name, "r.name")  \
	X(STR, household, "h.code") X(STR, returned_from, "r.returned_from")                       \
	X(CODE, return_date, "r.return_date")                                                      \
	X(INT32, monitored, "r.monitoring IS NOT NULL AND r.monitoring <> ''")                     \
	X(INT32, isolated,                                                                         \
	  "EXISTS (SELECT 1 FROM isolations i WHERE i.resident_id = r.id"                          \
	  " AND i.deleted_at IS NULL AND coalesce(i.end_reason, '') <> 'error'"                    \
	  " AND (i.end_date IS NULL OR i.start_date >= r.return_date))")                           \
	X(STR, travel, "r.travel") X(STR, id_number, "r.id_number") X(STR, phone, "r.phone")
ROWDESC_RECORD(alert_cols, ALERT_COLUMNS, db_returnee_alert_clear)
ROWDESC_COPY_FN(db_returnee_alert_copy, struct returnee_alert, alert_cols)
ROWDESC_FREE_FN(db_returnees_free, struct returnee_alert, alert_cols)

/* The returnees of day: in the window (ALERTS: only the alerts) or every
 * one who came back on or before day (EVERY). */
static int collect(struct db *db, const char *day, enum collect_mode mode,
		   struct returnee_alert **v, int *n, struct err *e)
{
	/* The candidates by date; the key-area rule is core/returnee's. */
	sqlite3_stmt *st = db_stmt(
	    db,
	    ROWDESC_SELECT(
		ALERT_COLUMNS) " FROM residents r JOIN households h ON h.id = r.household_id"
			       " WHERE r.deleted_at IS NULL AND h.deleted_at IS NULL"
			       " AND r.status IN ('living', 'away') AND r.return_date IS NOT NULL"
			       " AND r.return_date <= :day AND (:every OR r.return_date > "
			       "date(:day, :back))"
			       " AND coalesce(r.returned_from, '') <> ''"
			       " ORDER BY r.return_date DESC, h.sort_key, r.id",
	    e);
	struct settings set;
	struct returnee_facts f;
	char *areas = NULL, back[16];
	int cap = 0, r;

	*v = NULL;
	*n = 0;
	if (!st)
		return -1;
	r = db_settings_get(db, &set, e);
	memset(&f, 0, sizeof f);
	f.isolation_days = set.isolation_days;
	settings_clear(&set);
	if (r < 0 || !(areas = db_key_areas(db, e)) || date_parse_iso(day, &f.today, e) < 0) {
		free(areas);
		sqlite3_reset(st);
		return -1;
	}
	f.key_areas = areas;
	snprintf(back, sizeof back, "-%d days", f.isolation_days);
	sql_bind_text(st, ":day", day);
	sql_bind_text(st, ":back", back);
	sql_bind_int(st, ":every", mode == EVERY);
	while ((r = sql_step_row(db, st, e)) == 1) {
		struct returnee_alert a;
		int state;

		memset(&a, 0, sizeof a);
		rowdesc_read(st, alert_cols, ROWDESC_N(alert_cols), &a);
		f.returned_from = a.returned_from;
		if (date_parse_iso(a.return_date, &f.returned, NULL) < 0) {
			db_returnee_alert_clear(&a);
			continue;
		}
		f.monitored = a.monitored;
		f.isolated = a.isolated;
		state = returnee_state(&f, a.key_area, sizeof a.key_area);
		if ((state == RETURNEE_CLEAR && mode != EVERY) ||
		    (mode == ALERTS && state != RETURNEE_ALERT)) {
			db_returnee_alert_clear(&a);
			continue;
		}
		a.state = state;
		a.key = returnee_from_key_area(a.returned_from, areas, a.key_area,
					       sizeof a.key_area);
		a.isolated = f.isolated;
		a.monitored = f.monitored;
		a.days_since = (int)date_diff(&f.today, &f.returned);
		XGROW(*v, cap, *n + 1, 16);
		(*v)[(*n)++] = a;
	}
	sqlite3_reset(st);
	free(areas);
	if (r < 0) {
		db_returnees_free(*v, *n);
		*v = NULL;
		*n = 0;
	}
	return r < 0 ? -1 : 0;
}

int db_returnees(struct db *db, const char *day, int all, struct returnee_alert **v, int *n,
		 struct err *e)
{
	return collect(db, day, all ? WINDOW : ALERTS, v, n, e);
}

int db_returnee_list(struct db *db, const char *day, struct returnee_alert **v, int *n,
		     struct err *e)
{
	return collect(db, day, EVERY, v, n, e);
}

/* What a monitoring decision looks up of the resident: the reason it
 * replaces goes whole into the audit row. */
struct monitored {
	char uuid[37];
	char *monitoring;
};

static const struct col_desc monitored_cols[] = {
	COLD_CODE(struct monitored, uuid),
	COLD_DUP(struct monitored, monitoring),
};

int db_returnee_monitor(struct db *db, long long resident_id, const char *reason, struct err *e)
{
	struct monitored m = {"", NULL};
	int r;

	if (!reason || !*reason)
		return err_field(e, "reason", "%s",
				 _("give the reason for home health monitoring without isolation"));
	if (limits_check("residents", "monitoring", reason, e) < 0) {
		if (e)
			strcpy(e->field, "reason");
		return -1;
	}
	if (db_begin(db, e) < 0)
		return -1;
	r = record_get_live(db, "residents", resident_id, monitored_cols,
			    ROWDESC_N(monitored_cols), &m, sizeof m, e);
	if (r == 0)
		err_set(e, _("no resident with id %lld"), resident_id);
	if (r <= 0 ||
	    db_record_set_text(db, "residents", resident_id, m.uuid, "monitoring",
			       m.monitoring && m.monitoring[0] ? m.monitoring : NULL, reason, e) < 0)
		r = -1;
	r = (int)db_end(db, r, e);
	rowdesc_clear(monitored_cols, ROWDESC_N(monitored_cols), &m, sizeof m);
	return r < 0 ? -1 : 0;
}

/* db volunteers: service hours per month; see volunteers.h. */
#include "db/volunteers.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "db/db.h"
#include "db/sql.h"

int db_volunteer_month(struct db *db, const char *month, struct volunteer_month **v, int *n,
		       struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT s.id, s.name, s.role, s.phone, s.party,"
				   " coalesce(h.shifts, 0), coalesce(h.minutes, 0) FROM staff s"
				   " LEFT JOIN volunteer_hours h ON h.staff_id = s.id"
				   " AND h.month = :month WHERE s.deleted_at IS NULL"
				   " ORDER BY coalesce(h.minutes, 0) DESC, s.name, s.id",
				   e);
	int cap = 0, r;

	*v = NULL;
	*n = 0;
	if (!st)
		return -1;
	sql_bind_text(st, ":month", month);
	while ((r = sql_step_row(db, st, e)) == 1) {
		struct volunteer_month *m;

		XGROW(*v, cap, *n + 1, 16);
		m = &(*v)[(*n)++];
		memset(m, 0, sizeof *m);
		m->staff_id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, m->name, sizeof m->name);
		sql_col_copy(st, 2, m->role, sizeof m->role);
		sql_col_copy(st, 3, m->phone, sizeof m->phone);
		m->party = sqlite3_column_int(st, 4);
		m->shifts = sqlite3_column_int(st, 5);
		m->minutes = (long)sqlite3_column_int64(st, 6);
	}
	sqlite3_reset(st);
	if (r < 0) {
		free(*v);
		*v = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

/* site_checks: the settings of who checks isolation elsewhere; see
 * site_checks.h. */
#include "db/site_checks.h"

#include <stdio.h>

#include "core/clock.h"
#include "core/json.h"
#include "core/strbuf.h"
#include "db/db.h"
#include "db/record.h"
#include "db/sql.h"

int db_site_checks_get(struct db *db, int *central, int *hospital, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT checks_central, checks_hospital FROM settings"
				   " WHERE deleted_at IS NULL ORDER BY id LIMIT 1",
				   e);
	long long v[2] = {0, 0};
	int r = sql_row_ints(db, st, v, 2, e);

	*central = (int)v[0];
	*hospital = (int)v[1];
	return r < 0 ? -1 : 0;
}

static void add_flag(struct strbuf *ch, const char *key, int old, int now)
{
	char a[2] = {(char)('0' + (old != 0)), 0}, b[2] = {(char)('0' + (now != 0)), 0};

	if (old != now)
		json_add_change(ch, key, a, b);
}

int db_site_checks_set(struct db *db, int central, int hospital, struct err *e)
{
	struct strbuf ch = STRBUF_INIT;
	sqlite3_stmt *st;
	char now[20], uuid[37] = "";
	int oc, oh, r = -1;

	central = central != 0;
	hospital = hospital != 0;
	if (db_begin(db, e) < 0)
		return -1;
	if (db_site_checks_get(db, &oc, &oh, e) < 0)
		goto out;
	if (oc == central && oh == hospital)
		return db_commit(db, e); /* closes the level either way */
	st = db_stmt(db, "SELECT uuid FROM settings WHERE deleted_at IS NULL ORDER BY id LIMIT 1",
		     e);
	if (!st || sql_step_row(db, st, e) != 1) {
		if (st)
			sqlite3_reset(st);
		if (!e->msg[0])
			err_set(e, "%s", "settings: no settings row");
		goto out;
	}
	sql_col_copy(st, 0, uuid, sizeof uuid);
	sqlite3_reset(st);
	st = db_stmt(db,
		     "UPDATE settings SET checks_central = :c, checks_hospital = :h, updated_at = :now"
		     " WHERE uuid = :uuid",
		     e);
	if (!st)
		goto out;
	clock_now(now);
	sql_bind_int(st, ":c", central);
	sql_bind_int(st, ":h", hospital);
	sql_bind_text(st, ":now", now);
	sql_bind_text(st, ":uuid", uuid);
	if (sql_step_done(db, st, e) < 0)
		goto out;
	json_open(&ch);
	add_flag(&ch, "checks_central", oc, central);
	add_flag(&ch, "checks_hospital", oh, hospital);
	return record_audit_commit(db, "update", "settings", uuid, &ch, e);
out:
	if (r < 0)
		db_rollback(db);
	strbuf_free(&ch);
	return r;
}

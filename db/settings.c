/* db settings: reading and writing the settings row. */
#include "db/settings.h"

#include <stdio.h>
#include <string.h>

#include "core/json.h"
#include "core/outdir.h"
#include "core/strbuf.h"
#include "db/db.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/sql.h"

/* The settings row's columns: kind, member, SQL expression. */
#define ROWDESC_ROW struct settings
#define SETTINGS_COLUMNS(F, X)                                                                     \
	F(CODE, uuid, "uuid") X(STR, community, "community") X(STR, street, "street")              \
	X(STR, district, "district") X(CHAR, station, "station")                                   \
	X(INT32, fever_threshold, "fever_threshold") X(INT32, isolation_days, "isolation_days")    \
	X(CODE, am_cutoff, "am_cutoff") X(CODE, pm_cutoff, "pm_cutoff")                            \
	X(INT32, outing_days, "outing_days") X(INT32, out_alert_hours, "out_alert_hours")          \
	X(STR, last_staff, "last_staff") X(INT32, notice_days, "notice_days")                      \
	X(CODE, supervision_phone, "supervision_phone") X(STR, output_dir, "output_dir")
static const struct col_desc settings_cols[] = ROWDESC_TABLE(SETTINGS_COLUMNS);

int db_settings_get(struct db *db, struct settings *s, struct err *e)
{
	sqlite3_stmt *st = db_stmt(
	    db,
	    ROWDESC_SELECT(
		SETTINGS_COLUMNS) " FROM settings WHERE deleted_at IS NULL ORDER BY id LIMIT 1",
	    e);
	int r;

	settings_defaults(s);
	if (!st)
		return -1;
	r = sql_step_row(db, st, e);
	if (r != 1)
		return r;
	settings_clear(s); /* the defaults give way to the row */
	rowdesc_read(st, settings_cols, ROWDESC_N(settings_cols), s);
	if (!s->station)
		s->station = 'A';
	sqlite3_reset(st);
	return 1;
}

int db_settings_put(struct db *db, const struct settings *s, struct err *e)
{
	struct settings old = {0};
	char uuid[37], now[20], station[2] = {s->station, 0};
	struct strbuf ch = STRBUF_INIT;
	int found, r = -1;

	if (settings_validate(s, e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		return -1;
	found = db_settings_get(db, &old, e);
	if (found < 0)
		goto out;
	sql_new_record(uuid, now);
	if (found)
		snprintf(uuid, sizeof uuid, "%s", old.uuid);
	if (SQL_RUN(
		db, e,
		found ? "UPDATE settings SET community=:community, street=:street,"
			" district=:district, station=:station, fever_threshold=:fever,"
			" isolation_days=:days, am_cutoff=:am, pm_cutoff=:pm,"
			" outing_days=:outing, out_alert_hours=:outh, notice_days=:notice,"
			" supervision_phone=:sphone, output_dir=:outdir, updated_at=:now"
			" WHERE uuid=:uuid"
		      : "INSERT INTO settings(uuid, created_at, updated_at, community, street,"
			" district, station, fever_threshold, isolation_days, am_cutoff,"
			" pm_cutoff, outing_days, out_alert_hours, notice_days, supervision_phone,"
			" output_dir) VALUES(:uuid, :now, :now,"
			" :community, :street, :district, :station, :fever, :days, :am, :pm,"
			" :outing, :outh, :notice, :sphone, :outdir)",
		SQLP_TEXT(":uuid", uuid), SQLP_TEXT(":now", now),
		SQLP_TEXT(":community", s->community), SQLP_TEXT(":street", s->street),
		SQLP_TEXT(":district", s->district), SQLP_TEXT(":station", station),
		SQLP_INT(":fever", s->fever_threshold), SQLP_INT(":days", s->isolation_days),
		SQLP_TEXT(":am", s->am_cutoff), SQLP_TEXT(":pm", s->pm_cutoff),
		SQLP_INT(":outing", s->outing_days), SQLP_INT(":outh", s->out_alert_hours),
		SQLP_INT(":notice", s->notice_days), SQLP_TEXT(":sphone", s->supervision_phone),
		SQLP_TEXT(":outdir", s->output_dir ? s->output_dir : OUTDIR_DEFAULT)) < 0)
		goto out;
	json_open(&ch);
	json_add_str(&ch, "community", s->community);
	json_add_str(&ch, "street", s->street);
	json_add_str(&ch, "district", s->district);
	json_add_str(&ch, "station", station);
	json_add_int(&ch, "fever_threshold", s->fever_threshold);
	json_add_int(&ch, "isolation_days", s->isolation_days);
	json_add_str(&ch, "am_cutoff", s->am_cutoff);
	json_add_str(&ch, "pm_cutoff", s->pm_cutoff);
	json_add_int(&ch, "outing_days", s->outing_days);
	json_add_int(&ch, "out_alert_hours", s->out_alert_hours);
	json_add_int(&ch, "notice_days", s->notice_days);
	json_add_str(&ch, "supervision_phone", s->supervision_phone);
	json_add_str(&ch, "output_dir", s->output_dir ? s->output_dir : OUTDIR_DEFAULT);
	r = record_audit(db, found ? "update" : "insert", "settings", uuid, &ch, e);
out:
	r = (int)db_end(db, r, e);
	settings_clear(&old);
	strbuf_free(&ch);
	return r;
}

int db_settings_set_last_staff(struct db *db, const char *name, struct err *e)
{
	sqlite3_stmt *st =
	    SQL_PREP(db, e, "UPDATE settings SET last_staff=:name", SQLP_TEXT(":name", name));

	if (!st)
		return -1;
	return sql_step_done(db, st, e);
}

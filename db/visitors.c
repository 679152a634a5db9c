/* db visitors: the gate's visitor log and the key areas; see visitors.h. */
#include "db/visitors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/limits.h"
#include "core/idcard.h"
#include "core/phone.h"
#include "core/returnee.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/visitor.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/settings.h"
#include "db/sql.h"
#include "db/staff.h"

char *db_key_areas(struct db *db, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT key_areas FROM settings ORDER BY id LIMIT 1", e);
	char *v = NULL;
	int r;

	if (!st)
		return NULL;
	r = sql_step_row(db, st, e);
	if (r == 1)
		sql_col_str(st, 0, &v);
	sqlite3_reset(st);
	if (r < 0)
		return NULL;
	return v ? v : xstrdup(RETURNEE_KEY_AREAS_DEFAULT);
}

int db_key_areas_set(struct db *db, const char *areas, struct err *e)
{
	sqlite3_stmt *st;
	char *old = NULL, now[20], uuid[37];
	int r;

	if (!areas)
		areas = "";
	if (limits_check("settings", "key_areas", areas, e) < 0 || db_begin(db, e) < 0)
		return -1;
	if (!(old = db_key_areas(db, e)))
		goto fail;
	if (!strcmp(old, areas)) {
		free(old);
		return db_commit(db, e);
	}
	st = db_stmt(db, "UPDATE settings SET key_areas = :k, updated_at = :now", e);
	if (!st)
		goto fail;
	clock_now(now);
	sql_bind_text(st, ":k", areas);
	sql_bind_text(st, ":now", now);
	if (sql_step_done(db, st, e) < 0)
		goto fail;
	st = db_stmt(db, "SELECT uuid FROM settings ORDER BY id LIMIT 1", e);
	if (!st)
		goto fail;
	r = sql_step_row(db, st, e);
	if (r == 1)
		sql_col_copy(st, 0, uuid, sizeof uuid);
	sqlite3_reset(st);
	if (r != 1)
		goto fail;
	r = record_audit_change(db, "settings", uuid, "key_areas", old, areas, e);
	free(old);
	return db_end(db, r, e) < 0 ? -1 : 0;
fail:
	free(old);
	db_rollback(db);
	return -1;
}

/* Checks and normalises what was typed; fills the canonical phone and ID. */
static int check_new(struct db *db, const struct visitor_new *v, char *phone, char *idn,
		     long long *hh, struct err *e)
{
	struct idcard card;
	struct date today, arrived;
	int type, r;

	clock_today(&today);
	if (!v->name || !*v->name)
		return err_field(e, "name", "%s", _("the visitor's name is required"));
	if (!v->temperature)
		return err_field(e, "temperature", "%s", _("take the visitor's temperature"));
	if (limits_check_row("visitors", e, "name", v->name, "phone", v->phone, "id_number",
			     v->id_number, "from_place", v->from_place, "reason", v->reason,
			     (const char *)NULL) < 0)
		return -1;
	if (v->phone && *v->phone && phone_parse(v->phone, phone, PHONE_MAX, e) < 0)
		return -1;
	type = idcard_type_from_code(v->id_type ? v->id_type : "id");
	if (type < 0)
		return err_field(e, "id_type", _("unknown document type \"%s\""), v->id_type);
	if (v->id_number && *v->id_number) {
		if (idcard_parse(v->id_number, (enum idcard_type)type, &today, &card, e) < 0)
			return -1;
		snprintf(idn, 40, "%s", card.number);
	}
	if (v->arrived_date && *v->arrived_date) {
		if (date_parse_iso(v->arrived_date, &arrived, e) < 0) {
			if (e)
				snprintf(e->field, sizeof e->field, "arrived_date");
			return -1;
		}
		if (date_cmp(&arrived, &today) > 0)
			return err_field(e, "arrived_date", "%s",
					 _("the arrival date is in the future"));
	}
	*hh = -1;
	if (v->household && *v->household) {
		r = db_record_id_by(db, "households", "code", v->household, hh, e);
		if (r <= 0)
			return r < 0 ? -1
				     : err_field(e, "household", _("no household with code %s"),
						 v->household);
	}
	return 0;
}

/* A visitor as its INSERT takes it: checked, and entry decided. */
struct visitor_ins {
	const char *name, *phone, *id_type, *id_number, *from_place, *arrived_date, *reason;
	const char *refusal; /* why entry was refused, "" when admitted */
	long long household_id, checkpoint_id, staff_id;
	int temperature, admitted;
};

#define VI(K, m, param)	   COLW(K, struct visitor_ins, m, param)
#define VI_BIND(K, m, param) COLW_BIND(K, struct visitor_ins, m, param)

/* A visitor's write columns; the audited ones in the order of its audit
 * row. */
static const struct col_desc visitor_write[] = {
	VI(STR, name, ":name"),
	COLW_KEEP(struct visitor_ins, from_place, ":from"),
	VI(INT32, temperature, ":t"),
	VI(INT32, admitted, ":adm"),
	VI(STR, refusal, ":refusal"),
	VI_BIND(STR, phone, ":phone"),
	VI_BIND(STR, id_type, ":idt"),
	VI_BIND(STR, id_number, ":idn"),
	VI_BIND(STR, arrived_date, ":arr"),
	COLW_REFTO(struct visitor_ins, household_id, ":hh", "households"),
	VI_BIND(STR, reason, ":reason"),
	COLW_REFTO(struct visitor_ins, checkpoint_id, ":cp", "checkpoints"),
	VI_BIND(INT, staff_id, ":staff"),
};

long long db_visitor_add(struct db *db, const struct visitor_new *v, int *admitted, char *why,
			 size_t n, struct err *e)
{
	static const struct record_write w = {
	    "visitors",
	    "INSERT INTO visitors(uuid, created_at, updated_at, name, phone, id_type, id_number,"
	    " from_place, arrived_date, household_id, reason, temperature, time_in, admitted,"
	    " refusal, checkpoint_id, staff_id) VALUES(:uuid, :now, :now, :name, :phone, :idt,"
	    " :idn, :from, :arr, :hh, :reason, :t, :now, :adm, :refusal, :cp, :staff)",
	    visitor_write, ROWDESC_N(visitor_write)};
	struct visitor_facts f;
	struct settings set = {0};
	struct strbuf reason = STRBUF_INIT;
	struct visitor_ins row;
	enum visitor_verdict verdict;
	char phone[PHONE_MAX] = "", idn[40] = "", *areas = NULL, uuid[37];
	long long hh, id = -1, staff;

	if (db_begin(db, e) < 0)
		return -1;
	if (check_new(db, v, phone, idn, &hh, e) < 0 || db_settings_get(db, &set, e) < 0 ||
	    !(areas = db_key_areas(db, e)) ||
	    (staff = db_staff_current_id(db, e)) < 0)
		goto out;
	memset(&f, 0, sizeof f);
	f.temperature = v->temperature;
	f.fever_threshold = set.fever_threshold;
	f.isolation_days = set.isolation_days;
	clock_today(&f.today);
	f.from_key_area = returnee_from_key_area(v->from_place, areas, f.key_area, sizeof f.key_area);
	f.has_arrived = v->arrived_date && *v->arrived_date &&
			date_parse_iso(v->arrived_date, &f.arrived, NULL) == 0;
	verdict = visitor_decide(&f);
	visitor_refusal_text(verdict, &f, &reason);
	row = (struct visitor_ins){
	    .name = v->name,
	    .phone = phone,
	    .id_type = v->id_type ? v->id_type : "id",
	    .id_number = idn,
	    .from_place = v->from_place,
	    .arrived_date = v->arrived_date,
	    .reason = v->reason,
	    .refusal = strbuf_str(&reason),
	    .household_id = hh,
	    .checkpoint_id = v->checkpoint_id,
	    .staff_id = staff,
	    .temperature = v->temperature,
	    .admitted = verdict == VISITOR_ADMITTED,
	};
	id = record_insert(db, &w, &row, uuid, e);
out:
	id = db_end(db, id, e);
	if (id >= 0 && admitted)
		*admitted = row.admitted;
	if (id >= 0 && why && n)
		snprintf(why, n, "%s", row.refusal);
	strbuf_free(&reason);
	settings_clear(&set);
	free(areas);
	return id;
}

/* What leaving looks up of the visitor. */
struct visitor_gone {
	char uuid[37];
	int admitted;
	char time_out[20];
};

static const struct col_desc gone_cols[] = {
	COLD_CODE(struct visitor_gone, uuid),
	COLD_INT32(struct visitor_gone, admitted),
	COLD_CODE(struct visitor_gone, time_out),
};

int db_visitor_leave(struct db *db, long long id, struct err *e)
{
	struct visitor_gone v;
	char now[20];
	int r;

	if (db_begin(db, e) < 0)
		return -1;
	r = record_get_live(db, "visitors", id, gone_cols, ROWDESC_N(gone_cols), &v, sizeof v, e);
	if (r == 0)
		err_set(e, _("no visitor with id %lld"), id);
	else if (r == 1 && !v.admitted)
		r = err_set(e, "%s", _("this visitor was refused entry"));
	else if (r == 1 && v.time_out[0])
		r = err_set(e, _("this visitor already left at %s"), v.time_out);
	if (r <= 0)
		goto fail;
	clock_now(now);
	r = db_record_set_text(db, "visitors", id, v.uuid, "time_out", NULL, now, e);
	return db_end(db, r, e) < 0 ? -1 : 0;
fail:
	db_rollback(db);
	return -1;
}

/* A visitor row's columns: kind, member, SQL expression. */
#define ROWDESC_ROW struct visitor_row
#define VISITOR_COLUMNS(F, X)                                                                      \
	F(INT, id, "x.id") X(CODE, time_in, "x.time_in") X(CODE, time_out, "x.time_out")           \
	X(STR, name, "x.name") X(STR, phone, "x.phone") X(STR, id_number, "x.id_number")           \
	X(STR, from_place, "x.from_place") X(STR, household, "h.code")                             \
	X(STR, reason, "x.reason") X(INT32, temperature, "x.temperature")                          \
	X(INT32, admitted, "x.admitted") X(STR, refusal, "x.refusal") X(STR, staff, "s.name")
ROWDESC_RECORD(visitor_cols, VISITOR_COLUMNS, db_visitor_row_clear)
ROWDESC_COPY_FN(db_visitor_row_copy, struct visitor_row, visitor_cols)
ROWDESC_FREE_FN(db_visitors_free, struct visitor_row, visitor_cols)

int db_visitors_day(struct db *db, const char *day, struct visitor_row **v, int *n,
		    struct err *e)
{
	sqlite3_stmt *st = db_stmt(
	    db,
	    ROWDESC_SELECT(VISITOR_COLUMNS) " FROM visitors x"
					    " LEFT JOIN households h ON h.id = x.household_id LEFT "
					    "JOIN staff s ON s.id = x.staff_id"
					    " WHERE x.deleted_at IS NULL AND x.time_in >= :day AND "
					    "x.time_in < date(:day, '+1 day')"
					    " ORDER BY x.time_in, x.id",
	    e);
	void *rows;
	int r;

	*v = NULL;
	*n = 0;
	if (!st)
		return -1;
	sql_bind_text(st, ":day", day);
	r = rowdesc_collect(db, st, visitor_cols, ROWDESC_N(visitor_cols), &rows, n, sizeof **v,
			    e);
	*v = rows;
	return r;
}

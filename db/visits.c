/* db visits: writing visits with their readings, undo, and the day's status
 * of households; see visits.h. */
#include "db/visits.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/temperature.h"
#include "db/db.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/followups.h"
#include "db/sql.h"
#include "db/staff.h"


const char *visit_outcome_code(enum visit_outcome o)
{
	const char *code = model_enum_code(model_outcome, (int)o);

	return *code ? code : "visited";
}

int visit_outcome_from_code(const char *code)
{
	return model_enum_index(model_outcome, code);
}

/* Resolves the visit's date and time into date[] and at[]. */
static int resolve_when(const struct visit_new *v, char date[DATE_STR], char at[CLOCK_STR],
			struct err *e)
{
	char now[CLOCK_STR];
	struct date d;

	clock_now(now);
	if (v->date) {
		if (date_parse_iso(v->date, &d, e) < 0) {
			snprintf(e->field, sizeof e->field, "date");
			return -1;
		}
		date_format(&d, date);
	} else {
		snprintf(date, DATE_STR, "%.10s", v->at ? v->at : now);
	}
	if (v->at) {
		if (strlen(v->at) != 19 || strncmp(v->at, date, 10) || v->at[10] != ' ' ||
		    clock_parse_hhmm((char[6]){v->at[11], v->at[12], v->at[13], v->at[14], v->at[15],
					       0}) < 0)
			return err_field(e, "at", _("the visit's time \"%s\" is not a time on %s"),
					 v->at, date);
		snprintf(at, CLOCK_STR, "%s", v->at);
	} else {
		snprintf(at, CLOCK_STR, "%s %s", date, now + 11);
	}
	return 0;
}

static int check_household(struct db *db, long long id, char uuid[37], struct err *e)
{
	int r = db_record_live_uuid(db, "households", id, uuid, e);

	if (r == 0)
		return err_field(e, "household",
				 _("no household with id %lld (deleted or never entered)"), id);
	return r < 0 ? -1 : 0;
}

static int check_reading(struct db *db, const struct visit_new *v, int i, char **name,
			 struct err *e)
{
	const struct visit_reading *rd = &v->readings[i];
	sqlite3_stmt *st;
	int r;

	for (int j = 0; j < i; j++)
		if (v->readings[j].resident_id == rd->resident_id)
			return err_field(e, "resident",
					 _("resident %lld has two readings in one visit"),
					 rd->resident_id);
	if (rd->temperature != 0 && temperature_check(rd->temperature, e) < 0)
		return -1;
	st = SQL_PREP(db, e,
		      "SELECT name FROM residents WHERE id = :id AND household_id = :hid"
		      " AND deleted_at IS NULL",
		      SQLP_INT(":id", rd->resident_id), SQLP_INT(":hid", v->household_id));
	if (!st)
		return -1;
	r = sql_step_row(db, st, e);
	if (r == 1)
		sql_col_str(st, 0, name);
	sqlite3_reset(st);
	if (r == 0)
		return err_field(e, "resident",
				 _("resident %lld is not a live resident of the visited household"),
				 rd->resident_id);
	return r < 0 ? -1 : 0;
}

static int insert_reading(struct db *db, long long visit_id, const char *visit_uuid,
			  const struct visit_reading *rd, const char *name, const char *at,
			  struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "INSERT INTO readings(uuid, created_at, updated_at, visit_id,"
				   " resident_id, temperature, symptoms, note) VALUES(:uuid, :now,"
				   " :now, :vid, :rid, :t, :sym, :note)",
				   e);
	struct strbuf ch = STRBUF_INIT;
	char uuid[37], now[20];
	int r;

	if (!st)
		return -1;
	sql_new_record(uuid, now);
	sql_bind_text(st, ":uuid", uuid);
	sql_bind_text(st, ":now", now);
	sql_bind_int(st, ":vid", visit_id);
	sql_bind_int(st, ":rid", rd->resident_id);
	sql_bind_nonzero(st, ":t", rd->temperature);
	sql_bind_text(st, ":sym", rd->symptoms ? rd->symptoms : "");
	sql_bind_text(st, ":note", rd->note);
	if (sql_step_done(db, st, e) < 0)
		return -1;
	json_open(&ch);
	json_add_str(&ch, "visit", visit_uuid);
	record_json_ref(db, &ch, "resident_id", "residents", rd->resident_id);
	json_add_str(&ch, "resident", name);
	if (rd->temperature)
		json_add_int(&ch, "temperature", rd->temperature);
	else
		json_add_str(&ch, "temperature", NULL);
	if (rd->symptoms && *rd->symptoms)
		json_add_str(&ch, "symptoms", rd->symptoms);
	r = record_audit(db, "insert", "readings", uuid, &ch, e);
	strbuf_free(&ch);
	if (r < 0 || db_followup_open_for(db, rd->resident_id, "round", uuid, at, rd->temperature,
					  rd->symptoms, e) < 0)
		return -1;
	return 0;
}

/* A visit as its INSERT takes it; household is the household's UUID, as
 * the audit row names it. */
struct visit_ins {
	long long household_id;
	const char *household, *at, *date, *outcome, *notes;
	long long staff_id;
};

#define VN(K, m, param) COLW(K, struct visit_ins, m, param)

/* A visit's write columns, the audited ones in the order of its audit row
 * (the household by its UUID, bound by its id). */
static const struct col_desc visit_write[] = {
	COLD_STR(struct visit_ins, household),
	VN(STR, date, ":date"),
	VN(STR, at, ":at"),
	VN(STR, outcome, ":outcome"),
	COLW_REFTO(struct visit_ins, staff_id, ":staff", "staff"),
	VN(STR, notes, ":notes"),
	COLW_BIND(INT, struct visit_ins, household_id, ":hid"),
};

long long db_visit_insert(struct db *db, const struct visit_new *v, char uuid_out[37],
			  struct err *e)
{
	static const struct record_write w = {
	    "visits",
	    "INSERT INTO visits(uuid, created_at, updated_at, household_id, at, date, staff_id,"
	    " outcome, notes) VALUES(:uuid, :now, :now, :hid, :at, :date, :staff, :outcome, :notes)",
	    visit_write, ROWDESC_N(visit_write)};
	char date[DATE_STR], at[CLOCK_STR], uuid[37], hh_uuid[37], *name = NULL;
	struct visit_ins row;
	long long id = -1, staff = v->staff_id;

	if (!*model_enum_code(model_outcome, (int)v->outcome)) {
		err_field(e, "outcome", _("unknown visit outcome %d"), (int)v->outcome);
		return -1;
	}
	if (v->n_readings > 0 && v->outcome != VISIT_VISITED) {
		err_field(e, "outcome", _("a visit with outcome \"%s\" has no readings"),
			  visit_outcome_code(v->outcome));
		return -1;
	}
	if (resolve_when(v, date, at, e) < 0 || limits_check("visits", "notes", v->notes, e) < 0)
		return -1;
	for (int i = 0; i < v->n_readings; i++)
		if (limits_check("readings", "note", v->readings[i].note, e) < 0)
			return -1;
	if (db_begin(db, e) < 0)
		return -1;
	if (check_household(db, v->household_id, hh_uuid, e) < 0)
		goto out;
	if (staff < 0 && (staff = db_staff_current_id(db, e)) < 0)
		goto out;
	row = (struct visit_ins){v->household_id, hh_uuid, at, date, visit_outcome_code(v->outcome),
				 v->notes, staff};
	if ((id = record_insert(db, &w, &row, uuid, e)) < 0)
		goto out;
	for (int i = 0; id >= 0 && i < v->n_readings; i++) {
		if (check_reading(db, v, i, &name, e) < 0 ||
		    insert_reading(db, id, uuid, &v->readings[i], name, at, e) < 0)
			id = -1;
	}
out:
	id = db_end(db, id, e);
	if (id >= 0 && uuid_out)
		memcpy(uuid_out, uuid, 37);
	free(name);
	return id;
}

int db_visit_undo(struct db *db, long long visit_id, struct err *e)
{
	/* The visit and its readings, deleted together. */
	static const char *const drop[] = {
	    "UPDATE readings SET deleted_at = :now, updated_at = :now"
	    " WHERE visit_id = :id AND deleted_at IS NULL",
	    "UPDATE visits SET deleted_at = :now, updated_at = :now WHERE id = :id",
	};
	sqlite3_stmt *st;
	char uuid[37], now[CLOCK_STR];
	struct strbuf ch = STRBUF_INIT, took = STRBUF_INIT;
	int r, n_readings = 0, done = -1;

	if (db_begin(db, e) < 0)
		return -1;
	r = db_record_live_uuid(db, "visits", visit_id, uuid, e);
	if (r <= 0) {
		db_rollback(db);
		return r;
	}
	/* Each reading gets its own audit row: its history shows the undo. */
	st = SQL_PREP(
	    db, e,
	    "SELECT uuid FROM readings WHERE visit_id = :id AND deleted_at IS NULL ORDER BY id",
	    SQLP_INT(":id", visit_id));
	if (!st)
		goto out;
	while ((r = sql_step_row(db, st, e)) == 1) {
		char ruuid[37];

		sql_col_copy(st, 0, ruuid, sizeof ruuid);
		strbuf_reset(&ch);
		json_open(&ch);
		json_add_str(&ch, "visit", uuid);
		json_add_str(&ch, "reason", "visit undone");
		if (record_audit(db, "delete", "readings", ruuid, &ch, e) < 0 ||
		    db_followup_withdraw(db, ruuid, e) < 0) {
			sqlite3_reset(st);
			goto out;
		}
		strbuf_printf(&took, "%s\"%s\"", n_readings ? "," : "", ruuid);
		n_readings++;
	}
	sqlite3_reset(st);
	if (r < 0)
		goto out;
	clock_now(now); /* one time for both */
	for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++) {
		st = sql_update_stmt(db, drop[i], visit_id, e);
		if (!st || sql_bind_text(st, ":now", now) < 0 || sql_step_done(db, st, e) < 0)
			goto out;
	}
	strbuf_reset(&ch);
	json_open(&ch);
	json_add_str(&ch, "reason", "visit undone");
	json_add_int(&ch, "readings", n_readings);
	if (n_readings)
		strbuf_printf(&ch, ",\"took\":{\"readings\":[%s]}", strbuf_str(&took));
	if (record_audit(db, "delete", "visits", uuid, &ch, e) == 0)
		done = 1;
out:
	done = (int)db_end(db, done, e);
	strbuf_free(&ch);
	strbuf_free(&took);
	return done;
}

int db_visit_last(struct db *db, const char *date, long long staff_id, long long *id_out,
		  struct err *e)
{
	sqlite3_stmt *st =
	    SQL_PREP(db, e,
		     "SELECT id FROM visits WHERE date = :date AND deleted_at IS NULL"
		     " AND (:staff < 0 OR staff_id = :staff) ORDER BY created_at DESC,"
		     " id DESC LIMIT 1",
		     SQLP_TEXT(":date", date), SQLP_INT(":staff", staff_id));

	return sql_row_ints(db, st, id_out, 1, e);
}

int db_visit_status(struct db *db, long long household_id, const char *date, int fever_threshold,
		    struct visit_status *out, struct err *e)
{
	sqlite3_stmt *st = SQL_PREP(
		db, e,
		"SELECT v.id, v.outcome, v.at,"
		" (SELECT count(*) FROM visits w WHERE w.household_id = v.household_id"
		"  AND w.date = v.date AND w.deleted_at IS NULL),"
		" (SELECT count(r.temperature) FROM readings r WHERE r.visit_id = v.id"
		"  AND r.deleted_at IS NULL),"
		" (SELECT max(r.temperature) FROM readings r WHERE r.visit_id = v.id"
		"  AND r.deleted_at IS NULL)"
		" FROM visits v WHERE v.household_id = :hid AND v.date = :date"
		" AND v.deleted_at IS NULL ORDER BY v.at DESC, v.uuid DESC LIMIT 1",
		SQLP_INT(":hid", household_id), SQLP_TEXT(":date", date));
	char code[16];
	int r;

	memset(out, 0, sizeof *out);
	out->outcome = -1;
	out->visit_id = -1;
	if (!st)
		return -1;
	r = sql_step_row(db, st, e);
	if (r == 1) {
		out->visit_id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, code, sizeof code);
		out->outcome = visit_outcome_from_code(code);
		sql_col_copy(st, 2, out->at, sizeof out->at);
		out->visits = sqlite3_column_int(st, 3);
		out->measured = sqlite3_column_int(st, 4);
		out->max_temperature = sqlite3_column_int(st, 5);
		out->fever = out->max_temperature > 0 && out->max_temperature >= fever_threshold;
	}
	sqlite3_reset(st);
	return r;
}

/* One index lookup for the latest visit of each household of the grid:
 * the Rounds header re-reads this after every save. */
/* clang-format off */
#define COUNTS(where)                                                                              \
	"SELECT count(*), count(x.vid), sum(v.outcome = 'visited'), sum(v.outcome = 'no_answer'),"  \
	" sum(v.outcome = 'refused'), sum(v.outcome = 'away'),"                                     \
	" sum(EXISTS (SELECT 1 FROM readings r WHERE r.visit_id = x.vid AND r.deleted_at IS NULL"   \
	"  AND r.temperature >= :thr))"                                                             \
	" FROM (SELECT h.id, (SELECT w.id FROM visits w WHERE w.household_id = h.id"               \
	"  AND w.date = :date AND w.deleted_at IS NULL ORDER BY w.at DESC, w.uuid DESC LIMIT 1)"   \
	"  AS vid FROM households h WHERE h.deleted_at IS NULL" where ") x"                        \
	" LEFT JOIN visits v ON v.id = x.vid"
/* clang-format on */

/* The columns of COUNTS, in order. */
#define VC(m) COLD_INT32(struct visit_counts, m)
static const struct col_desc count_cols[] = {
    VC(households), VC(done), VC(visited), VC(no_answer), VC(refused), VC(away), VC(fevers),
};

int db_visit_counts(struct db *db, const char *date, long long grid_id, int fever_threshold,
		    struct visit_counts *out, struct err *e)
{
	sqlite3_stmt *st =
	    db_stmt(db, grid_id < 0 ? COUNTS("") : COUNTS(" AND h.grid_id = :grid"), e);

	memset(out, 0, sizeof *out);
	if (!st)
		return -1;
	if (grid_id >= 0)
		sql_bind_int(st, ":grid", grid_id);
	sql_bind_text(st, ":date", date);
	sql_bind_int(st, ":thr", fever_threshold);
	if (rowdesc_one(db, st, count_cols, ROWDESC_N(count_cols), out, sizeof *out, e) < 0)
		return -1;
	return 0;
}

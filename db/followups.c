/* db followups: open, refer, close and count follow-up cases; see
 * followups.h. */
#include "db/followups.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/limits.h"
#include "core/json.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/record.h"
#include "db/isolations.h"
#include "db/settings.h"
#include "db/rowdesc.h"
#include "db/sql.h"
#include "db/staff.h"

/* 0 when s starts with a valid YYYY-MM-DD, else -1. */
static int date_parse_iso_prefix(const char *s)
{
	char day[DATE_STR];
	struct date d;

	snprintf(day, sizeof day, "%.10s", s);
	return date_parse_iso(day, &d, NULL);
}

#define ROWDESC_ROW struct followup
#define FU_COLUMNS(F, X)                                                                           \
	F(INT, id, "f.id") X(CODE, uuid, "f.uuid") X(INT, resident_id, "f.resident_id")            \
	X(INT, household_id, "r.household_id") X(STR, name, "r.name") X(STR, household, "h.code")  \
	X(CODE, opened_at, "f.opened_at") X(CODE, source, "f.source")                              \
	X(INT32, temperature, "f.temperature") X(STR, symptoms, "f.symptoms")                      \
	X(CODE, referred_at, "f.referred_at") X(STR, clinic, "f.clinic")                           \
	X(STR, transport, "f.transport") X(CODE, outcome, "f.outcome")                             \
	X(CODE, closed_at, "f.closed_at") X(STR, closed_by, "s.name")                              \
	X(REF, isolation_id, "f.isolation_id")
#define SELECT_FU                                                                                  \
	ROWDESC_SELECT(FU_COLUMNS)                                                                 \
	" FROM followups f JOIN residents r ON r.id = f.resident_id JOIN households h"             \
	" ON h.id = r.household_id LEFT JOIN staff s ON s.id = f.closed_by"

ROWDESC_RECORD(fu_cols, FU_COLUMNS, db_followup_clear)
ROWDESC_COPY_FN(db_followup_copy, struct followup, fu_cols)
ROWDESC_FREE_FN(db_followups_free, struct followup, fu_cols)

ROWDESC_GET_FN(get_by, struct followup, fu_cols)

int db_followup_get(struct db *db, long long id, struct followup *out, struct err *e)
{
	return get_by(db, SELECT_FU " WHERE f.id = :key AND f.deleted_at IS NULL", id, out, e);
}

int db_followup_open_of(struct db *db, long long resident_id, struct followup *out, struct err *e)
{
	return get_by(db,
		      SELECT_FU " WHERE f.resident_id = :key AND f.closed_at IS NULL"
				" AND f.deleted_at IS NULL ORDER BY f.opened_at, f.id LIMIT 1",
		      resident_id, out, e);
}

int db_followup_open_for(struct db *db, long long resident_id, const char *source,
			 const char *source_uuid, const char *at, int temperature,
			 const char *symptoms, struct err *e)
{
	struct settings set;
	struct followup cur = {0};
	struct strbuf ch = STRBUF_INIT;
	sqlite3_stmt *st;
	char uuid[37], now[20];
	int r, threshold;

	if (!model_enum_find(followup_source, source))
		return err_field(e, "source", _("unknown follow-up source \"%s\""), source);
	r = db_settings_get(db, &set, e);
	threshold = set.fever_threshold;
	settings_clear(&set);
	if (r < 0)
		return -1;
	if (!followup_should_open(temperature, symptoms, threshold))
		return 0;
	r = db_followup_open_of(db, resident_id, &cur, e);
	db_followup_clear(&cur);
	if (r != 0)
		return r < 0 ? -1 : 0;
	st = sql_insert_stmt(db,
			     "INSERT INTO followups(uuid, created_at, updated_at, resident_id,"
			     " opened_at, source, source_uuid, temperature, symptoms)"
			     " VALUES(:uuid, :now, :now, :rid, :at, :source, :suuid, :t, :sym)",
			     uuid, now, e);
	if (!st)
		return -1;
	sql_bind_int(st, ":rid", resident_id);
	sql_bind_text(st, ":at", at ? at : now);
	sql_bind_text(st, ":source", source);
	sql_bind_text(st, ":suuid", source_uuid);
	sql_bind_nonzero(st, ":t", temperature);
	sql_bind_text(st, ":sym", symptoms ? symptoms : "");
	if (sql_step_done(db, st, e) < 0)
		return -1;
	json_open(&ch);
	record_json_ref(db, &ch, "resident_id", "residents", resident_id);
	json_add_str(&ch, "source", source);
	json_add_str(&ch, "opened_at", at ? at : now);
	if (temperature)
		json_add_int(&ch, "temperature", temperature);
	if (symptoms && *symptoms)
		json_add_str(&ch, "symptoms", symptoms);
	return record_audit(db, "insert", "followups", uuid, &ch, e) < 0 ? -1 : 1;
}

int db_followup_withdraw(struct db *db, const char *source_uuid, struct err *e)
{
	sqlite3_stmt *st;
	char uuid[37], now[20];
	int r;

	if (!source_uuid)
		return 0;
	st = SQL_PREP(db, e,
		      "SELECT uuid FROM followups WHERE source_uuid = :s AND closed_at IS NULL"
		      " AND referred_at IS NULL AND deleted_at IS NULL",
		      SQLP_TEXT(":s", source_uuid));
	if (!st)
		return -1;
	r = sql_step_row(db, st, e);
	if (r == 1)
		sql_col_copy(st, 0, uuid, sizeof uuid);
	sqlite3_reset(st);
	if (r != 1)
		return r;
	clock_now(now);
	if (SQL_RUN(db, e,
		    "UPDATE followups SET deleted_at = :now, updated_at = :now WHERE uuid = :u",
		    SQLP_TEXT(":now", now), SQLP_TEXT(":u", uuid)) < 0 ||
	    db_audit(db, "delete", "followups", uuid, "{\"withdrawn\":\"source undone\"}", e) < 0)
		return -1;
	return 1;
}

/* The live case id, which must still be open for the change. */
static int get_open(struct db *db, long long id, struct followup *o, struct err *e)
{
	int r = db_followup_get(db, id, o, e);

	if (r < 0)
		return -1;
	if (r == 0)
		return err_set(e, _("no follow-up with id %lld"), id);
	if (o->closed_at[0])
		return err_set(e, _("this follow-up was already closed at %s"), o->closed_at);
	return 0;
}

/* A change of the open case id in a transaction level of its own: read it
 * (get_open), write (the UPDATE, its audit members appended to ch, an open
 * JSON object), its audit row and the commit; on failure rolled back.
 * 0 or -1. */
static int change_open(struct db *db, long long id,
		       int (*write)(struct db *db, const struct followup *o, const void *arg,
				    struct strbuf *ch, struct err *e),
		       const void *arg, struct err *e)
{
	struct followup o = {0};
	struct strbuf ch = STRBUF_INIT;
	int r = -1;

	if (db_begin(db, e) < 0)
		return -1;
	json_open(&ch);
	if (get_open(db, id, &o, e) < 0 || write(db, &o, arg, &ch, e) < 0) {
		db_rollback(db);
		strbuf_free(&ch);
	} else {
		r = record_audit_commit(db, "update", "followups", o.uuid, &ch, e);
	}
	db_followup_clear(&o);
	return r;
}

/* A referral as change_open writes it. */
struct referral {
	const char *when, *clinic, *transport, *now;
};

static int write_referral(struct db *db, const struct followup *o, const void *arg,
			  struct strbuf *ch, struct err *e)
{
	const struct referral *f = arg;

	if (SQL_RUN(db, e,
		    "UPDATE followups SET referred_at = :at, clinic = :clinic,"
		    " transport = :transport, updated_at = :now WHERE id = :id",
		    SQLP_TEXT(":at", f->when), SQLP_TEXT(":clinic", f->clinic),
		    SQLP_TEXT(":transport", f->transport), SQLP_TEXT(":now", f->now),
		    SQLP_INT(":id", o->id)) < 0)
		return -1;
	json_add_change(ch, "referred_at", o->referred_at[0] ? o->referred_at : NULL, f->when);
	json_add_change(ch, "clinic", o->clinic[0] ? o->clinic : NULL, f->clinic);
	if (f->transport)
		json_add_change(ch, "transport", o->transport[0] ? o->transport : NULL,
				f->transport);
	return 0;
}

int db_followup_refer(struct db *db, long long id, const char *at, const char *clinic,
		      const char *transport, struct err *e)
{
	char now[20], when[20];
	struct referral f = {when, clinic, transport && *transport ? transport : NULL, now};

	if (!clinic || !*clinic)
		return err_field(e, "clinic", "%s", _("name the fever clinic"));
	if (limits_check_row("followups", e, "clinic", clinic, "transport", transport,
			     (const char *)NULL) < 0)
		return -1;
	clock_now(now);
	if (at && *at &&
	    (strlen(at) != 16 || at[10] != ' ' || date_parse_iso_prefix(at) < 0 ||
	     clock_parse_hhmm(at + 11) < 0))
		return err_field(e, "at", "%s", _("the referral time is YYYY-MM-DD HH:MM"));
	/* Stored as every *_at is, to the second (check and merge read it so). */
	if (at && *at)
		snprintf(when, sizeof when, "%.16s:00", at);
	else
		snprintf(when, sizeof when, "%.19s", now);
	return change_open(db, id, write_referral, &f, e);
}

/* Starts the isolation of a case closed as isolated; its id, or -1. */
static long long start_isolation(struct db *db, const struct followup *o,
				 const struct followup_isolation *iso, struct err *e)
{
	struct isolation_new n = {0};
	struct isolation cur = {0};
	int r = db_isolation_active_for(db, o->resident_id, &cur, e);
	long long id = cur.id;

	db_isolation_clear(&cur);
	if (r != 0) /* already isolated: the case links that isolation */
		return r < 0 ? -1 : id;

	n.resident_id = o->resident_id;
	n.kind = iso && iso->kind ? iso->kind : "home";
	n.site = iso ? iso->site : NULL;
	n.reason = "symptoms";
	return db_isolation_start(db, &n, e);
}

/* A closing as change_open writes it. */
struct closing {
	const char *outcome, *notes, *now;
	const struct followup_isolation *iso;
};

static int write_closing(struct db *db, const struct followup *o, const void *arg,
			 struct strbuf *ch, struct err *e)
{
	const struct closing *c = arg;
	long long staff, iid = -1;

	if ((staff = db_staff_current_id(db, e)) < 0)
		return -1;
	if (followup_outcome_isolates(c->outcome) && (iid = start_isolation(db, o, c->iso, e)) < 0)
		return -1;
	if (SQL_RUN(db, e,
		    "UPDATE followups SET outcome = :outcome, closed_at = :now,"
		    " closed_by = :staff, isolation_id = :iid,"
		    " notes = coalesce(:notes, notes), updated_at = :now WHERE id = :id",
		    SQLP_TEXT(":outcome", c->outcome), SQLP_TEXT(":now", c->now),
		    SQLP_INT(":staff", staff), SQLP_ID(":iid", iid), SQLP_TEXT(":notes", c->notes),
		    SQLP_INT(":id", o->id)) < 0)
		return -1;
	json_add_change(ch, "outcome", NULL, c->outcome);
	json_add_change(ch, "closed_at", NULL, c->now);
	if (iid >= 0)
		record_json_ref(db, ch, "isolation_id", "isolations", iid);
	if (c->notes)
		json_add_str(ch, "notes", c->notes);
	return 0;
}

int db_followup_close(struct db *db, long long id, const char *outcome,
		      const struct followup_isolation *iso, const char *notes, struct err *e)
{
	char now[20];
	struct closing c = {outcome, notes && *notes ? notes : NULL, now, iso};

	if (followup_close_check(outcome, e) < 0 || limits_check("followups", "notes", notes, e) < 0)
		return -1;
	clock_now(now);
	return change_open(db, id, write_closing, &c, e);
}

int db_followups_open(struct db *db, struct followup **v, int *n, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   SELECT_FU " WHERE f.closed_at IS NULL AND f.deleted_at IS NULL"
					     " ORDER BY f.opened_at, f.id",
				   e);
	void *rows;
	int r;

	*v = NULL;
	*n = 0;
	if (!st)
		return -1;
	r = rowdesc_collect(db, st, fu_cols, ROWDESC_N(fu_cols), &rows, n, sizeof **v, e);
	*v = rows;
	return r;
}

/* The three counts of db_followup_counts's statement, in order. */
static const struct col_desc counts_cols[] = {
    COLD_INT32(struct followup_counts, opened),
    COLD_INT32(struct followup_counts, open),
    COLD_INT32(struct followup_counts, closed),
};

int db_followup_counts(struct db *db, const char *day, struct followup_counts *out, struct err *e)
{
	/* followup_open_on in SQL: opened on or before the day, not closed by its end. */
	sqlite3_stmt *st =
	    db_stmt(db,
		    "SELECT (SELECT count(*) FROM followups WHERE deleted_at IS NULL"
		    "  AND opened_at >= :day AND opened_at < date(:day, '+1 day')),"
		    " (SELECT count(*) FROM followups WHERE deleted_at IS NULL"
		    "  AND opened_at < date(:day, '+1 day')"
		    "  AND (closed_at IS NULL OR closed_at >= date(:day, '+1 day'))),"
		    " (SELECT count(*) FROM followups WHERE deleted_at IS NULL"
		    "  AND closed_at >= :day AND closed_at < date(:day, '+1 day'))",
		    e);

	memset(out, 0, sizeof *out);
	if (!st)
		return -1;
	sql_bind_text(st, ":day", day);
	if (rowdesc_one(db, st, counts_cols, ROWDESC_N(counts_cols), out, sizeof *out, e) < 0)
		return -1;
	return 0;
}

/* db isolations: start, checks, extend, restart, end; see isolations.h. */
#include "db/isolations.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/isolation.h"
#include "core/json.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/release.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/temperature.h"
#include "db/db.h"
#include "db/followups.h"
#include "db/settings.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/sql.h"
#include "db/staff.h"

#define ROWDESC_ROW struct isolation
#define ISO_COLUMNS(F, X)                                                                          \
	F(INT, id, "id") X(CODE, uuid, "uuid") X(INT, resident_id, "resident_id")                  \
	X(CODE, kind, "kind") X(STR, site, "site") X(CODE, reason, "reason")                       \
	X(CODE, start_date, "start_date") X(INT32, days, "days")                                   \
	X(INT32, extended_days, "extended_days") X(CODE, last_day, "last_day")                     \
	X(CODE, end_date, "end_date") X(CODE, end_reason, "end_reason")                            \
	X(REF, previous_id, "previous_id")
#define SELECT_ISO                                                                                 \
	ROWDESC_SELECT(ISO_COLUMNS)                                                                \
	" FROM isolation_spans"

ROWDESC_RECORD(iso_cols, ISO_COLUMNS, db_isolation_clear)

ROWDESC_GET_FN(get_by, struct isolation, iso_cols)

int db_isolation_get(struct db *db, long long id, struct isolation *out, struct err *e)
{
	return get_by(db, SELECT_ISO " WHERE id = :key AND deleted_at IS NULL", id, out, e);
}

int db_isolation_active_for(struct db *db, long long resident_id, struct isolation *out,
			    struct err *e)
{
	return get_by(db,
		      SELECT_ISO " WHERE resident_id = :key AND end_date IS NULL"
				 " AND deleted_at IS NULL ORDER BY start_date DESC, uuid DESC LIMIT 1",
		      resident_id, out, e);
}

/* The live isolation id, which must be active for the change `what`. */
static int get_active(struct db *db, long long id, const char *what, struct isolation *o,
		      struct err *e)
{
	int r = db_isolation_get(db, id, o, e);

	if (r < 0)
		return -1;
	if (r == 0)
		return err_set(e, _("no isolation with id %lld"), id);
	if (o->end_date[0])
		return err_set(e, _("cannot %s: this isolation already ended on %s (%s)"), what,
			       o->end_date, model_enum_label(model_iso_end, o->end_reason));
	return 0;
}

/* Opens a transaction for a dated change `what` of the live isolation id:
 * reads it into o (it must be active) and day (the date given, or today:
 * record_day_or_today, the form's field), which must not be before its
 * start (too_early: the message, a format of day and the start).  0 with the
 * transaction open; -1 with a message, nothing open and o cleared. */
static int begin_dated_change(struct db *db, long long id, const char *what, const char *given,
			      const char *field, const char *too_early, char *day,
			      struct isolation *o, struct err *e)
{
	if (record_day_or_today(given, field, day, e) < 0 || db_begin(db, e) < 0)
		return -1;
	if (get_active(db, id, what, o, e) < 0)
		goto fail;
	if (strcmp(day, o->start_date) < 0) {
		err_field(e, field, too_early, day, o->start_date);
		goto fail;
	}
	return 0;
fail:
	db_rollback(db);
	db_isolation_clear(o);
	return -1;
}

/* An isolation as its INSERT takes it: the parameters and the audited
 * columns, whose names the audit row uses. */
struct isolation_ins {
	long long resident_id;
	const char *kind, *site, *reason, *start_date;
	int days;
	long long previous_id; /* the isolation it continues, -1 for none */
	const char *notes;
};

#define II(K, m, param) COLW(K, struct isolation_ins, m, param)

/* An isolation's write columns, the audited ones in the order of its audit
 * row. */
static const struct col_desc iso_write[] = {
	COLW_REFTO(struct isolation_ins, resident_id, ":rid", "residents"),
	II(STR, kind, ":kind"),
	II(STR, site, ":site"),
	II(STR, reason, ":reason"),
	II(STR, start_date, ":start"),
	II(INT32, days, ":days"),
	COLW_REFTO(struct isolation_ins, previous_id, ":prev", "isolations"),
	COLW_BIND(STR, struct isolation_ins, notes, ":notes"),
};

static long long insert_row(struct db *db, const struct isolation_new *n, const char *start,
			    int days, long long previous_id, struct err *e)
{
	static const struct record_write w = {
	    "isolations",
	    "INSERT INTO isolations(uuid, created_at, updated_at, resident_id, kind, site, reason,"
	    " start_date, days, previous_id, notes) VALUES(:uuid, :now, :now, :rid, :kind, :site,"
	    " :reason, :start, :days, :prev, :notes)",
	    iso_write, ROWDESC_N(iso_write)};
	struct isolation_ins row = {
	    .resident_id = n->resident_id,
	    .kind = n->kind,
	    .site = n->site,
	    .reason = n->reason ? n->reason : "other",
	    .start_date = start,
	    .days = days,
	    .previous_id = previous_id,
	    .notes = n->notes,
	};
	char uuid[37];

	return record_insert(db, &w, &row, uuid, e);
}

long long db_isolation_start(struct db *db, const struct isolation_new *n, struct err *e)
{
	struct settings set;
	struct isolation cur = {0};
	char start[DATE_STR];
	long long id = -1;
	int days = n->days, r;

	if (!model_enum_find(model_iso_kind, n->kind))
		return err_field(e, "kind", _("isolation kind must be home, central or hospital"));
	if (n->reason && !model_enum_find(model_iso_reason, n->reason))
		return err_field(e, "reason", _("unknown isolation reason \"%s\""), n->reason);
	if (!strcmp(n->kind, "central") && (!n->site || !*n->site))
		return err_field(e, "site", _("a central isolation needs the site's name"));
	if (limits_check_row("isolations", e, "site", n->site, "notes", n->notes,
			     (const char *)NULL) < 0)
		return -1;
	if (record_day_or_today(n->start_date, "start_date", start, e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		return -1;
	if (days == 0) {
		r = db_settings_get(db, &set, e);
		days = set.isolation_days;
		settings_clear(&set);
		if (r < 0)
			goto out;
	}
	if (days < 1 || days > 60) {
		err_field(e, "days", _("isolation days must be 1 to 60, not %d"), days);
		goto out;
	}
	r = sql_exists_id(db, "SELECT 1 FROM residents WHERE id = :id AND deleted_at IS NULL",
			  n->resident_id, e);
	if (r <= 0) {
		if (r == 0)
			err_field(e, "resident", _("no resident with id %lld"), n->resident_id);
		goto out;
	}
	r = db_isolation_active_for(db, n->resident_id, &cur, e);
	if (r != 0) {
		if (r == 1)
			err_field(e, "resident",
				  _("this resident is already in isolation since %s (%s): extend, "
				    "restart or end it instead"),
				  cur.start_date, model_enum_label(model_iso_kind, cur.kind));
		goto out;
	}
	id = insert_row(db, n, start, days, -1, e);
out:
	id = db_end(db, id, e);
	db_isolation_clear(&cur);
	return id;
}

/* 1 when a check of date is late for isolation o (core/isolation's rule). */
static int check_is_late(const struct isolation *o, const char *date)
{
	struct date cd, sd, ed;
	struct isolation_span span;

	date_parse_iso(date, &cd, NULL);
	date_parse_iso(o->start_date, &sd, NULL);
	isolation_span_compute(&sd, o->days, o->extended_days, &span);
	if (o->end_date[0])
		date_parse_iso(o->end_date, &ed, NULL);
	return isolation_check_is_late(&cd, o->end_date[0] ? &ed : NULL, &span);
}

/* 0 when no live check holds isolation_id's slot of date; -1 with the
 * refusal (naming when it was recorded) or a database error in e. */
static int check_slot_free(struct db *db, long long isolation_id, const char *date,
			   const char *slot, struct err *e)
{
	sqlite3_stmt *st = SQL_PREP(
	    db, e,
	    "SELECT at FROM checks WHERE isolation_id = :iid AND date = :date"
	    " AND slot = :slot AND deleted_at IS NULL",
	    SQLP_INT(":iid", isolation_id), SQLP_TEXT(":date", date), SQLP_TEXT(":slot", slot));
	int r;

	if (!st)
		return -1;
	r = sql_step_row(db, st, e);
	if (r == 1)
		err_field(e, "slot", _("the %s check of %s was already recorded at %s"),
			  model_enum_label(model_slot, slot), date,
			  (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return r == 0 ? 0 : -1;
}

/* What one check row says, beside its record columns. */
struct check_row {
	const char *date, *slot, *at;
	char *now; /* CLOCK_STR bytes: set again as the row is made */
	int late;
	long long staff;
};

/* Inserts check c of isolation o as row w with its audit row; returns its id,
 * or -1 with e filled. */
static long long insert_check(struct db *db, const struct isolation *o,
			      const struct isolation_check *c, struct check_row *w,
			      struct err *e)
{
	const char *method = c->method ? c->method : "in_person";
	const char *unmeasured = c->unmeasured && *c->unmeasured ? c->unmeasured : NULL;
	struct strbuf ch = STRBUF_INIT;
	char uuid[37];
	sqlite3_stmt *st = db_stmt(
	    db,
	    "INSERT INTO checks(uuid, created_at, updated_at, isolation_id, date, slot, at,"
	    " temperature, symptoms, method, late, staff_id, unmeasured) VALUES(:uuid, :now,"
	    " :now, :iid, :date, :slot, :at, :t, :sym, :method, :late, :staff, :unm)",
	    e);
	long long id;

	if (!st)
		return -1;
	sql_new_record(uuid, w->now);
	sql_bind_text(st, ":uuid", uuid);
	sql_bind_text(st, ":now", w->now);
	sql_bind_int(st, ":iid", o->id);
	sql_bind_text(st, ":date", w->date);
	sql_bind_text(st, ":slot", w->slot);
	sql_bind_text(st, ":at", w->at);
	sql_bind_nonzero(st, ":t", c->temperature);
	sql_bind_text(st, ":sym", c->symptoms ? c->symptoms : "");
	sql_bind_text(st, ":method", method);
	sql_bind_int(st, ":late", w->late);
	sql_bind_id(st, ":staff", w->staff);
	sql_bind_text(st, ":unm", unmeasured);
	if (sql_step_done(db, st, e) < 0)
		return -1;
	id = sqlite3_last_insert_rowid(db_handle(db));
	json_open(&ch);
	json_add_str(&ch, "isolation", o->uuid);
	json_add_str(&ch, "date", w->date);
	json_add_str(&ch, "slot", w->slot);
	if (c->temperature)
		json_add_int(&ch, "temperature", c->temperature);
	if (c->symptoms && *c->symptoms)
		json_add_str(&ch, "symptoms", c->symptoms);
	json_add_str(&ch, "method", method);
	if (unmeasured)
		json_add_str(&ch, "unmeasured", unmeasured);
	if (w->late)
		json_add_int(&ch, "late", 1);
	if (record_audit(db, "insert", "checks", uuid, &ch, e) < 0 ||
	    db_followup_open_for(db, o->resident_id, "check", uuid, w->at, c->temperature,
				 c->symptoms, e) < 0)
		id = -1;
	strbuf_free(&ch);
	return id;
}

long long db_isolation_check(struct db *db, long long isolation_id, const struct isolation_check *c,
			     int *late_out, struct err *e)
{
	struct settings set = {0};
	struct isolation o = {0};
	char date[DATE_STR], now[CLOCK_STR], at[CLOCK_STR], slot[3];
	struct check_row w = {.date = date, .slot = slot, .at = at, .now = now,
			      .late = c->late ? 1 : 0, .staff = c->staff_id};
	long long id = -1;
	int r;

	if (c->slot && !model_enum_find(model_slot, c->slot))
		return err_field(e, "slot", _("the check's slot must be AM or PM"));
	if (c->method && !model_enum_find(model_check_method, c->method))
		return err_field(e, "method", _("unknown check method \"%s\""), c->method);
	if (release_check_not_empty(c->temperature, c->symptoms, c->unmeasured, e) < 0)
		return -1;
	if (c->temperature && temperature_check(c->temperature, e) < 0)
		return -1;
	if (record_day_or_today(c->date, "date", date, e) < 0)
		return -1;
	clock_now(now);
	snprintf(at, sizeof at, "%s", c->at ? c->at : now);
	if (db_begin(db, e) < 0)
		return -1;
	r = db_isolation_get(db, isolation_id, &o, e);
	if (r <= 0) {
		if (r == 0)
			err_set(e, _("no isolation with id %lld"), isolation_id);
		goto out;
	}
	if (strcmp(date, o.start_date) < 0) {
		err_field(e, "date", _("the check's date %s is before the isolation started (%s)"),
			  date, o.start_date);
		goto out;
	}
	if (c->slot) {
		snprintf(slot, sizeof slot, "%s", c->slot);
	} else {
		if (db_settings_get(db, &set, e) < 0)
			goto out;
		int cut = clock_parse_hhmm(set.am_cutoff);

		snprintf(slot, sizeof slot, "%s",
			 isolation_slot_code(isolation_slot_for(clock_minutes(),
								cut < 0 ? 12 * 60 : cut)));
	}
	if (check_is_late(&o, date))
		w.late = 1;
	if (check_slot_free(db, isolation_id, date, slot, e) < 0)
		goto out;
	if (w.staff < 0 && (w.staff = db_staff_current_id(db, e)) < 0)
		goto out;
	id = insert_check(db, &o, c, &w, e);
out:
	id = db_end(db, id, e);
	if (id >= 0 && late_out)
		*late_out = w.late;
	db_isolation_clear(&o);
	settings_clear(&set);
	return id;
}

/* Writes an update of one isolation with its audit row. */
static int update_row(struct db *db, const struct isolation *o, int extended_days,
		      const char *end_date, const char *end_reason, const char *override,
		      struct err *e)
{
	struct strbuf ch = STRBUF_INIT;
	char now[CLOCK_STR], a[16], b[16];
	int r;

	clock_now(now);
	if (SQL_RUN(db, e,
		    "UPDATE isolations SET extended_days = :ext, end_date = :end,"
		    " end_reason = :reason, release_override = :override,"
		    " updated_at = :now WHERE id = :id",
		    SQLP_INT(":ext", extended_days), SQLP_TEXT(":end", end_date),
		    SQLP_TEXT(":reason", end_reason), SQLP_TEXT(":override", override),
		    SQLP_TEXT(":now", now), SQLP_INT(":id", o->id)) < 0)
		return -1;
	json_open(&ch);
	if (extended_days != o->extended_days) {
		snprintf(a, sizeof a, "%d", o->extended_days);
		snprintf(b, sizeof b, "%d", extended_days);
		json_add_change(&ch, "extended_days", a, b);
	}
	if (end_date)
		json_add_change(&ch, "end_date", NULL, end_date);
	if (end_reason)
		json_add_change(&ch, "end_reason", NULL, end_reason);
	if (override)
		json_add_change(&ch, "release_override", NULL, override);
	r = record_audit(db, "update", "isolations", o->uuid, &ch, e);
	strbuf_free(&ch);
	return r;
}

int db_isolation_extend(struct db *db, long long id, int add_days, struct err *e)
{
	struct isolation o = {0};
	struct isolation_span span;
	struct date start, today;
	int ext, r = -1;

	if (add_days == 0)
		return err_field(e, "days", _("extend by a number of days other than 0"));
	if (db_begin(db, e) < 0)
		return -1;
	if (get_active(db, id, _("extend it"), &o, e) < 0)
		goto out;
	ext = o.extended_days + add_days;
	date_parse_iso(o.start_date, &start, NULL);
	clock_today(&today);
	isolation_span_compute(&start, o.days, o.extended_days, &span);
	if (ext < 0) {
		err_field(e, "days",
			  _("the isolation cannot be shorter than its %d days as started"), o.days);
		goto out;
	}
	if (isolation_extend_check(&span, &today, o.days + ext, e) < 0)
		goto out;
	r = update_row(db, &o, ext, NULL, NULL, NULL, e);
out:
	r = (int)db_end(db, r, e);
	db_isolation_clear(&o);
	return r < 0 ? -1 : 0;
}

long long db_isolation_restart(struct db *db, long long id, const char *new_start, struct err *e)
{
	struct isolation o = {0};
	struct isolation_new n;
	char start[DATE_STR];
	long long nid = -1;

	if (begin_dated_change(db, id, _("restart it"), new_start, "start_date",
			       _("the new start %s is before the current one (%s)"), start, &o,
			       e) < 0)
		return -1;
	if (update_row(db, &o, o.extended_days, start, "restarted", NULL, e) < 0)
		goto out;
	memset(&n, 0, sizeof n);
	n.resident_id = o.resident_id;
	n.kind = o.kind;
	n.site = o.site;
	n.reason = o.reason;
	n.notes = NULL;
	nid = insert_row(db, &n, start, o.days, o.id, e);
out:
	nid = db_end(db, nid, e);
	db_isolation_clear(&o);
	return nid;
}

#define RF(K, m) COLD_##K(struct release_facts, m)

/* The facts release_gather reads, in the order of its SELECT. */
static const struct col_desc release_cols[] = {
	RF(INT32, max_temperature), RF(CODE, fever_date),     RF(CODE, symptom),
	RF(CODE, symptom_date),	    RF(INT32, open_followups),
};

/* What the release rule needs about isolation o ending on end: the highest
 * reading and a symptom (the first code of the latest check that has any)
 * among its live checks of the last days, and the resident's open
 * follow-ups. */
static int release_gather(struct db *db, const struct isolation *o, const char *end,
			  struct release_facts *f, struct err *e)
{
	sqlite3_stmt *st = db_stmt(
	    db,
	    "WITH c AS (SELECT temperature, symptoms, date, slot FROM checks"
	    "  WHERE isolation_id = :iid AND deleted_at IS NULL AND date BETWEEN :from AND :end),"
	    " t AS (SELECT temperature, date FROM c WHERE temperature IS NOT NULL"
	    "  ORDER BY temperature DESC, date LIMIT 1),"
	    " s AS (SELECT symptoms, date FROM c WHERE symptoms <> ''"
	    "  ORDER BY date DESC, slot DESC LIMIT 1)"
	    " SELECT t.temperature, t.date,"
	    " substr(s.symptoms, 1, instr(s.symptoms || ',', ',') - 1), s.date,"
	    " (SELECT count(*) FROM followups WHERE resident_id = :rid"
	    "  AND closed_at IS NULL AND deleted_at IS NULL)"
	    " FROM (SELECT 1) LEFT JOIN t LEFT JOIN s",
	    e);
	struct date from, start;
	char from_s[DATE_STR];
	int r;

	memset(f, 0, sizeof *f);
	date_parse_iso(o->start_date, &start, NULL);
	date_parse_iso(end, &f->end, NULL);
	isolation_span_compute(&start, o->days, o->extended_days, &f->span);
	release_window_start(&f->end, &from);
	date_format(&from, from_s);
	if (!st)
		return -1;
	sql_bind_int(st, ":iid", o->id);
	sql_bind_text(st, ":from", from_s);
	sql_bind_text(st, ":end", end);
	sql_bind_int(st, ":rid", o->resident_id);
	r = sql_step_row(db, st, e);
	if (r == 1)
		rowdesc_read(st, release_cols, ROWDESC_N(release_cols), f);
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

int db_isolation_end(struct db *db, long long id, const char *reason, const char *end_date,
		     struct err *e)
{
	return db_isolation_end_override(db, id, reason, end_date, NULL, e);
}

int db_isolation_end_override(struct db *db, long long id, const char *reason, const char *end_date,
			      const char *override, struct err *e)
{
	struct isolation o = {0};
	struct release_facts facts;
	struct settings set = {0};
	char end[DATE_STR];
	int r = -1;

	if (!model_enum_find(model_iso_end, reason) || !strcmp(reason, "restarted"))
		return err_field(e, "end_reason",
				 _("end reason must be completed, hospitalised, confirmed, "
				   "moved_away or error"));
	if (begin_dated_change(db, id, _("end it"), end_date, "end_date",
			       _("the end date %s is before the start (%s)"), end, &o, e) < 0)
		return -1;
	if (!release_override_given(override))
		override = NULL;
	if (!strcmp(reason, "completed")) {
		if (db_settings_get(db, &set, e) < 0 || release_gather(db, &o, end, &facts, e) < 0)
			goto out;
		if (release_decide(reason, &facts, set.fever_threshold, override, e) < 0)
			goto out;
		if (!release_problems(&facts, set.fever_threshold))
			override = NULL;
	} else {
		override = NULL;
	}
	r = update_row(db, &o, o.extended_days, end, reason, override, e);
out:
	r = (int)db_end(db, r, e);
	db_isolation_clear(&o);
	settings_clear(&set);
	return r < 0 ? -1 : 0;
}

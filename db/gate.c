/* db gate: the gate lookup with the outing rule, and the outings recorded
 * at checkpoints; see gate.h. */
#include "db/gate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/isolation.h"
#include "core/json.h"
#include "core/limits.h"
#include "core/outing.h"
#include "core/temperature.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/passes.h"
#include "db/followups.h"
#include "db/settings.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/sql.h"
#include "db/views.h"
#include "db/staff.h"

#define HEAD_NAME HOUSEHOLD_HEAD_NAME("h")

void db_gate_outs_free(struct gate_out *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].household_code);
		free(v[i].head_name);
		free(v[i].resident);
		free(v[i].checkpoint);
	}
	free(v);
}

#define ROWDESC_ROW struct gate_event
#define EVENT_COLUMNS(F, X)                                                                        \
	F(INT, id, "ev.id") X(CODE, at, "ev.at") X(CODE, direction, "ev.direction")                \
	X(CODE, pass_no, "p.pass_no") X(STR, checkpoint, "c.name") X(STR, resident, "r.name")      \
	X(STR, staff, "s.name")
#define EVENT_COLS                                                                                 \
	ROWDESC_SELECT(EVENT_COLUMNS)                                                              \
	" FROM pass_events ev JOIN passes p ON p.id = ev.pass_id LEFT JOIN checkpoints"            \
	" c ON c.id = ev.checkpoint_id LEFT JOIN residents r ON r.id = ev.resident_id"             \
	" LEFT JOIN staff s ON s.id = ev.staff_id"

/* The columns of EVENT_COLS. */
ROWDESC_RECORD(event_cols, EVENT_COLUMNS, db_gate_event_clear)

void db_gate_info_clear(struct gate_info *g)
{
	db_pass_clear(&g->pass);
	for (size_t i = 0; i < g->n_members; i++)
		free(g->members[i].name);
	for (size_t i = 0; i < g->n_last; i++)
		db_gate_event_clear(&g->last[i]);
	free(g->members);
	free(g->fu_name);
	free(g->fu_symptoms);
	memset(g, 0, sizeof *g);
}

/* Fills g->members and g->n_isolated: the household's members and those
 * under isolation today. */
static int load_members(struct db *db, long long household_id, const struct date *today,
			struct gate_info *g, struct err *e)
{
	char ts[DATE_STR];
	sqlite3_stmt *st;
	size_t cap = 0;
	int r;

	date_format(today, ts);
	st = SQL_PREP(db, e,
		      "SELECT r.id, r.name, r.relation, i.kind, i.start_date, i.days,"
		      " i.extended_days FROM residents r"
		      " LEFT JOIN isolations i ON i.resident_id = r.id"
		      " AND i.deleted_at IS NULL AND " ISO_DUE_ON(
			  "i", ":today") " WHERE r.household_id = :hh AND r.deleted_at IS NULL"
					 " AND r.status IN ('living', 'away')"
					 " ORDER BY r.relation <> 'head', r.id, i.start_date",
		      SQLP_TEXT(":today", ts), SQLP_INT(":hh", household_id));
	if (!st)
		return -1;
	while ((r = sql_step_row(db, st, e)) == 1) {
		long long rid = sqlite3_column_int64(st, 0);
		struct gate_member *m;

		if (g->n_members == 0 || g->members[g->n_members - 1].id != rid) {
			XGROW(g->members, cap, g->n_members + 1, 8);
			m = &g->members[g->n_members++];
			memset(m, 0, sizeof *m);
			m->id = rid;
			sql_col_str(st, 1, &m->name);
			sql_col_copy(st, 2, m->relation, sizeof m->relation);
		}
		m = &g->members[g->n_members - 1];
		if (sqlite3_column_type(st, 3) != SQLITE_NULL && !m->isolated) {
			struct isolation_span span;
			struct date start;
			char buf[DATE_STR];

			m->isolated = 1;
			g->n_isolated++;
			sql_col_copy(st, 3, m->iso_kind, sizeof m->iso_kind);
			sql_col_copy(st, 4, buf, sizeof buf);
			if (date_parse_iso(buf, &start, NULL) == 0) {
				isolation_span_compute(&start, sqlite3_column_int(st, 5),
						       sqlite3_column_int(st, 6), &span);
				date_format(&span.last_day, m->iso_last_day);
			}
		}
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

/* The date of the household's last "out": 1 found, 0 never, -1 error. */
static int last_out(struct db *db, long long household_id, struct date *out, struct err *e)
{
	sqlite3_stmt *st = SQL_PREP(db, e,
				    "SELECT max(ev.at) FROM passes p JOIN pass_events ev"
				    " ON ev.pass_id = p.id WHERE p.household_id = :hh"
				    " AND ev.direction = 'out' AND ev.deleted_at IS NULL",
				    SQLP_INT(":hh", household_id));
	char at[CLOCK_STR];
	int r;

	if (!st)
		return -1;
	r = sql_step_row(db, st, e);
	if (r == 1) {
		if (sqlite3_column_type(st, 0) == SQLITE_NULL) {
			r = 0;
		} else {
			sql_col_copy(st, 0, at, sizeof at);
			at[10] = '\0';
			r = date_parse_iso(at, out, NULL) == 0;
		}
	}
	sqlite3_reset(st);
	return r;
}

#define GI(K, m) COLD_##K(struct gate_info, m)

/* The open follow-up load_followup reads into a gate_info. */
static const struct col_desc fu_cols[] = {
	GI(STR, fu_name), GI(INT32, fu_temperature), GI(STR, fu_symptoms), GI(CODE, fu_opened_at),
};

/* The first open follow-up of the household's members into g. */
static int load_followup(struct db *db, long long household_id, struct gate_info *g, struct err *e)
{
	sqlite3_stmt *st = SQL_PREP(db, e,
				    "SELECT r.name, f.temperature, f.symptoms, f.opened_at"
				    " FROM followups f JOIN residents r ON r.id = f.resident_id"
				    " WHERE r.household_id = :hh AND r.deleted_at IS NULL"
				    " AND f.closed_at IS NULL AND f.deleted_at IS NULL"
				    " ORDER BY f.opened_at, f.id LIMIT 1",
				    SQLP_INT(":hh", household_id));
	int r;

	if (!st)
		return -1;
	r = sql_step_row(db, st, e);
	if (r == 1)
		rowdesc_read(st, fu_cols, ROWDESC_N(fu_cols), g);
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

/* Decides an outing of pass p today, with a fever taken at the gate now
 * (gate_fever 1) or not; g gets the members (and is the caller's to
 * clear). */
static int decide(struct db *db, const struct pass *p, struct gate_info *g, int gate_fever,
		  struct err *e)
{
	struct outing_facts f;
	struct settings s;
	int r;

	memset(&f, 0, sizeof f);
	clock_today(&f.today);
	r = db_settings_get(db, &s, e);
	g->outing_days = s.outing_days;
	settings_clear(&s);
	if (r < 0)
		return -1;
	if (load_members(db, p->household_id, &f.today, g, e) < 0 ||
	    load_followup(db, p->household_id, g, e) < 0)
		return -1;
	r = last_out(db, p->household_id, &f.last, e);
	if (r < 0)
		return -1;
	f.has_last = r;
	f.every_days = g->outing_days;
	if (p->valid_until[0] && date_parse_iso(p->valid_until, &f.valid_until, NULL) == 0)
		f.has_valid_until = 1;
	f.revoked = p->revoked_at[0] != '\0';
	f.isolated = g->n_isolated > 0;
	f.followup = g->fu_name && g->fu_name[0] != '\0';
	f.gate_fever = gate_fever;
	outing_check(&f, &g->verdict);
	return 0;
}

static int load_last_events(struct db *db, long long household_id, struct gate_info *g,
			    struct err *e)
{
	sqlite3_stmt *st =
	    SQL_PREP(db, e,
		     EVENT_COLS " WHERE p.household_id = :hh AND ev.deleted_at IS NULL"
				" ORDER BY ev.at DESC, ev.id DESC LIMIT :n",
		     SQLP_INT(":hh", household_id), SQLP_INT(":n", GATE_LAST_EVENTS));
	int r;

	if (!st)
		return -1;
	r = rowdesc_fill(db, st, GATE_LAST_EVENTS, event_cols, ROWDESC_N(event_cols), g->last,
			 sizeof g->last[0], e);
	if (r < 0)
		return -1;
	g->n_last = (size_t)r;
	if (g->n_last > 0 && !strcmp(g->last[0].direction, "out")) {
		g->out_now = 1;
		memcpy(g->out_since, g->last[0].at, CLOCK_STR);
	}
	return 0;
}

int db_gate_lookup(struct db *db, const char *typed, struct gate_info *out, struct err *e)
{
	char no[PASSNO_STR];
	int r;

	memset(out, 0, sizeof *out);
	if (passno_parse(typed, no, e) < 0)
		return -1;
	r = db_pass_find_no(db, no, &out->pass, e);
	if (r <= 0)
		return r;
	if (decide(db, &out->pass, out, 0, e) < 0 ||
	    load_last_events(db, out->pass.household_id, out, e) < 0)
		return -1;
	return 1;
}

static int live_member(struct db *db, long long resident_id, long long household_id, struct err *e)
{
	return SQL_ONCE(db, e,
			"SELECT 1 FROM residents WHERE id = :id AND household_id = :hh"
			" AND deleted_at IS NULL",
			SQLP_INT(":id", resident_id), SQLP_INT(":hh", household_id));
}

static void refusal(const struct gate_info *g, const struct pass *p, struct err *e)
{
	char last[DATE_STR], next[DATE_STR];

	date_format(&g->verdict.last, last);
	date_format(&g->verdict.next_allowed, next);
	switch (g->verdict.reason) {
	case OUTING_TOO_SOON:
		err_field(e, "pass_no",
			  _("Not allowed: household %s went out on %s; next allowed on %s."),
			  p->household_code, last, next);
		break;
	case OUTING_REVOKED:
		err_field(e, "pass_no", _("Not allowed: pass %s was revoked (%s)."), p->pass_no,
			  p->revoke_reason);
		break;
	case OUTING_EXPIRED:
		err_field(e, "pass_no", _("Not allowed: pass %s expired on %s."), p->pass_no,
			  p->valid_until);
		break;
	case OUTING_FOLLOWUP: {
		struct strbuf b = STRBUF_INIT;

		outing_followup_text(g->fu_name, g->fu_temperature, g->fu_symptoms, g->fu_opened_at,
				     &b);
		err_field(e, "pass_no", "%s", strbuf_str(&b));
		strbuf_free(&b);
		break;
	}
	default:
		err_field(e, "pass_no", "%s", outing_reason_text(g->verdict.reason));
		break;
	}
}

int db_gate_record(struct db *db, long long pass_id, long long checkpoint_id, long long staff_id,
		   const char *direction, long long resident_id, struct outing_verdict *verdict,
		   struct err *e)
{
	return db_gate_record_temp(db, pass_id, checkpoint_id, staff_id, direction, resident_id, 0,
				   verdict, e);
}

/* A fever at the gate: the follow-up is written (and committed) although
 * the outing is refused.  Returns -1 with the refusal in e: the fever's
 * (say_fever) or the one already there. */
static int gate_fever(struct db *db, long long resident_id, int temperature, int say_fever,
		      struct err *e)
{
	struct err keep;
	char t[8];
	int r;

	if (e)
		keep = *e;

	r = db_followup_open_for(db, resident_id, "gate", NULL, NULL, temperature, NULL, e);
	if (db_end(db, r, e) < 0)
		return -1;
	if (!say_fever) {
		if (e)
			*e = keep;
		return -1;
	}
	temperature_format(temperature, t);
	return err_field(e, "temperature",
			 _("Not allowed: %s °C at the gate is a fever; a follow-up was opened."),
			 t);
}

/* The refs of an outing: the resident (a live member of the pass's household)
 * and the checkpoint (live), when given.  0 or -1 with e naming the field. */
static int check_refs(struct db *db, const struct pass *p, long long resident_id,
		      long long checkpoint_id, struct err *e)
{
	int r;

	if (resident_id >= 0) {
		r = live_member(db, resident_id, p->household_id, e);
		if (r <= 0) {
			if (r == 0)
				err_field(e, "resident", _("that person is not in household %s"),
					  p->household_code);
			return -1;
		}
	}
	if (checkpoint_id >= 0) {
		r = sql_exists_id(db,
				  "SELECT 1 FROM checkpoints WHERE id = :id AND deleted_at IS NULL",
				  checkpoint_id, e);
		if (r <= 0) {
			if (r == 0)
				err_field(e, "checkpoint", _("no such checkpoint"));
			return -1;
		}
	}
	return 0;
}

/* Writes the outing event of pass p and its audit row. */
static int insert_event(struct db *db, const struct pass *p, long long checkpoint_id,
			long long staff_id, const char *direction, long long resident_id,
			int temperature, struct err *e)
{
	struct strbuf ch = STRBUF_INIT;
	char uuid[37], now[CLOCK_STR];
	sqlite3_stmt *st;
	int r;

	st = sql_insert_stmt(db,
			     "INSERT INTO pass_events(uuid, created_at, updated_at, pass_id,"
			     " checkpoint_id, at, direction, resident_id, staff_id, temperature)"
			     " VALUES(:uuid, :now, :now, :pass, :cp, :now, :dir, :res, :staff, :t)",
			     uuid, now, e);
	if (!st)
		return -1;
	sql_bind_int(st, ":pass", p->id);
	sql_bind_id(st, ":cp", checkpoint_id);
	sql_bind_text(st, ":dir", direction);
	sql_bind_id(st, ":res", resident_id);
	sql_bind_id(st, ":staff", staff_id);
	sql_bind_id(st, ":t", temperature ? temperature : -1);
	if (sql_step_done(db, st, e) < 0)
		return -1;
	json_open(&ch);
	json_add_str(&ch, "pass_no", p->pass_no);
	record_json_ref(db, &ch, "pass_id", "passes", p->id);
	if (temperature)
		json_add_int(&ch, "temperature", temperature);
	json_add_str(&ch, "direction", direction);
	if (checkpoint_id >= 0)
		record_json_ref(db, &ch, "checkpoint_id", "checkpoints", checkpoint_id);
	if (resident_id >= 0)
		record_json_ref(db, &ch, "resident_id", "residents", resident_id);
	record_json_ref(db, &ch, "staff_id", "staff", staff_id);
	r = record_audit(db, "insert", "pass_events", uuid, &ch, e);
	strbuf_free(&ch);
	return r;
}

int db_gate_record_temp(struct db *db, long long pass_id, long long checkpoint_id,
			long long staff_id, const char *direction, long long resident_id,
			int temperature, struct outing_verdict *verdict, struct err *e)
{
	struct settings set = {0};
	struct gate_info g;
	int fever = 0;
	struct pass p = {0};
	int r, out_dir, done = -1;

	memset(&g, 0, sizeof g);
	if (!direction || (strcmp(direction, "out") && strcmp(direction, "in")))
		return err_field(e, "direction", _("the direction is out or in"));
	out_dir = !strcmp(direction, "out");
	if (temperature && (temperature < TEMPERATURE_MIN || temperature > TEMPERATURE_MAX))
		return err_field(
		    e, "temperature",
		    _("temperature %d.%d °C is outside 34.0-43.0 °C: check the reading"),
		    temperature / 10, temperature % 10);
	if (temperature && resident_id < 0)
		return err_field(e, "resident", "%s", _("say whose temperature it is"));
	if (db_begin(db, e) < 0)
		return -1;
	if (temperature) {
		if (db_settings_get(db, &set, e) < 0)
			goto out;
		fever = temperature_is_fever(temperature, set.fever_threshold);
		settings_clear(&set);
	}
	r = db_pass_get(db, pass_id, &p, e);
	if (r <= 0) {
		if (r == 0)
			err_field(e, "pass_no", _("no such pass"));
		goto out;
	}
	if (check_refs(db, &p, resident_id, checkpoint_id, e) < 0)
		goto out;
	if (staff_id < 0 && (staff_id = db_staff_current_id(db, e)) < 0)
		goto out;
	if (out_dir) {
		if (decide(db, &p, &g, fever, e) < 0)
			goto out;
		if (verdict)
			*verdict = g.verdict;
		if (!g.verdict.allowed && fever) {
			/* A fever always opens a follow-up, whatever else refused. */
			if (g.verdict.reason != OUTING_FEVER)
				refusal(&g, &p, e);
			r = gate_fever(db, resident_id, temperature,
				       g.verdict.reason == OUTING_FEVER, e);
			db_gate_info_clear(&g);
			db_pass_clear(&p);
			return r;
		}
		if (!g.verdict.allowed) {
			refusal(&g, &p, e);
			goto out;
		}
	} else if (fever) {
		/* Coming back with a fever: recorded, and followed up. */
		if (db_followup_open_for(db, resident_id, "gate", NULL, NULL, temperature, NULL,
					 e) < 0)
			goto out;
	}
	done = insert_event(db, &p, checkpoint_id, staff_id, direction, resident_id, temperature, e);
out:
	done = (int)db_end(db, done, e);
	settings_clear(&set);
	db_gate_info_clear(&g);
	db_pass_clear(&p);
	return done;
}

int db_gate_still_out(struct db *db, int hours, struct gate_out **out, size_t *n, struct err *e)
{
	sqlite3_stmt *st;
	struct gate_out *v = NULL;
	size_t nv = 0, cap = 0;
	char now[CLOCK_STR], minus[32];
	int r;

	*out = NULL;
	*n = 0;
	if (hours < 0) {
		struct settings s;

		r = db_settings_get(db, &s, e);
		hours = s.out_alert_hours;
		settings_clear(&s);
		if (r < 0)
			return -1;
	}
	st = db_stmt(db,
		     "SELECT p.id, p.pass_no, h.id, h.code, " HEAD_NAME ", r.name, c.name, ev.at,"
		     " (strftime('%s', :now) - strftime('%s', ev.at)) / 60"
		     " FROM pass_events ev JOIN passes p ON p.id = ev.pass_id"
		     " JOIN households h ON h.id = p.household_id"
		     " LEFT JOIN residents r ON r.id = ev.resident_id"
		     " LEFT JOIN checkpoints c ON c.id = ev.checkpoint_id"
		     " WHERE ev.deleted_at IS NULL AND ev.direction = 'out'"
		     " AND h.deleted_at IS NULL"
		     " AND ev.at <= datetime(:now, :minus) AND ev.at >= datetime(:now, '-72 hours')"
		     " AND NOT EXISTS (SELECT 1 FROM passes p2 JOIN pass_events e2"
		     "  ON e2.pass_id = p2.id WHERE p2.household_id = p.household_id"
		     "  AND e2.deleted_at IS NULL AND (e2.at > ev.at OR (e2.at = ev.at"
		     "  AND e2.id > ev.id)))"
		     " ORDER BY ev.at, ev.id",
		     e);
	if (!st)
		return -1;
	clock_now(now);
	snprintf(minus, sizeof minus, "-%d hours", hours);
	sql_bind_text(st, ":now", now);
	sql_bind_text(st, ":minus", minus);
	while ((r = sql_step_row(db, st, e)) == 1) {
		struct gate_out *g;

		XGROW(v, cap, nv + 1, 16);
		g = &v[nv++];
		memset(g, 0, sizeof *g);
		g->pass_id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, g->pass_no, sizeof g->pass_no);
		g->household_id = sqlite3_column_int64(st, 2);
		sql_col_str(st, 3, &g->household_code);
		sql_col_str(st, 4, &g->head_name);
		sql_col_str(st, 5, &g->resident);
		sql_col_str(st, 6, &g->checkpoint);
		sql_col_copy(st, 7, g->at, sizeof g->at);
		g->minutes = (long)sqlite3_column_int64(st, 8);
	}
	sqlite3_reset(st);
	if (r < 0) {
		db_gate_outs_free(v, nv);
		return -1;
	}
	*out = v;
	*n = nv;
	return 0;
}

static void day_bounds(const struct date *day, char lo[CLOCK_STR], char hi[CLOCK_STR])
{
	char d[DATE_STR];

	date_format(day, d);
	snprintf(lo, CLOCK_STR, "%s 00:00:00", d);
	snprintf(hi, CLOCK_STR, "%s 23:59:59", d);
}

int db_gate_day_counts(struct db *db, const struct date *day, long *outs, long *ins, struct err *e)
{
	char lo[CLOCK_STR], hi[CLOCK_STR];
	long long v[2];
	int r;

	day_bounds(day, lo, hi);
	r = sql_row_ints(db,
			 SQL_PREP(db, e,
				  "SELECT coalesce(sum(direction = 'out'), 0),"
				  " coalesce(sum(direction = 'in'), 0) FROM pass_events"
				  " WHERE at BETWEEN :lo AND :hi AND deleted_at IS NULL",
				  SQLP_TEXT(":lo", lo), SQLP_TEXT(":hi", hi)),
			 v, 2, e);
	if (r == 1) {
		*outs = (long)v[0];
		*ins = (long)v[1];
	}
	return r < 0 ? -1 : 0;
}

/* db passes: issuing, listing and revoking passes; see passes.h (the gate
 * that reads them is db/gate.c). */
#include "db/passes.h"

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
#include "db/followups.h"
#include "db/settings.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/sql.h"
#include "db/views.h"
#include "db/staff.h"

#define HEAD_NAME HOUSEHOLD_HEAD_NAME("h")

#define ROWDESC_ROW struct pass
#define PASS_COLUMNS(F, X)                                                                         \
	F(INT, id, "p.id") X(CODE, uuid, "p.uuid") X(CODE, pass_no, "p.pass_no")                   \
	X(INT, household_id, "p.household_id") X(STR, household_code, "h.code")                    \
	X(STR, head_name, HEAD_NAME) X(STR, grid_name, "g.name")                                   \
	X(CODE, issued_date, "p.issued_date") X(CODE, valid_until, "p.valid_until")                \
	X(CODE, revoked_at, "p.revoked_at") X(STR, revoke_reason, "p.revoke_reason")               \
	X(STR, notes, "p.notes")
#define PASS_COLS                                                                                  \
	ROWDESC_SELECT(PASS_COLUMNS)                                                               \
	" FROM passes p JOIN households h ON h.id = p.household_id LEFT JOIN grids g ON"           \
	" g.id = h.grid_id"

#define CURRENT                                                                                    \
	"p.deleted_at IS NULL AND p.revoked_at IS NULL"                                            \
	" AND (p.valid_until IS NULL OR p.valid_until >= :today)"

/* The columns of PASS_COLS. */
ROWDESC_RECORD(pass_cols, PASS_COLUMNS, db_pass_clear)
ROWDESC_EACH_FN(each_pass, struct pass, pass_cols)

static void today_str(char out[DATE_STR])
{
	struct date t;

	clock_today(&t);
	date_format(&t, out);
}

static int pass_one(struct db *db, const char *sql, long long id, const char *text,
		    struct pass *out, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql, e);
	char today[DATE_STR];

	if (!st)
		return -1;
	if (text)
		sql_bind_text(st, ":no", text);
	else
		sql_bind_int(st, ":id", id);
	if (strstr(sql, ":today")) {
		today_str(today);
		sql_bind_text(st, ":today", today);
	}
	return rowdesc_one(db, st, pass_cols, ROWDESC_N(pass_cols), out, sizeof *out, e);
}

int db_pass_get(struct db *db, long long id, struct pass *out, struct err *e)
{
	return pass_one(db, PASS_COLS " WHERE p.id = :id AND p.deleted_at IS NULL", id, NULL, out,
			e);
}

int db_pass_find_no(struct db *db, const char *pass_no, struct pass *out, struct err *e)
{
	return pass_one(db, PASS_COLS " WHERE p.pass_no = :no AND p.deleted_at IS NULL", 0, pass_no,
			out, e);
}

int db_pass_current(struct db *db, long long household_id, struct pass *out, struct err *e)
{
	return pass_one(db,
			PASS_COLS " WHERE p.household_id = :id AND " CURRENT
				  " ORDER BY p.issued_date DESC, p.uuid DESC LIMIT 1",
			household_id, NULL, out, e);
}

int db_pass_each(struct db *db, long long grid_id, int current_only,
		 int (*fn)(const struct pass *p, void *ctx), void *ctx, struct err *e)
{
	char today[DATE_STR];
	sqlite3_stmt *st;

	today_str(today);
	st = SQL_PREP(db, e,
		      PASS_COLS " WHERE p.deleted_at IS NULL AND h.deleted_at IS NULL"
				" AND (:grid < 0 OR h.grid_id = :grid)"
				" AND (:cur = 0 OR (p.revoked_at IS NULL AND"
				" (p.valid_until IS NULL OR p.valid_until >= :today)))"
				" ORDER BY h.sort_key, h.id, p.pass_no",
		      SQLP_INT(":grid", grid_id), SQLP_INT(":cur", current_only ? 1 : 0),
		      SQLP_TEXT(":today", today));
	return each_pass(db, st, fn, ctx, e);
}

int db_pass_page(struct db *db, const struct pass *anchor, int dir, int n, struct pass *out,
		 struct err *e)
{
	static const char *const sql[4] = ROWDESC_PAGE_SQL_UP(
	    PASS_COLS " WHERE p.deleted_at IS NULL AND h.deleted_at IS NULL", "h.sort_key", "p.id",
	    "((SELECT sort_key FROM households WHERE id = :ahh), :aid)");
	sqlite3_stmt *st = rowdesc_page_stmt(db, sql, anchor != NULL, dir, n, e);

	if (!st)
		return -1;
	if (anchor) {
		sql_bind_int(st, ":ahh", anchor->household_id);
		sql_bind_int(st, ":aid", anchor->id);
	}
	return rowdesc_fill(db, st, n, pass_cols, ROWDESC_N(pass_cols), out, sizeof *out, e);
}

int db_pass_issue_target(struct db *db, const char *text, long long *household_id,
			 long long *grid_id, struct err *e)
{
	int r;

	*household_id = *grid_id = -1;
	if (!text || !*text)
		return err_field(e, "target", _("type a household code, a grid name or *"));
	if (!strcmp(text, "*"))
		return 3;
	r = db_record_id_by(db, "households", "code", text, household_id, e);
	if (r != 0)
		return r < 0 ? -1 : 1;
	r = db_record_id_by(db, "grids", "name", text, grid_id, e);
	if (r != 0)
		return r < 0 ? -1 : 2;
	err_field(e, "target", _("no household or grid is called %s"), text);
	return 0;
}

/* ---- issuing ---- */

static int check_valid_until(const char *valid_until, struct err *e)
{
	struct date d, t;

	if (!valid_until || !*valid_until)
		return 0;
	if (date_parse_iso(valid_until, &d, e) < 0) {
		snprintf(e->field, sizeof e->field, "valid_until");
		return -1;
	}
	clock_today(&t);
	if (date_cmp(&d, &t) < 0)
		return err_field(e, "valid_until", _("a pass cannot end before today"));
	return 0;
}

/* The next number of the station: one past the highest ever given there,
 * deleted passes included. */
static int next_passno(struct db *db, char station, char out[PASSNO_STR], struct err *e)
{
	sqlite3_stmt *st =
	    db_stmt(db,
		    "SELECT pass_no FROM passes WHERE pass_no >= :lo AND pass_no < :hi"
		    " ORDER BY pass_no DESC LIMIT 1",
		    e);
	char lo[3], hi[3], last[PASSNO_STR];
	long seq = 0;
	int r;

	if (!st)
		return -1;
	if (passno_station_prefix(station, lo) < 0)
		return err_field(e, "station", _("the station code must be a letter A to Z"));
	snprintf(hi, sizeof hi, "%02u", (unsigned)(station - 'A' + 2) % 100u);
	sql_bind_text(st, ":lo", lo);
	sql_bind_text(st, ":hi", hi);
	r = sql_step_row(db, st, e);
	if (r == 1) {
		sql_col_copy(st, 0, last, sizeof last);
		seq = passno_seq(last);
	}
	sqlite3_reset(st);
	if (r < 0)
		return -1;
	return passno_make(station, seq + 1, out, e);
}

static char station_of(struct db *db, struct err *e)
{
	struct settings s;
	int r = db_settings_get(db, &s, e);
	char station = s.station ? s.station : 'A';

	settings_clear(&s);
	return r < 0 ? 0 : station;
}

/* A pass as its INSERT takes it: the parameters and the audited columns. */
struct pass_ins {
	const char *pass_no;
	long long household_id;
	const char *issued_date, *valid_until, *notes;
};

static const struct col_desc pass_write[] = {
	COLW(STR, struct pass_ins, pass_no, ":no"),
	COLW_REFTO(struct pass_ins, household_id, ":hh", "households"),
	COLW(STR, struct pass_ins, issued_date, ":issued"),
	COLW(STR, struct pass_ins, valid_until, ":until"),
	COLW(STR, struct pass_ins, notes, ":notes"),
};

/* Issues one pass inside the caller's transaction.  1 issued, 0 skipped
 * (the household holds a current pass; e says which when refuse), -1. */
static int issue_one(struct db *db, long long household_id, const char *valid_until,
		     const char *notes, char station, struct pass *out, struct err *e)
{
	static const struct record_write w = {
	    "passes",
	    "INSERT INTO passes(uuid, created_at, updated_at, pass_no, household_id, issued_date,"
	    " valid_until, notes) VALUES(:uuid, :now, :now, :no, :hh, :issued, :until, :notes)",
	    pass_write, ROWDESC_N(pass_write)};
	struct pass cur, p;
	struct pass_ins row;
	char today[DATE_STR];
	int r;

	r = sql_exists_id(db, "SELECT 1 FROM households WHERE id = :id AND deleted_at IS NULL",
			  household_id, e);
	if (r <= 0)
		return r < 0 ? -1 : err_field(e, "household", _("no such household"));
	r = db_pass_current(db, household_id, &cur, e);
	if (r < 0)
		return -1;
	if (r == 1) {
		err_field(e, "household", _("household %s already holds pass %s; revoke it first"),
			  cur.household_code, cur.pass_no);
		db_pass_clear(&cur);
		return 0;
	}
	memset(&p, 0, sizeof p);
	if (next_passno(db, station, p.pass_no, e) < 0)
		return -1;
	today_str(today);
	row = (struct pass_ins){p.pass_no, household_id, today, valid_until, notes};
	p.id = record_insert(db, &w, &row, p.uuid, e);
	if (p.id < 0)
		return -1;
	if (out && db_pass_get(db, p.id, out, e) != 1)
		return -1;
	return 1;
}

int db_pass_issue(struct db *db, long long household_id, const char *valid_until, const char *notes,
		  struct pass *out, struct err *e)
{
	char station;
	int r;

	if (check_valid_until(valid_until, e) < 0 || limits_check("passes", "notes", notes, e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		return -1;
	station = station_of(db, e);
	r = station ? issue_one(db, household_id, valid_until, notes, station, out, e) : -1;
	if (r <= 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db, e);
}

int db_pass_issue_grid(struct db *db, long long grid_id, const char *valid_until, long *issued,
		       long *skipped, struct err *e)
{
	sqlite3_stmt *st;
	long long *ids = NULL;
	size_t n = 0;
	long done = 0, skip = 0;
	char station;
	struct err ignored;
	int r = -1;

	if (issued)
		*issued = 0;
	if (skipped)
		*skipped = 0;
	if (check_valid_until(valid_until, e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		return -1;
	station = station_of(db, e);
	if (!station)
		goto out;
	st = SQL_PREP(db, e,
		      "SELECT id FROM households WHERE deleted_at IS NULL"
		      " AND (:grid < 0 OR grid_id = :grid) ORDER BY sort_key, id",
		      SQLP_INT(":grid", grid_id));
	if (!st)
		goto out;
	if (sql_collect_ids(db, st, &ids, &n, e) < 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		err_clear(&ignored);
		r = issue_one(db, ids[i], valid_until, NULL, station, NULL, &ignored);
		if (r < 0) {
			*e = ignored;
			goto out;
		}
		if (r == 1)
			done++;
		else
			skip++;
	}
	r = 0;
out:
	r = (int)db_end(db, r, e);
	free(ids);
	if (r == 0 && issued)
		*issued = done;
	if (r == 0 && skipped)
		*skipped = skip;
	return r;
}

int db_pass_revoke(struct db *db, long long id, const char *reason, struct err *e)
{
	struct pass p = {0};
	struct strbuf ch = STRBUF_INIT;
	char now[CLOCK_STR];
	int r;

	if (!reason || !*reason)
		return err_field(e, "revoke_reason", _("say why the pass is revoked"));
	if (limits_check("passes", "revoke_reason", reason, e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		return -1;
	r = db_pass_get(db, id, &p, e);
	if (r <= 0) {
		if (r == 0)
			r = err_set(e, _("no such pass"));
		goto out;
	}
	if (p.revoked_at[0]) {
		r = err_set(e, _("pass %s was already revoked on %s"), p.pass_no, p.revoked_at);
		goto out;
	}
	clock_now(now); /* the time the audit row names */
	r = SQL_RUN(db, e,
		    "UPDATE passes SET revoked_at = :now, revoke_reason = :reason,"
		    " updated_at = :now WHERE id = :id",
		    SQLP_TEXT(":now", now), SQLP_TEXT(":reason", reason), SQLP_INT(":id", id));
	if (r < 0)
		goto out;
	json_open(&ch);
	json_add_str(&ch, "pass_no", p.pass_no);
	json_add_change(&ch, "revoked_at", NULL, now);
	json_add_change(&ch, "revoke_reason", NULL, reason);
	r = record_audit(db, "void", "passes", p.uuid, &ch, e);
out:
	r = (int)db_end(db, r, e);
	db_pass_clear(&p);
	return r;
}

int db_pass_set_valid_until(struct db *db, long long id, const char *valid_until, struct err *e)
{
	struct pass p = {0};
	const char *v = valid_until && *valid_until ? valid_until : NULL;
	int r;

	if (check_valid_until(v, e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		return -1;
	r = db_pass_get(db, id, &p, e);
	if (r == 0)
		r = err_set(e, _("no such pass"));
	else if (r == 1 && !strcmp(p.valid_until, v ? v : ""))
		r = 0; /* unchanged */
	else if (r == 1)
		r = db_record_set_text(db, "passes", id, p.uuid, "valid_until",
				       p.valid_until[0] ? p.valid_until : NULL, v, e) < 0 ? -1 : 1;
	db_pass_clear(&p);
	if (r < 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db, e) < 0 ? -1 : r;
}

/* db checkpoints: checkpoints and shifts; see checkpoints.h (copying a
 * roster forward and its checks are db/duty_roster.c). */
#include "db/checkpoints.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/duty.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/sql.h"

/* ---- checkpoints ---- */

void db_checkpoint_init(struct checkpoint *c)
{
	memset(c, 0, sizeof *c);
	c->id = -1;
	c->name = xstrdup("");
	c->location = xstrdup("");
	strcpy(c->kind, "gate");
	c->active = 1;
}

#define ROWDESC_ROW struct checkpoint
#define CPT_COLUMNS(F, X)                                                                          \
	F(INT, id, "id") X(CODE, uuid, "uuid") X(STR, name, "name") X(STR, location, "location")   \
	X(CODE, kind, "kind") X(INT32, active, "active")
#define CP_COLS                                                                                    \
	ROWDESC_SELECT(CPT_COLUMNS)                                                                \
	" FROM checkpoints"

/* The columns of CP_COLS. */
ROWDESC_RECORD(cp_cols, CPT_COLUMNS, db_checkpoint_clear)
ROWDESC_COPY_FN(db_checkpoint_copy, struct checkpoint, cp_cols)
ROWDESC_FREE_FN(db_checkpoints_free, struct checkpoint, cp_cols)
ROWDESC_EACH_FN(each_checkpoint, struct checkpoint, cp_cols)

int db_checkpoint_get(struct db *db, long long id, struct checkpoint *out, struct err *e)
{
	return rowdesc_get(db, CP_COLS " WHERE id = :key AND deleted_at IS NULL", id, cp_cols,
			   ROWDESC_N(cp_cols), out, sizeof *out, e);
}

int db_checkpoint_find(struct db *db, const char *name, struct checkpoint *out, struct err *e)
{
	return rowdesc_find(db, CP_COLS " WHERE name = :key AND deleted_at IS NULL", name, cp_cols,
			    ROWDESC_N(cp_cols), out, sizeof *out, e);
}

/* A checkpoint's checks before it is written (record_kind's check). */
static int cp_check(struct db *db, const void *row, struct err *e)
{
	const struct checkpoint *c = row;
	struct checkpoint other = {0};
	long long other_id;
	int r;

	if (!c->name[0])
		return err_field(e, "name", _("the checkpoint needs a name"));
	if (limits_check_row("checkpoints", e, "name", c->name, "location", c->location,
			     (const char *)NULL) < 0)
		return -1;
	if (!model_enum_find(model_checkpoint_kind, c->kind))
		return err_field(e, "kind", _("unknown checkpoint kind \"%s\""), c->kind);
	if (c->active != 0 && c->active != 1)
		return err_field(e, "active", _("active is yes or no"));
	r = db_checkpoint_find(db, c->name, &other, e);
	other_id = other.id;
	db_checkpoint_clear(&other);
	if (r < 0)
		return -1;
	if (r == 1 && other_id != c->id)
		return err_field(e, "name", _("checkpoint %s already exists"), c->name);
	return 0;
}

/* A checkpoint's write columns, in the order of its audit row. */
static const struct col_desc cp_write[] = {
	COLW(STR, struct checkpoint, name, ":name"),
	COLW(STR, struct checkpoint, location, ":location"),
	COLW(CODE, struct checkpoint, kind, ":kind"),
	COLW(INT32, struct checkpoint, active, ":active"),
};

static const struct record_write cp_insert = {
    "checkpoints",
    "INSERT INTO checkpoints(uuid, created_at, updated_at, name, location, kind, active)"
    " VALUES(:uuid, :now, :now, :name, :location, :kind, :active)",
    cp_write, ROWDESC_N(cp_write)};
static const struct record_write cp_update = {
    "checkpoints",
    "UPDATE checkpoints SET name = :name, location = :location, kind = :kind,"
    " active = :active, updated_at = :now WHERE id = :id",
    cp_write, ROWDESC_N(cp_write)};
static const struct record_kind cp_kind =
    RECORD_KIND(struct checkpoint, &cp_insert, &cp_update, cp_check,
		CP_COLS " WHERE id = :key AND deleted_at IS NULL", cp_cols,
		N_("the checkpoint was deleted meanwhile"));

RECORD_KIND_FNS(db_checkpoint_insert, db_checkpoint_update, struct checkpoint, &cp_kind)

int db_checkpoint_delete(struct db *db, long long id, struct err *e)
{
	return db_record_soft_delete(db, "checkpoints", id, e);
}

int db_checkpoint_each(struct db *db, int active_only,
		       int (*fn)(const struct checkpoint *c, void *ctx), void *ctx, struct err *e)
{
	sqlite3_stmt *st =
	    db_stmt(db,
		    active_only ? CP_COLS " WHERE deleted_at IS NULL AND active = 1"
					  " ORDER BY name, id"
				: CP_COLS " WHERE deleted_at IS NULL ORDER BY name, id",
		    e);

	return each_checkpoint(db, st, fn, ctx, e);
}

/* ---- shifts ---- */

void db_shift_init(struct shift *s)
{
	memset(s, 0, sizeof *s);
	s->id = -1;
	s->checkpoint_id = -1;
	s->checkpoint_name = xstrdup("");
	s->staff_name = xstrdup("");
	s->notes = xstrdup("");
	s->staff_id = -1;
	strcpy(s->role, "member");
	s->present = -1;
}

#undef ROWDESC_ROW
#define ROWDESC_ROW struct shift
#define SHIFT_COLUMNS(F, X)                                                                        \
	F(INT, id, "s.id") X(CODE, uuid, "s.uuid") X(INT, checkpoint_id, "s.checkpoint_id")        \
	X(STR, checkpoint_name, "c.name") X(CODE, date, "s.date")                                  \
	X(CODE, start_time, "s.start_time") X(CODE, end_time, "s.end_time")                        \
	X(REF, staff_id, "s.staff_id") X(STR, staff_name, "p.name") X(CODE, staff_role, "p.role")  \
	X(CODE, role, "s.role") X(OPT32, present, "s.present") X(STR, notes, "s.notes")
#define SHIFT_COLS                                                                                 \
	ROWDESC_SELECT(SHIFT_COLUMNS)                                                              \
	" FROM shifts s JOIN checkpoints c ON c.id = s.checkpoint_id LEFT JOIN staff p"            \
	" ON p.id = s.staff_id"

/* The columns of SHIFT_COLS. */
ROWDESC_RECORD(shift_cols, SHIFT_COLUMNS, db_shift_clear)
ROWDESC_COPY_FN(db_shift_copy_row, struct shift, shift_cols)
ROWDESC_FREE_FN(db_shifts_free, struct shift, shift_cols)
ROWDESC_EACH_FN(each_shift, struct shift, shift_cols)

int db_shift_get(struct db *db, long long id, struct shift *out, struct err *e)
{
	return rowdesc_get(db, SHIFT_COLS " WHERE s.id = :key AND s.deleted_at IS NULL", id,
			   shift_cols, ROWDESC_N(shift_cols), out, sizeof *out, e);
}

int db_shift_exists(struct db *db, const struct shift *s, struct err *e)
{
	return SQL_ONCE(db, e,
			"SELECT 1 FROM shifts WHERE checkpoint_id = :cp AND date = :date"
			" AND start_time = :start AND end_time = :end AND id <> :id"
			" AND deleted_at IS NULL AND (:staff < 0 OR staff_id = :staff)",
			SQLP_INT(":cp", s->checkpoint_id), SQLP_TEXT(":date", s->date),
			SQLP_TEXT(":start", s->start_time), SQLP_TEXT(":end", s->end_time),
			SQLP_INT(":id", s->id), SQLP_INT(":staff", s->staff_id));
}

/* A shift's checks before it is written (record_kind's check). */
static int shift_check(struct db *db, const void *row, struct err *e)
{
	const struct shift *s = row;
	struct date d;
	int a, b, r;

	r = sql_exists_id(db, "SELECT 1 FROM checkpoints WHERE id = :id AND deleted_at IS NULL",
		     s->checkpoint_id, e);
	if (r <= 0)
		return r < 0 ? -1 : err_field(e, "checkpoint", _("choose a checkpoint"));
	if (date_parse_iso(s->date, &d, e) < 0) {
		snprintf(e->field, sizeof e->field, "date");
		return -1;
	}
	a = clock_parse_hhmm(s->start_time);
	b = clock_parse_hhmm(s->end_time);
	if (a < 0)
		return err_field(e, "start_time", _("the start time is HH:MM, e.g. 08:00"));
	if (b < 0)
		return err_field(e, "end_time", _("the end time is HH:MM, e.g. 16:00"));
	if (a == b)
		return err_field(e, "end_time", _("the shift ends when it starts"));
	if (!model_enum_find(model_shift_role, s->role))
		return err_field(e, "role", _("the role is leader or member"));
	if (s->present < -1 || s->present > 1)
		return err_field(e, "present", _("present is yes, no or not recorded"));
	if (limits_check("shifts", "notes", s->notes, e) < 0)
		return -1;
	if (s->staff_id >= 0) {
		r = sql_exists_id(db, "SELECT 1 FROM staff WHERE id = :id AND deleted_at IS NULL",
			     s->staff_id, e);
		if (r <= 0)
			return r < 0 ? -1
				     : err_field(e, "staff", _("that person is no longer listed"));
		r = db_shift_exists(db, s, e);
		if (r != 0)
			return r < 0
				   ? -1
				   : err_field(e, "staff",
					       _("this person is already on this shift (%s %s-%s)"),
					       s->date, s->start_time, s->end_time);
	}
	return 0;
}

/* A shift's write columns, in the order of its audit row. */
static const struct col_desc shift_write[] = {
	COLW_REFTO(struct shift, checkpoint_id, ":cp", "checkpoints"),
	COLW(CODE, struct shift, date, ":date"),
	COLW(CODE, struct shift, start_time, ":start"),
	COLW(CODE, struct shift, end_time, ":end"),
	COLW_REFTO(struct shift, staff_id, ":staff", "staff"),
	COLW(CODE, struct shift, role, ":role"),
	COLW(OPT32, struct shift, present, ":present"),
	COLW(STR, struct shift, notes, ":notes"),
};

static const struct record_write shift_insert = {
    "shifts",
    "INSERT INTO shifts(uuid, created_at, updated_at, checkpoint_id, date, start_time,"
    " end_time, staff_id, role, present, notes) VALUES(:uuid, :now, :now, :cp, :date,"
    " :start, :end, :staff, :role, :present, :notes)",
    shift_write, ROWDESC_N(shift_write)};
static const struct record_write shift_update = {
    "shifts",
    "UPDATE shifts SET checkpoint_id = :cp, date = :date, start_time = :start,"
    " end_time = :end, staff_id = :staff, role = :role, present = :present,"
    " notes = :notes, updated_at = :now WHERE id = :id",
    shift_write, ROWDESC_N(shift_write)};
static const struct record_kind shift_kind =
    RECORD_KIND(struct shift, &shift_insert, &shift_update, shift_check,
		SHIFT_COLS " WHERE s.id = :key AND s.deleted_at IS NULL", shift_cols,
		N_("the shift was deleted meanwhile"));

RECORD_KIND_FNS(db_shift_insert, db_shift_update, struct shift, &shift_kind)

int db_shift_set_present(struct db *db, long long id, int present, struct err *e)
{
	struct shift s = {0};
	int r;

	if (db_begin(db, e) < 0)
		return -1;
	r = db_shift_get(db, id, &s, e);
	if (r == 0)
		err_set(e, _("the shift was deleted meanwhile"));
	if (r <= 0) {
		db_rollback(db);
		db_shift_clear(&s);
		return -1;
	}
	s.present = present;
	r = db_shift_update(db, &s, e);
	db_shift_clear(&s);
	if (r < 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db, e) < 0 ? -1 : r;
}

int db_shift_delete(struct db *db, long long id, struct err *e)
{
	return db_record_soft_delete(db, "shifts", id, e);
}

int db_shift_each(struct db *db, const struct date *from, int days, long long checkpoint_id,
		  int (*fn)(const struct shift *s, void *ctx), void *ctx, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   SHIFT_COLS " WHERE s.date BETWEEN :from AND :to"
					      " AND s.deleted_at IS NULL AND c.deleted_at IS NULL"
					      " AND (:cp < 0 OR s.checkpoint_id = :cp)"
					      " ORDER BY s.date, c.name, c.id, s.start_time,"
					      " s.role <> 'leader', p.name IS NULL, p.name, s.id",
				   e);
	char a[DATE_STR], b[DATE_STR];
	struct date last;

	if (!st)
		return -1;
	if (days < 1)
		return 0;
	last = date_add(from, days - 1);
	date_format(from, a);
	date_format(&last, b);
	sql_bind_text(st, ":from", a);
	sql_bind_text(st, ":to", b);
	sql_bind_int(st, ":cp", checkpoint_id);
	return each_shift(db, st, fn, ctx, e);
}

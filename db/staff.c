/* db staff: reading and adding staff members. */
#include "db/staff.h"

#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/textsafe.h"
#include "core/json.h"
#include "core/limits.h"
#include "db/db.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/sql.h"

#define ROWDESC_ROW struct staff_member
#define STAFF_COLUMNS(F, X)                                                                        \
	F(INT, id, "id") X(CODE, uuid, "uuid") X(STR, name, "name") X(STR, phone, "phone")         \
	X(CODE, role, "role") X(INT32, active, "active") X(INT32, party, "party")
#define STAFF_COLS                                                                                 \
	ROWDESC_SELECT(STAFF_COLUMNS)                                                              \
	" FROM staff"

/* The columns of STAFF_COLS. */
ROWDESC_RECORD(staff_cols, STAFF_COLUMNS, db_staff_member_clear)

int db_staff_find(struct db *db, const char *name, struct staff_member *out, struct err *e)
{
	sqlite3_stmt *st = SQL_PREP(db, e, STAFF_COLS " WHERE name=:name AND deleted_at IS NULL",
				    SQLP_TEXT(":name", name));

	if (!st)
		return -1;
	return rowdesc_one(db, st, staff_cols, ROWDESC_N(staff_cols), out, sizeof *out, e);
}

/* A new staff member as its INSERT takes it: both its parameters and its
 * audited columns (never empty: the name is checked, the role defaults). */
struct staff_new {
	const char *name;
	const char *role;
};

static const struct col_desc staff_write[] = {
	COLW(STR, struct staff_new, name, ":name"),
	COLW(STR, struct staff_new, role, ":role"),
};

long long db_staff_ensure(struct db *db, const char *name, const char *role, struct err *e)
{
	static const struct record_write w = {
	    "staff",
	    "INSERT INTO staff(uuid, created_at, updated_at, name, role)"
	    " VALUES(:uuid, :now, :now, :name, :role)",
	    staff_write, ROWDESC_N(staff_write)};
	struct staff_new row = {name, role ? role : "grid_worker"};
	struct staff_member m = {0};
	char uuid[37];
	long long id;
	int r;

	if (record_name_check("staff", "staff", name, _("a staff name is required"), e) < 0)
		return -1;
	if (textsafe_check(name, TEXTSAFE_LINE, "staff", _("staff"), e) < 0)
		return -1;
	r = db_staff_find(db, name, &m, e);
	id = r == 1 ? m.id : -1;
	db_staff_member_clear(&m);
	if (r != 0)
		return id;
	return record_insert_tx(db, &w, &row, uuid, e);
}

int db_staff_each(struct db *db, int active_first,
		  int (*fn)(const struct staff_member *m, void *ctx), void *ctx, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, STAFF_COLS " WHERE deleted_at IS NULL", e);
	struct staff_member *v;
	void *rows;
	int n, i, r;

	/* tens of people: sorted here by core/namesort (pinyin, numerals by value) */
	r = rowdesc_collect_by_name(
	    db, st, staff_cols, ROWDESC_N(staff_cols), &rows, &n, sizeof *v,
	    offsetof(struct staff_member, name), offsetof(struct staff_member, id),
	    active_first ? (long)offsetof(struct staff_member, active) : -1, e);
	v = rows;
	for (i = 0; r == 0 && i < n && !fn(&v[i], ctx); i++)
		;
	rowdesc_free_rows(staff_cols, ROWDESC_N(staff_cols), v, n, sizeof *v);
	return r;
}

int db_staff_update(struct db *db, const struct staff_member *m, struct err *e)
{
	struct staff_member old = {0};
	struct strbuf ch = STRBUF_INIT;
	sqlite3_stmt *st = NULL;
	char a[4], b[4];
	int r, n = 0;

	if (limits_check("staff", "phone", m->phone ? m->phone : "", e) < 0 ||
	    textsafe_check(m->phone ? m->phone : "", TEXTSAFE_LINE, "phone", _("phone"), e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		return -1;
	r = rowdesc_get(db, STAFF_COLS " WHERE id = :key AND deleted_at IS NULL", m->id, staff_cols,
			ROWDESC_N(staff_cols), &old, sizeof old, e);
	if (r <= 0) {
		if (r == 0)
			err_set(e, "%s", _("the staff member was deleted meanwhile"));
		db_rollback(db);
		return -1;
	}
	/* an emptied phone is written as null, the party flag as 0 or 1 */
	json_open(&ch);
	if (strcmp(old.phone, m->phone ? m->phone : "") && ++n)
		json_add_change(&ch, "phone", old.phone, m->phone && *m->phone ? m->phone : NULL);
	if (strcmp(old.role, m->role) && ++n)
		json_add_change(&ch, "role", old.role, m->role);
	snprintf(a, sizeof a, "%d", old.party);
	snprintf(b, sizeof b, "%d", m->party != 0);
	if (strcmp(a, b) && ++n)
		json_add_change(&ch, "party", a, b);
	if (n)
		st = sql_update_stmt(db,
				     "UPDATE staff SET phone = :phone, role = :role,"
				     " party = :party, updated_at = :now WHERE id = :id",
				     m->id, e);
	if (st) {
		sql_bind_text(st, ":phone", m->phone && *m->phone ? m->phone : NULL);
		sql_bind_text(st, ":role", m->role);
		sql_bind_int(st, ":party", m->party != 0);
	}
	r = record_update_commit(db, n, st, "staff", old.uuid, &ch, e);
	db_staff_member_clear(&old);
	return r < 0 ? -1 : 0;
}

long long db_staff_current_id(struct db *db, struct err *e)
{
	return db_staff_ensure(db, db_staff(db), "grid_worker", e);
}

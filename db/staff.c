/* db staff: reading and adding staff members. */
#include "db/staff.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/textsafe.h"
#include "core/json.h"
#include "core/namesort.h"
#include "core/xalloc.h"
#include "core/limits.h"
#include "db/db.h"
#include "db/record.h"
#include "db/sql.h"

void db_staff_member_clear(struct staff_member *m)
{
	free(m->name);
	free(m->phone);
	memset(m, 0, sizeof *m);
}

static void read_row(sqlite3_stmt *st, struct staff_member *m)
{
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	sql_col_copy(st, 1, m->uuid, sizeof m->uuid);
	sql_col_str(st, 2, &m->name);
	sql_col_str(st, 3, &m->phone);
	sql_col_copy(st, 4, m->role, sizeof m->role);
	m->active = sqlite3_column_int(st, 5);
	m->party = sqlite3_column_int(st, 6);
}

int db_staff_find(struct db *db, const char *name, struct staff_member *out, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT id, uuid, name, phone, role, active, party FROM staff"
				   " WHERE name=:name AND deleted_at IS NULL",
				   e);
	int r;

	if (!st)
		return -1;
	sql_bind_text(st, ":name", name);
	r = sql_step_row(db, st, e);
	if (r == 1)
		read_row(st, out);
	sqlite3_reset(st);
	return r;
}

long long db_staff_ensure(struct db *db, const char *name, const char *role, struct err *e)
{
	struct staff_member m = {0};
	char uuid[37], now[20];
	struct strbuf ch = STRBUF_INIT;
	sqlite3_stmt *st;
	long long id = -1;
	int r;

	if (!name || !*name) {
		err_field(e, "staff", _("a staff name is required"));
		return -1;
	}
	if (limits_check("staff", "name", name, e) < 0) {
		snprintf(e->field, sizeof e->field, "staff");
		return -1;
	}
	if (textsafe_check(name, TEXTSAFE_LINE, "staff", _("staff"), e) < 0)
		return -1;
	r = db_staff_find(db, name, &m, e);
	id = r == 1 ? m.id : -1;
	db_staff_member_clear(&m);
	if (r != 0)
		return id;
	if (db_begin(db, e) < 0)
		return -1;
	st = sql_insert_stmt(db,
			     "INSERT INTO staff(uuid, created_at, updated_at, name, role)"
			     " VALUES(:uuid, :now, :now, :name, :role)",
			     uuid, now, e);
	if (!st)
		goto out;
	sql_bind_text(st, ":name", name);
	sql_bind_text(st, ":role", role ? role : "grid_worker");
	if (sql_step_done(db, st, e) < 0)
		goto out;
	id = sqlite3_last_insert_rowid(db_handle(db));
	json_open(&ch);
	json_add_str(&ch, "name", name);
	json_add_str(&ch, "role", role ? role : "grid_worker");
	if (record_audit(db, "insert", "staff", uuid, &ch, e) < 0 || db_commit(db, e) < 0)
		id = -1;
out:
	if (id < 0)
		db_rollback(db);
	strbuf_free(&ch);
	return id;
}

struct keyed_staff {
	char *key;
	struct staff_member m;
};

static int keyed_staff_cmp(const void *a, const void *b)
{
	const struct keyed_staff *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->m.id > y->m.id) - (x->m.id < y->m.id);
}

/* Active first when active_first, then by core/namesort. */
static int keyed_staff_active_cmp(const void *a, const void *b)
{
	const struct keyed_staff *x = a, *y = b;

	if (x->m.active != y->m.active)
		return y->m.active - x->m.active;
	return keyed_staff_cmp(a, b);
}

int db_staff_each(struct db *db, int active_first,
		  int (*fn)(const struct staff_member *m, void *ctx), void *ctx, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT id, uuid, name, phone, role, active, party FROM staff"
				   " WHERE deleted_at IS NULL",
				   e);
	struct keyed_staff *v = NULL;
	int r, n = 0, cap = 0, i;

	if (!st)
		return -1;
	/* tens of people: sorted here by core/namesort (pinyin, numerals by value) */
	while ((r = sql_step_row(db, st, e)) == 1) {
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			v = xrealloc(v, (size_t)cap * sizeof *v);
		}
		memset(&v[n], 0, sizeof v[n]);
		read_row(st, &v[n].m);
		v[n].key = namesort_key(v[n].m.name);
		n++;
	}
	sqlite3_reset(st);
	if (r == 0 && n)
		qsort(v, (size_t)n, sizeof *v, active_first ? keyed_staff_active_cmp : keyed_staff_cmp);
	for (i = 0; r == 0 && i < n && !fn(&v[i].m, ctx); i++)
		;
	for (i = 0; i < n; i++) {
		free(v[i].key);
		db_staff_member_clear(&v[i].m);
	}
	free(v);
	return r < 0 ? -1 : 0;
}

int db_staff_update(struct db *db, const struct staff_member *m, struct err *e)
{
	struct staff_member old = {0};
	struct strbuf ch = STRBUF_INIT;
	sqlite3_stmt *st;
	char now[20], a[4], b[4];
	int r = -1, n = 0;

	if (limits_check("staff", "phone", m->phone ? m->phone : "", e) < 0 ||
	    textsafe_check(m->phone ? m->phone : "", TEXTSAFE_LINE, "phone", _("phone"), e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		return -1;
	st = db_stmt(db, "SELECT id, uuid, name, phone, role, active, party FROM staff"
			 " WHERE id = :id AND deleted_at IS NULL", e);
	if (!st)
		goto out;
	sql_bind_int(st, ":id", m->id);
	r = sql_step_row(db, st, e);
	if (r == 1)
		read_row(st, &old);
	sqlite3_reset(st);
	if (r != 1) {
		if (r == 0)
			err_set(e, "%s", _("the staff member was deleted meanwhile"));
		r = -1;
		goto out;
	}
	r = -1;
	json_open(&ch);
	if (strcmp(old.phone ? old.phone : "", m->phone ? m->phone : "") && ++n)
		json_add_change(&ch, "phone", old.phone, m->phone && *m->phone ? m->phone : NULL);
	if (strcmp(old.role, m->role) && ++n)
		json_add_change(&ch, "role", old.role, m->role);
	snprintf(a, sizeof a, "%d", old.party);
	snprintf(b, sizeof b, "%d", m->party != 0);
	if (strcmp(a, b) && ++n)
		json_add_change(&ch, "party", a, b);
	json_close(&ch);
	if (n == 0) {
		r = db_commit(db, e);
		goto out;
	}
	st = db_stmt(db, "UPDATE staff SET phone = :phone, role = :role, party = :party,"
			 " updated_at = :now WHERE id = :id", e);
	if (!st)
		goto out;
	clock_now(now);
	sql_bind_text(st, ":phone", m->phone && *m->phone ? m->phone : NULL);
	sql_bind_text(st, ":role", m->role);
	sql_bind_int(st, ":party", m->party != 0);
	sql_bind_text(st, ":now", now);
	sql_bind_int(st, ":id", m->id);
	if (sql_step_done(db, st, e) < 0 ||
	    db_audit(db, "update", "staff", old.uuid, strbuf_str(&ch), e) < 0)
		goto out;
	r = db_commit(db, e);
out:
	if (r < 0)
		db_rollback(db);
	strbuf_free(&ch);
	db_staff_member_clear(&old);
	return r < 0 ? -1 : 0;
}

long long db_staff_current_id(struct db *db, struct err *e)
{
	return db_staff_ensure(db, db_staff(db), "grid_worker", e);
}

/* db households: CRUD of households and grids with their audit rows. */
#include "db/households.h"

#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/json.h"
#include "core/limits.h"
#include "core/natsort.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/sql.h"

#define HH(K, m) COLD_##K(struct household, m)

/* The audited texts, in the order of their audit JSON. */
static const struct col_desc audited[] = {
    HH(DUP, code), HH(DUP, compound), HH(DUP, building), HH(DUP, unit),
    HH(DUP, room), HH(DUP, address),  HH(DUP, phone),	 HH(DUP, notes),
};

/* The household's own columns, then the joined ones (grid name, head,
 * counts, last visit, tags: correlated subqueries that matching does not
 * need): kind, member, SQL expression. */
#define HH_OWN_COLUMNS(F, X)                                                                       \
	F(INT, id, "h.id") X(CODE, uuid, "h.uuid") X(DUP, code, "h.code")                          \
	X(DUP, compound, "h.compound") X(DUP, building, "h.building") X(DUP, unit, "h.unit")       \
	X(DUP, room, "h.room") X(DUP, address, "h.address") X(REF, grid_id, "h.grid_id")           \
	X(DUP, phone, "h.phone") X(DUP, notes, "h.notes")
#define HH_JOINED_COLUMNS(X)                                                                       \
	X(DUP, grid_name, "g.name")                                                                \
	X(DUP, head_name,                                                                          \
	  "(SELECT r.name FROM residents r WHERE r.household_id = h.id AND r.deleted_at IS NULL"   \
	  " ORDER BY r.relation <> 'head', r.uuid LIMIT 1)")                                       \
	X(INT32, resident_count,                                                                   \
	  "(SELECT count(*) FROM residents r WHERE r.household_id = h.id"                          \
	  " AND r.deleted_at IS NULL)")                                                            \
	X(DUP, last_visit,                                                                         \
	  "(SELECT max(v.date) FROM visits v WHERE v.household_id = h.id"                          \
	  " AND v.deleted_at IS NULL)")                                                            \
	X(DUP, tags,                                                                               \
	  "(SELECT group_concat(DISTINCT r.tags) FROM residents r WHERE r.household_id = h.id"     \
	  " AND r.deleted_at IS NULL AND r.tags <> '')")

#define SELECT_COLS                                                                                \
	ROWDESC_SELECT(HH_OWN_COLUMNS)                                                             \
	HH_JOINED_COLUMNS(ROWDESC_SQLN) " FROM households h LEFT JOIN grids g ON g.id = h.grid_id"
#define PLAIN_COLS ROWDESC_SELECT(HH_OWN_COLUMNS) " FROM households h"

/* The columns of SELECT_COLS and of PLAIN_COLS. */
#define ROWDESC_ROW struct household
static const struct col_desc hh_cols[] = {HH_OWN_COLUMNS(ROWDESC_DESC, ROWDESC_DESC)
					      HH_JOINED_COLUMNS(ROWDESC_DESC)};
static const struct col_desc hh_own_cols[] = ROWDESC_TABLE(HH_OWN_COLUMNS);

/* One household by sql's :key, the text when given, else the id; joined
 * says whether sql selects SELECT_COLS (1) or PLAIN_COLS (0). */
static int get_where(struct db *db, const char *sql, long long id, const char *text, int joined,
		     struct household *out, struct err *e)
{
	const struct col_desc *cols = joined ? hh_cols : hh_own_cols;
	size_t n = joined ? ROWDESC_N(hh_cols) : ROWDESC_N(hh_own_cols);

	model_household_init(out);
	if (text)
		return rowdesc_find(db, sql, text, cols, n, out, sizeof *out, e);
	return rowdesc_get(db, sql, id, cols, n, out, sizeof *out, e);
}

int db_household_lookup_code(struct db *db, const char *code, struct household *out, struct err *e)
{
	return get_where(db, PLAIN_COLS " WHERE h.code = :key AND h.deleted_at IS NULL", 0, code, 0,
			 out, e);
}

int db_household_get(struct db *db, long long id, struct household *out, struct err *e)
{
	return get_where(db, SELECT_COLS " WHERE h.id = :key AND h.deleted_at IS NULL", id, NULL, 1,
			 out, e);
}

int db_household_find_code(struct db *db, const char *code, struct household *out, struct err *e)
{
	return get_where(db, SELECT_COLS " WHERE h.code = :key AND h.deleted_at IS NULL", 0, code, 1,
			 out, e);
}

static int code_taken(struct db *db, const char *code, long long except_id, struct err *e)
{
	int r = SQL_ONCE(db, e,
			 "SELECT 1 FROM households WHERE code = :code AND id <> :id"
			 " AND deleted_at IS NULL",
			 SQLP_TEXT(":code", code), SQLP_INT(":id", except_id));

	if (r == 1)
		return err_field(e, "code", _("household %s already exists"), code);
	return r;
}

/* The fields bind_fields binds, as numbered parameters ?1 to ?10 of the
 * INSERT and the UPDATE below (by number: no name lookup per value). */
static void bind_fields(sqlite3_stmt *st, const struct household *h, const char *key)
{
	const char *v[] = {h->code, key,	h->compound, h->building, h->unit,
			   h->room, h->address, NULL,	     h->phone,	  h->notes};

	for (int i = 0; i < (int)(sizeof v / sizeof v[0]); i++)
		sql_bind_text_at(st, i + 1, v[i]);
	if (h->grid_id >= 0)
		sqlite3_bind_int64(st, 8, h->grid_id);
}

/* Gives h a new UUID and binds it (?11), its creation time (?12, also
 * written to now) and its fields with their sort key (?1 to ?10) to st, an
 * insert of a new household; returns the sort key, which the caller frees. */
static char *bind_new(sqlite3_stmt *st, struct household *h, char now[20])
{
	char *key;

	sql_new_record(h->uuid, now);
	key = natsort_key(h->code);
	sql_bind_text_at(st, 11, h->uuid);
	sql_bind_text_at(st, 12, now);
	bind_fields(st, h, key);
	return key;
}

/* The one INSERT of a household and its audit row, in the caller's
 * transaction: both entry points below share it. */
static int insert_row(struct db *db, struct household *h, struct err *e)
{
	struct strbuf ch = STRBUF_INIT;
	char now[20];
	char *key = NULL;
	sqlite3_stmt *st;
	int r = -1;

	st =
	    db_stmt(db,
		    "INSERT INTO households(uuid, created_at, updated_at, code, sort_key, compound,"
		    " building, unit, room, address, grid_id, phone, notes) VALUES(?11, ?12,"
		    " ?12, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
		    e);
	if (!st)
		return -1;
	key = bind_new(st, h, now);
	if (sql_step_done(db, st, e) < 0)
		goto out;
	h->id = sqlite3_last_insert_rowid(db_handle(db));
	json_open(&ch);
	rowdesc_dump(db, h, audited, ROWDESC_N(audited), &ch);
	if (h->grid_id >= 0)
		record_json_ref(db, &ch, "grid_id", "grids", h->grid_id);
	r = record_audit(db, "insert", "households", h->uuid, &ch, e);
out:
	free(key);
	strbuf_free(&ch);
	return r;
}

/* No text over its column's limit (core/limits.h): refused, never cut. */
static int check_limits(const struct household *h, struct err *e)
{
	return limits_check_row("households", e, "code", h->code, "compound", h->compound,
				"building", h->building, "unit", h->unit, "room", h->room,
				"address", h->address, "phone", h->phone, "notes", h->notes,
				(const char *)NULL);
}

/* What every write of a household refuses: no code, a text over its limit
 * or one that is not safe. */
static int check_code_given(const struct household *h, struct err *e)
{
	return record_text_given(h->code, "code", _("the household code is required"), e);
}

static int check_household(const struct household *h, struct err *e)
{
	if (check_code_given(h, e) < 0 || check_limits(h, e) < 0 ||
	    textfields_check(model_household_texts, h, e) < 0)
		return -1;
	return 0;
}

int db_household_insert(struct db *db, struct household *h, struct err *e)
{
	int r;

	if (check_household(h, e) < 0 || db_begin(db, e) < 0)
		return -1;
	r = code_taken(db, h->code, -1, e) != 0 ? -1 : insert_row(db, h, e);
	return (int)db_end(db, r, e);
}

int db_household_insert_checked(struct db *db, struct household *h, struct err *e)
{
	if (check_household(h, e) < 0 ||
	    db_need_transaction(db, "a household's bulk insert", e) < 0)
		return -1;
	return insert_row(db, h, e);
}

/* The bulk writer's stage: the columns of households it writes, no
 * constraint, no index, no trigger (all of them apply at the flush). */
#define STAGE_COLS                                                                                 \
	"id, uuid, created_at, code, sort_key, compound, building, unit, room, address, grid_id,"  \
	" phone, notes"

int db_household_bulk_begin(struct db *db, struct err *e)
{
	return db_exec(db,
		       "CREATE TEMP TABLE IF NOT EXISTS bulk_households(id INTEGER PRIMARY KEY,"
		       " uuid, created_at, code, sort_key, compound, building, unit, room, address,"
		       " grid_id, phone, notes)",
		       e);
}

int db_household_insert_bulk(struct db *db, struct household *h, struct err *e)
{
	char now[20];
	char *key;
	sqlite3_stmt *st;
	int r;

	/* The texts are a checked roster's (db/households.h): check_household
	 * would check every cell a second and third time. */
	if (check_code_given(h, e) < 0)
		return -1;
	if (db_need_transaction(db, "a household's bulk insert", e) < 0)
		return -1;
	st = db_stmt(db,
		     "INSERT INTO temp.bulk_households(" STAGE_COLS ") VALUES(?13, ?11, ?12, ?1, ?2,"
		     " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
		     e);
	if (!st)
		return -1;
	key = bind_new(st, h, now);
	sqlite3_bind_int64(st, 13, h->id);
	r = sql_step_done(db, st, e);
	free(key);
	return r;
}

int db_household_bulk_flush(struct db *db, struct err *e)
{
	return sql_stage_flush(db, "households", STAGE_COLS, "id", e);
}

int db_household_update(struct db *db, const struct household *h, struct err *e)
{
	struct household old = {0};
	struct strbuf ch = STRBUF_INIT;
	char *key = NULL;
	sqlite3_stmt *st = NULL;
	int r, n;

	if (check_household(h, e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		return -1;
	r = get_where(db, PLAIN_COLS " WHERE h.id = :key AND h.deleted_at IS NULL", h->id, NULL, 0,
		      &old, e);
	if (r == 0)
		r = err_set(e, _("the household was deleted meanwhile"));
	json_open(&ch);
	n = r < 0 ? 0 : rowdesc_diff(db, &old, h, audited, ROWDESC_N(audited), &ch);
	if (r == 1 && old.grid_id != h->grid_id) {
		record_json_ref(db, &ch, "grid_id", "grids", h->grid_id);
		n++;
	}
	if (r < 0 || (n && code_taken(db, h->code, h->id, e) != 0)) {
		db_rollback(db);
		strbuf_free(&ch);
		model_household_clear(&old);
		return -1;
	}
	if (n)
		st = sql_update_stmt(db,
				     "UPDATE households SET code = ?1, sort_key = ?2,"
				     " compound = ?3, building = ?4, unit = ?5, room = ?6,"
				     " address = ?7, grid_id = ?8, phone = ?9, notes = ?10,"
				     " updated_at = :now WHERE id = :id",
				     h->id, e);
	if (st) {
		key = natsort_key(h->code);
		bind_fields(st, h, key);
	}
	r = record_update_commit(db, n, st, "households", old.uuid, &ch, e);
	free(key);
	model_household_clear(&old);
	return r;
}

int db_household_delete(struct db *db, long long id, struct err *e)
{
	sqlite3_stmt *st;
	long long *ids = NULL;
	size_t n = 0;
	struct strbuf ch = STRBUF_INIT;
	int r = -1;

	if (db_begin(db, e) < 0)
		return -1;
	st = db_stmt(db, "SELECT id FROM residents WHERE household_id = :id AND deleted_at IS NULL",
		     e);
	if (!st)
		goto out;
	sql_bind_int(st, ":id", id);
	if (sql_collect_ids(db, st, &ids, &n, e) < 0)
		goto out;
	/* The residents it takes with it, by UUID: a merge that brings the
	 * household back brings them back too. */
	strbuf_puts(&ch, "{\"took\":{\"residents\":[");
	for (size_t i = 0; i < n; i++) {
		char uuid[37];

		if (db_record_uuid(db, "residents", ids[i], uuid, e) < 0 ||
		    db_record_soft_delete(db, "residents", ids[i], e) < 0)
			goto out;
		strbuf_printf(&ch, "%s\"%s\"", i ? "," : "", uuid);
	}
	strbuf_puts(&ch, "]}}");
	r = db_record_soft_delete_audited(db, "households", id, n ? strbuf_str(&ch) : NULL, e);
out:
	r = (int)db_end(db, r, e);
	free(ids);
	strbuf_free(&ch);
	return r;
}

/* A new grid as its INSERT takes it: its name, both the parameter and the
 * audited column. */
struct grid_new {
	const char *name;
};

static const struct col_desc grid_write[] = {
	COLW(STR, struct grid_new, name, ":name"),
};

long long db_grid_ensure(struct db *db, const char *name, struct err *e)
{
	static const struct record_write w = {
	    "grids",
	    "INSERT INTO grids(uuid, created_at, updated_at, name) VALUES(:uuid, :now, :now, :name)",
	    grid_write, ROWDESC_N(grid_write)};
	struct grid_new row = {name};
	char uuid[37];
	long long id = -1;
	int r;

	if (record_name_check("grids", "grid", name, _("a grid name is required"), e) < 0)
		return -1;
	r = db_record_id_by(db, "grids", "name", name, &id, e);
	if (r != 0)
		return r < 0 ? -1 : id;
	return record_insert_tx(db, &w, &row, uuid, e);
}

int db_grid_set_staff(struct db *db, long long grid_id, long long staff_id, struct err *e)
{
	sqlite3_stmt *st;
	char uuid[37];
	struct strbuf ch = STRBUF_INIT;

	if (db_begin(db, e) < 0)
		return -1;
	st = sql_update_stmt(db,
			     "UPDATE grids SET staff_id = :staff, updated_at = :now WHERE id = :id"
			     " RETURNING uuid",
			     grid_id, e);
	if (st)
		sql_bind_id(st, ":staff", staff_id);
	if (!st || sql_step_row(db, st, e) != 1) {
		if (st)
			err_set(e, _("no such grid"));
		db_rollback(db);
		return -1;
	}
	sql_col_copy(st, 0, uuid, sizeof uuid);
	sqlite3_reset(st);
	json_open(&ch);
	record_json_ref(db, &ch, "staff_id", "staff", staff_id);
	return record_audit_commit(db, "update", "grids", uuid, &ch, e);
}

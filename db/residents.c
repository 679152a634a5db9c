/* db residents: CRUD of residents with their search keys and audit rows. */
#include "db/residents.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/identity.h"
#include "core/json.h"
#include "core/limits.h"
#include "core/reskey.h"
#include "db/db.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/sql.h"

#define RS(K, m) COLD_##K(struct resident, m)

/* The audited texts, in the order of their audit JSON. */
static const struct col_desc audited[] = {
    RS(DUP, name),	    RS(DUP, id_type),	  RS(DUP, id_number), RS(DUP, birth_date),
    RS(DUP, phone),	    RS(DUP, relation),	  RS(DUP, status),    RS(DUP, tags),
    RS(DUP, returned_from), RS(DUP, return_date), RS(DUP, notes),     RS(DUP, travel),
};

#define ROWDESC_ROW struct resident
#define RES_COLUMNS(F, X)                                                                          \
	F(INT, id, "r.id") X(CODE, uuid, "r.uuid") X(INT, household_id, "r.household_id")          \
	X(DUP, household_code, "h.code") X(DUP, name, "r.name") X(CHAR, sex, "r.sex")              \
	X(DUP, id_type, "r.id_type") X(DUP, id_number, "r.id_number")                              \
	X(DUP, birth_date, "r.birth_date") X(DUP, phone, "r.phone") X(DUP, relation, "r.relation") \
	X(DUP, status, "r.status") X(DUP, tags, "r.tags") X(DUP, returned_from, "r.returned_from") \
	X(DUP, return_date, "r.return_date") X(DUP, notes, "r.notes") X(DUP, travel, "r.travel")
#define SELECT_COLS                                                                                \
	ROWDESC_SELECT(RES_COLUMNS)                                                                \
	" FROM residents r JOIN households h ON h.id = r.household_id"

/* The columns of SELECT_COLS. */
static const struct col_desc res_cols[] = ROWDESC_TABLE(RES_COLUMNS);

/* The one resident st selects (prepared and bound; NULL when it did not
 * prepare, e filled). */
static int get_one(struct db *db, sqlite3_stmt *st, struct resident *out, struct err *e)
{
	model_resident_init(out);
	return st ? rowdesc_one(db, st, res_cols, ROWDESC_N(res_cols), out, sizeof *out, e) : -1;
}

int db_resident_get(struct db *db, long long id, struct resident *out, struct err *e)
{
	model_resident_init(out);
	return rowdesc_get(db, SELECT_COLS " WHERE r.id = :key AND r.deleted_at IS NULL", id,
			   res_cols, ROWDESC_N(res_cols), out, sizeof *out, e);
}

int db_resident_find_id_number(struct db *db, const char *id_number, struct resident *out,
			       struct err *e)
{
	sqlite3_stmt *st =
	    db_stmt(db, SELECT_COLS " WHERE r.id_number = :idn AND r.deleted_at IS NULL", e);

	if (st)
		sql_bind_text(st, ":idn", id_number);
	return get_one(db, st, out, e);
}

int db_resident_find_name(struct db *db, long long household_id, const char *name,
			  struct resident *out, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   SELECT_COLS " WHERE r.household_id = :hid AND r.name = :name"
					       " AND r.deleted_at IS NULL ORDER BY r.uuid LIMIT 1",
				   e);

	if (st) {
		sql_bind_int(st, ":hid", household_id);
		sql_bind_text(st, ":name", name);
	}
	return get_one(db, st, out, e);
}

/* Refuses an ID number held by another live resident. */
static int id_taken(struct db *db, const struct resident *r, struct err *e)
{
	struct resident other = {0};
	int found;

	if (!r->id_number || !*r->id_number)
		return 0;
	found = db_resident_find_id_number(db, r->id_number, &other, e);
	if (found == 1 && other.id != r->id)
		err_field(e, "id_number",
			  _("ID number %s is already registered to %s of household %s"),
			  r->id_number, other.name, other.household_code);
	else if (found == 1)
		found = 0;
	model_resident_clear(&other);
	return found;
}

static const char *or_default(const char *v, const char *def)
{
	return v && *v ? v : def;
}

static const char *or_null(const char *v)
{
	return v && *v ? v : NULL;
}

/* A shallow copy of r with the defaults the database fills in, so that an
 * update compares like with like. */
static const struct resident *with_defaults(const struct resident *r, struct resident *out)
{
	*out = *r;
	out->id_type = (char *)or_default(r->id_type, "id");
	out->relation = (char *)or_default(r->relation, "other");
	out->status = (char *)or_default(r->status, "living");
	return out;
}

/* The fields bind_fields binds, as numbered parameters ?1 to ?16 of the
 * INSERT and the UPDATE below (bound by number: a name lookup per value was
 * a twentieth of a bulk import); keep is SQLITE_TRANSIENT, or SQLITE_STATIC
 * when the statement is stepped before r, k and sex change. */
static void bind_fields_as(sqlite3_stmt *st, const struct resident *r, const struct reskey *k,
			   const char *sex, void (*keep)(void *))
{
	const char *v[] = {
	    r->name,
	    r->sex ? sex : NULL,
	    or_default(r->id_type, "id"),
	    or_null(r->id_number),
	    or_null(r->birth_date),
	    or_null(r->phone),
	    or_default(r->relation, "other"),
	    or_default(r->status, "living"),
	    r->tags ? r->tags : "",
	    or_null(r->returned_from),
	    or_null(r->return_date),
	    or_null(r->notes),
	    k->pinyin,
	    k->id_rev,
	    k->phone_rev,
	    or_null(r->travel),
	};

	for (int i = 0; i < (int)(sizeof v / sizeof v[0]); i++) {
		if (v[i])
			sqlite3_bind_text(st, i + 1, v[i], -1, keep);
		else
			sqlite3_bind_null(st, i + 1);
	}
}

static void bind_fields(sqlite3_stmt *st, const struct resident *r, const struct reskey *k)
{
	char sex[2] = {r->sex, 0};

	bind_fields_as(st, r, k, sex, SQLITE_TRANSIENT);
}

/* Gives r a new UUID and binds it (?17), its creation time (?18, also
 * written to now), its household (?19) and its fields with the search keys
 * k it makes of them (?1 to ?16; the caller frees k) to st, an insert of a
 * new resident; keep as bind_fields_as. */
static void bind_new(sqlite3_stmt *st, struct resident *r, struct reskey *k, char now[20],
		     const char *sex, void (*keep)(void *))
{
	sql_new_record(r->uuid, now);
	reskey_make(k, r->name, r->id_number, r->phone);
	sqlite3_bind_text(st, 17, r->uuid, -1, keep);
	sqlite3_bind_text(st, 18, now, -1, keep);
	sqlite3_bind_int64(st, 19, r->household_id);
	bind_fields_as(st, r, k, sex, keep);
}

/* The one INSERT of a resident and its audit row, in the caller's
 * transaction: both entry points below share it. */
static int insert_row(struct db *db, struct resident *r, struct err *e)
{
	struct strbuf ch = STRBUF_INIT;
	struct reskey k = {0};
	char now[20], sex[2] = {r->sex, 0};
	sqlite3_stmt *st;
	int rc = -1;

	st =
	    db_stmt(db,
		    "INSERT INTO residents(uuid, created_at, updated_at, household_id, name, sex,"
		    " id_type, id_number, birth_date, phone, relation, status, tags, returned_from,"
		    " return_date, notes, pinyin, id_rev, phone_rev, travel) VALUES(?17, ?18, ?18,"
		    " ?19, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
		    e);
	if (!st)
		return -1;
	bind_new(st, r, &k, now, sex, SQLITE_TRANSIENT);
	if (sql_step_done(db, st, e) < 0)
		goto out;
	r->id = sqlite3_last_insert_rowid(db_handle(db));
	json_open(&ch);
	record_json_ref(db, &ch, "household_id", "households", r->household_id);
	rowdesc_dump(db, r, audited, ROWDESC_N(audited), &ch);
	if (r->sex)
		json_add_str(&ch, "sex", sex);
	rc = record_audit(db, "insert", "residents", r->uuid, &ch, e);
out:
	reskey_free(&k);
	strbuf_free(&ch);
	return rc;
}

/* No text over its column's limit (core/limits.h): refused, never cut. */
static int check_limits(const struct resident *r, struct err *e)
{
	return limits_check_row("residents", e, "name", r->name, "id_number", r->id_number, "phone",
				r->phone, "tags", r->tags, "returned_from", r->returned_from,
				"notes", r->notes, "travel", r->travel, (const char *)NULL);
}

/* What every write of a resident refuses: no name, a text over its limit or
 * one that is not safe. */
static int check_name_given(const struct resident *r, struct err *e)
{
	return record_text_given(r->name, "name", _("the resident's name is required"), e);
}

static int check_resident(const struct resident *r, struct err *e)
{
	if (check_name_given(r, e) < 0 || check_limits(r, e) < 0 ||
	    textfields_check(model_resident_texts, r, e) < 0)
		return -1;
	return 0;
}

static int same_text(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

/* Sex and birth date agree with the ID number (core/identity.h).  A stored
 * record whose document, number, sex and birth date stay as they were is
 * not held to it: `check` lists those. */
static int check_identity(const struct resident *r, const struct resident *old, struct err *e)
{
	char sex[2] = {r->sex, 0};

	if (old && old->sex == r->sex && same_text(old->id_type, or_default(r->id_type, "id")) &&
	    same_text(old->id_number, or_null(r->id_number)) &&
	    same_text(old->birth_date, or_null(r->birth_date)))
		return 0;
	return identity_check(or_default(r->id_type, "id"), r->id_number, sex, r->birth_date, e)
		   ? -1
		   : 0;
}

int db_resident_insert(struct db *db, struct resident *r, struct err *e)
{
	int rc;

	if (check_resident(r, e) < 0 || check_identity(r, NULL, e) < 0 || db_begin(db, e) < 0)
		return -1;
	r->id = -1;
	rc = id_taken(db, r, e) != 0 ? -1 : insert_row(db, r, e);
	return (int)db_end(db, rc, e);
}

int db_resident_insert_checked(struct db *db, struct resident *r, struct err *e)
{
	if (check_resident(r, e) < 0 || db_need_transaction(db, "a resident's bulk insert", e) < 0)
		return -1;
	r->id = -1;
	return insert_row(db, r, e);
}

/* The bulk writer's stage: the columns of residents it writes, no
 * constraint, no index, no trigger (all of them apply at the flush). */
#define STAGE_COLS                                                                                 \
	"uuid, created_at, household_id, name, sex, id_type, id_number, birth_date, phone,"        \
	" relation, status, tags, returned_from, return_date, notes, pinyin, id_rev, phone_rev,"   \
	" travel"

int db_resident_bulk_begin(struct db *db, struct err *e)
{
	return db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS bulk_residents(" STAGE_COLS ")", e);
}

int db_resident_insert_bulk(struct db *db, struct resident *r, struct err *e)
{
	struct reskey k = {0};
	char now[20], sex[2] = {r->sex, 0};
	sqlite3_stmt *st;
	int rc;

	/* The texts are a checked roster's (db/residents.h): check_resident's
	 * limits and textsafe passes would run a second and third time over
	 * every cell (a twentieth of an import). */
	if (check_name_given(r, e) < 0)
		return -1;
	if (db_need_transaction(db, "a resident's bulk insert", e) < 0)
		return -1;
	st = db_stmt(db,
		     "INSERT INTO temp.bulk_residents(" STAGE_COLS ") VALUES(?17, ?18, ?19, ?1, ?2,"
		     " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
		     e);
	if (!st)
		return -1;
	/* Bound in place (SQLITE_STATIC): stepped at once, and db_stmt clears
	 * the bindings before the statement is used again. */
	bind_new(st, r, &k, now, sex, SQLITE_STATIC);
	rc = sql_step_done(db, st, e);
	reskey_free(&k);
	r->id = -1;
	return rc;
}

int db_resident_bulk_flush(struct db *db, struct err *e)
{
	return sql_stage_flush(db, "residents", STAGE_COLS, "rowid", e);
}

int db_resident_update(struct db *db, const struct resident *r, struct err *e)
{
	struct resident old = {0}, cmp;
	struct strbuf ch = STRBUF_INIT;
	struct reskey k = {0};
	char os[2] = {0}, ns[2] = {r->sex, 0};
	sqlite3_stmt *st = NULL;
	int rc, n = 0;

	if (check_resident(r, e) < 0)
		return -1;
	if (db_begin(db, e) < 0)
		return -1;
	rc = db_resident_get(db, r->id, &old, e);
	if (rc == 0)
		rc = err_set(e, _("the resident was deleted meanwhile"));
	if (rc == 1)
		rc = check_identity(r, &old, e);
	json_open(&ch);
	if (rc == 0)
		n = rowdesc_diff(db, &old, with_defaults(r, &cmp), audited, ROWDESC_N(audited),
				 &ch);
	os[0] = old.sex;
	if (rc == 0 && old.sex != r->sex) {
		json_add_change(&ch, "sex", os, ns);
		n++;
	}
	if (rc < 0 || (n && id_taken(db, r, e) != 0)) {
		db_rollback(db);
		strbuf_free(&ch);
		model_resident_clear(&old);
		return -1;
	}
	if (n)
		st = sql_update_stmt(db,
				     "UPDATE residents SET name = ?1, sex = ?2, id_type = ?3,"
				     " id_number = ?4, birth_date = ?5, phone = ?6,"
				     " relation = ?7, status = ?8, tags = ?9, returned_from = ?10,"
				     " return_date = ?11, notes = ?12, pinyin = ?13, id_rev = ?14,"
				     " phone_rev = ?15, travel = ?16, updated_at = :now"
				     " WHERE id = :id",
				     r->id, e);
	if (st) {
		reskey_make(&k, r->name, r->id_number, r->phone);
		bind_fields(st, r, &k);
	}
	rc = record_update_commit(db, n, st, "residents", old.uuid, &ch, e);
	reskey_free(&k);
	model_resident_clear(&old);
	return rc;
}

int db_resident_move(struct db *db, long long id, long long household_id, struct err *e)
{
	struct resident old = {0};
	struct strbuf ch = STRBUF_INIT;
	char now[20], uuid[37];
	sqlite3_stmt *st;
	int rc = -1, found;

	if (db_begin(db, e) < 0)
		return -1;
	found = db_resident_get(db, id, &old, e);
	if (found <= 0) {
		if (found == 0)
			err_set(e, _("the resident was deleted meanwhile"));
		goto out;
	}
	st =
	    db_stmt(db,
		    "UPDATE residents SET household_id = :hid, updated_at = :now WHERE id = :id"
		    " AND EXISTS (SELECT 1 FROM households WHERE id = :hid AND deleted_at IS NULL)",
		    e);
	if (!st)
		goto out;
	sql_new_record(uuid, now);
	sql_bind_int(st, ":hid", household_id);
	sql_bind_text(st, ":now", now);
	sql_bind_int(st, ":id", id);
	if (sql_step_done(db, st, e) < 0)
		goto out;
	if (sqlite3_changes(db_handle(db)) != 1) {
		err_field(e, "household", _("that household does not exist"));
		goto out;
	}
	json_open(&ch);
	record_json_ref_change(db, &ch, "household_id", "households", old.household_id,
			       household_id);
	rc = record_audit(db, "update", "residents", old.uuid, &ch, e);
out:
	rc = (int)db_end(db, rc, e);
	strbuf_free(&ch);
	model_resident_clear(&old);
	return rc;
}

int db_resident_delete(struct db *db, long long id, struct err *e)
{
	return db_record_soft_delete(db, "residents", id, e);
}

int db_resident_each_in_household(struct db *db, long long household_id,
				  int (*fn)(const struct resident *r, void *ctx), void *ctx,
				  struct err *e)
{
	sqlite3_stmt *st =
	    db_stmt(db,
		    SELECT_COLS " WHERE r.household_id = :hid AND r.deleted_at IS NULL"
				" ORDER BY r.relation <> 'head', r.id",
		    e);
	struct resident r = {0};
	int rc;

	if (!st)
		return -1;
	sql_bind_int(st, ":hid", household_id);
	while ((rc = sql_step_row(db, st, e)) == 1) {
		rowdesc_read(st, res_cols, ROWDESC_N(res_cols), &r);
		int stop = fn(&r, ctx);

		model_resident_clear(&r);
		if (stop)
			break;
	}
	sqlite3_reset(st);
	return rc < 0 ? -1 : 0;
}

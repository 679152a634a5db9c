/* record: soft delete, UUID lookup and audit diffs shared by the tables. */
#include "db/record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/limits.h"
#include "core/uuid.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/sql.h"

/* Table names are never user input, but they are checked against the list
 * anyway before they reach SQL text. */
static const char *const tables[] = {
    "staff",	"grids",      "households",  "residents",     "visits",
    "readings", "isolations", "checks",	     "distributions", "checkpoints",
    "shifts",	"passes",     "pass_events", "visitors",      "settings",
    "donations", "expenditures",
};

static int known_table(const char *t)
{
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (!strcmp(tables[i], t))
			return 1;
	return 0;
}

/* The UUID of table's record id (any, or only a live one) into out. */
/* sql_prep of sql, a statement composed for one table (malloc'd, freed
 * here: the statement cache keeps its own copy). */
static sqlite3_stmt *prep_owned(struct db *db, char *sql, const struct sql_param *p, size_t n,
				struct err *e)
{
	sqlite3_stmt *st = sql_prep(db, sql, p, n, e);

	free(sql);
	return st;
}
#define PREP_OWNED(db, e, sql, ...) prep_owned(db, sql, SQL_PARAMS(__VA_ARGS__), e)

static int uuid_of(struct db *db, const char *table, long long id, int live, char out[37],
		   struct err *e)
{
	sqlite3_stmt *st;
	int r;

	if (!known_table(table))
		return err_set(e, "internal error: unknown table %s", table);
	st = PREP_OWNED(db, e,
			xasprintf("SELECT uuid FROM %s WHERE id = :id%s", table,
				  live ? " AND deleted_at IS NULL" : ""),
			SQLP_INT(":id", id));
	if (!st)
		return -1;
	r = sql_step_row(db, st, e);
	if (r == 1)
		sql_col_copy(st, 0, out, 37);
	sqlite3_reset(st);
	return r;
}

int record_day_or_today(const char *in, const char *field, char out[DATE_STR], struct err *e)
{
	struct date d;

	if (!in) {
		clock_today(&d);
	} else if (date_parse_iso(in, &d, e) < 0) {
		if (e)
			snprintf(e->field, sizeof e->field, "%s", field);
		return -1;
	}
	date_format(&d, out);
	return 0;
}

int db_record_uuid(struct db *db, const char *table, long long id, char out[37], struct err *e)
{
	return uuid_of(db, table, id, 0, out, e);
}

int db_record_live_uuid(struct db *db, const char *table, long long id, char out[37],
			struct err *e)
{
	return uuid_of(db, table, id, 1, out, e);
}

int record_get_live(struct db *db, const char *table, long long id, const struct col_desc *cols,
		    size_t n, void *row, size_t row_size, struct err *e)
{
	struct strbuf sql = STRBUF_INIT;
	int r;

	if (!known_table(table))
		return err_set(e, "internal error: unknown table %s", table);
	strbuf_puts(&sql, "SELECT ");
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sql, "%s%s", i ? ", " : "", cols[i].name);
	strbuf_printf(&sql, " FROM %s WHERE id = :key AND deleted_at IS NULL", table);
	r = rowdesc_get(db, strbuf_str(&sql), id, cols, n, row, row_size, e);
	strbuf_free(&sql);
	return r;
}

int db_record_id_by(struct db *db, const char *table, const char *col, const char *v,
		    long long *id, struct err *e)
{
	sqlite3_stmt *st;

	if (!known_table(table))
		return err_set(e, "internal error: unknown table %s", table);
	st = PREP_OWNED(
	    db, e, xasprintf("SELECT id FROM %s WHERE %s = :v AND deleted_at IS NULL", table, col),
	    SQLP_TEXT(":v", v));
	return sql_row_ints(db, st, id, 1, e);
}

/* The UUID text of record id into out, "" for -1 or no such record. */
static void ref_text(struct db *db, const char *table, long long id, char out[37])
{
	struct err ignore;

	err_clear(&ignore);
	if (id < 0 || db_record_uuid(db, table, id, out, &ignore) != 1)
		out[0] = 0; /* no record to name: never its local id */
}

void record_json_ref(struct db *db, struct strbuf *json, const char *key, const char *table,
		     long long id)
{
	char ref[37];

	ref_text(db, table, id, ref);
	json_add_str(json, key, ref[0] ? ref : NULL);
}

void record_json_ref_change(struct db *db, struct strbuf *json, const char *key, const char *table,
			    long long old_id, long long new_id)
{
	char a[37], b[37];

	ref_text(db, table, old_id, a);
	ref_text(db, table, new_id, b);
	json_add_change(json, key, a[0] ? a : NULL, b[0] ? b : NULL);
}

int db_record_void(struct db *db, const char *table, long long id, const char *uuid,
		   const char *reason, struct err *e)
{
	char now[CLOCK_STR];
	struct strbuf ch = STRBUF_INIT;
	sqlite3_stmt *st;

	if (strcmp(table, "donations") && strcmp(table, "expenditures"))
		return err_set(e, "internal error: %s records are not voided", table);
	clock_now(now);
	st = PREP_OWNED(db, e,
			xasprintf("UPDATE %s SET void_reason = :reason, voided_at = :now,"
				  " updated_at = :now WHERE id = :id",
				  table),
			SQLP_TEXT(":reason", reason), SQLP_TEXT(":now", now), SQLP_INT(":id", id));
	if (!st || sql_step_done(db, st, e) < 0)
		return -1;
	json_open(&ch);
	json_add_str(&ch, "void_reason", reason);
	return record_audit(db, "void", table, uuid, &ch, e);
}

int record_audit(struct db *db, const char *action, const char *table, const char *uuid,
		 struct strbuf *ch, struct err *e)
{
	int r;

	json_close(ch);
	r = db_audit(db, action, table, uuid, strbuf_str(ch), e);
	strbuf_free(ch);
	return r;
}

int record_audit_commit(struct db *db, const char *action, const char *table, const char *uuid,
			struct strbuf *ch, struct err *e)
{
	return (int)db_end(db, record_audit(db, action, table, uuid, ch, e), e);
}

int record_update_commit(struct db *db, int changed, sqlite3_stmt *st, const char *table,
			 const char *uuid, struct strbuf *ch, struct err *e)
{
	if (!changed) {
		strbuf_free(ch);
		return db_commit(db, e) < 0 ? -1 : 0;
	}
	if (!st || sql_step_done(db, st, e) < 0) {
		strbuf_free(ch);
		db_rollback(db);
		return -1;
	}
	return record_audit_commit(db, "update", table, uuid, ch, e) < 0 ? -1 : 1;
}

long long record_insert(struct db *db, const struct record_write *w, const void *row,
			char uuid[37], struct err *e)
{
	struct strbuf ch = STRBUF_INIT;
	char now[CLOCK_STR];
	sqlite3_stmt *st = sql_insert_stmt(db, w->sql, uuid, now, e);
	long long id;

	if (!st)
		return -1;
	rowdesc_bind(st, w->cols, w->n, row);
	if (sql_step_done(db, st, e) < 0)
		return -1;
	id = sqlite3_last_insert_rowid(db_handle(db));
	json_open(&ch);
	rowdesc_dump(db, row, w->cols, w->n, &ch);
	return record_audit(db, "insert", w->table, uuid, &ch, e) < 0 ? -1 : id;
}

long long record_insert_tx(struct db *db, const struct record_write *w, const void *row,
			   char uuid[37], struct err *e)
{
	long long id;

	if (db_begin(db, e) < 0)
		return -1;
	id = record_insert(db, w, row, uuid, e);
	return db_end(db, id, e);
}

int record_update(struct db *db, const struct record_write *w, long long id, const char *uuid,
		  const void *old, const void *row, struct err *e)
{
	struct strbuf ch = STRBUF_INIT;
	sqlite3_stmt *st = NULL;
	int n;

	json_open(&ch);
	n = rowdesc_diff(db, old, row, w->cols, w->n, &ch);
	if (n && (st = sql_update_stmt(db, w->sql, id, e)))
		rowdesc_bind(st, w->cols, w->n, row);
	return record_update_commit(db, n, st, w->table, uuid, &ch, e);
}

int record_audit_change(struct db *db, const char *table, const char *uuid, const char *col,
			const char *old_v, const char *new_v, struct err *e)
{
	struct strbuf ch = STRBUF_INIT;

	json_open(&ch);
	json_add_change(&ch, col, old_v, new_v);
	return record_audit(db, "update", table, uuid, &ch, e);
}

int db_record_set_text(struct db *db, const char *table, long long id, const char *uuid,
		       const char *col, const char *old_v, const char *v, struct err *e)
{
	char now[CLOCK_STR];
	sqlite3_stmt *st;

	if (!known_table(table))
		return err_set(e, "internal error: unknown table %s", table);
	clock_now(now);
	st = PREP_OWNED(
	    db, e, xasprintf("UPDATE %s SET %s = :v, updated_at = :now WHERE id = :id", table, col),
	    SQLP_TEXT(":v", v), SQLP_TEXT(":now", now), SQLP_INT(":id", id));
	if (!st || sql_step_done(db, st, e) < 0)
		return -1;
	return record_audit_change(db, table, uuid, col, old_v, v, e);
}

int db_record_soft_delete(struct db *db, const char *table, long long id, struct err *e)
{
	return db_record_soft_delete_audited(db, table, id, NULL, e);
}

int db_record_soft_delete_audited(struct db *db, const char *table, long long id,
				  const char *changes, struct err *e)
{
	char uuid[37], now[CLOCK_STR];
	sqlite3_stmt *st;
	int r;

	if (!known_table(table))
		return err_set(e, "internal error: unknown table %s", table);
	if (db_begin(db, e) < 0)
		return -1;
	clock_now(now);
	st = PREP_OWNED(db, e,
			xasprintf("UPDATE %s SET deleted_at = :now, updated_at = :now"
				  " WHERE id = :id AND deleted_at IS NULL RETURNING uuid",
				  table),
			SQLP_TEXT(":now", now), SQLP_INT(":id", id));
	if (!st)
		goto fail;
	r = sql_step_row(db, st, e);
	if (r < 0)
		goto fail;
	if (r == 0) {
		sqlite3_reset(st);
		return db_commit(db, e) < 0 ? -1 : 0;
	}
	sql_col_copy(st, 0, uuid, sizeof uuid);
	sqlite3_reset(st);
	return (int)db_end(db, db_audit(db, "delete", table, uuid, changes, e) < 0 ? -1 : 1, e);
fail:
	db_rollback(db);
	return -1;
}

/* uuid7(): a new version 7 UUID, the one every record and audit row gets. */
static void sql_uuid7(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	char u[UUID_STR];

	(void)argc;
	(void)argv;
	uuid_v7(u);
	sqlite3_result_text(c, u, -1, SQLITE_TRANSIENT);
}

int db_record_audit_inserted(struct db *db, const char *table, long long after_id,
			     const char *changes, struct err *e)
{
	char now[CLOCK_STR];
	char *sql;
	sqlite3_stmt *st;

	if (!known_table(table))
		return err_set(e, "internal error: unknown table %s", table);
	if (sqlite3_create_function(db_handle(db), "uuid7", 0, SQLITE_UTF8, NULL, sql_uuid7, NULL,
				    NULL) != SQLITE_OK)
		return sql_error(db, e, "audit");
	sql = xasprintf("INSERT INTO audit_log(uuid, at, staff, action, table_name, record_uuid,"
			" changes) SELECT uuid7(), ?1, ?2, 'insert', '%s', uuid, ?3 FROM %s"
			" WHERE id > ?4 ORDER BY id",
			table, table);
	st = db_stmt(db, sql, e);
	free(sql);
	if (!st)
		return -1;
	clock_now(now);
	sql_bind_text_at(st, 1, now);
	sql_bind_text_at(st, 2, db_staff(db));
	sql_bind_text_at(st, 3, changes);
	sqlite3_bind_int64(st, 4, after_id);
	return sql_step_done(db, st, e);
}

int record_kind_insert(struct db *db, const struct record_kind *k, void *row, struct err *e)
{
	long long *id = (long long *)((char *)row + k->id_off);

	if (db_begin(db, e) < 0)
		return -1;
	*id = -1;
	if (k->check(db, row, e) >= 0)
		*id = record_insert(db, k->ins, row, (char *)row + k->uuid_off, e);
	if (db_end(db, *id, e) < 0) {
		*id = -1;
		return -1;
	}
	return 0;
}

int record_kind_update(struct db *db, const struct record_kind *k, const void *row, struct err *e)
{
	long long id = *(const long long *)((const char *)row + k->id_off);
	void *old = xcalloc(1, k->row_size);
	int r;

	if (db_begin(db, e) < 0) {
		free(old);
		return -1;
	}
	r = rowdesc_get(db, k->get_sql, id, k->cols, k->ncols, old, k->row_size, e);
	if (r == 0)
		r = err_set(e, "%s", _(k->gone));
	if (r < 0 || k->check(db, row, e) < 0) {
		db_rollback(db);
		r = -1;
	} else {
		r = record_update(db, k->upd, id, (char *)old + k->uuid_off, old, row, e);
	}
	rowdesc_clear(k->cols, k->ncols, old, k->row_size);
	free(old);
	return r;
}

int record_text_given(const char *text, const char *field, const char *required, struct err *e)
{
	return text && *text ? 0 : err_field(e, field, "%s", required);
}

int record_name_check(const char *table, const char *field, const char *name,
		      const char *required, struct err *e)
{
	if (record_text_given(name, field, required, e) < 0)
		return -1;
	if (limits_check(table, "name", name, e) < 0) {
		snprintf(e->field, sizeof e->field, "%s", field);
		return -1;
	}
	return 0;
}

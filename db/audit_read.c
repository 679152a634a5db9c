/* audit_read: the audit log of one record, paged newest first; see
 * audit_read.h. */
#include "db/audit_read.h"

#include <stdlib.h>
#include <string.h>

#include "core/auditfmt.h"
#include "db/db.h"
#include "db/rowdesc.h"
#include "db/sql.h"

#define ROWDESC_ROW struct audit_entry
#define ENTRY_COLUMNS(F, X)                                                                        \
	F(INT, id, "id")                                                                           \
	X(CODE, at, "at") X(DUP, staff, "staff") X(CODE, action, "action")                         \
	    X(DUP, table_name, "table_name") X(DUP, record_uuid, "record_uuid")                    \
		X(DUP, changes, "changes")
#define COLS ROWDESC_SELECT(ENTRY_COLUMNS) " FROM audit_log"

/* The columns of COLS. */
ROWDESC_RECORD(entry_cols, ENTRY_COLUMNS, audit_entry_clear)

int db_audit_page(struct db *db, const char *record_uuid, const struct audit_entry *anchor, int dir,
		  int n, struct audit_entry *out, struct err *e)
{
	static const char *const sql[4] =
	    ROWDESC_PAGE_SQL_BY(COLS " WHERE record_uuid = :rec", "at", "id");
	sqlite3_stmt *st = rowdesc_page_stmt(db, sql, anchor != NULL, dir, n, e);

	if (!st)
		return -1;
	sql_bind_text(st, ":rec", record_uuid);
	if (anchor) {
		sql_bind_text(st, ":date", anchor->at);
		sql_bind_int(st, ":id", anchor->id);
	}
	return rowdesc_fill(db, st, n, entry_cols, ROWDESC_N(entry_cols), out, sizeof *out, e);
}

long long db_audit_count(struct db *db, const char *record_uuid, struct err *e)
{
	sqlite3_stmt *st =
	    SQL_PREP(db, e, "SELECT count(*) FROM audit_log WHERE record_uuid = :rec",
		     SQLP_TEXT(":rec", record_uuid));
	long long n = -1;

	return sql_row_ints(db, st, &n, 1, e) < 0 ? -1 : n;
}

/* Each table's words for one of its records, by :u. */
static const struct {
	const char *table, *sql;
} labels[] = {
    {"households", "SELECT code FROM households WHERE uuid = :u"},
    {"residents", "SELECT name FROM residents WHERE uuid = :u"},
    {"staff", "SELECT name FROM staff WHERE uuid = :u"},
    {"grids", "SELECT name FROM grids WHERE uuid = :u"},
    {"checkpoints", "SELECT name FROM checkpoints WHERE uuid = :u"},
    {"passes", "SELECT pass_no FROM passes WHERE uuid = :u"},
    {"visits", "SELECT v.date || ' ' || h.code FROM visits v JOIN households h"
	       " ON h.id = v.household_id WHERE v.uuid = :u"},
    {"isolations", "SELECT i.start_date || ' ' || r.name FROM isolations i JOIN residents r"
		   " ON r.id = i.resident_id WHERE i.uuid = :u"},
};

int db_audit_ref_label(struct db *db, const char *key, const char *uuid, struct strbuf *out,
		       struct err *e)
{
	const struct auditfmt_ref *ref = auditfmt_ref_find(key);
	sqlite3_stmt *st;
	int r;

	strbuf_reset(out);
	for (size_t i = 0; ref && ref->table && i < sizeof labels / sizeof labels[0]; i++) {
		if (strcmp(labels[i].table, ref->table))
			continue;
		if (!(st = db_stmt(db, labels[i].sql, e)))
			return -1;
		sql_bind_text(st, ":u", uuid);
		r = sql_step_row(db, st, e);
		if (r == 1 && sqlite3_column_text(st, 0))
			strbuf_puts(out, (const char *)sqlite3_column_text(st, 0));
		sqlite3_reset(st);
		return r;
	}
	return 0;
}

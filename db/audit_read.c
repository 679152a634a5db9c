/* audit_read: the audit log of one record, paged newest first; see
 * audit_read.h. */
#include "db/audit_read.h"

#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/rowdesc.h"
#include "db/sql.h"

#define COLS "SELECT id, at, staff, action, table_name, record_uuid, changes FROM audit_log"

#define AE(K, m) COLD_##K(struct audit_entry, m)

/* The columns of COLS. */
static const struct col_desc entry_cols[] = {
	AE(INT, id),	      AE(CODE, at),	       AE(DUP, staff),	 AE(CODE, action),
	AE(DUP, table_name), AE(DUP, record_uuid), AE(DUP, changes),
};

ROWDESC_CLEAR_FN(audit_entry_clear, struct audit_entry, entry_cols)

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
	    db_stmt(db, "SELECT count(*) FROM audit_log WHERE record_uuid = :rec", e);
	long long n = -1;

	if (!st)
		return -1;
	sql_bind_text(st, ":rec", record_uuid);
	if (sql_step_row(db, st, e) == 1)
		n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

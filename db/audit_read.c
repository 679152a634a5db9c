/* audit_read: the audit log of one record, paged newest first; see
 * audit_read.h. */
#include "db/audit_read.h"

#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/sql.h"

#define COLS "SELECT id, at, staff, action, table_name, record_uuid, changes FROM audit_log"

static const char *const queries[4] = {
    /* older than anchor */
    COLS " WHERE record_uuid = :rec AND (at, id) < (:at, :id) ORDER BY at DESC, id DESC"
	 " LIMIT :n",
    /* the newest */
    COLS " WHERE record_uuid = :rec ORDER BY at DESC, id DESC LIMIT :n",
    /* newer than anchor, nearest first */
    COLS " WHERE record_uuid = :rec AND (at, id) > (:at, :id) ORDER BY at, id LIMIT :n",
    /* the oldest */
    COLS " WHERE record_uuid = :rec ORDER BY at, id LIMIT :n",
};

int db_audit_page(struct db *db, const char *record_uuid, const struct audit_entry *anchor, int dir,
		  int n, struct audit_entry *out, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, queries[(dir > 0 ? 0 : 2) + (anchor ? 0 : 1)], e);
	int r = 0, m = 0;

	if (!st)
		return -1;
	sql_bind_text(st, ":rec", record_uuid);
	sql_bind_int(st, ":n", n);
	if (anchor) {
		sql_bind_text(st, ":at", anchor->at);
		sql_bind_int(st, ":id", anchor->id);
	}
	while (m < n && (r = sql_step_row(db, st, e)) == 1) {
		struct audit_entry *a = &out[m++];

		memset(a, 0, sizeof *a);
		a->id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, a->at, sizeof a->at);
		a->staff = sql_col_dup(st, 2);
		sql_col_copy(st, 3, a->action, sizeof a->action);
		a->table_name = sql_col_dup(st, 4);
		a->record_uuid = sql_col_dup(st, 5);
		a->changes = sql_col_dup(st, 6);
	}
	sqlite3_reset(st);
	if (m < n && r < 0) {
		for (int i = 0; i < m; i++)
			audit_entry_clear(&out[i]);
		return -1;
	}
	return m;
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

void audit_entry_clear(struct audit_entry *a)
{
	free(a->staff);
	free(a->table_name);
	free(a->record_uuid);
	free(a->changes);
	memset(a, 0, sizeof *a);
}

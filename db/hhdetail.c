/* hhdetail: visits, isolations and reveals of one household; see hhdetail.h. */
#include "db/hhdetail.h"

#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/rowdesc.h"
#include "db/sql.h"

#define HVISIT_COLUMNS(F, X)                                                                       \
	F(INT, id, "v.id") X(CODE, date, "v.date") X(CODE, at, "v.at")                             \
	X(DUP, outcome, "v.outcome") X(DUP, staff, "s.name") X(DUP, notes, "v.notes")
#define VISIT_SEL                                                                                  \
	ROWDESC_SELECT(HVISIT_COLUMNS)                                                             \
	" FROM visits v LEFT JOIN staff s ON s.id = v.staff_id WHERE v.household_id ="             \
	" :h AND v.deleted_at IS NULL"

#define HISO_COLUMNS(F, X)                                                                         \
	F(INT, id, "i.id") X(CODE, uuid, "i.uuid") X(DUP, resident, "r.name")                      \
	X(DUP, kind, "i.kind") X(DUP, site, "i.site") X(DUP, reason, "i.reason")                   \
	X(CODE, start_date, "i.start_date") X(INT32, days, "i.days")                               \
	X(INT32, extended_days, "i.extended_days") X(DUP, end_date, "i.end_date")                  \
	X(DUP, end_reason, "i.end_reason")
#define ISO_SEL                                                                                    \
	ROWDESC_SELECT(HISO_COLUMNS)                                                               \
	" FROM isolations i JOIN residents r ON r.id = i.resident_id WHERE"                        \
	" r.household_id = :h AND r.deleted_at IS NULL AND i.deleted_at IS NULL"

#define HR(K, m) COLD_##K(struct hh_reading, m)

#define ROWDESC_ROW struct hh_visit
static const struct col_desc visit_cols[] = ROWDESC_TABLE(HVISIT_COLUMNS);
static const struct col_desc reading_cols[] = {
	HR(DUP, name), HR(OPT32, temperature), HR(STR, symptoms),
};
#undef ROWDESC_ROW
#define ROWDESC_ROW struct hh_isolation
static const struct col_desc iso_cols[] = ROWDESC_TABLE(HISO_COLUMNS);

void hh_visit_clear(struct hh_visit *v)
{
	for (int i = 0; i < v->nreadings; i++)
		rowdesc_clear(reading_cols, ROWDESC_N(reading_cols), &v->readings[i],
			      sizeof v->readings[i]);
	free(v->readings);
	rowdesc_clear(visit_cols, ROWDESC_N(visit_cols), v, sizeof *v);
}

ROWDESC_CLEAR_FN(hh_isolation_clear, struct hh_isolation, iso_cols)

static int read_readings(struct db *db, struct hh_visit *v, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT r.name, g.temperature, g.symptoms FROM readings g"
				   " JOIN residents r ON r.id = g.resident_id"
				   " WHERE g.visit_id = :v AND g.deleted_at IS NULL"
				   " ORDER BY r.relation <> 'head', r.id",
				   e);
	void *rows;
	int r;

	if (!st)
		return -1;
	sql_bind_int(st, ":v", v->id);
	r = rowdesc_collect(db, st, reading_cols, ROWDESC_N(reading_cols), &rows, &v->nreadings,
			    sizeof *v->readings, e);
	v->readings = rows;
	return r;
}

/* A page of either list: the one of the two statements sql (older, newer)
 * for dir, with the household and n bound; the caller binds the anchor. */
static sqlite3_stmt *page_stmt(struct db *db, const char *const sql[2], long long household_id,
			       int dir, int n, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db, sql[dir < 0], e);

	if (st) {
		sql_bind_int(st, ":h", household_id);
		sql_bind_int(st, ":n", n);
	}
	return st;
}

int db_hh_visits(struct db *db, long long household_id, const struct hh_visit *anchor, int dir,
		 int n, struct hh_visit *out, struct err *e)
{
	/* "Older" is the list's forward direction. */
	static const char *const sql[2] = {
	    VISIT_SEL " AND (v.date, v.at, v.id) < (:d, :a, :id)"
		      " ORDER BY v.date DESC, v.at DESC, v.id DESC LIMIT :n",
	    VISIT_SEL " AND (v.date, v.at, v.id) > (:d, :a, :id)"
		      " ORDER BY v.date, v.at, v.id LIMIT :n",
	};
	sqlite3_stmt *st = page_stmt(db, sql, household_id, dir, n, e);
	int got;

	if (!st)
		return -1;
	sql_bind_text(st, ":d", anchor ? anchor->date : dir < 0 ? "" : "\xff");
	sql_bind_text(st, ":a", anchor ? anchor->at : "");
	sql_bind_int(st, ":id", anchor ? anchor->id : 0);
	got = rowdesc_fill(db, st, n, visit_cols, ROWDESC_N(visit_cols), out, sizeof *out, e);
	for (int i = 0; i < got; i++) {
		if (read_readings(db, &out[i], e) < 0) {
			for (int j = 0; j < got; j++)
				hh_visit_clear(&out[j]);
			return -1;
		}
	}
	return got;
}

int db_hh_isolations(struct db *db, long long household_id, const struct hh_isolation *anchor,
		     int dir, int n, struct hh_isolation *out, struct err *e)
{
	static const char *const sql[2] = {
	    ISO_SEL " AND (i.start_date, i.id) < (:d, :id) ORDER BY i.start_date DESC, i.id DESC"
		    " LIMIT :n",
	    ISO_SEL " AND (i.start_date, i.id) > (:d, :id) ORDER BY i.start_date, i.id LIMIT :n",
	};
	sqlite3_stmt *st = page_stmt(db, sql, household_id, dir, n, e);

	if (!st)
		return -1;
	sql_bind_text(st, ":d", anchor ? anchor->start_date : dir < 0 ? "" : "\xff");
	sql_bind_int(st, ":id", anchor ? anchor->id : 0);
	return rowdesc_fill(db, st, n, iso_cols, ROWDESC_N(iso_cols), out, sizeof *out, e);
}

int db_hh_counts(struct db *db, long long household_id, long long *visits, long long *isolations,
		 struct err *e)
{
	sqlite3_stmt *st =
	    SQL_PREP(db, e,
		     "SELECT (SELECT count(*) FROM visits WHERE household_id = :h"
		     " AND deleted_at IS NULL), (SELECT count(*) FROM isolations i"
		     " JOIN residents r ON r.id = i.resident_id WHERE r.household_id = :h"
		     " AND r.deleted_at IS NULL AND i.deleted_at IS NULL)",
		     SQLP_INT(":h", household_id));
	long long v[2];
	int r = sql_row_ints(db, st, v, 2, e);

	if (r == 1) {
		*visits = v[0];
		*isolations = v[1];
	}
	return r == 1 ? 0 : -1;
}

int db_reveal(struct db *db, const char *table, const char *uuid, const char *fields, struct err *e)
{
	struct strbuf ch = STRBUF_INIT;
	int r = -1;

	json_open(&ch);
	json_add_str(&ch, "revealed", fields);
	json_close(&ch);
	if (db_begin(db, e) < 0)
		goto out;
	if (db_audit(db, "reveal", table, uuid, strbuf_str(&ch), e) < 0) {
		db_rollback(db);
		goto out;
	}
	r = db_commit(db, e);
out:
	strbuf_free(&ch);
	return r;
}

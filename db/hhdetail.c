/* hhdetail: visits, isolations and reveals of one household; see hhdetail.h. */
#include "db/hhdetail.h"

#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/sql.h"

void hh_visit_clear(struct hh_visit *v)
{
	free(v->outcome);
	free(v->staff);
	free(v->notes);
	for (int i = 0; i < v->nreadings; i++) {
		free(v->readings[i].name);
		free(v->readings[i].symptoms);
	}
	free(v->readings);
	memset(v, 0, sizeof *v);
}

void hh_isolation_clear(struct hh_isolation *i)
{
	free(i->resident);
	free(i->kind);
	free(i->site);
	free(i->reason);
	free(i->end_date);
	free(i->end_reason);
	memset(i, 0, sizeof *i);
}

static int read_readings(struct db *db, struct hh_visit *v, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT r.name, g.temperature, g.symptoms FROM readings g"
				   " JOIN residents r ON r.id = g.resident_id"
				   " WHERE g.visit_id = :v AND g.deleted_at IS NULL"
				   " ORDER BY r.relation <> 'head', r.id",
				   e);
	int r, cap = 0;

	if (!st)
		return -1;
	sql_bind_int(st, ":v", v->id);
	while ((r = sql_step_row(db, st, e)) == 1) {
		struct hh_reading *g;

		if (v->nreadings == cap) {
			cap = cap ? cap * 2 : 4;
			v->readings = xrealloc(v->readings, (size_t)cap * sizeof *v->readings);
		}
		g = &v->readings[v->nreadings++];
		g->name = sql_col_dup(st, 0);
		g->temperature =
		    sqlite3_column_type(st, 1) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 1);
		g->symptoms = sql_col_dup(st, 2);
		if (!g->symptoms)
			g->symptoms = xstrdup("");
	}
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

int db_hh_visits(struct db *db, long long household_id, const struct hh_visit *anchor, int dir,
		 int n, struct hh_visit *out, struct err *e)
{
	/* "Older" is the list's forward direction. */
	static const char *const sql[2] = {
	    "SELECT v.id, v.date, v.at, v.outcome, s.name, v.notes FROM visits v"
	    " LEFT JOIN staff s ON s.id = v.staff_id"
	    " WHERE v.household_id = :h AND v.deleted_at IS NULL"
	    " AND (v.date, v.at, v.id) < (:d, :a, :id)"
	    " ORDER BY v.date DESC, v.at DESC, v.id DESC LIMIT :n",
	    "SELECT v.id, v.date, v.at, v.outcome, s.name, v.notes FROM visits v"
	    " LEFT JOIN staff s ON s.id = v.staff_id"
	    " WHERE v.household_id = :h AND v.deleted_at IS NULL"
	    " AND (v.date, v.at, v.id) > (:d, :a, :id)"
	    " ORDER BY v.date, v.at, v.id LIMIT :n",
	};
	sqlite3_stmt *st = db_stmt(db, sql[dir < 0], e);
	int got = 0, r = 0;

	if (!st)
		return -1;
	sql_bind_int(st, ":h", household_id);
	sql_bind_text(st, ":d", anchor ? anchor->date : dir < 0 ? "" : "\xff");
	sql_bind_text(st, ":a", anchor ? anchor->at : "");
	sql_bind_int(st, ":id", anchor ? anchor->id : 0);
	sql_bind_int(st, ":n", n);
	while (got < n && (r = sql_step_row(db, st, e)) == 1) {
		struct hh_visit *v = &out[got++];

		memset(v, 0, sizeof *v);
		v->id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, v->date, sizeof v->date);
		sql_col_copy(st, 2, v->at, sizeof v->at);
		v->outcome = sql_col_dup(st, 3);
		v->staff = sql_col_dup(st, 4);
		v->notes = sql_col_dup(st, 5);
	}
	sqlite3_reset(st);
	for (int i = 0; r >= 0 && i < got; i++)
		if (read_readings(db, &out[i], e) < 0)
			r = -1;
	if (r < 0) {
		for (int i = 0; i < got; i++)
			hh_visit_clear(&out[i]);
		return -1;
	}
	return got;
}

int db_hh_isolations(struct db *db, long long household_id, const struct hh_isolation *anchor,
		     int dir, int n, struct hh_isolation *out, struct err *e)
{
	static const char *const sql[2] = {
	    "SELECT i.id, i.uuid, r.name, i.kind, i.site, i.reason, i.start_date, i.days,"
	    " i.extended_days, i.end_date, i.end_reason FROM isolations i"
	    " JOIN residents r ON r.id = i.resident_id"
	    " WHERE r.household_id = :h AND r.deleted_at IS NULL AND i.deleted_at IS NULL"
	    " AND (i.start_date, i.id) < (:d, :id)"
	    " ORDER BY i.start_date DESC, i.id DESC LIMIT :n",
	    "SELECT i.id, i.uuid, r.name, i.kind, i.site, i.reason, i.start_date, i.days,"
	    " i.extended_days, i.end_date, i.end_reason FROM isolations i"
	    " JOIN residents r ON r.id = i.resident_id"
	    " WHERE r.household_id = :h AND r.deleted_at IS NULL AND i.deleted_at IS NULL"
	    " AND (i.start_date, i.id) > (:d, :id)"
	    " ORDER BY i.start_date, i.id LIMIT :n",
	};
	sqlite3_stmt *st = db_stmt(db, sql[dir < 0], e);
	int got = 0, r = 0;

	if (!st)
		return -1;
	sql_bind_int(st, ":h", household_id);
	sql_bind_text(st, ":d", anchor ? anchor->start_date : dir < 0 ? "" : "\xff");
	sql_bind_int(st, ":id", anchor ? anchor->id : 0);
	sql_bind_int(st, ":n", n);
	while (got < n && (r = sql_step_row(db, st, e)) == 1) {
		struct hh_isolation *i = &out[got++];

		memset(i, 0, sizeof *i);
		i->id = sqlite3_column_int64(st, 0);
		sql_col_copy(st, 1, i->uuid, sizeof i->uuid);
		i->resident = sql_col_dup(st, 2);
		i->kind = sql_col_dup(st, 3);
		i->site = sql_col_dup(st, 4);
		i->reason = sql_col_dup(st, 5);
		sql_col_copy(st, 6, i->start_date, sizeof i->start_date);
		i->days = sqlite3_column_int(st, 7);
		i->extended_days = sqlite3_column_int(st, 8);
		i->end_date = sql_col_dup(st, 9);
		i->end_reason = sql_col_dup(st, 10);
	}
	sqlite3_reset(st);
	if (r < 0) {
		for (int i = 0; i < got; i++)
			hh_isolation_clear(&out[i]);
		return -1;
	}
	return got;
}

int db_hh_counts(struct db *db, long long household_id, long long *visits, long long *isolations,
		 struct err *e)
{
	sqlite3_stmt *st =
	    db_stmt(db,
		    "SELECT (SELECT count(*) FROM visits WHERE household_id = :h"
		    " AND deleted_at IS NULL), (SELECT count(*) FROM isolations i"
		    " JOIN residents r ON r.id = i.resident_id WHERE r.household_id = :h"
		    " AND r.deleted_at IS NULL AND i.deleted_at IS NULL)",
		    e);
	int r;

	if (!st)
		return -1;
	sql_bind_int(st, ":h", household_id);
	r = sql_step_row(db, st, e);
	if (r == 1) {
		*visits = sqlite3_column_int64(st, 0);
		*isolations = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
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

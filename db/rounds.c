/* db rounds: grids, pages of a round with each household's status, the next
 * household to visit, residents to measure, and the edit of a visit; see
 * rounds.h. */
#include "db/rounds.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/searchkey.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/record.h"
#include "db/rowdesc.h"
#include "db/search.h"
#include "db/sql.h"
#include "db/views.h"
#include "db/visits.h"

/* A key above every stored sort key (BINARY collation; UTF-8 never holds
 * the byte 0xFF). */
#define KEY_END "\xff"

#define ROWDESC_ROW	   struct rounds_grid
#define GRID_COLUMNS(F, X) F(INT, id, "g.id") X(STR, name, "g.name") X(STR, staff, "s.name")
static const struct col_desc grid_cols[] = ROWDESC_TABLE(GRID_COLUMNS);

int db_rounds_grids(struct db *db, int (*fn)(const struct rounds_grid *g, void *ctx), void *ctx,
		    struct err *e)
{
	sqlite3_stmt *st = db_stmt(
	    db,
	    ROWDESC_SELECT(
		GRID_COLUMNS) " FROM grids g"
			      " LEFT JOIN staff s ON s.id = g.staff_id AND s.deleted_at IS NULL"
			      " WHERE g.deleted_at IS NULL",
	    e);
	struct rounds_grid *v;
	void *rows;
	int n, i, r;

	/* a few dozen grids: sorted here by core/namesort (第二 before 第十一) */
	r = rowdesc_collect_by_name(db, st, grid_cols, ROWDESC_N(grid_cols), &rows, &n, sizeof *v,
				    offsetof(struct rounds_grid, name),
				    offsetof(struct rounds_grid, id), -1, e);
	v = rows;
	for (i = 0; r == 0 && i < n && !fn(&v[i], ctx); i++)
		;
	rowdesc_free_rows(grid_cols, ROWDESC_N(grid_cols), v, n, sizeof *v);
	return r;
}

struct pick_default {
	const char *staff;
	struct rounds_grid first, mine;
	int have_first, have_mine;
};

static void grid_copy(struct rounds_grid *dst, const struct rounds_grid *g)
{
	dst->id = g->id;
	xstrset(&dst->name, g->name);
	xstrset(&dst->staff, g->staff);
}

static int pick_default(const struct rounds_grid *g, void *ctx)
{
	struct pick_default *p = ctx;

	if (!p->have_first) {
		grid_copy(&p->first, g);
		p->have_first = 1;
	}
	if (p->staff[0] && !strcmp(g->staff, p->staff)) {
		grid_copy(&p->mine, g);
		p->have_mine = 1;
		return 1;
	}
	return 0;
}

int db_rounds_default_grid(struct db *db, const char *staff_name, struct rounds_grid *out,
			   struct err *e)
{
	struct pick_default p = {.staff = staff_name ? staff_name : ""};
	int r = db_rounds_grids(db, pick_default, &p, e);

	memset(out, 0, sizeof *out);
	out->id = -1;
	xstrset(&out->name, "");
	xstrset(&out->staff, "");
	if (r == 0 && (p.have_mine || p.have_first))
		grid_copy(out, p.have_mine ? &p.mine : &p.first);
	db_rounds_grid_clear(&p.first);
	db_rounds_grid_clear(&p.mine);
	return r < 0 ? -1 : (p.have_mine || p.have_first);
}

/* A round's row's first columns, in the order of ROW_SELECT's list (the
 * temperatures and counts after them are read by read_row). */
static const struct col_desc row_cols[] = {
    COLD_INT(struct rounds_row, id),	   COLD_DUP(struct rounds_row, code),
    COLD_DUP(struct rounds_row, sort_key), COLD_REF(struct rounds_row, grid_id),
    COLD_STR(struct rounds_row, head),	   COLD_INT32(struct rounds_row, residents),
    COLD_REF(struct rounds_row, visit_id), COLD_CODE(struct rounds_row, outcome),
    COLD_INT32(struct rounds_row, visits),
};

ROWDESC_DESTROY_FN(db_rounds_row_free, struct rounds_row, row_cols)

/* clang-format off: SQL reads better laid out by hand */
/* The columns of a round's row over a CTE `page(id, code, sort_key,
 * grid_id)`; :date is bound. */
#define ROW_SELECT                                                                                 \
	" pv AS (SELECT page.*, (SELECT v.id FROM visits v WHERE v.household_id = page.id"         \
	"  AND v.date = :date AND v.deleted_at IS NULL ORDER BY v.at DESC, v.uuid DESC LIMIT 1)"   \
	"  AS vid FROM page)"                                                                      \
	" SELECT pv.id, pv.code, pv.sort_key, pv.grid_id,"                                         \
	" (SELECT r.name FROM residents r WHERE r.household_id = pv.id AND r.deleted_at IS NULL"   \
	"  ORDER BY r.relation <> 'head', r.status <> 'living', r.uuid LIMIT 1),"                  \
	" (SELECT count(*) FROM residents r WHERE r.household_id = pv.id"                          \
	"  AND r.deleted_at IS NULL AND r.status = 'living'),"                                     \
	" pv.vid, v.outcome,"                                                                      \
	" (SELECT count(*) FROM visits w WHERE w.household_id = pv.id AND w.date = :date"          \
	"  AND w.deleted_at IS NULL),"                                                             \
	" (SELECT group_concat(t, ' ') FROM (SELECT rd.temperature AS t FROM readings rd"          \
	"  WHERE rd.visit_id = pv.vid AND rd.deleted_at IS NULL AND rd.temperature IS NOT NULL"    \
	"  ORDER BY rd.id)),"                                                                      \
	" (SELECT count(rd.temperature) FROM readings rd WHERE rd.visit_id = pv.vid"               \
	"  AND rd.deleted_at IS NULL),"                                                            \
	" (SELECT max(rd.temperature) FROM readings rd WHERE rd.visit_id = pv.vid"                 \
	"  AND rd.deleted_at IS NULL),"                                                            \
	" (SELECT count(*) FROM readings rd WHERE rd.visit_id = pv.vid AND rd.deleted_at IS NULL"  \
	"  AND rd.symptoms <> '')"                                                                 \
	" FROM pv LEFT JOIN visits v ON v.id = pv.vid"

#define PAGE_COLS "SELECT id, code, sort_key, grid_id FROM households"
#define LIVE	  " WHERE deleted_at IS NULL"

static const char *const page_sql[2][2] = {
    /* [all][backwards] */
    {"WITH page AS (" PAGE_COLS LIVE " AND grid_id = :grid AND (sort_key, id) > (:k, :id)"
     " ORDER BY sort_key, id LIMIT :n)," ROW_SELECT " ORDER BY pv.sort_key, pv.id",
     "WITH page AS (" PAGE_COLS LIVE " AND grid_id = :grid AND (sort_key, id) < (:k, :id)"
     " ORDER BY sort_key DESC, id DESC LIMIT :n)," ROW_SELECT
     " ORDER BY pv.sort_key DESC, pv.id DESC"},
    {"WITH page AS (" PAGE_COLS LIVE " AND (sort_key, id) > (:k, :id)"
     " ORDER BY sort_key, id LIMIT :n)," ROW_SELECT " ORDER BY pv.sort_key, pv.id",
     "WITH page AS (" PAGE_COLS LIVE " AND (sort_key, id) < (:k, :id)"
     " ORDER BY sort_key DESC, id DESC LIMIT :n)," ROW_SELECT
     " ORDER BY pv.sort_key DESC, pv.id DESC"},
};
/* clang-format on */

static struct rounds_row *read_row(sqlite3_stmt *st)
{
	struct rounds_row *r = xcalloc(1, sizeof *r);
	const char *temps;

	rowdesc_read(st, row_cols, ROWDESC_N(row_cols), r);
	temps = (const char *)sqlite3_column_text(st, ROWDESC_N(row_cols));
	for (const char *p = temps; p && *p && r->n_temps < ROUNDS_TEMPS;) {
		char *end;
		long t = strtol(p, &end, 10);

		if (end == p)
			break;
		r->temps[r->n_temps++] = (int)t;
		p = end;
	}
	r->n_temps = sqlite3_column_int(st, 10);
	r->max_temp = sqlite3_column_int(st, 11);
	r->symptoms = sqlite3_column_int(st, 12);
	return r;
}

int db_rounds_page(struct db *db, long long grid_id, const char *date, const char *after_key,
		   long long after_id, int dir, int n, struct rounds_row **out, struct err *e)
{
	int back = dir < 0;
	sqlite3_stmt *st = db_stmt(db, page_sql[grid_id < 0][back], e);
	int count = 0, r = 0;

	if (!st)
		return -1;
	if (grid_id >= 0)
		sql_bind_int(st, ":grid", grid_id);
	sql_bind_text(st, ":date", date);
	if (after_key) {
		sql_bind_text(st, ":k", after_key);
		sql_bind_int(st, ":id", after_id);
	} else {
		sql_bind_text(st, ":k", back ? KEY_END : "");
		sql_bind_int(st, ":id", back ? 0 : -1);
	}
	sql_bind_int(st, ":n", n);
	while (count < n && (r = sql_step_row(db, st, e)) == 1)
		out[count++] = read_row(st);
	sqlite3_reset(st);
	if (count < n && r < 0) {
		while (count > 0)
			db_rounds_row_free(&out[--count]);
		return -1;
	}
	return count;
}

int db_rounds_row(struct db *db, long long household_id, const char *date, struct rounds_row **out,
		  struct err *e)
{
	sqlite3_stmt *st = SQL_PREP(db, e, "WITH page AS (" PAGE_COLS LIVE " AND id = :hid)," ROW_SELECT,
				    SQLP_INT(":hid", household_id), SQLP_TEXT(":date", date));
	int r;

	*out = NULL;
	if (!st)
		return -1;
	r = sql_step_row(db, st, e);
	if (r == 1)
		*out = read_row(st);
	sqlite3_reset(st);
	return r;
}

/* clang-format off */
#define PENDING_WHERE                                                                              \
	" AND (sort_key, id) > (:k, :id) AND NOT EXISTS (SELECT 1 FROM visits v"                   \
	" WHERE v.household_id = households.id AND v.date = :date AND v.deleted_at IS NULL)"       \
	" ORDER BY sort_key, id LIMIT 1"
/* clang-format on */

/* Steps st, a query of the household (id, sort_key) after (after_key,
 * after_id) in the order of its statement (:k, :id; from the first when
 * after_key is NULL), in grid_id (:grid) unless it is -1, its other
 * parameters bound: 1 found (*id_out, *key_out malloc'd), 0 none, -1. */
static int next_after(struct db *db, sqlite3_stmt *st, long long grid_id, const char *after_key,
		      long long after_id, long long *id_out, char **key_out, struct err *e)
{
	int r;

	if (grid_id >= 0)
		sql_bind_int(st, ":grid", grid_id);
	sql_bind_text(st, ":k", after_key ? after_key : "");
	sql_bind_int(st, ":id", after_key ? after_id : -1);
	r = sql_step_row(db, st, e);
	if (r == 1) {
		*id_out = sqlite3_column_int64(st, 0);
		*key_out = sql_col_dup(st, 1);
	}
	sqlite3_reset(st);
	return r;
}

int db_rounds_next_pending(struct db *db, long long grid_id, const char *date,
			   const char *after_key, long long after_id, long long *id_out,
			   char **key_out, struct err *e)
{
	sqlite3_stmt *st =
	    SQL_PREP(db, e,
		     grid_id < 0 ? "SELECT id, sort_key FROM households" LIVE PENDING_WHERE
				 : "SELECT id, sort_key FROM households" LIVE
				   " AND grid_id = :grid" PENDING_WHERE,
		     SQLP_TEXT(":date", date));

	if (!st)
		return -1;
	return next_after(db, st, grid_id, after_key, after_id, id_out, key_out, e);
}

#define FIND_SQL                                                                                   \
	"SELECT t.household_id, t.sort_key FROM search_terms t JOIN households h"                  \
	" ON h.id = t.household_id WHERE t.term = :q AND h.deleted_at IS NULL"                     \
	" AND (t.sort_key, t.household_id) > (:k, :id)"
#define FIND_ORDER " ORDER BY t.sort_key, t.household_id LIMIT 1"

int db_rounds_find(struct db *db, long long grid_id, const char *typed, const char *after_key,
		   long long after_id, long long *id_out, char **key_out, struct err *e)
{
	char *q = searchkey_query(typed ? typed : "");
	sqlite3_stmt *st = NULL;
	int r = 0;

	if (!*q)
		goto out;
	r = -1;
	if (db_search_sync(db, e) < 0)
		goto out;
	st = SQL_PREP(
	    db, e, grid_id < 0 ? FIND_SQL FIND_ORDER : FIND_SQL " AND h.grid_id = :grid" FIND_ORDER,
	    SQLP_TEXT(":q", q));
	if (!st)
		goto out;
	r = next_after(db, st, grid_id, after_key, after_id, id_out, key_out, e);
out:
	free(q);
	return r;
}

int db_rounds_residents(struct db *db, long long household_id,
			int (*fn)(long long id, const char *name, const char *elsewhere, void *ctx),
			void *ctx, struct err *e)
{
	sqlite3_stmt *st = db_stmt(
	    db,
	    "SELECT r.id, r.name, (SELECT coalesce(i.site, '') FROM isolations i"
	    " WHERE i.resident_id = r.id AND i.deleted_at IS NULL AND " ISO_DUE_ON("i", ":today")
	    " AND NOT " ISO_CHECKS_OURS("i") " LIMIT 1) FROM residents r"
	    " WHERE r.household_id = :hid AND r.deleted_at IS NULL AND r.status = 'living'"
	    " ORDER BY r.relation <> 'head', r.id",
	    e);
	struct date today;
	char day[DATE_STR];
	int r;

	if (!st)
		return -1;
	clock_today(&today);
	date_format(&today, day);
	sql_bind_int(st, ":hid", household_id);
	sql_bind_text(st, ":today", day);
	while ((r = sql_step_row(db, st, e)) == 1)
		if (fn(sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
		       (const char *)sqlite3_column_text(st, 2), ctx))
			break;
	sqlite3_reset(st);
	return r < 0 ? -1 : 0;
}

ROWDESC_CLEAR_FN(db_rounds_grid_clear, struct rounds_grid, grid_cols)

void db_rounds_visit_clear(struct rounds_visit *v)
{
	for (int i = 0; i < v->n_readings; i++) {
		free(v->readings[i].name);
		free(v->readings[i].symptoms);
	}
	free(v->code);
	free(v->readings);
	memset(v, 0, sizeof *v);
	v->id = -1;
}

int db_rounds_visit_get(struct db *db, long long visit_id, struct rounds_visit *out, struct err *e)
{
	sqlite3_stmt *st = db_stmt(db,
				   "SELECT v.id, v.household_id, h.code, v.date, v.at, v.outcome"
				   " FROM visits v JOIN households h ON h.id = v.household_id"
				   " WHERE v.id = :id AND v.deleted_at IS NULL",
				   e);
	int r, cap = 0;

	memset(out, 0, sizeof *out);
	out->id = -1;
	if (!st)
		return -1;
	sql_bind_int(st, ":id", visit_id);
	r = sql_step_row(db, st, e);
	if (r == 1) {
		out->id = sqlite3_column_int64(st, 0);
		out->household_id = sqlite3_column_int64(st, 1);
		sql_col_str(st, 2, &out->code);
		sql_col_copy(st, 3, out->date, sizeof out->date);
		sql_col_copy(st, 4, out->at, sizeof out->at);
		sql_col_copy(st, 5, out->outcome, sizeof out->outcome);
	}
	sqlite3_reset(st);
	if (r <= 0)
		return r;
	st = SQL_PREP(db, e,
		      "SELECT rd.resident_id, r.name, rd.temperature, rd.symptoms FROM readings rd"
		      " JOIN residents r ON r.id = rd.resident_id"
		      " WHERE rd.visit_id = :id AND rd.deleted_at IS NULL ORDER BY rd.id",
		      SQLP_INT(":id", visit_id));
	if (!st)
		goto fail;
	while ((r = sql_step_row(db, st, e)) == 1) {
		struct rounds_reading *rd;

		XGROW(out->readings, cap, out->n_readings + 1, 8);
		rd = &out->readings[out->n_readings++];
		memset(rd, 0, sizeof *rd);
		rd->resident_id = sqlite3_column_int64(st, 0);
		sql_col_str(st, 1, &rd->name);
		rd->temperature = sqlite3_column_int(st, 2);
		sql_col_str(st, 3, &rd->symptoms);
	}
	sqlite3_reset(st);
	if (r < 0)
		goto fail;
	return 1;
fail:
	db_rounds_visit_clear(out);
	return -1;
}

long long db_rounds_visit_replace(struct db *db, long long old_id, const struct visit_new *v,
				  struct err *e)
{
	char old_uuid[37], new_uuid[37];
	struct strbuf ch = STRBUF_INIT;
	long long id;
	int r;

	if (db_begin(db, e) < 0)
		return -1;
	r = db_record_live_uuid(db, "visits", old_id, old_uuid, e);
	if (r == 0)
		err_field(e, "visit", _("visit %lld was undone or changed meanwhile"), old_id);
	if (r <= 0)
		goto fail;
	if (db_visit_undo(db, old_id, e) != 1)
		goto fail;
	if ((id = db_visit_insert(db, v, new_uuid, e)) < 0)
		goto fail; /* the whole transaction is rolled back already */
	json_open(&ch);
	json_add_str(&ch, "replaced_by", new_uuid);
	return record_audit_commit(db, "update", "visits", old_uuid, &ch, e) < 0 ? -1 : id;
fail:
	db_rollback(db); /* ours: an inner failure rolled back its own level */
	return -1;
}

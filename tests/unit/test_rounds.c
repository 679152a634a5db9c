/* Unit tests of db/rounds on an in-memory database: grids and the default
 * grid, keyset pages in natural order with the day's status (latest visit
 * wins), the next household not yet done, residents to measure, and the edit
 * of a visit (undo + insert in one transaction, audited). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/model.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/households.h"
#include "db/residents.h"
#include "db/rounds.h"
#include "db/settings.h"
#include "db/sql.h"
#include "db/staff.h"
#include "db/visits.h"

#define DATE "2020-02-15"

static struct db *db;
static long long hh[6], grid_a, grid_b;
static long long res[6][3];

static long long add_household(const char *code, long long grid)
{
	struct household h;
	struct err e;
	long long id;

	err_clear(&e);
	model_household_init(&h);
	h.code = xstrdup(code);
	h.grid_id = grid;
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	id = h.id;
	model_household_clear(&h);
	return id;
}

static long long add_resident(long long hid, const char *name, const char *relation,
			      const char *status)
{
	struct resident r;
	struct err e;
	long long id;

	err_clear(&e);
	model_resident_init(&r);
	r.household_id = hid;
	r.name = xstrdup(name);
	r.relation = xstrdup(relation);
	r.status = xstrdup(status);
	if (db_resident_insert(db, &r, &e) < 0)
		fail_msg("resident: %s", e.msg);
	id = r.id;
	model_resident_clear(&r);
	return id;
}

static int setup(void **state)
{
	struct err e;
	struct settings s;
	/* codes given out of natural order on purpose */
	static const char *const codes[] = {"3-10-101", "3-2-501", "12-1-101",
					    "3-2-502",	"1-1-1",   "9-9-9"};

	(void)state;
	setenv("DOORSTEP_NOW", DATE " 09:30:00", 1);
	err_clear(&e);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "王芳");
	settings_defaults(&s);
	xstrset(&s.community, "幸福里社区");
	assert_int_equal(db_settings_put(db, &s, &e), 0);
	settings_clear(&s);
	grid_b = db_grid_ensure(db, "第二网格", &e);
	grid_a = db_grid_ensure(db, "第一网格", &e);
	if (db_grid_set_staff(db, grid_b, db_staff_ensure(db, "王芳", "grid_worker", &e), &e) < 0)
		fail_msg("grid staff: %s", e.msg);
	for (int i = 0; i < 6; i++) {
		hh[i] = add_household(codes[i], i == 5 ? grid_a : grid_b);
		res[i][0] = add_resident(hh[i], "李四", "spouse", "living");
		res[i][1] = add_resident(hh[i], "张三", "head", "living");
		res[i][2] = add_resident(hh[i], "张小明", "child", i == 0 ? "away" : "living");
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	db_close(&db);
	return 0;
}

static long long visit(long long hid, enum visit_outcome o, const long long *rid, const int *t,
		       int n, const char *at)
{
	struct visit_reading rd[4];
	struct visit_new v = {.household_id = hid,
			      .date = DATE,
			      .at = at,
			      .outcome = o,
			      .staff_id = -1,
			      .readings = rd,
			      .n_readings = n};
	struct err e;
	long long id;

	memset(rd, 0, sizeof rd);
	for (int i = 0; i < n; i++) {
		rd[i].resident_id = rid[i];
		rd[i].temperature = t[i];
	}
	err_clear(&e);
	id = db_visit_insert(db, &v, NULL, &e);
	if (id < 0)
		fail_msg("visit: %s", e.msg);
	return id;
}

static int grid_count(const struct rounds_grid *g, void *ctx)
{
	(void)g;
	(*(int *)ctx)++;
	return 0;
}

static void test_grids(void **state)
{
	struct rounds_grid g;
	struct err e;
	int n = 0;

	(void)state;
	err_clear(&e);
	assert_int_equal(db_rounds_grids(db, grid_count, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(db_rounds_default_grid(db, "王芳", &g, &e), 1);
	assert_int_equal(g.id, grid_b); /* hers, although not first by name */
	assert_string_equal(g.staff, "王芳");
	db_rounds_grid_clear(&g);
	assert_int_equal(db_rounds_default_grid(db, "nobody", &g, &e), 1);
	assert_int_equal(g.id, grid_a); /* else the first by name */
	db_rounds_grid_clear(&g);
}

static void free_rows(struct rounds_row **rows, int n)
{
	for (int i = 0; i < n; i++)
		db_rounds_row_free(&rows[i]);
}

static void test_pages_and_status(void **state)
{
	struct rounds_row *rows[8];
	struct err e;
	long long rid3[3] = {res[1][1], res[1][0], res[1][2]};
	int t3[3] = {365, 366, 364}, n;
	long long id = -1;
	char *key = NULL;

	(void)state;
	err_clear(&e);
	/* 3-2-501: visited; 3-2-502: no answer then visited again with a fever */
	visit(hh[1], VISIT_VISITED, rid3, t3, 3, DATE " 09:00:00");
	visit(hh[3], VISIT_NO_ANSWER, NULL, NULL, 0, DATE " 09:05:00");
	visit(hh[3], VISIT_VISITED, (long long[]){res[3][1]}, (int[]){385}, 1, DATE " 10:00:00");
	{
		struct visit_counts a;

		assert_int_equal(db_visit_counts(db, DATE, grid_b, 373, &a, &e), 0);
		assert_int_equal(a.households, 5);
		assert_int_equal(a.done, 2);
		assert_int_equal(a.visited, 2);
		assert_int_equal(a.no_answer, 0); /* the later visit wins */
		assert_int_equal(a.fevers, 1);
		assert_int_equal(db_visit_counts(db, DATE, -1, 373, &a, &e), 0);
		assert_int_equal(a.households, 6);
	}
	n = db_rounds_page(db, grid_b, DATE, NULL, 0, 1, 3, rows, &e);
	assert_int_equal(n, 3);
	assert_string_equal(rows[0]->code, "1-1-1");
	assert_string_equal(rows[1]->code, "3-2-501");
	assert_string_equal(rows[2]->code, "3-2-502");
	assert_string_equal(rows[0]->outcome, "");
	assert_int_equal(rows[0]->visit_id, -1);
	assert_string_equal(rows[0]->head, "张三");
	assert_int_equal(rows[0]->residents, 3);
	assert_string_equal(rows[1]->outcome, "visited");
	assert_int_equal(rows[1]->n_temps, 3);
	assert_int_equal(rows[1]->temps[0], 365);
	assert_int_equal(rows[1]->temps[2], 364);
	assert_int_equal(rows[1]->max_temp, 366);
	assert_string_equal(rows[2]->outcome, "visited"); /* latest wins */
	assert_int_equal(rows[2]->visits, 2);
	assert_int_equal(rows[2]->max_temp, 385);
	/* next page from the last row, then back */
	{
		struct rounds_row *more[8];
		int m = db_rounds_page(db, grid_b, DATE, rows[2]->sort_key, rows[2]->id, 1, 8, more,
				       &e);

		assert_int_equal(m, 2);
		assert_string_equal(more[0]->code, "3-10-101");
		assert_int_equal(more[0]->residents, 2); /* one is away */
		assert_string_equal(more[1]->code, "12-1-101");
		free_rows(more, m);
		m = db_rounds_page(db, grid_b, DATE, NULL, 0, -1, 2, more, &e);
		assert_int_equal(m, 2);
		assert_string_equal(more[0]->code, "12-1-101"); /* nearest first */
		assert_string_equal(more[1]->code, "3-10-101");
		free_rows(more, m);
		m = db_rounds_page(db, -1, DATE, NULL, 0, 1, 8, more, &e);
		assert_int_equal(m, 6); /* all grids */
		free_rows(more, m);
	}
	/* next not done after 1-1-1 skips the two done ones */
	assert_int_equal(
	    db_rounds_next_pending(db, grid_b, DATE, rows[0]->sort_key, rows[0]->id, &id, &key, &e),
	    1);
	assert_int_equal(id, hh[0]);
	free(key);
	free_rows(rows, n);
	{
		struct rounds_row *r;

		assert_int_equal(db_rounds_row(db, hh[3], DATE, &r, &e), 1);
		assert_int_equal(r->max_temp, 385);
		db_rounds_row_free(&r);
		assert_null(r);
	}
}

static int collect(long long id, const char *name, const char *elsewhere, void *ctx)
{
	long long *ids = ctx;

	(void)name;
	(void)elsewhere;
	for (int i = 0; i < 3; i++)
		if (!ids[i]) {
			ids[i] = id;
			break;
		}
	return 0;
}

static void test_residents_and_replace(void **state)
{
	long long ids[3] = {0, 0, 0}, vid, nid, last = -1;
	struct rounds_visit v;
	struct visit_reading rd[1] = {{res[4][1], 372, "cough", NULL}};
	struct visit_new nv = {.household_id = hh[4],
			       .date = DATE,
			       .outcome = VISIT_VISITED,
			       .staff_id = -1,
			       .readings = rd,
			       .n_readings = 1};
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(db_rounds_residents(db, hh[0], collect, ids, &e), 0);
	assert_int_equal(ids[0], res[0][1]); /* head first */
	assert_int_equal(ids[1], res[0][0]);
	assert_int_equal(ids[2], 0); /* the away one is not measured */

	vid = visit(hh[4], VISIT_VISITED, (long long[]){res[4][1], res[4][0]}, (int[]){365, 366}, 2,
		    NULL);
	assert_int_equal(db_rounds_visit_get(db, vid, &v, &e), 1);
	assert_string_equal(v.code, "1-1-1");
	assert_int_equal(v.n_readings, 2);
	assert_int_equal(v.readings[1].temperature, 366);
	assert_string_equal(v.readings[0].name, "张三");
	db_rounds_visit_clear(&v);
	nid = db_rounds_visit_replace(db, vid, &nv, &e);
	assert_true(nid > vid);
	assert_int_equal(db_rounds_visit_get(db, vid, &v, &e), 0); /* undone */
	assert_int_equal(db_rounds_visit_get(db, nid, &v, &e), 1);
	assert_int_equal(v.n_readings, 1);
	assert_string_equal(v.readings[0].symptoms, "cough");
	db_rounds_visit_clear(&v);
	assert_int_equal(sql_scalar(db,
				    "SELECT count(*) FROM audit_log WHERE action = 'update'"
				    " AND table_name = 'visits'",
				    NULL),
			 1);
	assert_int_equal(db_visit_last(db, DATE, -1, &last, &e), 1);
	assert_int_equal(last, nid);
	/* replacing a visit already undone changes nothing */
	assert_int_equal(db_rounds_visit_replace(db, vid, &nv, &e), -1);
	assert_string_equal(e.field, "visit");
	/* a refused reading rolls the undo back too */
	rd[0].temperature = 450;
	assert_int_equal(db_rounds_visit_replace(db, nid, &nv, &e), -1);
	assert_int_equal(db_rounds_visit_get(db, nid, &v, &e), 1);
	db_rounds_visit_clear(&v);
	assert_false(db_in_transaction(db));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_grids),
	    cmocka_unit_test(test_pages_and_status),
	    cmocka_unit_test(test_residents_and_replace),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

/* Unit tests of db/hhdetail: a household's visits (with their readings) and
 * isolations, paged newest first by keyset in both directions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/hhdetail.h"
#include "db/households.h"
#include "db/isolations.h"
#include "db/residents.h"
#include "db/settings.h"
#include "db/visits.h"
#include "dbfix.h"

struct fx {
	struct db *db;
	long long hh, res[2];
};

static void add_visit(struct fx *f, const char *date, const char *at, int temperature)
{
	struct visit_reading rd[2] = {{f->res[0], temperature, "cough", NULL},
				      {f->res[1], 0, NULL, NULL}};
	struct visit_new v = {f->hh, date, at, VISIT_VISITED, -1, "门口测温", rd, 2};
	struct err e;

	err_clear(&e);
	assert_true(db_visit_insert(f->db, &v, NULL, &e) > 0);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct household h = {.grid_id = -1, .code = "7-1-101"};
	struct err e;

	err_clear(&e);
	f->db = dbfix_open("幸福里社区");
	assert_int_equal(db_household_insert(f->db, &h, &e), 0);
	f->hh = h.id;
	f->res[0] = dbfix_resident(f->db, h.id, "张三");
	f->res[1] = dbfix_resident(f->db, h.id, "李四");
	add_visit(f, "2026-11-01", "2026-11-01 09:00:00", 365);
	add_visit(f, "2026-11-02", "2026-11-02 09:00:00", 372);
	add_visit(f, "2026-11-03", "2026-11-03 09:00:00", 381);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	db_close(&f->db);
	free(f);
	return 0;
}

static void clear_visits(struct hh_visit *v, int n)
{
	for (int i = 0; i < n; i++)
		hh_visit_clear(&v[i]);
}

static void test_visits_page_newest_first_with_readings(void **state)
{
	struct fx *f = *state;
	struct hh_visit v[3], older[3], newer[3];
	struct err e;

	err_clear(&e);
	assert_int_equal(db_hh_visits(f->db, f->hh, NULL, 1, 2, v, &e), 2);
	assert_string_equal(v[0].date, "2026-11-03");
	assert_string_equal(v[1].date, "2026-11-02");
	assert_string_equal(v[0].outcome, "visited");
	assert_string_equal(v[0].notes, "门口测温");
	assert_string_equal(v[0].staff, "测试员");
	assert_int_equal(v[0].nreadings, 2);
	assert_string_equal(v[0].readings[0].name, "张三");
	assert_int_equal(v[0].readings[0].temperature, 381);
	assert_string_equal(v[0].readings[0].symptoms, "cough");
	assert_string_equal(v[0].readings[1].name, "李四");
	assert_int_equal(v[0].readings[1].temperature, -1);
	assert_string_equal(v[0].readings[1].symptoms, "");
	/* the page after the last one shown, then back from it */
	assert_int_equal(db_hh_visits(f->db, f->hh, &v[1], 1, 2, older, &e), 1);
	assert_string_equal(older[0].date, "2026-11-01");
	assert_int_equal(older[0].readings[0].temperature, 365);
	assert_int_equal(db_hh_visits(f->db, f->hh, &older[0], -1, 3, newer, &e), 2);
	assert_string_equal(newer[0].date, "2026-11-02");
	assert_string_equal(newer[1].date, "2026-11-03");
	clear_visits(v, 2);
	clear_visits(older, 1);
	clear_visits(newer, 2);
}

static void test_isolations_page(void **state)
{
	struct fx *f = *state;
	struct isolation_new a = {f->res[0], "home", NULL, NULL, "2026-11-20", 14, NULL};
	struct isolation_new b = {f->res[1], "home", NULL, NULL, "2026-11-25", 14, NULL};
	struct hh_isolation v[2], older[2];
	struct err e;

	err_clear(&e);
	assert_true(db_isolation_start(f->db, &a, &e) > 0);
	assert_true(db_isolation_start(f->db, &b, &e) > 0);
	assert_int_equal(db_hh_isolations(f->db, f->hh, NULL, 1, 1, v, &e), 1);
	assert_string_equal(v[0].resident, "李四");
	assert_string_equal(v[0].start_date, "2026-11-25");
	assert_string_equal(v[0].kind, "home");
	assert_int_equal(v[0].days, 14);
	assert_null(v[0].end_date);
	assert_int_equal(strlen(v[0].uuid), 36);
	assert_int_equal(db_hh_isolations(f->db, f->hh, &v[0], 1, 2, older, &e), 1);
	assert_string_equal(older[0].resident, "张三");
	assert_string_equal(older[0].start_date, "2026-11-20");
	hh_isolation_clear(&v[0]);
	hh_isolation_clear(&older[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_visits_page_newest_first_with_readings, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_isolations_page, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

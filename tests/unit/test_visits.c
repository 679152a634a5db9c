/* Unit tests of db/visits: a visit and its readings in one transaction with
 * audit rows, refusals that write nothing, latest visit wins, undo, counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "core/model.h"
#include "core/settings.h"
#include "db/db.h"
#include "db/households.h"
#include "db/residents.h"
#include "db/settings.h"
#include "db/sql.h"
#include "db/visits.h"
#include "dbfix.h"

struct fx {
	struct db *db;
	long long hh, other_hh, res[3], stranger;
};

static long long count(struct db *db, const char *sql)
{
	return sql_scalar(db, sql, NULL);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct household h = {.grid_id = -1, .code = "3-2-501"}, h2 = {.grid_id = -1, .code = "3-2-502"};
	struct err e;

	err_clear(&e);
	f->db = dbfix_open("幸福里社区");
	assert_int_equal(db_household_insert(f->db, &h, &e), 0);
	assert_int_equal(db_household_insert(f->db, &h2, &e), 0);
	f->hh = h.id;
	f->other_hh = h2.id;
	f->res[0] = dbfix_resident(f->db, h.id, "张三");
	f->res[1] = dbfix_resident(f->db, h.id, "李四");
	f->res[2] = dbfix_resident(f->db, h.id, "王五");
	f->stranger = dbfix_resident(f->db, h2.id, "赵六");
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

static void test_insert_with_readings_and_audit(void **state)
{
	struct fx *f = *state;
	struct visit_reading rd[3] = {{f->res[0], 365, NULL, NULL},
				      {f->res[1], 380, "cough", NULL},
				      {f->res[2], 0, NULL, "not home"}};
	struct visit_new v = {f->hh, NULL, NULL, VISIT_VISITED, -1, NULL, rd, 3};
	struct visit_status st;
	struct err e;
	char uuid[37];
	long long id;

	err_clear(&e);
	id = db_visit_insert(f->db, &v, uuid, &e);
	assert_true(id > 0);
	assert_int_equal(count(f->db, "SELECT count(*) FROM visits WHERE date = '2020-02-15'"
				      " AND at = '2020-02-15 09:30:00' AND outcome = 'visited'"),
			 1);
	assert_int_equal(count(f->db, "SELECT count(*) FROM readings"), 3);
	assert_int_equal(count(f->db, "SELECT count(*) FROM readings WHERE temperature IS NULL"), 1);
	/* one audit row for the visit, one per reading (and the staff, new) */
	assert_int_equal(count(f->db, "SELECT count(*) FROM audit_log WHERE table_name = 'visits'"
				      " AND action = 'insert'"),
			 1);
	assert_int_equal(count(f->db, "SELECT count(*) FROM audit_log WHERE table_name = 'readings'"
				      " AND action = 'insert'"),
			 3);
	assert_int_equal(db_visit_status(f->db, f->hh, "2020-02-15", 373, &st, &e), 1);
	assert_int_equal(st.outcome, VISIT_VISITED);
	assert_int_equal(st.measured, 2);
	assert_int_equal(st.max_temperature, 380);
	assert_int_equal(st.fever, 1);
}

static void test_refusals_write_nothing(void **state)
{
	struct fx *f = *state;
	struct visit_reading bad_t[2] = {{f->res[0], 365, NULL, NULL}, {f->res[1], 450, NULL, NULL}};
	struct visit_reading stranger[1] = {{f->stranger, 365, NULL, NULL}};
	struct visit_reading twice[2] = {{f->res[0], 365, NULL, NULL}, {f->res[0], 366, NULL, NULL}};
	struct visit_new v = {f->hh, NULL, NULL, VISIT_VISITED, -1, NULL, bad_t, 2};
	struct err e;

	err_clear(&e);
	assert_int_equal(db_visit_insert(f->db, &v, NULL, &e), -1);
	assert_string_equal(e.field, "temperature");
	v.readings = stranger;
	v.n_readings = 1;
	assert_int_equal(db_visit_insert(f->db, &v, NULL, &e), -1);
	assert_string_equal(e.field, "resident");
	v.readings = twice;
	v.n_readings = 2;
	assert_int_equal(db_visit_insert(f->db, &v, NULL, &e), -1);
	v.outcome = VISIT_NO_ANSWER;
	assert_int_equal(db_visit_insert(f->db, &v, NULL, &e), -1);
	assert_string_equal(e.field, "outcome");
	v.outcome = VISIT_VISITED;
	v.readings = NULL;
	v.n_readings = 0;
	v.date = "2020-02-14";
	v.at = "2020-02-15 10:00:00";
	assert_int_equal(db_visit_insert(f->db, &v, NULL, &e), -1);
	assert_string_equal(e.field, "at");
	v.at = NULL;
	v.household_id = 9999;
	assert_int_equal(db_visit_insert(f->db, &v, NULL, &e), -1);
	assert_string_equal(e.field, "household");
	assert_int_equal(count(f->db, "SELECT count(*) FROM visits"), 0);
	assert_int_equal(count(f->db, "SELECT count(*) FROM readings"), 0);
	assert_int_equal(count(f->db, "SELECT count(*) FROM audit_log WHERE table_name IN"
				      " ('visits', 'readings')"),
			 0);
}

static void test_latest_visit_wins_and_undo(void **state)
{
	struct fx *f = *state;
	struct visit_reading rd[1] = {{f->res[0], 366, NULL, NULL}};
	struct visit_new na = {f->hh, "2020-02-15", "2020-02-15 08:10:00", VISIT_NO_ANSWER, -1, NULL,
			       NULL, 0};
	struct visit_new ok = {f->hh, "2020-02-15", "2020-02-15 11:00:00", VISIT_VISITED, -1, NULL,
			       rd, 1};
	struct visit_status st;
	struct visit_counts c;
	struct err e;
	long long last;

	err_clear(&e);
	assert_int_equal(db_visit_status(f->db, f->hh, "2020-02-15", 373, &st, &e), 0);
	assert_int_equal(st.outcome, -1);
	assert_true(db_visit_insert(f->db, &na, NULL, &e) > 0);
	long long second = db_visit_insert(f->db, &ok, NULL, &e);

	assert_true(second > 0);
	assert_int_equal(db_visit_status(f->db, f->hh, "2020-02-15", 373, &st, &e), 1);
	assert_int_equal(st.outcome, VISIT_VISITED);
	assert_int_equal(st.visits, 2);
	assert_int_equal(db_visit_counts(f->db, "2020-02-15", -1, 373, &c, &e), 0);
	assert_int_equal(c.households, 2);
	assert_int_equal(c.done, 1);
	assert_int_equal(c.visited, 1);
	assert_int_equal(c.no_answer, 0);

	/* u: the last saved visit is undone; the no-answer shows again. */
	assert_int_equal(db_visit_last(f->db, "2020-02-15", -1, &last, &e), 1);
	assert_true(last == second);
	assert_int_equal(db_visit_undo(f->db, last, &e), 1);
	assert_int_equal(db_visit_undo(f->db, last, &e), 0);
	assert_int_equal(count(f->db, "SELECT count(*) FROM readings WHERE deleted_at IS NULL"), 0);
	assert_int_equal(count(f->db, "SELECT count(*) FROM readings"), 1);
	assert_int_equal(count(f->db, "SELECT count(*) FROM audit_log WHERE action = 'delete'"
				      " AND table_name IN ('visits', 'readings')"),
			 2);
	assert_int_equal(db_visit_status(f->db, f->hh, "2020-02-15", 373, &st, &e), 1);
	assert_int_equal(st.outcome, VISIT_NO_ANSWER);
	assert_int_equal(db_visit_counts(f->db, "2020-02-15", -1, 373, &c, &e), 0);
	assert_int_equal(c.no_answer, 1);
}

static void test_outcome_codes(void **state)
{
	(void)state;
	assert_string_equal(visit_outcome_code(VISIT_NO_ANSWER), "no_answer");
	assert_int_equal(visit_outcome_from_code("away"), VISIT_AWAY);
	assert_int_equal(visit_outcome_from_code("gone"), -1);
	for (int i = 0; model_outcome[i].code; i++)
		assert_int_equal(visit_outcome_from_code(model_outcome[i].code), i);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_insert_with_readings_and_audit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refusals_write_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_latest_visit_wins_and_undo, setup, teardown),
		cmocka_unit_test(test_outcome_codes),
	};

	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}

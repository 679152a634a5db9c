/* Unit tests of db/isolations: one active per resident, checks with slots
 * and late marks, extension limits, restart keeps the history, end reasons,
 * every change audited. */
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
#include "db/isolations.h"
#include "db/residents.h"
#include "db/settings.h"
#include "db/sql.h"
#include "dbfix.h"

struct fx {
	struct db *db;
	long long res;
};

static long long count(struct db *db, const char *sql)
{
	return sql_scalar(db, sql, NULL);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct household h = {.grid_id = -1, .code = "高河村3组12号"};
	struct resident r = {0};
	struct err e;

	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	f->db = dbfix_open("高河村");
	assert_int_equal(db_household_insert(f->db, &h, &e), 0);
	r.household_id = h.id;
	r.name = "刘䶮";
	assert_int_equal(db_resident_insert(f->db, &r, &e), 0);
	f->res = r.id;
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

static long long start(struct fx *f, const char *date, struct err *e)
{
	struct isolation_new n = {f->res, "home", NULL, "key_area", date, 0, NULL};

	return db_isolation_start(f->db, &n, e);
}

static void test_start_one_active(void **state)
{
	struct fx *f = *state;
	struct isolation_new central = {f->res, "central", NULL, NULL, NULL, 0, NULL};
	struct isolation o;
	struct err e;
	long long id;

	err_clear(&e);
	assert_int_equal(db_isolation_start(f->db, &central, &e), -1);
	assert_string_equal(e.field, "site");
	id = start(f, "2020-02-10", &e);
	assert_true(id > 0);
	assert_int_equal(db_isolation_get(f->db, id, &o, &e), 1);
	assert_int_equal(o.days, 14); /* from settings */
	assert_string_equal(o.last_day, "2020-02-23");
	assert_int_equal(start(f, "2020-02-12", &e), -1);
	assert_non_null(strstr(e.msg, "since 2020-02-10"));
	db_isolation_clear(&o);
	assert_int_equal(db_isolation_active_for(f->db, f->res, &o, &e), 1);
	assert_true(o.id == id);
	assert_int_equal(count(f->db, "SELECT count(*) FROM isolations"), 1);
	assert_int_equal(count(f->db, "SELECT count(*) FROM audit_log WHERE table_name = 'isolations'"), 1);
	db_isolation_clear(&o);
}

static void test_checks_slots_and_late(void **state)
{
	struct fx *f = *state;
	struct isolation_check c = {.temperature = 366, .method = "phone", .staff_id = -1};
	struct err e;
	long long id;
	int late = -1;

	err_clear(&e);
	id = start(f, "2020-02-10", &e);
	/* 09:30 is before the AM cut-off: the slot is AM. */
	assert_true(db_isolation_check(f->db, id, &c, &late, &e) > 0);
	assert_int_equal(late, 0);
	assert_int_equal(count(f->db, "SELECT count(*) FROM checks WHERE slot = 'AM'"
				      " AND date = '2020-02-15' AND method = 'phone'"),
			 1);
	assert_int_equal(db_isolation_check(f->db, id, &c, &late, &e), -1);
	assert_string_equal(e.field, "slot");
	c.slot = "PM";
	c.temperature = 440;
	assert_int_equal(db_isolation_check(f->db, id, &c, &late, &e), -1);
	assert_string_equal(e.field, "temperature");
	/* Empty: no temperature, no symptom, no reason why. */
	c.temperature = 0;
	assert_int_equal(db_isolation_check(f->db, id, &c, &late, &e), -1);
	assert_string_equal(e.field, "temperature");
	assert_int_equal(count(f->db, "SELECT count(*) FROM checks"), 1);
	c.unmeasured = "发热门诊就诊中";
	c.date = "2020-02-09";
	assert_int_equal(db_isolation_check(f->db, id, &c, &late, &e), -1);
	assert_string_equal(e.field, "date");
	/* Ended, then a check for a day after the end: stored, marked late. */
	assert_int_equal(db_isolation_end(f->db, id, "moved_away", "2020-02-15", &e), 0);
	c.date = "2020-02-16";
	assert_true(db_isolation_check(f->db, id, &c, &late, &e) > 0);
	assert_int_equal(late, 1);
	assert_int_equal(count(f->db, "SELECT count(*) FROM checks WHERE late = 1"
				      " AND unmeasured = '发热门诊就诊中' AND temperature IS NULL"),
			 1);
}

/* 田秀艳: day 8 of 18 with 38.2 at her PM check, ended as completed. */
static void test_safe_release(void **state)
{
	struct fx *f = *state;
	struct isolation_new n = {f->res, "home", NULL, "key_area", "2020-02-08", 18, NULL};
	struct isolation_check c = {.slot = "PM", .temperature = 382, .staff_id = -1};
	struct isolation o;
	struct err e;
	long long id;

	err_clear(&e);
	id = db_isolation_start(f->db, &n, &e);
	assert_true(id > 0);
	assert_true(db_isolation_check(f->db, id, &c, NULL, &e) > 0);
	assert_int_equal(db_isolation_end(f->db, id, "completed", NULL, &e), -1);
	assert_string_equal(e.field, "override");
	assert_non_null(strstr(e.msg, "day 8 of 18"));
	assert_non_null(strstr(e.msg, "38.2"));
	assert_int_equal(db_isolation_active_for(f->db, f->res, &o, &e), 1); /* alert stays */
	db_isolation_clear(&o);
	/* Moved away needs no override; completed with a reason goes through. */
	assert_int_equal(db_isolation_end_override(f->db, id, "completed", NULL, "  ", &e), -1);
	assert_int_equal(
	    db_isolation_end_override(f->db, id, "completed", NULL, "区疾控核酸阴性，同意解除", &e),
	    0);
	assert_int_equal(count(f->db, "SELECT count(*) FROM isolations WHERE release_override ="
				      " '区疾控核酸阴性，同意解除' AND end_reason = 'completed'"),
			 1);
	assert_int_equal(count(f->db, "SELECT count(*) FROM audit_log WHERE action = 'update'"
				      " AND changes LIKE '%release_override%核酸阴性%'"),
			 1);
}

/* On the last day with nothing found, or a fever older than three days:
 * no override needed, and none stored. */
static void test_release_safe(void **state)
{
	struct fx *f = *state;
	struct isolation_new n = {f->res, "home", NULL, "key_area", "2020-02-02", 14, NULL};
	struct isolation_check c = {
	    .date = "2020-02-12", .slot = "AM", .temperature = 385, .staff_id = -1};
	struct err e;
	long long id;

	err_clear(&e);
	id = db_isolation_start(f->db, &n, &e);
	assert_true(db_isolation_check(f->db, id, &c, NULL, &e) > 0);
	c.date = "2020-02-13";
	c.temperature = 0;
	c.symptoms = "cough";
	assert_true(db_isolation_check(f->db, id, &c, NULL, &e) > 0);
	/* 02-15 is the last day; the window is 02-13 to 02-15: the cough counts. */
	assert_int_equal(db_isolation_end(f->db, id, "completed", "2020-02-15", &e), -1);
	assert_non_null(strstr(e.msg, "cough on 2020-02-13"));
	assert_null(strstr(e.msg, "38.5")); /* 02-12 is outside the window */
	assert_int_equal(
	    db_isolation_end_override(f->db, id, "completed", "2020-02-15", "咳嗽已愈", &e), 0);
}

static void test_extend_limits(void **state)
{
	struct fx *f = *state;
	struct isolation o;
	struct err e;
	long long id;

	err_clear(&e);
	id = start(f, "2020-02-01", &e); /* today is day 15 of 14: overdue */
	assert_int_equal(db_isolation_extend(f->db, id, 0, &e), -1);
	assert_int_equal(db_isolation_extend(f->db, id, 7, &e), 0);
	assert_int_equal(db_isolation_get(f->db, id, &o, &e), 1);
	assert_int_equal(o.extended_days, 7);
	assert_string_equal(o.last_day, "2020-02-21");
	db_isolation_clear(&o);
	/* Shorter than the 15 days passed is refused; back to 15 is fine. */
	assert_int_equal(db_isolation_extend(f->db, id, -7, &e), -1);
	assert_string_equal(e.field, "days");
	assert_int_equal(db_isolation_extend(f->db, id, -6, &e), 0);
	assert_int_equal(db_isolation_extend(f->db, id, -2, &e), -1);
	assert_int_equal(count(f->db, "SELECT count(*) FROM audit_log WHERE table_name = 'isolations'"
				      " AND action = 'update'"),
			 2);
}

static void test_restart_and_end(void **state)
{
	struct fx *f = *state;
	struct isolation old, cur;
	struct err e;
	long long id, nid;

	err_clear(&e);
	id = start(f, "2020-02-05", &e);
	assert_int_equal(db_isolation_restart(f->db, id, "2020-02-04", &e), -1);
	assert_string_equal(e.field, "start_date");
	assert_non_null(strstr(e.msg, "2020-02-04"));
	err_clear(&e);
	nid = db_isolation_restart(f->db, id, "2020-02-12", &e);
	assert_true(nid > id);
	assert_int_equal(db_isolation_get(f->db, id, &old, &e), 1);
	assert_string_equal(old.end_reason, "restarted");
	assert_string_equal(old.end_date, "2020-02-12");
	db_isolation_clear(&old);
	assert_int_equal(db_isolation_active_for(f->db, f->res, &cur, &e), 1);
	assert_true(cur.id == nid);
	assert_true(cur.previous_id == id);
	assert_string_equal(cur.start_date, "2020-02-12");
	assert_string_equal(cur.kind, "home");
	assert_int_equal(db_isolation_end(f->db, id, "completed", NULL, &e), -1); /* already ended */
	assert_int_equal(db_isolation_end(f->db, nid, "restarted", NULL, &e), -1);
	assert_string_equal(e.field, "end_reason");
	assert_int_equal(db_isolation_end(f->db, nid, "completed", "2020-02-11", &e), -1);
	assert_string_equal(e.field, "end_date");
	assert_non_null(strstr(e.msg, "2020-02-12")); /* the start it is before */
	assert_int_equal(db_isolation_end(f->db, nid, "hospitalised", NULL, &e), 0);
	db_isolation_clear(&cur);
	assert_int_equal(db_isolation_active_for(f->db, f->res, &cur, &e), 0);
	/* The resident may start a new one now. */
	assert_true(start(f, NULL, &e) > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_start_one_active, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_checks_slots_and_late, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_extend_limits, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_restart_and_end, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_safe_release, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_release_safe, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

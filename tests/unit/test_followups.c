/* Unit tests of core/followup and db/followups: a fever or a symptom on a
 * round or at a check opens one case per person; an undone visit withdraws
 * it; referral and closing are audited; closing as isolated starts the
 * isolation in the same step; the day's counts agree with
 * followup_open_on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/followup.h"
#include "core/limits.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/followups.h"
#include "db/households.h"
#include "db/isolations.h"
#include "db/residents.h"
#include "db/settings.h"
#include "db/sql.h"
#include "db/visits.h"

static struct db *db;
static long long hh, res[2];

static long long count(const char *sql)
{
	return sql_scalar(db, sql, NULL);
}

static int setup(void **state)
{
	struct household h = {.grid_id = -1, .code = "3-2-501"};
	struct resident r = {0};
	struct settings s;
	struct err e;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "王芳");
	settings_defaults(&s);
	xstrset(&s.community, "幸福社区");
	assert_int_equal(db_settings_put(db, &s, &e), 0);
	settings_clear(&s);
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	hh = h.id;
	r.household_id = h.id;
	r.name = "田秀艳";
	assert_int_equal(db_resident_insert(db, &r, &e), 0);
	res[0] = r.id;
	memset(&r, 0, sizeof r);
	r.household_id = h.id;
	r.name = "张三";
	assert_int_equal(db_resident_insert(db, &r, &e), 0);
	res[1] = r.id;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	db_close(&db);
	return 0;
}

static void test_core(void **state)
{
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(followup_should_open(373, NULL, 373), 1);
	assert_int_equal(followup_should_open(372, "", 373), 0);
	assert_int_equal(followup_should_open(0, "cough", 373), 1); /* no fever, a symptom */
	assert_int_equal(followup_should_open(0, NULL, 373), 0);
	assert_int_equal(followup_open_on("2020-02-15 08:00:00", NULL, "2020-02-15"), 1);
	assert_int_equal(followup_open_on("2020-02-16 08:00:00", NULL, "2020-02-15"), 0);
	assert_int_equal(followup_open_on("2020-02-14", "2020-02-15 10:00:00", "2020-02-15"), 0);
	assert_int_equal(followup_open_on("2020-02-14", "2020-02-16 10:00:00", "2020-02-15"), 1);
	assert_int_equal(followup_close_check("isolated", &e), 0);
	assert_int_equal(followup_close_check("bogus", &e), -1);
	assert_string_equal(e.field, "outcome");
	assert_int_equal(followup_outcome_isolates("isolated"), 1);
	assert_int_equal(followup_outcome_isolates("normal"), 0);
}

static long long visit(int t0, const char *sym1)
{
	struct visit_reading rd[2] = {{res[0], t0, sym1, NULL}, {res[1], 365, NULL, NULL}};
	struct visit_new v = {hh, NULL, NULL, VISIT_VISITED, -1, NULL, rd, 2};
	struct err e;
	long long id;

	err_clear(&e);
	id = db_visit_insert(db, &v, NULL, &e);
	if (id < 0)
		fail_msg("%s", e.msg);
	return id;
}

static void test_round_opens_one(void **state)
{
	struct followup f;
	struct err e;
	long long v1;

	(void)state;
	err_clear(&e);
	visit(366, NULL);
	assert_int_equal(count("SELECT count(*) FROM followups"), 0);
	v1 = visit(390, NULL); /* 39.0 on the round */
	assert_int_equal(count("SELECT count(*) FROM followups WHERE source = 'round'"
			       " AND temperature = 390 AND resident_id = 1"),
			 1);
	assert_int_equal(db_followup_open_of(db, res[0], &f, &e), 1);
	assert_string_equal(f.name, "田秀艳");
	assert_string_equal(f.household, "3-2-501");
	db_followup_clear(&f);
	visit(385, NULL); /* still open: no second case */
	assert_int_equal(count("SELECT count(*) FROM followups"), 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE table_name = 'followups'"), 1);
	/* Undoing the visit that opened it withdraws the case. */
	assert_int_equal(db_visit_undo(db, v1, &e), 1);
	assert_int_equal(count("SELECT count(*) FROM followups WHERE deleted_at IS NULL"), 0);
	/* A symptom without a fever opens one too. */
	visit(0, "cough");
	assert_int_equal(count("SELECT count(*) FROM followups WHERE deleted_at IS NULL"
			       " AND symptoms = 'cough' AND temperature IS NULL"),
			 1);
}

static void test_check_opens_and_close_isolates(void **state)
{
	struct isolation_new n = {res[1], "home", NULL, "close_contact", "2020-02-10", 14, NULL};
	struct isolation_check c = {.slot = "AM", .temperature = 381, .staff_id = -1};
	struct followup_isolation central = {"central", "区委党校集中隔离点"};
	struct followup f;
	struct err e;
	long long iid;

	(void)state;
	err_clear(&e);
	iid = db_isolation_start(db, &n, &e);
	assert_true(iid > 0);
	assert_true(db_isolation_check(db, iid, &c, NULL, &e) > 0);
	assert_int_equal(db_followup_open_of(db, res[1], &f, &e), 1);
	assert_string_equal(f.source, "check");
	/* Refer, then close as isolated: already isolated, so the case links it. */
	assert_int_equal(db_followup_refer(db, f.id, NULL, "", NULL, &e), -1);
	assert_string_equal(e.field, "clinic");
	assert_int_equal(
	    db_followup_refer(db, f.id, "2020-02-15 10:20", "区人民医院发热门诊", "120 救护车", &e),
	    0);
	assert_int_equal(db_followup_close(db, f.id, "isolated", &central, NULL, &e), 0);
	assert_int_equal(count("SELECT isolation_id FROM followups WHERE resident_id = 2"), iid);
	assert_int_equal(db_followup_close(db, f.id, "normal", NULL, NULL, &e), -1); /* closed */
	db_followup_clear(&f);

	/* 田秀艳: a round fever, closed as isolated: the isolation starts now. */
	visit(392, NULL);
	assert_int_equal(db_followup_open_of(db, res[0], &f, &e), 1);
	assert_int_equal(db_followup_close(db, f.id, "bogus", NULL, NULL, &e), -1);
	assert_int_equal(db_followup_close(db, f.id, "isolated", &central, "送集中隔离", &e), 0);
	db_followup_clear(&f);
	assert_int_equal(count("SELECT count(*) FROM isolations WHERE resident_id = 1"
			       " AND kind = 'central' AND reason = 'symptoms'"
			       " AND start_date = '2020-02-15' AND end_date IS NULL"),
			 1);
	assert_int_equal(count("SELECT count(*) FROM followups WHERE closed_at IS NOT NULL"
			       " AND closed_by IS NOT NULL AND outcome = 'isolated'"),
			 2);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE table_name = 'followups'"
			       " AND action = 'update'"),
			 3);
}

static void test_counts_agree_with_core(void **state)
{
	static const char *const days[] = {"2020-02-13", "2020-02-14", "2020-02-15", "2020-02-16"};
	struct followup_counts c;
	struct err e;

	(void)state;
	err_clear(&e);
	/* Cases opened and closed around midnight. */
	assert_int_equal(db_exec(db,
				 "INSERT INTO followups(uuid, created_at, updated_at, resident_id,"
				 " opened_at, source, closed_at, outcome) VALUES"
				 " ('a', 'x', 'x', 1, '2020-02-13 23:59:00', 'round', '2020-02-14 "
				 "00:00:00', 'normal'),"
				 " ('b', 'x', 'x', 1, '2020-02-14 08:00:00', 'gate', NULL, NULL),"
				 " ('c', 'x', 'x', 2, '2020-02-14 09:00:00', 'check', '2020-02-15 "
				 "23:59:59', 'normal'),"
				 " ('d', 'x', 'x', 2, '2020-02-15 09:00:00', 'round', '2020-02-15 "
				 "10:00:00', 'normal')",
				 &e),
			 0);
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
		int opened = 0, open = 0, closed = 0;
		sqlite3_stmt *st;

		sqlite3_prepare_v2(db_handle(db), "SELECT opened_at, closed_at FROM followups", -1,
				   &st, NULL);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *o = (const char *)sqlite3_column_text(st, 0);
			const char *cl = (const char *)sqlite3_column_text(st, 1);
			char od[11], cd[11] = "";

			snprintf(od, sizeof od, "%.10s", o);
			if (cl)
				snprintf(cd, sizeof cd, "%.10s", cl);
			opened += !strcmp(od, days[i]);
			closed += cl && !strcmp(cd, days[i]);
			open += followup_open_on(od, cd, days[i]);
		}
		sqlite3_finalize(st);
		assert_int_equal(db_followup_counts(db, days[i], &c, &e), 0);
		assert_int_equal(c.opened, opened);
		assert_int_equal(c.open, open);
		assert_int_equal(c.closed, closed);
	}
	assert_int_equal(db_followup_counts(db, "2020-02-14", &c, &e), 0);
	assert_int_equal(c.opened, 2);
	assert_int_equal(c.open, 2);
	assert_int_equal(c.closed, 1);
}

/* Text is never cut: a resident's name, a clinic and a transport at their
 * limits in a three-byte script come back whole, and a copy owns its own. */
static void test_long_text_whole(void **state)
{
	char *name = xcalloc(1, 3 * 100 + 1), *clinic = xcalloc(1, 3 * 200 + 1);
	struct followup f = {0}, copy;
	struct err e;

	(void)state;
	err_clear(&e);
	for (int i = 0; i < limits_max("residents", "name"); i++)
		strcat(name, "某");
	for (int i = 0; i < limits_max("followups", "clinic"); i++)
		strcat(clinic, "某");
	assert_int_equal(strlen(name), 300);
	assert_int_equal(strlen(clinic), 600);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_handle(db), "UPDATE residents SET name = ?1 WHERE id = ?2",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, res[0]);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	visit(392, NULL);
	assert_int_equal(db_followup_open_of(db, res[0], &f, &e), 1);
	assert_int_equal(db_followup_refer(db, f.id, NULL, clinic, clinic, &e), 0);
	db_followup_clear(&f);
	assert_int_equal(db_followup_open_of(db, res[0], &f, &e), 1);
	assert_string_equal(f.name, name);
	assert_string_equal(f.clinic, clinic);
	assert_string_equal(f.transport, clinic);
	assert_string_equal(f.closed_by, "");
	db_followup_copy(&copy, &f);
	db_followup_clear(&f);
	assert_string_equal(copy.clinic, clinic);
	db_followup_clear(&copy);
	free(name);
	free(clinic);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_core),
	    cmocka_unit_test_setup_teardown(test_round_opens_one, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_check_opens_and_close_isolates, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_counts_agree_with_core, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_long_text_whole, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

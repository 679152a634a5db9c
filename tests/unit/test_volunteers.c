/* Unit tests of core/volunteer (shift minutes, hours as written) and of the
 * service hours the database gathers: the view shift_minutes agrees with
 * core on every pair of quarter hours, only shifts marked present count, a
 * night shift counts in the month it starts, and db_staff_update records a
 * party member with an audit row. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/settings.h"
#include "core/volunteer.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/settings.h"
#include "db/sql.h"
#include "db/staff.h"
#include "db/volunteers.h"
#include "dbfix.h"

static void test_minutes(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(volunteer_shift_minutes(8 * 60, 12 * 60), 240);
	assert_int_equal(volunteer_shift_minutes(20 * 60, 8 * 60), 720);
	assert_int_equal(volunteer_shift_minutes(8 * 60, 8 * 60), 1440);
	assert_int_equal(volunteer_shift_minutes(-1, 60), 0);
	assert_int_equal(volunteer_shift_minutes(0, 1440), 0);
	volunteer_hours_format(720, buf, sizeof buf);
	assert_string_equal(buf, "12");
	volunteer_hours_format(450, buf, sizeof buf);
	assert_string_equal(buf, "7.5");
	volunteer_hours_format(20, buf, sizeof buf);
	assert_string_equal(buf, "0.3");
	volunteer_hours_format(0, buf, sizeof buf);
	assert_string_equal(buf, "0");
}

static struct db *open_db(void)
{
	struct db *db;
	struct err e;

	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	db = dbfix_open("幸福里社区");
	return db;
}

/* The view's minutes are core's, for every start and end on the quarter. */
static void test_view_agrees(void **state)
{
	struct db *db = open_db();
	struct err e;
	sqlite3_stmt *st;
	int checked = 0;

	(void)state;
	err_clear(&e);
	assert_int_equal(db_exec(db,
				 "INSERT INTO checkpoints(uuid, created_at, updated_at, name)"
				 " VALUES('k', '2020-02-01 00:00:00', '2020-02-01 00:00:00', '东门')",
				 &e),
			 0);
	assert_int_equal(db_exec(db, "BEGIN", &e), 0);
	for (int a = 0; a < 1440; a += 15)
		for (int b = 0; b < 1440; b += 15) {
			char *sql = xasprintf(
			    "INSERT INTO shifts(uuid, created_at, updated_at, checkpoint_id, date,"
			    " start_time, end_time) VALUES('s%d-%d', '2020-02-01 00:00:00',"
			    " '2020-02-01 00:00:00', 1, '2020-02-01', '%02d:%02d', '%02d:%02d')",
			    a, b, a / 60, a % 60, b / 60, b % 60);

			assert_int_equal(db_exec(db, sql, &e), 0);
			free(sql);
		}
	assert_int_equal(db_exec(db, "COMMIT", &e), 0);
	st = db_stmt(db, "SELECT start_time, end_time, minutes FROM shift_minutes", &e);
	assert_non_null(st);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *a = (const char *)sqlite3_column_text(st, 0);
		const char *b = (const char *)sqlite3_column_text(st, 1);
		int ma = atoi(a) * 60 + atoi(a + 3), mb = atoi(b) * 60 + atoi(b + 3);

		if (sqlite3_column_int(st, 2) != volunteer_shift_minutes(ma, mb))
			fail_msg("%s-%s: view %d, core %d", a, b, sqlite3_column_int(st, 2),
				 volunteer_shift_minutes(ma, mb));
		checked++;
	}
	sqlite3_reset(st);
	assert_int_equal(checked, 96 * 96);
	db_close(&db);
}

static int find_staff(const struct staff_member *m, void *ctx)
{
	struct staff_member *out = ctx;

	if (!strcmp(m->name, "张志愿")) {
		out->id = m->id;
		out->party = m->party;
		snprintf(out->role, sizeof out->role, "%s", m->role);
		return 1;
	}
	return 0;
}

static void test_month(void **state)
{
	struct db *db = open_db();
	struct staff_member m = {0};
	struct volunteer_month *v;
	struct err e;
	long long id;
	int n;

	(void)state;
	err_clear(&e);
	id = db_staff_ensure(db, "张志愿", "volunteer", &e);
	assert_true(id > 0);
	assert_true(db_staff_ensure(db, "李未到", "volunteer", &e) > 0);
	assert_int_equal(
	    db_exec(db,
		    "INSERT INTO checkpoints(uuid, created_at, updated_at, name) VALUES('k',"
		    " '2020-02-01 00:00:00', '2020-02-01 00:00:00', '东门');"
		    "INSERT INTO shifts(uuid, created_at, updated_at, checkpoint_id, date, start_time,"
		    " end_time, staff_id, present) VALUES"
		    " ('a', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '2020-02-10', '08:00',"
		    " '12:00', 1, 1),"
		    " ('b', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '2020-02-29', '20:00',"
		    " '08:00', 1, 1),"
		    " ('c', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '2020-02-11', '08:00',"
		    " '12:00', 1, 0),"
		    " ('d', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '2020-02-12', '08:00',"
		    " '12:00', 1, NULL),"
		    " ('e', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '2020-03-01', '08:00',"
		    " '12:00', 1, 1),"
		    " ('f', '2020-02-01 00:00:00', '2020-02-01 00:00:00', 1, '2020-02-13', '08:00',"
		    " '12:00', 2, 0);",
		    &e),
	    0);
	assert_int_equal(db_volunteer_month(db, "2020-02", &v, &n, &e), 0);
	assert_int_equal(n, 2); /* 李未到 too, absent: no shift worked */
	assert_string_equal(v[0].name, "张志愿");
	assert_int_equal(v[0].shifts, 2);
	assert_int_equal(v[0].minutes, 4 * 60 + 12 * 60);
	assert_int_equal(v[1].shifts, 0);
	assert_string_equal(v[1].name, "李未到");
	free(v);

	assert_int_equal(db_staff_each(db, 0, find_staff, &m, &e), 0);
	assert_int_equal(m.id, id);
	assert_int_equal(m.party, 0);
	m.party = 1;
	m.phone = (char *)"13800000000";
	assert_int_equal(db_staff_update(db, &m, &e), 0);
	m.party = 0;
	assert_int_equal(db_staff_each(db, 0, find_staff, &m, &e), 0);
	assert_int_equal(m.party, 1);
	assert_int_equal(sql_scalar(db,
				    "SELECT count(*) FROM audit_log WHERE table_name = 'staff'"
				    " AND action = 'update' AND json_extract(changes, '$.party[1]') = '1'"
				    " AND json_extract(changes, '$.phone[1]') = '13800000000'",
				    NULL),
			 1);
	assert_int_equal(db_volunteer_month(db, "2020-02", &v, &n, &e), 0);
	assert_int_equal(v[0].party, 1);
	free(v);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_minutes),
		cmocka_unit_test(test_view_agrees),
		cmocka_unit_test(test_month),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

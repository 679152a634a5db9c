/* Unit tests of db/stats: missed checks follow the cut-offs against
 * DOORSTEP_NOW (today), the whole day (past), nothing (future); a bad date
 * names the field; the faults a check of the printed numbers found (docs/report.md):
 * checks of an isolation ended that day, fevers counted per check row,
 * visits of a household deleted later, voids dated by the receipt. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "core/model.h"
#include "core/settings.h"
#include "db/consistency.h"
#include "core/temperature.h"
#include "db/db.h"
#include "db/households.h"
#include "db/isolations.h"
#include "db/residents.h"
#include "db/settings.h"
#include "db/sql.h"
#include "db/stats.h"
#include "db/donations.h"
#include "db/today.h"
#include "db/visits.h"
#include "dbfix.h"

static void test_cutoffs(void **state)
{
	struct db *db = NULL;
	struct household h = {.grid_id = -1, .code = "1-1-101"};
	struct resident r = {0};
	struct isolation_new n = {0};
	struct isolation_check c = {.slot = "AM", .temperature = 365, .staff_id = -1};
	struct daily_stats s = {0};
	struct err e;
	long long id;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	db = dbfix_open("幸福里社区");
	/* The committee checks central isolation too here. */
	assert_int_equal(db_exec(db, "UPDATE settings SET checks_central = 1", &e), 0);
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	r.household_id = h.id;
	r.name = "王五";
	assert_int_equal(db_resident_insert(db, &r, &e), 0);
	n.resident_id = r.id;
	n.kind = "central";
	n.site = "区委党校";
	n.start_date = "2020-02-14";
	id = db_isolation_start(db, &n, &e);
	assert_true(id > 0);

	report_stats_clear(&s);
	assert_int_equal(db_daily_stats(db, "2020-02-15", &s, &e), 0);
	assert_string_equal(s.as_of, "2020-02-15 09:30:00");
	assert_int_equal(s.households, 1);
	assert_int_equal(s.residents, 1);
	assert_int_equal(s.iso[STATS_CENTRAL].active, 1);
	assert_int_equal(s.checks_due, 1);
	assert_int_equal(s.am_over, 0);
	assert_int_equal(s.missed_am, 0);

	setenv("DOORSTEP_NOW", "2020-02-15 12:00:00", 1); /* at the cut-off */
	report_stats_clear(&s);
	assert_int_equal(db_daily_stats(db, "2020-02-15", &s, &e), 0);
	assert_int_equal(s.missed_am, 1);
	assert_int_equal(s.missed_pm, 0);
	assert_true(db_isolation_check(db, id, &c, NULL, &e) > 0);
	report_stats_clear(&s);
	assert_int_equal(db_daily_stats(db, "2020-02-15", &s, &e), 0);
	assert_int_equal(s.missed_am, 0);
	assert_int_equal(s.checks_am, 1);

	/* Yesterday: both slots missed; tomorrow: nothing missed yet. */
	report_stats_clear(&s);
	assert_int_equal(db_daily_stats(db, "2020-02-14", &s, &e), 0);
	assert_string_equal(s.as_of, "");
	assert_int_equal(s.missed_am + s.missed_pm, 2);
	assert_int_equal(s.iso_total.new_today, 1);
	report_stats_clear(&s);
	assert_int_equal(db_daily_stats(db, "2020-02-16", &s, &e), 0);
	assert_int_equal(s.missed_am + s.missed_pm, 0);
	/* Before the household was entered (created_at is "now"). */
	report_stats_clear(&s);
	assert_int_equal(db_daily_stats(db, "2020-01-01", &s, &e), 0);
	assert_int_equal(s.households, 0);
	assert_int_equal(s.residents, 0);
	report_stats_clear(&s);
	assert_int_equal(db_daily_stats(db, "2020-02-31", &s, &e), -1);
	assert_string_equal(e.field, "date");
	report_stats_clear(&s);
	db_close(&db);
}

static long long isolate(struct db *db, long long res, const char *start)
{
	struct isolation_new n = {0};
	struct err e;
	long long id;

	err_clear(&e);
	n.resident_id = res;
	n.kind = "home";
	n.start_date = start;
	id = db_isolation_start(db, &n, &e);
	assert_true(id > 0);
	return id;
}

static void check(struct db *db, long long iso, const char *date, const char *slot, int t)
{
	struct isolation_check c = {.date = date, .slot = slot, .temperature = t, .staff_id = -1};
	struct err e;

	err_clear(&e);
	assert_true(db_isolation_check(db, iso, &c, NULL, &e) > 0);
}

/* "AM 2/1": after one of two isolations is ended today its AM check still
 * counted as done while she is no longer among those due. */
static void test_checks_of_ended_isolation(void **state)
{
	struct db *db = NULL;
	struct household h = {.grid_id = -1, .code = "1-1-101"};
	struct daily_stats s = {0};
	struct err e;
	long long a, b;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 13:00:00", 1);
	db = dbfix_open("幸福里社区");
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	a = isolate(db, dbfix_resident(db, h.id, "甲"), "2020-02-01");
	b = isolate(db, dbfix_resident(db, h.id, "乙"), "2020-02-10");
	check(db, a, "2020-02-15", "AM", 365);
	check(db, b, "2020-02-15", "AM", 366);
	report_stats_clear(&s);
	assert_int_equal(db_daily_stats(db, "2020-02-15", &s, &e), 0);
	assert_int_equal(s.checks_due, 2);
	assert_int_equal(s.checks_am, 2);
	assert_int_equal(db_isolation_end(db, a, "completed", NULL, &e), 0);
	report_stats_clear(&s);
	assert_int_equal(db_daily_stats(db, "2020-02-15", &s, &e), 0);
	assert_int_equal(s.checks_due, 1);
	assert_int_equal(s.checks_am, 1);
	assert_int_equal(s.missed_am, 0);
	assert_int_equal(s.iso_total.released, 1);
	/* The day before, both were due and both checks count. */
	check(db, a, "2020-02-14", "AM", 365);
	check(db, b, "2020-02-14", "AM", 365);
	report_stats_clear(&s);
	assert_int_equal(db_daily_stats(db, "2020-02-14", &s, &e), 0);
	assert_int_equal(s.checks_due, 2);
	assert_int_equal(s.checks_am, 2);
	report_stats_clear(&s);
	db_close(&db);
}

/* Fevers at checks are people; visits count the households of the day as
 * of the day; a void counts on its own date. */
static void test_people_households_voids(void **state)
{
	struct db *db = NULL;
	struct household h1 = {.grid_id = -1, .code = "1-1-101"};
	struct household h2 = {.grid_id = -1, .code = "1-1-102"};
	struct visit_new v = {0};
	struct donation_new d = {0};
	struct daily_stats s = {0};
	struct err e;
	long long a, gift;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-14 08:00:00", 1);
	db = dbfix_open("幸福里社区");
	assert_int_equal(db_household_insert(db, &h1, &e), 0);
	assert_int_equal(db_household_insert(db, &h2, &e), 0);
	a = isolate(db, dbfix_resident(db, h1.id, "甲"), "2020-02-10");
	check(db, a, "2020-02-14", "AM", 381);
	check(db, a, "2020-02-14", "PM", 385);

	v.date = "2020-02-14";
	v.outcome = VISIT_NO_ANSWER;
	v.staff_id = -1;
	v.household_id = h1.id;
	assert_true(db_visit_insert(db, &v, NULL, &e) > 0);
	v.household_id = h2.id;
	assert_true(db_visit_insert(db, &v, NULL, &e) > 0);
	v.date = "2020-02-15";
	v.at = "2020-02-15 09:00:00";
	assert_true(db_visit_insert(db, &v, NULL, &e) > 0);

	d.received_date = "2020-02-14";
	d.donor_name = "李四";
	d.kind = "cash";
	d.amount_fen = 10000;
	d.received_by = -1;
	d.value_fen = -1;
	gift = db_donation_insert(db, &d, NULL, &e);
	assert_true(gift > 0);

	report_stats_clear(&s);
	assert_int_equal(db_daily_stats(db, "2020-02-14", &s, &e), 0);
	assert_int_equal(s.check_fevers, 1);
	assert_int_equal(s.checks_am + s.checks_pm, 2);
	assert_int_equal(s.households_done, 2);
	assert_int_equal(s.donations, 1);
	assert_int_equal(s.voided, 0);

	/* The next day at 10:00: 1-1-102 is deleted after its visit, and the
	 * receipt of the 14th is voided. */
	setenv("DOORSTEP_NOW", "2020-02-15 10:00:00", 1);
	assert_int_equal(db_exec(db,
				 "UPDATE households SET deleted_at = '2020-02-15 10:00:00'"
				 " WHERE code = '1-1-102'",
				 &e),
			 0);
	assert_int_equal(db_donation_void(db, gift, "写错金额", &e), 0);

	report_stats_clear(&s);
	assert_int_equal(db_daily_stats(db, "2020-02-15", &s, &e), 0);
	assert_int_equal(s.households, 1);
	assert_int_equal(s.households_done, 0);
	assert_int_equal(s.visits, 0);
	assert_int_equal(s.voided, 1);
	assert_int_equal(s.donations, 0);
	/* The 14th reads as it was reported that evening. */
	report_stats_clear(&s);
	assert_int_equal(db_daily_stats(db, "2020-02-14", &s, &e), 0);
	assert_int_equal(s.households, 2);
	assert_int_equal(s.households_done, 2);
	assert_int_equal(s.no_answer, 2);
	assert_int_equal(s.donations, 1);
	assert_int_equal(s.cash_fen, 10000);
	assert_int_equal(s.voided, 0);
	report_stats_clear(&s);
	db_close(&db);
}

static int count_of(struct db *db, const char *sql)
{
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	int n;

	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return n;
}

/* Whether the counters of the triggers agree with a recount. */
static int counters_agree(struct db *db)
{
	return count_of(db, "SELECT count(*) FROM row_counts_actual a JOIN row_counts c"
			    " ON c.name = a.name AND c.n = a.n") == 2;
}

static void count_problem(const char *problem, void *ctx)
{
	if (strstr(problem, "row_counts: households has 3 rows, its counter says 4"))
		++*(int *)ctx;
}

/* The counters of households and residents follow inserts, soft and hard
 * deletes and a merge's bulk insert, and `check` names one that does not. */
static void test_row_counts(void **state)
{
	struct db *db = NULL;
	struct household h1 = {.grid_id = -1, .code = "1-1-101"};
	struct household h2 = {.grid_id = -1, .code = "1-1-102"};
	struct daily_stats s = {0};
	struct err e;
	int found = 0;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "测试员");
	assert_true(counters_agree(db));
	assert_int_equal(db_household_insert(db, &h1, &e), 0);
	assert_int_equal(db_household_insert(db, &h2, &e), 0);
	dbfix_resident(db, h1.id, "甲");
	dbfix_resident(db, h1.id, "乙");
	dbfix_resident(db, h2.id, "丙");
	assert_true(counters_agree(db));
	assert_int_equal(count_of(db, "SELECT n FROM row_counts WHERE name = 'residents'"), 3);
	/* A soft delete keeps the row (the day's count leaves it out); a hard
	 * delete and a bulk insert move the counter. */
	assert_int_equal(db_exec(db,
				 "UPDATE residents SET deleted_at = '2020-02-15 09:00:00'"
				 " WHERE name = '丙'",
				 &e),
			 0);
	assert_int_equal(db_exec(db, "DELETE FROM residents WHERE name = '乙'", &e), 0);
	assert_int_equal(db_exec(db,
				 "INSERT INTO households (uuid, created_at, updated_at, code, sort_key)"
				 " SELECT lower(hex(randomblob(16))), '2020-02-14 08:00:00',"
				 " '2020-02-14 08:00:00', column1, column1 FROM (VALUES ('2-1'), ('2-2'))",
				 &e),
			 0);
	assert_int_equal(db_exec(db, "DELETE FROM households WHERE code = '2-2'", &e), 0);
	assert_true(counters_agree(db));
	report_stats_clear(&s);
	assert_int_equal(db_daily_stats(db, "2020-02-15", &s, &e), 0);
	assert_int_equal(s.households, 3);
	assert_int_equal(s.residents, 1);
	report_stats_clear(&s);

	/* (The raw rows' sort keys are stale: `check` says so, and not this.) */
	assert_true(db_consistency_check(db, count_problem, &found, &e) >= 0);
	assert_int_equal(found, 0);
	assert_int_equal(db_exec(db, "UPDATE row_counts SET n = n + 1 WHERE name = 'households'",
				 &e),
			 0);
	assert_true(db_consistency_check(db, count_problem, &found, &e) > 0);
	assert_int_equal(found, 1);
	db_close(&db);
}

/* Two visits of one household at the same second: the later id is the
 * latest, for the counts and for the "no answer" alerts alike. */
static void test_latest_visit_ties(void **state)
{
	struct db *db = NULL;
	struct household h = {.grid_id = -1, .code = "1-1-101"};
	struct visit_new v = {.date = "2020-02-15", .at = "2020-02-15 09:00:00", .staff_id = -1};
	struct daily_stats s = {0};
	struct today_alert *a[4] = {0};
	struct err e;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "测试员");
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	dbfix_resident(db, h.id, "甲");
	v.household_id = h.id;
	v.outcome = VISIT_AWAY;
	assert_true(db_visit_insert(db, &v, NULL, &e) > 0);
	v.outcome = VISIT_NO_ANSWER;
	assert_true(db_visit_insert(db, &v, NULL, &e) > 0);

	report_stats_clear(&s);
	assert_int_equal(db_daily_stats(db, "2020-02-15", &s, &e), 0);
	assert_int_equal(s.visits, 2);
	assert_int_equal(s.households_done, 1);
	assert_int_equal(s.no_answer, 1);
	assert_int_equal(s.away, 0);
	report_stats_clear(&s);
	assert_int_equal(db_today_alerts(db, "2020-02-15", 373, NULL, 1, 4, a, &e), 1);
	assert_int_equal(a[0]->kind, TODAY_NO_ANSWER);
	assert_string_equal(a[0]->name, "甲");
	db_today_alert_free(&a[0]);

	/* A later answer at the same second turns the alert off. */
	v.outcome = VISIT_AWAY;
	assert_true(db_visit_insert(db, &v, NULL, &e) > 0);
	assert_int_equal(db_today_alerts(db, "2020-02-15", 373, NULL, 1, 4, a, &e), 0);
	assert_int_equal(db_daily_stats(db, "2020-02-15", &s, &e), 0);
	assert_int_equal(s.no_answer, 0);
	assert_int_equal(s.away, 1);
	assert_int_equal(s.households_done, 1);
	report_stats_clear(&s);
	db_close(&db);
}

/* The rounds alerts page by keyset across their two kinds, one query per
 * kind: three fevers then two "no answer" households, read two at a time
 * forward from the start and backward from the end, each row once, in
 * order, whichever kind the anchor is. */
static void test_alert_pages(void **state)
{
	static const char *const codes[5] = {"1-1-101", "1-1-102", "1-1-103", "1-1-104", "1-1-105"};
	static const char *const want[5] = {"a", "b", "c", "1-1-104", "1-1-105"};
	struct db *db = NULL;
	struct today_alert *a[5] = {0}, *page[2] = {0}, *anchor = NULL;
	struct err e;
	char sql[512];
	int n = 0, m;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "测试员");
	for (int i = 0; i < 5; i++) {
		struct household h = {.grid_id = -1};
		long long r;

		h.code = (char *)codes[i];
		assert_int_equal(db_household_insert(db, &h, &e), 0);
		r = dbfix_resident(db, h.id, i < 3 ? want[i] : "户主");
		snprintf(sql, sizeof sql,
			 "INSERT INTO visits(uuid, created_at, updated_at, household_id, at, date,"
			 " outcome) VALUES ('pv-%d', '2020-02-15 09:00:00', '2020-02-15 09:00:00',"
			 " %lld, '2020-02-15 09:00:00', '2020-02-15', '%s');"
			 "INSERT INTO readings(uuid, created_at, updated_at, visit_id, resident_id,"
			 " temperature) VALUES ('pr-%d', '2020-02-15 09:00:00',"
			 " '2020-02-15 09:00:00', last_insert_rowid(), %lld, %d)",
			 i, h.id, i < 3 ? "visited" : "no_answer", i, r, i < 3 ? 385 : 365);
		assert_int_equal(db_exec(db, sql, &e), 0);
	}
	/* forward, two at a time */
	while ((m = db_today_alerts(db, "2020-02-15", 373, n ? a[n - 1] : NULL, 1, 2, page, &e)) >
	       0) {
		assert_true(n + m <= 5);
		for (int i = 0; i < m; i++)
			a[n++] = page[i];
	}
	assert_int_equal(m, 0);
	assert_int_equal(n, 5);
	for (int i = 0; i < 5; i++) {
		assert_int_equal(a[i]->kind, i < 3 ? TODAY_FEVER : TODAY_NO_ANSWER);
		assert_string_equal(i < 3 ? a[i]->name : a[i]->code, want[i]);
	}
	/* backward from the end, two at a time, nearest first */
	n = 5;
	for (;;) {
		m = db_today_alerts(db, "2020-02-15", 373, anchor, -1, 2, page, &e);
		assert_true(m >= 0 && m <= n);
		if (m == 0)
			break;
		for (int i = 0; i < m; i++) {
			n--;
			assert_int_equal(page[i]->kind, a[n]->kind);
			assert_int_equal(page[i]->id, a[n]->id);
			if (i < m - 1)
				db_today_alert_free(&page[i]);
		}
		db_today_alert_free(&anchor);
		anchor = page[m - 1];
	}
	assert_int_equal(n, 0);
	db_today_alert_free(&anchor);
	for (int i = 0; i < 5; i++)
		db_today_alert_free(&a[i]);
	db_close(&db);
}

/* Inserts a visit of hh on date (deleted when del) and a reading of res at
 * temperature t (-1: none taken; deleted when rdel). */
static void visit_reading(struct db *db, long long hh, const char *date, int del, long long res,
			  int t, int rdel)
{
	static int n;
	char sql[768], temp[16];
	struct err e;

	err_clear(&e);
	snprintf(temp, sizeof temp, t < 0 ? "NULL" : "%d", t);
	n++;
	snprintf(sql, sizeof sql,
		 "INSERT INTO visits(uuid, created_at, updated_at, deleted_at, household_id, at, date,"
		 " outcome) VALUES ('cv-%d', '2020-02-14 09:00:00', '2020-02-14 09:00:00', %s, %lld,"
		 " '%s 09:00:00', '%s', 'visited');"
		 "INSERT INTO readings(uuid, created_at, updated_at, deleted_at, visit_id,"
		 " resident_id, temperature) VALUES ('cr-%d', '2020-02-14 09:00:00',"
		 " '2020-02-14 09:00:00', %s, last_insert_rowid(), %lld, %s)",
		 n, del ? "'2020-02-15 10:00:00'" : "NULL", hh, date, date, n,
		 rdel ? "'2020-02-15 10:00:00'" : "NULL", res, temp);
	assert_int_equal(db_exec(db, sql, &e), 0);
}

/* Residents checked and fevers count each resident once, over the day's
 * live readings with a temperature, of live visits, of households that live
 * at the end of the day; a fever is a reading at or above the threshold
 * (373 by default).  The counts equal the SQL recount they replaced. */
static void test_residents_checked(void **state)
{
	struct db *db = NULL;
	struct household h[4] = {{.grid_id = -1, .code = "1-1-101"}, {.grid_id = -1, .code = "1-1-102"},
				 {.grid_id = -1, .code = "1-1-103"}, {.grid_id = -1, .code = "1-1-104"}};
	long long a1, a2, b1, c1, d1;
	struct daily_stats s = {0};
	struct err e;
	sqlite3_stmt *st;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "测试员");
	for (int i = 0; i < 4; i++)
		assert_int_equal(db_household_insert(db, &h[i], &e), 0);
	a1 = dbfix_resident(db, h[0].id, "甲");
	a2 = dbfix_resident(db, h[0].id, "乙");
	b1 = dbfix_resident(db, h[1].id, "丙");
	c1 = dbfix_resident(db, h[2].id, "丁");
	d1 = dbfix_resident(db, h[3].id, "戊");
	visit_reading(db, h[0].id, "2020-02-15", 0, a1, 365, 0);
	visit_reading(db, h[0].id, "2020-02-15", 0, a1, 380, 0); /* twice: once, a fever */
	visit_reading(db, h[0].id, "2020-02-15", 0, a2, -1, 0);	 /* no temperature */
	visit_reading(db, h[0].id, "2020-02-15", 0, a2, 390, 1);	 /* reading deleted */
	visit_reading(db, h[0].id, "2020-02-15", 1, a2, 400, 0);	 /* visit deleted */
	visit_reading(db, h[1].id, "2020-02-15", 0, b1, 374, 0);	 /* household deleted */
	visit_reading(db, h[2].id, "2020-02-14", 0, c1, 385, 0);	 /* another day */
	visit_reading(db, h[3].id, "2020-02-15", 0, d1, 373, 0);	 /* at the threshold */
	visit_reading(db, h[3].id, "2020-02-15", 0, d1, 372, 0);
	assert_int_equal(db_exec(db, "UPDATE households SET deleted_at = '2020-02-15 11:00:00'"
				     " WHERE code = '1-1-102'", &e), 0);

	assert_int_equal(db_daily_stats(db, "2020-02-15", &s, &e), 0);
	assert_int_equal(s.residents_checked, 2);
	assert_int_equal(s.fevers, 2);
	st = db_stmt(db,
		     "SELECT count(DISTINCT r.resident_id),"
		     " count(DISTINCT CASE WHEN r.temperature >= 373 THEN r.resident_id END)"
		     " FROM visits v JOIN readings r ON r.visit_id = v.id JOIN households h"
		     " ON h.id = v.household_id WHERE v.date = '2020-02-15'"
		     " AND v.deleted_at IS NULL AND r.deleted_at IS NULL"
		     " AND r.temperature IS NOT NULL"
		     " AND (h.deleted_at IS NULL OR h.deleted_at >= '2020-02-16')",
		     &e);
	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), s.residents_checked);
	assert_int_equal(sqlite3_column_int(st, 1), s.fevers);
	sqlite3_reset(st);
	report_stats_clear(&s);

	db_close(&db);
}

/* The fever alerts agree with core/temperature's rule at every threshold,
 * above and below the 37.0 from which they are read from the partial index
 * readings_fever: each reading at or above the threshold is an alert, and a
 * deleted reading or another day's is none. */
static void test_fever_threshold(void **state)
{
	static const int temps[] = {365, 369, 370, 372, 373, 399, 400, 412};
	static const int thresholds[] = {360, 369, 370, 373, 400};
	enum { N = sizeof temps / sizeof temps[0] };
	struct db *db = NULL;
	struct today_alert *a[N + 3] = {0};
	struct err e;
	char sql[768];

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "测试员");
	for (int i = 0; i < N + 2; i++) {
		struct household h = {.grid_id = -1};
		char code[16];
		long long r;

		snprintf(code, sizeof code, "1-1-%d", 101 + i);
		h.code = code;
		assert_int_equal(db_household_insert(db, &h, &e), 0);
		r = dbfix_resident(db, h.id, "某");
		/* the last two: a deleted reading, another day's */
		snprintf(sql, sizeof sql,
			 "INSERT INTO visits(uuid, created_at, updated_at, household_id, at, date,"
			 " outcome) VALUES ('fv-%d', '2020-02-14 09:00:00', '2020-02-14 09:00:00',"
			 " %lld, '%s 09:00:00', '%s', 'visited');"
			 "INSERT INTO readings(uuid, created_at, updated_at, deleted_at, visit_id,"
			 " resident_id, temperature) VALUES ('fr-%d', '2020-02-14 09:00:00',"
			 " '2020-02-14 09:00:00', %s, last_insert_rowid(), %lld, %d)",
			 i, h.id, i == N + 1 ? "2020-02-14" : "2020-02-15",
			 i == N + 1 ? "2020-02-14" : "2020-02-15", i,
			 i == N ? "'2020-02-15 10:00:00'" : "NULL", r, i < N ? temps[i] : 390);
		assert_int_equal(db_exec(db, sql, &e), 0);
	}
	for (size_t t = 0; t < sizeof thresholds / sizeof thresholds[0]; t++) {
		int want = 0, n;

		for (int i = 0; i < N; i++)
			want += temperature_is_fever(temps[i], thresholds[t]);
		n = db_today_alerts(db, "2020-02-15", thresholds[t], NULL, 1, N + 3, a, &e);
		assert_int_equal(n, want);
		for (int i = 0; i < n; i++) {
			assert_int_equal(a[i]->kind, TODAY_FEVER);
			assert_true(temperature_is_fever(a[i]->temperature, thresholds[t]));
			db_today_alert_free(&a[i]);
		}
	}
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cutoffs),
		cmocka_unit_test(test_checks_of_ended_isolation),
		cmocka_unit_test(test_people_households_voids),
		cmocka_unit_test(test_row_counts),
		cmocka_unit_test(test_latest_visit_ties),
		cmocka_unit_test(test_alert_pages),
		cmocka_unit_test(test_fever_threshold),
		cmocka_unit_test(test_residents_checked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests of db/isolation_list: the Isolation tab's order (fever, missed,
 * ends today, by last day, then not started, then ended), keyset pages both
 * ways, today's checks, the flags around the cut-offs, the counts against
 * db/stats, the alerts, the filters, and the resident picker by name, pinyin
 * initials, code prefix and ID tail. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/households.h"
#include "db/isolation_list.h"
#include "db/isolations.h"
#include "db/residents.h"
#include "db/sql.h"
#include "db/stats.h"

static struct db *db;

static void at(const char *now)
{
	setenv("DOORSTEP_NOW", now, 1);
}

static long long add_household(const char *code)
{
	struct household h;
	struct err e;
	long long id;

	model_household_init(&h);
	err_clear(&e);
	h.code = xstrdup(code);
	if (db_household_insert(db, &h, &e) < 0)
		fail_msg("%s", e.msg);
	id = h.id;
	model_household_clear(&h);
	return id;
}

static long long add_resident(long long hid, const char *name, const char *id_number)
{
	struct resident r;
	struct err e;
	long long id;

	model_resident_init(&r);
	err_clear(&e);
	r.household_id = hid;
	r.name = xstrdup(name);
	r.relation = xstrdup("other");
	r.id_number = id_number ? xstrdup(id_number) : NULL;
	if (db_resident_insert(db, &r, &e) < 0)
		fail_msg("%s", e.msg);
	id = r.id;
	model_resident_clear(&r);
	return id;
}

static long long start(long long rid, const char *kind, const char *site, const char *date,
		       int days)
{
	struct isolation_new n = {.resident_id = rid, .kind = kind, .site = site,
				  .start_date = date, .days = days};
	struct err e;
	long long id;

	err_clear(&e);
	id = db_isolation_start(db, &n, &e);
	if (id < 0)
		fail_msg("%s", e.msg);
	return id;
}

static void check(long long iid, const char *slot, int t)
{
	struct isolation_check c = {
	    .slot = slot, .temperature = t, .staff_id = -1, .unmeasured = t ? NULL : "不在家"};
	struct err e;

	err_clear(&e);
	if (db_isolation_check(db, iid, &c, NULL, &e) < 0)
		fail_msg("%s", e.msg);
}

/* The names of the whole list, joined by spaces, paged by 2 forwards. */
static char *names(const struct iso_filter *f)
{
	struct iso_row rows[2], anchor;
	struct err e;
	char buf[512] = "";
	int got, have = 0;

	err_clear(&e);
	for (;;) {
		got = db_iso_page(db, f, have ? &anchor : NULL, 1, 2, rows, &e);
		if (got < 0)
			fail_msg("%s", e.msg);
		if (got == 0)
			break;
		for (int i = 0; i < got; i++) {
			if (*buf)
				strcat(buf, " ");
			strcat(buf, rows[i].name);
		}
		if (have)
			db_iso_row_clear(&anchor);
		anchor = rows[got - 1];
		have = 1;
		for (int i = 0; i < got - 1; i++)
			db_iso_row_clear(&rows[i]);
	}
	if (have)
		db_iso_row_clear(&anchor);
	return xstrdup(buf);
}

static long long ids[8], iso[8];

static int setup(void **state)
{
	struct err e;
	long long h1, h2, h3;

	(void)state;
	err_clear(&e);
	at("2020-02-15 09:30:00");
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "王芳");
	/* The committee checks every kind here (the sites' own checks are
	 * test_elsewhere's). */
	assert_int_equal(db_exec(db,
				 "INSERT INTO settings(uuid, created_at, updated_at, community,"
				 " checks_central, checks_hospital) VALUES('s', '2020-02-01 00:00:00',"
				 " '2020-02-01 00:00:00', '幸福里社区', 1, 1)",
				 &e),
			 0);
	h1 = add_household("3-2-501");
	h2 = add_household("3-10-101");
	h3 = add_household("12-1-101");
	ids[0] = add_resident(h1, "张三", "11010519491231002X");
	ids[1] = add_resident(h1, "李四", NULL);
	ids[2] = add_resident(h2, "王小明", NULL);
	ids[3] = add_resident(h3, "赵六", NULL);
	ids[4] = add_resident(h3, "钱七", NULL);
	/* 张三 ends today (started 02-02, 14 days), 李四 day 5 of 14, 王小明
	 * central day 1, 赵六 due for release (ended 02-14 by the count), 钱七
	 * starts tomorrow. */
	iso[0] = start(ids[0], "home", NULL, "2020-02-02", 14);
	iso[1] = start(ids[1], "home", NULL, "2020-02-11", 14);
	iso[2] = start(ids[2], "central", "如家酒店", "2020-02-15", 14);
	iso[3] = start(ids[3], "hospital", NULL, "2020-02-01", 14);
	iso[4] = start(ids[4], "home", NULL, "2020-02-16", 14);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	db_close(&db);
	return 0;
}

static void test_order_morning(void **state)
{
	char *s;

	(void)state;
	at("2020-02-15 09:30:00");
	/* no cut-off passed: ends today, then by last day (due for release
	 * first), then not started */
	s = names(NULL);
	assert_string_equal(s, "张三 赵六 李四 王小明 钱七");
	free(s);
}

static void test_row_fields(void **state)
{
	struct iso_row r;
	struct err e;

	(void)state;
	err_clear(&e);
	at("2020-02-15 09:30:00");
	assert_int_equal(db_iso_row(db, iso[0], &r, &e), 1);
	assert_string_equal(r.name, "张三");
	assert_string_equal(r.household, "3-2-501");
	assert_string_equal(r.last_day, "2020-02-15");
	assert_int_equal(r.day, 14);
	assert_int_equal(r.am, ISO_CHECK_NONE);
	assert_true(r.flags & ISO_ENDS_TODAY);
	assert_false(r.flags & (ISO_MISSED_AM | ISO_MISSED_PM | ISO_FEVER));
	db_iso_row_clear(&r);
	assert_int_equal(db_iso_row(db, iso[3], &r, &e), 1);
	assert_int_equal(r.day, 15);
	assert_true(r.flags & ISO_DUE_RELEASE);
	db_iso_row_clear(&r);
	assert_int_equal(db_iso_row(db, iso[4], &r, &e), 1);
	assert_int_equal(r.day, 0);
	assert_true(r.flags & ISO_NOT_STARTED);
	db_iso_row_clear(&r);
	assert_int_equal(db_iso_row(db, 9999, &r, &e), 0);
}

static void test_missed_at_cutoffs(void **state)
{
	struct iso_row r;
	struct err e;
	struct iso_counts c;

	(void)state;
	err_clear(&e);
	at("2020-02-15 11:59:00");
	assert_int_equal(db_iso_row(db, iso[1], &r, &e), 1);
	assert_false(r.flags & ISO_MISSED_AM);
	db_iso_row_clear(&r);
	at("2020-02-15 12:00:00");
	assert_int_equal(db_iso_row(db, iso[1], &r, &e), 1);
	assert_true(r.flags & ISO_MISSED_AM);
	assert_false(r.flags & ISO_MISSED_PM);
	db_iso_row_clear(&r);
	/* the not yet started one misses nothing */
	assert_int_equal(db_iso_row(db, iso[4], &r, &e), 1);
	assert_int_equal(r.flags & (ISO_MISSED_AM | ISO_MISSED_PM), 0);
	db_iso_row_clear(&r);
	assert_int_equal(db_iso_counts(db, NULL, &c, &e), 0);
	assert_int_equal(c.active, 4);
	assert_int_equal(c.missed_am, 4);
	assert_int_equal(c.missed_pm, 0);
	at("2020-02-15 20:00:00");
	assert_int_equal(db_iso_counts(db, NULL, &c, &e), 0);
	assert_int_equal(c.missed_pm, 4);
	at("2020-02-15 09:30:00");
}

static void test_checks_and_fever(void **state)
{
	struct iso_row r;
	struct iso_alerts a;
	struct err e;
	char *s;

	(void)state;
	err_clear(&e);
	at("2020-02-15 12:30:00");
	check(iso[1], "AM", 365);
	check(iso[2], "AM", 385); /* fever */
	check(iso[0], "AM", 0);	  /* recorded, not measured */
	assert_int_equal(db_iso_row(db, iso[1], &r, &e), 1);
	assert_int_equal(r.am, 365);
	assert_int_equal(r.pm, ISO_CHECK_NONE);
	assert_false(r.flags & ISO_MISSED_AM);
	db_iso_row_clear(&r);
	assert_int_equal(db_iso_row(db, iso[0], &r, &e), 1);
	assert_int_equal(r.am, ISO_CHECK_NO_TEMP);
	db_iso_row_clear(&r);
	/* fever first, then 赵六 who missed AM, then ends today, then the rest */
	s = names(NULL);
	assert_string_equal(s, "王小明 赵六 张三 李四 钱七");
	free(s);

	assert_int_equal(db_isolation_alerts(db, 10, &a, &e), 4);
	assert_int_equal(a.count[ISO_ALERT_FEVER], 1);
	assert_int_equal(a.count[ISO_ALERT_MISSED_AM], 1);
	assert_int_equal(a.count[ISO_ALERT_MISSED_PM], 0);
	assert_int_equal(a.count[ISO_ALERT_ENDS_TODAY], 1);
	assert_int_equal(a.count[ISO_ALERT_DUE_RELEASE], 1);
	assert_int_equal(a.n, 4);
	assert_int_equal(a.v[0].kind, ISO_ALERT_FEVER);
	assert_string_equal(a.v[0].name, "王小明");
	assert_int_equal(a.v[0].temperature, 385);
	assert_string_equal(a.v[1].name, "赵六");
	assert_string_equal(a.v[2].name, "张三");
	assert_int_equal(a.v[3].kind, ISO_ALERT_DUE_RELEASE);
	db_isolation_alerts_free(&a);
	/* max limits the list, not the counts */
	assert_int_equal(db_isolation_alerts(db, 1, &a, &e), 4);
	assert_int_equal(a.n, 1);
	db_isolation_alerts_free(&a);

	/* a normal reading clears the fever */
	at("2020-02-15 18:00:00");
	check(iso[2], "PM", 366);
	assert_int_equal(db_iso_row(db, iso[2], &r, &e), 1);
	assert_false(r.flags & ISO_FEVER);
	assert_int_equal(r.last_temp, 366);
	db_iso_row_clear(&r);
	at("2020-02-15 09:30:00");
}

static void test_counts_match_stats(void **state)
{
	struct iso_counts c;
	struct daily_stats s;
	struct err e;
	const char *times[] = {"2020-02-15 08:00:00", "2020-02-15 13:00:00",
			       "2020-02-15 21:00:00", "2020-02-16 12:30:00"};

	(void)state;
	err_clear(&e);
	for (size_t i = 0; i < sizeof times / sizeof *times; i++) {
		char date[11];

		at(times[i]);
		snprintf(date, sizeof date, "%.10s", times[i]);
		assert_int_equal(db_iso_counts(db, NULL, &c, &e), 0);
		if (db_daily_stats(db, date, &s, &e) < 0)
			fail_msg("%s", e.msg);
		assert_int_equal(c.active, s.iso_total.active);
		assert_int_equal(c.home, s.iso[STATS_HOME].active);
		assert_int_equal(c.central, s.iso[STATS_CENTRAL].active);
		assert_int_equal(c.hospital, s.iso[STATS_HOSPITAL].active);
		assert_int_equal(c.missed_am, s.missed_am);
		assert_int_equal(c.missed_pm, s.missed_pm);
		assert_int_equal(c.ends_today, s.iso_total.ending);
		assert_int_equal(c.due_release, s.iso_total.overdue);
		report_stats_clear(&s);
	}
	at("2020-02-15 09:30:00");
}

static void test_paging_backwards(void **state)
{
	struct iso_row rows[8];
	struct err e;
	int got;

	(void)state;
	err_clear(&e);
	got = db_iso_page(db, NULL, NULL, -1, 8, rows, &e);
	assert_int_equal(got, 5);
	assert_string_equal(rows[0].name, "钱七"); /* the last first */
	for (int i = 0; i < got; i++)
		db_iso_row_clear(&rows[i]);
}

static void test_filters_and_ended(void **state)
{
	struct iso_filter f = {0};
	struct err e;
	char *s;
	long long nid;

	(void)state;
	err_clear(&e);
	at("2020-02-15 09:30:00");
	f.kind = "central";
	s = names(&f);
	assert_string_equal(s, "王小明");
	free(s);
	f.kind = NULL;
	f.site = "如家酒店";
	s = names(&f);
	assert_string_equal(s, "王小明");
	free(s);
	f.site = "nowhere";
	s = names(&f);
	assert_string_equal(s, "");
	free(s);

	/* 赵六 released, 李四 restarted: the old period shows only with ended */
	assert_int_equal(db_isolation_end(db, iso[3], "completed", NULL, &e), 0);
	nid = db_isolation_restart(db, iso[1], NULL, &e);
	assert_true(nid > 0);
	memset(&f, 0, sizeof f);
	s = names(&f);
	assert_string_equal(s, "张三 王小明 李四 钱七");
	free(s);
	f.ended = 1;
	s = names(&f);
	assert_string_equal(s, "张三 王小明 李四 钱七 李四 赵六");
	free(s);
}

/* A fever stays flagged across a restart; today's checks are the period's. */
static void test_fever_across_restart(void **state)
{
	struct iso_row r;
	struct err e;
	long long nid;

	(void)state;
	err_clear(&e);
	at("2020-02-15 13:00:00");
	check(iso[0], "PM", 390);
	nid = db_isolation_restart(db, iso[0], NULL, &e);
	assert_true(nid > 0);
	assert_int_equal(db_iso_row(db, nid, &r, &e), 1);
	assert_true(r.flags & ISO_FEVER);
	assert_int_equal(r.last_temp, 390);
	assert_int_equal(r.pm, ISO_CHECK_NONE);
	assert_int_equal(r.day, 1);
	db_iso_row_clear(&r);
	at("2020-02-15 09:30:00");
}

/* The names of the picker's page for query. */
static char *pick(const char *query)
{
	struct iso_pick rows[16];
	struct err e;
	char buf[512] = "";
	int got;

	err_clear(&e);
	got = db_iso_pick_page(db, query, NULL, 1, 16, rows, &e);
	if (got < 0)
		fail_msg("%s", e.msg);
	for (int i = 0; i < got; i++) {
		if (i)
			strcat(buf, " ");
		strcat(buf, rows[i].name);
		if (rows[i].active_since[0])
			strcat(buf, "*");
		db_iso_pick_clear(&rows[i]);
	}
	return xstrdup(buf);
}

static void test_picker(void **state)
{
	char *s;
	struct iso_pick rows[2], last[1];
	struct err e;

	(void)state;
	err_clear(&e);
	add_resident(add_household("3-2-502"), "孙八", "110105194912310038");
	s = pick(NULL);
	/* natural household order; * marks an active isolation */
	assert_string_equal(s, "张三* 李四* 孙八 王小明* 赵六 钱七*");
	free(s);
	s = pick("zs");
	assert_string_equal(s, "张三*");
	free(s);
	s = pick("xm");
	assert_string_equal(s, "王小明*");
	free(s);
	s = pick("3-2");
	assert_string_equal(s, "张三* 李四* 孙八");
	free(s);
	s = pick("0038");
	assert_string_equal(s, "孙八");
	free(s);
	s = pick("002x");
	assert_string_equal(s, "张三*");
	free(s);
	s = pick("赵");
	assert_string_equal(s, "赵六");
	free(s);
	/* keyset both ways */
	assert_int_equal(db_iso_pick_page(db, "", NULL, -1, 1, last, &e), 1);
	assert_string_equal(last[0].name, "钱七");
	assert_int_equal(db_iso_pick_page(db, "", last, -1, 2, rows, &e), 2);
	assert_string_equal(rows[0].name, "赵六");
	assert_string_equal(rows[1].name, "王小明");
	db_iso_pick_clear(&rows[0]);
	db_iso_pick_clear(&rows[1]);
	assert_int_equal(db_iso_pick_page(db, "3-", last, -1, 2, rows, &e), 2);
	assert_string_equal(rows[0].name, "王小明");
	db_iso_pick_clear(&rows[0]);
	db_iso_pick_clear(&rows[1]);
	db_iso_pick_clear(&last[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_order_morning),     cmocka_unit_test(test_row_fields),
	    cmocka_unit_test(test_missed_at_cutoffs), cmocka_unit_test(test_checks_and_fever),
	    cmocka_unit_test(test_counts_match_stats), cmocka_unit_test(test_paging_backwards),
	    cmocka_unit_test(test_filters_and_ended), cmocka_unit_test(test_fever_across_restart),
	    cmocka_unit_test(test_picker),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

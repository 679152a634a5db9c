/* Unit tests of the returnee rule (core/returnee returnee_state) and
 * db/returnees: from a key area inside the window with neither an
 * isolation nor a decision is an alert; an isolation started on the
 * return date or an audited monitoring decision ends it; outside the
 * window or from elsewhere is no alert. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/returnee.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/households.h"
#include "db/isolations.h"
#include "db/residents.h"
#include "db/returnees.h"
#include "db/settings.h"
#include "db/sql.h"
#include "db/visitors.h"

static void test_state(void **state)
{
	struct returnee_facts f = {0};
	struct strbuf b = STRBUF_INIT;
	char hit[64];

	(void)state;
	f.returned_from = "武汉市汉口";
	f.returned = (struct date){2020, 2, 10};
	f.today = (struct date){2020, 2, 15};
	f.isolation_days = 14;
	f.key_areas = "湖北,武汉";
	assert_int_equal(returnee_state(&f, hit, sizeof hit), RETURNEE_ALERT);
	assert_string_equal(hit, "武汉");
	returnee_alert_text(hit, &f.returned, &b);
	assert_string_equal(strbuf_str(&b), "from 武汉 02-10, not isolated");
	strbuf_free(&b);
	f.isolated = 1;
	assert_int_equal(returnee_state(&f, NULL, 0), RETURNEE_ISOLATED);
	f.isolated = 0;
	f.monitored = 1;
	assert_int_equal(returnee_state(&f, NULL, 0), RETURNEE_MONITORED);
	f.monitored = 0;
	f.today = (struct date){2020, 2, 24}; /* 02-10 + 14 days: over */
	assert_int_equal(returnee_state(&f, NULL, 0), RETURNEE_CLEAR);
	f.today = (struct date){2020, 2, 15};
	f.returned_from = "广州";
	assert_int_equal(returnee_state(&f, NULL, 0), RETURNEE_CLEAR);
}

static long long resident(struct db *db, long long hh, const char *name, const char *from,
			  const char *date)
{
	struct resident r = {0};
	struct err e;

	err_clear(&e);
	r.household_id = hh;
	r.name = (char *)name;
	r.returned_from = (char *)from;
	r.return_date = (char *)date;
	if (db_resident_insert(db, &r, &e) < 0)
		fail_msg("%s", e.msg);
	return r.id;
}

static void test_db(void **state)
{
	struct db *db;
	struct household h = {.grid_id = -1, .code = "3-2-501"};
	struct settings s;
	struct returnee_alert *v;
	struct isolation_new n = {0};
	struct isolation iso;
	struct err e;
	long long a, b;
	int cnt;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "王芳");
	settings_defaults(&s);
	xstrset(&s.community, "幸福里社区");
	assert_int_equal(db_settings_put(db, &s, &e), 0);
	settings_clear(&s);
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	a = resident(db, h.id, "刘䶮", "湖北省武汉市", "2020-02-10");
	b = resident(db, h.id, "张三", "武汉", "2020-02-12");
	resident(db, h.id, "李四", "武汉", "2020-01-20");    /* outside the window */
	resident(db, h.id, "王五", "广东广州", "2020-02-12"); /* not a key area */
	assert_int_equal(db_returnees(db, "2020-02-15", 0, &v, &cnt, &e), 0);
	assert_int_equal(cnt, 2);
	assert_string_equal(v[0].name, "张三"); /* latest return first */
	assert_int_equal(v[1].days_since, 5);
	db_returnees_free(v, cnt);
	/* An isolation from the return date ends 刘䶮's alert. */
	n.resident_id = a;
	n.kind = "home";
	n.reason = "key_area";
	n.start_date = "2020-02-10";
	assert_true(db_isolation_start(db, &n, &e) > 0);
	assert_int_equal(db_isolation_active_for(db, a, &iso, &e), 1);
	assert_string_equal(iso.last_day, "2020-02-23");
	db_isolation_clear(&iso);
	/* The decision for 张三: audited. */
	assert_int_equal(db_returnee_monitor(db, b, "", &e), -1);
	assert_string_equal(e.field, "reason");
	/* The reason gets the forms' character check: no escape, no bidi. */
	assert_int_equal(db_returnee_monitor(db, b, "隔离\x1b]0;x\a", &e), -1);
	assert_string_equal(e.field, "reason");
	assert_non_null(strstr(e.msg, "U+001B"));
	assert_int_equal(db_returnee_monitor(db, b, "隔离\xe2\x80\xae满", &e), -1);
	assert_int_equal(sql_scalar(db, "SELECT count(*) FROM residents WHERE monitoring IS NOT NULL",
				    NULL),
			 0);
	/* So do the key areas, and a refused list leaves the setting as it was. */
	assert_int_equal(db_key_areas_set(db, "湖北,\xe2\x80\x8b武汉", &e), -1);
	assert_string_equal(e.field, "key_areas");
	assert_int_equal(db_key_areas_set(db, "湖北,\x1b[2J", &e), -1);
	assert_int_equal(sql_scalar(db, "SELECT key_areas = '湖北,武汉' FROM settings", NULL), 1);
	assert_int_equal(db_returnee_monitor(db, b, "已在外地隔离满 14 天，持证明", &e), 0);
	assert_int_equal(db_returnees(db, "2020-02-15", 0, &v, &cnt, &e), 0);
	assert_int_equal(cnt, 0);
	db_returnees_free(v, cnt);
	assert_int_equal(db_returnees(db, "2020-02-15", 1, &v, &cnt, &e), 0);
	assert_int_equal(cnt, 2);
	assert_int_equal(v[0].state, RETURNEE_MONITORED);
	assert_int_equal(v[1].state, RETURNEE_ISOLATED);
	db_returnees_free(v, cnt);
	assert_int_equal(sql_scalar(db, "SELECT count(*) FROM audit_log WHERE table_name ="
					" 'residents' AND changes LIKE '%monitoring%'",
				    NULL),
			 1);
	/* Text is never cut: a name and a place of 60 × 某 come back whole. */
	{
		char name[3 * 60 + 1] = "", from[6 + 3 * 60 + 1] = "湖北";
		int found = 0;

		for (int i = 0; i < 60; i++) {
			strcat(name, "某");
			strcat(from, "某");
		}
		resident(db, h.id, name, from, "2020-02-14");
		assert_int_equal(db_returnee_list(db, "2020-02-15", &v, &cnt, &e), 0);
		for (int i = 0; i < cnt; i++)
			if (!strcmp(v[i].name, name)) {
				assert_string_equal(v[i].returned_from, from);
				assert_string_equal(v[i].key_area, "湖北");
				found = 1;
			}
		assert_true(found);
		db_returnees_free(v, cnt);
	}
	db_close(&db);
}

static void test_key_areas_canon(void **state)
{
	struct strbuf b = STRBUF_INIT;
	struct err e = {0};
	char many[600];

	(void)state;
	assert_int_equal(returnee_key_areas_canon(" 湖北， 武汉、温州,,", &b, &e), 0);
	assert_string_equal(strbuf_str(&b), "湖北,武汉,温州");
	strbuf_reset(&b);
	assert_int_equal(returnee_key_areas_canon("，、 ", &b, &e), -1);
	assert_string_equal(e.field, "key_areas");
	assert_string_equal(strbuf_str(&b), "");
	memset(many, 'a', 161);
	many[161] = 0;
	assert_int_equal(returnee_key_areas_canon(many, &b, &e), -1);
	many[160] = 0;
	assert_int_equal(returnee_key_areas_canon(many, &b, &e), 0);
	strbuf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state),
		cmocka_unit_test(test_db),
		cmocka_unit_test(test_key_areas_canon),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests of core/returnee (key areas, the window), core/visitor (the
 * entry rule) and db/visitors (the log: validation, refusals with their
 * reason, leaving, the key areas setting, audit rows). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/returnee.h"
#include "core/limits.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/visitor.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/households.h"
#include "db/settings.h"
#include "db/sql.h"
#include "db/visitors.h"

#define D(y, m, d) (&(struct date){(y), (m), (d)})

static void test_key_areas(void **state)
{
	char hit[64];

	(void)state;
	assert_int_equal(returnee_from_key_area("湖北省武汉市江岸区", "湖北,武汉", hit, sizeof hit), 1);
	assert_string_equal(hit, "湖北");
	assert_int_equal(returnee_from_key_area("武 汉", "湖北，武汉", hit, sizeof hit), 1);
	assert_string_equal(hit, "武汉");
	assert_int_equal(returnee_from_key_area("浙江温州", "湖北、武汉、温州", NULL, 0), 1);
	assert_int_equal(returnee_from_key_area("河南信阳", "湖北,武汉", NULL, 0), 0);
	assert_int_equal(returnee_from_key_area("", "湖北", NULL, 0), 0);
	assert_int_equal(returnee_from_key_area("湖北", "", NULL, 0), 0);
	assert_int_equal(returnee_from_key_area("湖北", ",,", NULL, 0), 0);
	/* 14 days from 02-10: 02-10 .. 02-23 */
	assert_int_equal(returnee_inside_window(D(2020, 2, 10), D(2020, 2, 23), 14), 1);
	assert_int_equal(returnee_inside_window(D(2020, 2, 10), D(2020, 2, 24), 14), 0);
	assert_int_equal(returnee_inside_window(D(2020, 2, 10), D(2020, 2, 9), 14), 0);
}

static void test_entry_rule(void **state)
{
	struct visitor_facts f = {0};
	struct strbuf b = STRBUF_INIT;

	(void)state;
	f.fever_threshold = 373;
	f.isolation_days = 14;
	f.today = (struct date){2020, 2, 15};
	f.temperature = 366;
	assert_int_equal(visitor_decide(&f), VISITOR_ADMITTED);
	f.temperature = 380;
	assert_int_equal(visitor_decide(&f), VISITOR_FEVER);
	visitor_refusal_text(VISITOR_FEVER, &f, &b);
	assert_non_null(strstr(strbuf_str(&b), "38.0"));
	f.temperature = 366;
	f.from_key_area = 1;
	strcpy(f.key_area, "武汉");
	assert_int_equal(visitor_decide(&f), VISITOR_KEY_AREA); /* arrival unknown */
	f.has_arrived = 1;
	f.arrived = (struct date){2020, 2, 1}; /* 02-01 .. 02-14: over */
	assert_int_equal(visitor_decide(&f), VISITOR_ADMITTED);
	f.arrived = (struct date){2020, 2, 10};
	assert_int_equal(visitor_decide(&f), VISITOR_KEY_AREA);
	strbuf_reset(&b);
	visitor_refusal_text(VISITOR_KEY_AREA, &f, &b);
	assert_non_null(strstr(strbuf_str(&b), "武汉"));
	assert_non_null(strstr(strbuf_str(&b), "02-10"));
	strbuf_free(&b);
}

/* A community's database in memory, on 2020-02-15, 李强 on duty. */
static struct db *open_log(void)
{
	struct db *db;
	struct settings s;
	struct err e;

	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "李强");
	settings_defaults(&s);
	xstrset(&s.community, "幸福里社区");
	assert_int_equal(db_settings_put(db, &s, &e), 0);
	settings_clear(&s);
	return db;
}

static void test_db_log(void **state)
{
	struct db *db;
	struct household h = {.grid_id = -1, .code = "3-2-501"};
	struct visitor_new v = {0};
	struct visitor_row *rows;
	struct err e;
	char why[256], *areas;
	int admitted = -1, n;
	long long id;

	(void)state;
	err_clear(&e);
	db = open_log();
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	areas = db_key_areas(db, &e);
	assert_non_null(areas);
	assert_string_equal(areas, "湖北,武汉");
	free(areas);

	v.name = "";
	v.temperature = 365;
	v.checkpoint_id = -1;
	assert_int_equal(db_visitor_add(db, &v, &admitted, why, sizeof why, &e), -1);
	assert_string_equal(e.field, "name");
	v.name = "快递员张伟";
	v.id_number = "420102198503121235"; /* bad check digit */
	assert_int_equal(db_visitor_add(db, &v, &admitted, why, sizeof why, &e), -1);
	assert_string_equal(e.field, "id_number");
	v.id_number = "11010519491231002X";
	v.phone = "12345";
	assert_int_equal(db_visitor_add(db, &v, &admitted, why, sizeof why, &e), -1);
	assert_string_equal(e.field, "phone");
	v.phone = "13812345678";
	v.household = "9-9-999";
	assert_int_equal(db_visitor_add(db, &v, &admitted, why, sizeof why, &e), -1);
	assert_string_equal(e.field, "household");
	assert_int_equal(sql_scalar(db, "SELECT count(*) FROM visitors", NULL), 0);

	v.household = "3-2-501";
	v.from_place = "本市江岸区";
	id = db_visitor_add(db, &v, &admitted, why, sizeof why, &e);
	assert_true(id > 0);
	assert_int_equal(admitted, 1);
	assert_string_equal(why, "");
	assert_int_equal(db_visitor_leave(db, id, &e), 0);
	assert_int_equal(db_visitor_leave(db, id, &e), -1); /* already left */

	v.from_place = "湖北省武汉市";
	v.arrived_date = "2020-02-12";
	id = db_visitor_add(db, &v, &admitted, why, sizeof why, &e);
	assert_true(id > 0);
	assert_int_equal(admitted, 0);
	assert_non_null(strstr(why, "湖北"));
	assert_int_equal(db_visitor_leave(db, id, &e), -1); /* refused: never inside */

	/* Key areas changed: 湖北 no longer listed, 温州 is. */
	assert_int_equal(db_key_areas_set(db, "温州", &e), 0);
	v.from_place = "湖北省武汉市";
	assert_true(db_visitor_add(db, &v, &admitted, why, sizeof why, &e) > 0);
	assert_int_equal(admitted, 1);
	assert_int_equal(db_visitors_day(db, "2020-02-15", &rows, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_string_equal(rows[0].household, "3-2-501");
	assert_string_equal(rows[0].id_number, "11010519491231002X");
	assert_int_equal(rows[1].admitted, 0);
	db_visitors_free(rows, n);
	assert_int_equal(sql_scalar(db, "SELECT count(*) FROM audit_log WHERE table_name ="
					" 'visitors'",
				    NULL),
			 4);
	assert_int_equal(sql_scalar(db, "SELECT count(*) FROM audit_log WHERE table_name ="
					" 'settings' AND changes LIKE '%key_areas%'",
				    NULL),
			 1);
	db_close(&db);
}

/* The key areas are read whole and written only when they change: 160
 * characters of four bytes each (the limit) come back as they were, saving
 * them again writes no audit row, and the next change's audit row holds
 * them whole as the old value. */
static void test_key_areas_whole(void **state)
{
	struct db *db = open_log();
	struct household h = {.grid_id = -1, .code = "3-2-501"};
	struct visitor_new v = {0};
	struct strbuf big = STRBUF_INIT;
	long long audits;
	char *areas, why[512];
	int admitted = -1;
	struct err e;

	(void)state;
	err_clear(&e);
	for (int i = 0; i < RETURNEE_KEY_AREAS_MAX; i++)
		strbuf_puts(&big, "\xf0\xa0\x80\x80"); /* U+20000 */
	assert_int_equal(db_key_areas_set(db, strbuf_str(&big), &e), 0);
	areas = db_key_areas(db, &e);
	assert_non_null(areas);
	assert_string_equal(areas, strbuf_str(&big));
	free(areas);
	audits = sql_scalar(db, "SELECT count(*) FROM audit_log", NULL);
	assert_int_equal(db_key_areas_set(db, strbuf_str(&big), &e), 0);
	assert_int_equal(sql_scalar(db, "SELECT count(*) FROM audit_log", NULL), audits);
	assert_int_equal(db_key_areas_set(db, "温州", &e), 0);
	assert_int_equal(sql_scalar(db, "SELECT count(*) FROM audit_log", NULL), audits + 1);
	assert_int_equal(sql_scalar(db,
				    "SELECT length(json_extract(changes, '$.key_areas[0]'))"
				    " FROM audit_log ORDER BY id DESC LIMIT 1",
				    NULL),
			 RETURNEE_KEY_AREAS_MAX);
	strbuf_free(&big);

	/* A matched area name longer than 63 bytes reaches a refused
	 * visitor's reason whole (it was cut to 63 bytes, mid-character). */
	for (int i = 0; i < 30; i++)
		strbuf_puts(&big, "鄂");
	assert_int_equal(db_key_areas_set(db, strbuf_str(&big), &e), 0);
	v.name = "李四";
	v.temperature = 365;
	v.checkpoint_id = -1;
	v.household = "3-2-501";
	v.from_place = strbuf_str(&big);
	v.arrived_date = "2020-02-12";
	assert_int_equal(db_household_insert(db, &h, &e), 0);
	assert_true(db_visitor_add(db, &v, &admitted, why, sizeof why, &e) > 0);
	assert_int_equal(admitted, 0);
	assert_non_null(strstr(why, strbuf_str(&big)));
	strbuf_free(&big);
	db_close(&db);
}

/* A visitor's texts at their column limits come back whole from the log
 * (they were read into fixed arrays and cut at 63 bytes: 21 characters of a
 * Chinese name). */
static void test_long_texts_whole(void **state)
{
	struct db *db;
	struct visitor_new v = {0};
	struct visitor_row *rows = NULL;
	struct strbuf name = STRBUF_INIT, from = STRBUF_INIT;
	struct err e;
	char why[256];
	int admitted = -1, n = 0;

	(void)state;
	err_clear(&e);
	db = open_log();
	for (int i = 0; i < limits_max("visitors", "name"); i++)
		strbuf_puts(&name, "某");
	for (int i = 0; i < limits_max("visitors", "from_place"); i++)
		strbuf_puts(&from, "镇");
	v.name = strbuf_str(&name);
	v.from_place = strbuf_str(&from);
	v.temperature = 365;
	v.checkpoint_id = -1;
	assert_true(db_visitor_add(db, &v, &admitted, why, sizeof why, &e) > 0);
	assert_int_equal(db_visitors_day(db, "2020-02-15", &rows, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].name, strbuf_str(&name));
	assert_string_equal(rows[0].from_place, strbuf_str(&from));
	db_visitors_free(rows, n);
	strbuf_free(&name);
	strbuf_free(&from);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_areas),
		cmocka_unit_test(test_entry_rule),
		cmocka_unit_test(test_db_log),
		cmocka_unit_test(test_long_texts_whole),
		cmocka_unit_test(test_key_areas_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests of db/stats: missed checks follow the cut-offs against
 * DOORSTEP_NOW (today), the whole day (past), nothing (future); a bad date
 * names the field. */
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
#include "db/stats.h"

static void test_cutoffs(void **state)
{
	struct db *db = NULL;
	struct household h = {.grid_id = -1, .code = "1-1-101"};
	struct resident r = {0};
	struct isolation_new n = {0};
	struct isolation_check c = {NULL, "AM", NULL, 365, NULL, NULL, -1, 0};
	struct daily_stats s;
	struct settings set;
	struct err e;
	long long id;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	assert_int_equal(db_open(&db, NULL, DB_OPEN_MEMORY, &e), 0);
	db_set_staff(db, "测试员");
	settings_defaults(&set);
	xstrset(&set.community, "幸福里社区");
	assert_int_equal(db_settings_put(db, &set, &e), 0);
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

	assert_int_equal(db_daily_stats(db, "2020-02-15", &s, &e), 0);
	assert_string_equal(s.as_of, "2020-02-15 09:30:00");
	assert_int_equal(s.households, 1);
	assert_int_equal(s.residents, 1);
	assert_int_equal(s.iso[STATS_CENTRAL].active, 1);
	assert_int_equal(s.checks_due, 1);
	assert_int_equal(s.am_over, 0);
	assert_int_equal(s.missed_am, 0);

	setenv("DOORSTEP_NOW", "2020-02-15 12:00:00", 1); /* at the cut-off */
	assert_int_equal(db_daily_stats(db, "2020-02-15", &s, &e), 0);
	assert_int_equal(s.missed_am, 1);
	assert_int_equal(s.missed_pm, 0);
	assert_true(db_isolation_check(db, id, &c, NULL, &e) > 0);
	assert_int_equal(db_daily_stats(db, "2020-02-15", &s, &e), 0);
	assert_int_equal(s.missed_am, 0);
	assert_int_equal(s.checks_am, 1);

	/* Yesterday: both slots missed; tomorrow: nothing missed yet. */
	assert_int_equal(db_daily_stats(db, "2020-02-14", &s, &e), 0);
	assert_string_equal(s.as_of, "");
	assert_int_equal(s.missed_am + s.missed_pm, 2);
	assert_int_equal(s.iso_total.new_today, 1);
	assert_int_equal(db_daily_stats(db, "2020-02-16", &s, &e), 0);
	assert_int_equal(s.missed_am + s.missed_pm, 0);
	/* Before the household was entered (created_at is "now"). */
	assert_int_equal(db_daily_stats(db, "2020-01-01", &s, &e), 0);
	assert_int_equal(s.households, 0);
	assert_int_equal(s.residents, 0);
	assert_int_equal(db_daily_stats(db, "2020-02-31", &s, &e), -1);
	assert_string_equal(e.field, "date");
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cutoffs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

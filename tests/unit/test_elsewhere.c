/* Isolation elsewhere (issue 17 §5): the checks of central and hospital
 * isolation are the site's unless the settings say the committee's.  core's
 * isolation_checks_ours and the SQL form ISO_CHECKS_OURS agree on every
 * kind and setting; a central isolation past the PM cut-off is no missed
 * check and no check due by default, and is both once the committee takes
 * central checks (db_site_checks_set, audited). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/isolation.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/households.h"
#include "db/isolations.h"
#include "db/residents.h"
#include "db/settings.h"
#include "db/site_checks.h"
#include "db/sql.h"
#include "db/stats.h"
#include "db/views.h"
#include "dbfix.h"

static struct db *open_db(void)
{
	struct db *db;
	struct err e;

	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 20:30:00", 1);
	db = dbfix_open("幸福里社区");
	return db;
}

static void test_core_and_view_agree(void **state)
{
	const char *kinds[] = {"home", "central", "hospital"};
	struct db *db = open_db();
	struct err e;

	(void)state;
	err_clear(&e);
	for (int c = 0; c < 2; c++)
		for (int h = 0; h < 2; h++) {
			assert_int_equal(db_site_checks_set(db, c, h, &e), 0);
			for (int k = 0; k < 3; k++) {
				char *sql = xasprintf("SELECT " ISO_CHECKS_OURS("x")
						      " FROM (SELECT '%s' AS kind) x",
						      kinds[k]);

				assert_int_equal(sql_scalar(db, sql, NULL),
						 isolation_checks_ours(kinds[k], c, h));
				free(sql);
			}
		}
	assert_int_equal(isolation_checks_ours("home", 0, 0), 1);
	assert_int_equal(isolation_checks_ours("central", 0, 1), 0);
	assert_int_equal(isolation_checks_ours("hospital", 0, 1), 1);
	db_close(&db);
}

static void test_no_missed_check_elsewhere(void **state)
{
	struct db *db = open_db();
	struct household hh = {.grid_id = -1, .code = "1-1-101"};
	struct resident r = {0};
	struct isolation_new n = {0};
	struct daily_stats s = {0};
	struct err e;
	int c, h;

	(void)state;
	err_clear(&e);
	assert_int_equal(db_household_insert(db, &hh, &e), 0);
	r.household_id = hh.id;
	r.name = "王五";
	assert_int_equal(db_resident_insert(db, &r, &e), 0);
	n.resident_id = r.id;
	n.kind = "central";
	n.site = "区委党校";
	n.start_date = "2020-02-14";
	assert_true(db_isolation_start(db, &n, &e) > 0);

	assert_int_equal(db_site_checks_get(db, &c, &h, &e), 0);
	assert_int_equal(c + h, 0); /* the sites' by default */
	assert_int_equal(db_daily_stats(db, "2020-02-15", &s, &e), 0);
	assert_int_equal(s.pm_over, 1);
	assert_int_equal(s.checks_due, 0);
	assert_int_equal(s.checks_elsewhere, 1);
	assert_int_equal(s.missed_am + s.missed_pm, 0);
	report_stats_clear(&s);

	assert_int_equal(db_site_checks_set(db, 1, 0, &e), 0);
	assert_int_equal(sql_scalar(db,
				    "SELECT count(*) FROM audit_log WHERE table_name = 'settings'"
				    " AND json_extract(changes, '$.checks_central[1]') = '1'",
				    NULL),
			 1);
	assert_int_equal(db_daily_stats(db, "2020-02-15", &s, &e), 0);
	assert_int_equal(s.checks_due, 1);
	assert_int_equal(s.checks_elsewhere, 0);
	assert_int_equal(s.missed_am + s.missed_pm, 2);
	report_stats_clear(&s);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_core_and_view_agree),
		cmocka_unit_test(test_no_missed_check_elsewhere),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

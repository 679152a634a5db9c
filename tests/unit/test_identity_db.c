/* Sex and birth date against the ID number where records are written:
 * db_resident_insert/update refuse a contradiction, a stored one that stays
 * as it was is not refused, a merge keeps this machine's version over one
 * that contradicts (a conflict, the loser audited), `check` lists legacy
 * contradictions and empty checks as warnings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "db/households.h"
#include "db/residents.h"
#include "tests/unit/merge_world.h"

/* The cards of the issue (15 digits there, 18 as stored): a man born
 * 1985-03-12 and a woman born 1988-05-15. */
#define MAN "420102198503121238"
#define WOMAN "420102198805152240"

static long long add(struct db *db, const char *idn, char sex, const char *birth, struct err *e)
{
	struct household h = {.grid_id = -1};
	struct resident r = {0};

	h.code = (char *)"1-1-101";
	assert_int_equal(db_household_insert(db, &h, e), 0);
	r.household_id = h.id;
	r.name = (char *)"张三";
	r.id_number = (char *)idn;
	r.sex = sex;
	r.birth_date = (char *)birth;
	return db_resident_insert(db, &r, e) < 0 ? -1 : r.id;
}

static void test_insert_and_update_refuse(void **state)
{
	struct world w;
	struct resident r;
	struct err e;
	long long id;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, 1);
	assert_int_equal(add(w.db[0], WOMAN, 'M', NULL, &e), -1);
	assert_string_equal(e.field, "sex");
	err_clear(&e);
	assert_int_equal(db_exec(w.db[0], "DELETE FROM households", &e), 0);
	id = add(w.db[0], MAN, 'M', "1985-03-12", &e);
	assert_true(id > 0);
	assert_int_equal(db_resident_get(w.db[0], id, &r, &e), 1);
	free(r.id_number);
	r.id_number = xstrdup(WOMAN);
	assert_int_equal(db_resident_update(w.db[0], &r, &e), -1);
	assert_string_equal(e.field, "sex");
	r.sex = 'F';
	err_clear(&e);
	assert_int_equal(db_resident_update(w.db[0], &r, &e), -1);
	assert_string_equal(e.field, "birth_date");
	free(r.birth_date);
	r.birth_date = xstrdup("1988-05-15");
	assert_int_equal(db_resident_update(w.db[0], &r, &e), 1);
	model_resident_clear(&r);
	world_close(&w);
}

static void count_warning(const char *text, void *ctx)
{
	if (strstr(text, "legacy: "))
		++*(int *)ctx;
}

/* A contradiction stored before the rule: saving it unchanged in what the
 * rule reads (a new phone) passes; check warns, and an empty check too. */
static void test_legacy_listed_not_refused(void **state)
{
	struct world w;
	struct resident r;
	struct err e;
	long long id;
	int n = 0;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, 1);
	id = add(w.db[0], MAN, 'M', "1985-03-12", &e);
	assert_int_equal(db_exec(w.db[0], "UPDATE residents SET sex = 'F'", &e), 0);
	assert_int_equal(db_consistency_warnings(w.db[0], count_warning, &n, &e), 1);
	assert_int_equal(n, 1);
	assert_int_equal(db_resident_get(w.db[0], id, &r, &e), 1);
	free(r.phone);
	r.phone = xstrdup("13800000000");
	assert_int_equal(db_resident_update(w.db[0], &r, &e), 1);
	model_resident_clear(&r);
	assert_int_equal(
	    db_exec(w.db[0],
		    "INSERT INTO isolations(uuid, created_at, updated_at, resident_id, kind,"
		    " start_date, days) VALUES('00000000-0000-4000-8000-000000000001',"
		    " '2020-02-10 08:00:00', '2020-02-10 08:00:00', 1, 'home', '2020-02-10', 14);"
		    "INSERT INTO checks(uuid, created_at, updated_at, isolation_id, date, slot, at)"
		    " VALUES('00000000-0000-4000-8000-000000000002', '2020-02-11 08:00:00',"
		    " '2020-02-11 08:00:00', 1, '2020-02-11', 'AM', '2020-02-11 08:00:00')",
		    &e),
	    0);
	n = 0;
	assert_int_equal(db_consistency_warnings(w.db[0], count_warning, &n, &e), 2);
	assert_int_equal(n, 2);
	world_close(&w);
}

/* B's later edit makes the sex contradict (written past the rule, as an
 * older program would): A keeps its own version, the merge reports a
 * conflict and audits B's values. */
static void test_merge_keeps_the_consistent_version(void **state)
{
	struct world w;
	struct merge_report r;
	struct err e;

	(void)state;
	err_clear(&e);
	setenv("DOORSTEP_NOW", "2020-02-15 09:00:00", 1);
	world_open(&w, 2);
	assert_true(add(w.db[0], MAN, 'M', "1985-03-12", &e) > 0);
	assert_int_equal(world_merge(&w, 1, 0, NULL), 0);
	assert_int_equal(db_exec(w.db[1],
				 "UPDATE residents SET sex = 'F', updated_at = '2020-02-15 10:00:00'",
				 &e),
			 0);
	assert_int_equal(world_merge(&w, 0, 1, &r), 0);
	assert_int_equal(r.nconflicts, 1);
	merge_report_free(&r);
	assert_int_equal(world_count(&w, 0, "SELECT count(*) FROM residents WHERE sex = 'M'"), 1);
	assert_int_equal(world_count(&w, 0,
				     "SELECT count(*) FROM audit_log WHERE action = 'merge'"
				     " AND json_extract(changes, '$.lost.sex') = 'F'"),
			 1);
	world_close(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_insert_and_update_refuse),
	    cmocka_unit_test(test_legacy_listed_not_refused),
	    cmocka_unit_test(test_merge_keeps_the_consistent_version),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

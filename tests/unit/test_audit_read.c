/* Tests of db/audit_read: a record's audit entries paged newest first in
 * both directions, other records left out, entries with the same second
 * ordered by id. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "db/audit_read.h"
#include "db/db.h"

static struct db *db;

static int setup(void **state)
{
	struct err e;

	(void)state;
	setenv("DOORSTEP_NOW", "2020-02-15 09:30:00", 1);
	if (db_open(&db, NULL, DB_OPEN_MEMORY, &e) < 0)
		return -1;
	db_set_staff(db, "王小明");
	if (db_begin(db, &e) < 0)
		return -1;
	for (int i = 0; i < 7; i++) {
		char ch[32];

		snprintf(ch, sizeof ch, "{\"n\":%d}", i);
		if (db_audit(db, i ? "update" : "insert", "households", "rec-1", ch, &e) < 0)
			return -1;
		if (db_audit(db, "update", "households", "rec-2", ch, &e) < 0)
			return -1;
	}
	return db_commit(db, &e);
}

static int teardown(void **state)
{
	(void)state;
	db_close(&db);
	return 0;
}

static void test_pages(void **state)
{
	struct audit_entry a[4], b[4], c[4];
	struct err e;
	int n;

	(void)state;
	assert_int_equal(db_audit_count(db, "rec-1", &e), 7);
	n = db_audit_page(db, "rec-1", NULL, 1, 3, a, &e);
	assert_int_equal(n, 3);
	assert_string_equal(a[0].changes, "{\"n\":6}");
	assert_string_equal(a[2].changes, "{\"n\":4}");
	assert_string_equal(a[0].staff, "王小明");
	assert_string_equal(a[0].at, "2020-02-15 09:30:00");
	assert_string_equal(a[0].record_uuid, "rec-1");
	/* older than the last one */
	n = db_audit_page(db, "rec-1", &a[2], 1, 4, b, &e);
	assert_int_equal(n, 4);
	assert_string_equal(b[0].changes, "{\"n\":3}");
	assert_string_equal(b[3].changes, "{\"n\":0}");
	assert_string_equal(b[3].action, "insert");
	assert_int_equal(db_audit_page(db, "rec-1", &b[3], 1, 4, c, &e), 0);
	/* newer than b[0], nearest first */
	n = db_audit_page(db, "rec-1", &b[0], -1, 2, c, &e);
	assert_int_equal(n, 2);
	assert_string_equal(c[0].changes, "{\"n\":4}");
	assert_string_equal(c[1].changes, "{\"n\":5}");
	for (int i = 0; i < 2; i++)
		audit_entry_clear(&c[i]);
	/* the oldest */
	n = db_audit_page(db, "rec-1", NULL, -1, 1, c, &e);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].changes, "{\"n\":0}");
	audit_entry_clear(&c[0]);
	for (int i = 0; i < 3; i++)
		audit_entry_clear(&a[i]);
	for (int i = 0; i < 4; i++)
		audit_entry_clear(&b[i]);
	assert_int_equal(db_audit_count(db, "nothing", &e), 0);
	assert_int_equal(db_audit_page(db, "nothing", NULL, 1, 4, a, &e), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_pages),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}

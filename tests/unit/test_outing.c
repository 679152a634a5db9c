/* Unit tests of core/outing: the closed-management rule at a checkpoint. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/outing.h"

static struct outing_facts base(void)
{
	return (struct outing_facts){
	    .today = {2020, 2, 15},
	    .has_last = 1,
	    .last = {2020, 2, 13},
	    .every_days = 2,
	    .has_valid_until = 1,
	    .valid_until = {2020, 2, 29},
	};
}

static void assert_date(struct date d, int y, int m, int day)
{
	assert_int_equal(d.y, y);
	assert_int_equal(d.m, m);
	assert_int_equal(d.d, day);
}

static void test_due(void **state)
{
	struct outing_facts f = base();
	struct outing_verdict v;

	(void)state;
	outing_check(&f, &v); /* 13th + 2 = 15th: allowed */
	assert_true(v.allowed);
	assert_int_equal(v.reason, OUTING_DUE);
	assert_date(v.last, 2020, 2, 13);
	assert_date(v.next_allowed, 2020, 2, 15);

	f.last = (struct date){2020, 2, 14};
	outing_check(&f, &v);
	assert_false(v.allowed);
	assert_int_equal(v.reason, OUTING_TOO_SOON);
	assert_date(v.last, 2020, 2, 14);
	assert_date(v.next_allowed, 2020, 2, 16);

	f.last = f.today; /* went out this morning */
	outing_check(&f, &v);
	assert_int_equal(v.reason, OUTING_TOO_SOON);
	assert_date(v.next_allowed, 2020, 2, 17);
}

static void test_over_month_end_and_leap_day(void **state)
{
	struct outing_facts f = base();
	struct outing_verdict v;

	(void)state;
	f.today = (struct date){2020, 3, 1};
	f.last = (struct date){2020, 2, 28};
	f.every_days = 3;
	f.valid_until = (struct date){2020, 3, 31};
	outing_check(&f, &v); /* 28 Feb + 3 = 2 March in 2020 */
	assert_int_equal(v.reason, OUTING_TOO_SOON);
	assert_date(v.next_allowed, 2020, 3, 2);
	f.today = (struct date){2020, 3, 2};
	outing_check(&f, &v);
	assert_true(v.allowed);
}

static void test_first(void **state)
{
	struct outing_facts f = base();
	struct outing_verdict v;

	(void)state;
	f.has_last = 0;
	outing_check(&f, &v);
	assert_true(v.allowed);
	assert_int_equal(v.reason, OUTING_FIRST);
	assert_date(v.last, 0, 0, 0);
	assert_date(v.next_allowed, 2020, 2, 15);
}

static void test_refusals_in_order(void **state)
{
	struct outing_facts f = base();
	struct outing_verdict v;

	(void)state;
	f.isolated = 1;
	f.revoked = 1;
	f.valid_until = (struct date){2020, 2, 1};
	f.has_last = 0;
	outing_check(&f, &v); /* isolation wins over everything, even a first outing */
	assert_false(v.allowed);
	assert_int_equal(v.reason, OUTING_ISOLATION);
	assert_date(v.next_allowed, 0, 0, 0);

	f.isolated = 0;
	f.followup = 1; /* an open fever follow-up: like isolation */
	f.gate_fever = 1;
	outing_check(&f, &v);
	assert_false(v.allowed);
	assert_int_equal(v.reason, OUTING_FOLLOWUP);
	f.followup = 0;
	outing_check(&f, &v);
	assert_int_equal(v.reason, OUTING_FEVER);
	f.gate_fever = 0;
	outing_check(&f, &v);
	assert_false(v.allowed);
	assert_int_equal(v.reason, OUTING_REVOKED);

	f.revoked = 0;
	outing_check(&f, &v);
	assert_false(v.allowed);
	assert_int_equal(v.reason, OUTING_EXPIRED);

	f.valid_until = f.today; /* valid through its last day */
	outing_check(&f, &v);
	assert_true(v.allowed);
	f.valid_until = (struct date){2020, 2, 14};
	outing_check(&f, &v);
	assert_int_equal(v.reason, OUTING_EXPIRED);

	f.has_valid_until = 0; /* no end date: never expires */
	outing_check(&f, &v);
	assert_true(v.allowed);
}

static void test_no_limit(void **state)
{
	struct outing_facts f = base();
	struct outing_verdict v;

	(void)state;
	f.every_days = 0;
	f.last = f.today;
	outing_check(&f, &v);
	assert_true(v.allowed);
	f.every_days = -5;
	outing_check(&f, &v);
	assert_true(v.allowed);
	f.every_days = 1;
	outing_check(&f, &v);
	assert_false(v.allowed);
	assert_date(v.next_allowed, 2020, 2, 16);
}

static void test_texts(void **state)
{
	(void)state;
	for (int r = OUTING_FIRST; r <= OUTING_TOO_SOON; r++)
		assert_true(strlen(outing_reason_text(r)) > 10);
	assert_non_null(strstr(outing_reason_text(OUTING_ISOLATION), "isolation"));
	assert_non_null(strstr(outing_reason_text(OUTING_REVOKED), "revoked"));
	assert_non_null(strstr(outing_reason_text(OUTING_EXPIRED), "expired"));
	assert_string_equal(outing_reason_text((enum outing_reason)99), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_due),	     cmocka_unit_test(test_over_month_end_and_leap_day),
	    cmocka_unit_test(test_first),    cmocka_unit_test(test_refusals_in_order),
	    cmocka_unit_test(test_no_limit), cmocka_unit_test(test_texts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

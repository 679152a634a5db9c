/* Unit tests of core/release: ending as completed early, with a fever or a
 * symptom in the last three days or with an open follow-up needs an
 * override; other end reasons do not; an empty check is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/release.h"

#define D(y, m, d) (&(struct date){(y), (m), (d)})

/* 田秀艳: 18 days from 2020-02-08, ending on day 8 (2020-02-15). */
static void facts_for(struct release_facts *f, int end_day)
{
	memset(f, 0, sizeof *f);
	isolation_span_compute(D(2020, 2, 8), 14, 4, &f->span);
	f->end = date_add(&f->span.start, end_day - 1);
}

static void test_window(void **state)
{
	struct date w;

	(void)state;
	release_window_start(D(2020, 3, 1), &w);
	assert_int_equal(w.m, 2);
	assert_int_equal(w.d, 28); /* 2020 is a leap year: 02-28, 02-29, 03-01 */
}

static void test_early_fever_refused(void **state)
{
	struct release_facts f;
	struct err e;

	(void)state;
	err_clear(&e);
	facts_for(&f, 8);
	f.max_temperature = 382;
	strcpy(f.fever_date, "2020-02-15");
	assert_int_equal(release_problems(&f, 373), RELEASE_EARLY | RELEASE_FEVER);
	assert_int_equal(release_decide("completed", &f, 373, NULL, &e), -1);
	assert_string_equal(e.field, "override");
	assert_non_null(strstr(e.msg, "day 8 of 18"));
	assert_non_null(strstr(e.msg, "38.2 °C on 2020-02-15"));
	assert_non_null(strstr(e.msg, "reason"));
	/* An empty override is no override; a typed one lets it through. */
	assert_int_equal(release_decide("completed", &f, 373, "", &e), -1);
	assert_int_equal(release_decide("completed", &f, 373, " \xe3\x80\x80\t", &e), -1);
	assert_int_equal(release_decide("completed", &f, 373, "疾控中心确认", &e), 0);
	/* Other end reasons need none. */
	assert_int_equal(release_decide("hospitalised", &f, 373, NULL, &e), 0);
	assert_int_equal(release_decide("error", &f, 373, NULL, &e), 0);
}

static void test_safe_on_last_day(void **state)
{
	struct release_facts f;
	struct err e;

	(void)state;
	err_clear(&e);
	facts_for(&f, 18);
	f.max_temperature = 372; /* below the threshold: not a fever */
	assert_int_equal(release_problems(&f, 373), 0);
	assert_int_equal(release_decide("completed", &f, 373, NULL, &e), 0);
	f.max_temperature = 373; /* at the threshold is a fever */
	strcpy(f.fever_date, "2020-02-25");
	assert_int_equal(release_problems(&f, 373), RELEASE_FEVER);
	facts_for(&f, 19); /* after the last day is not early */
	assert_int_equal(release_problems(&f, 373), 0);
}

static void test_symptom_and_followup(void **state)
{
	struct release_facts f;
	struct err e;

	(void)state;
	err_clear(&e);
	facts_for(&f, 18);
	strcpy(f.symptom, "cough");
	strcpy(f.symptom_date, "2020-02-24");
	assert_int_equal(release_problems(&f, 373), RELEASE_SYMPTOM);
	assert_int_equal(release_decide("completed", &f, 373, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "cough on 2020-02-24"));
	f.symptom[0] = 0;
	f.open_followups = 1;
	assert_int_equal(release_problems(&f, 373), RELEASE_FOLLOWUP);
	assert_int_equal(release_decide("completed", &f, 373, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "follow-up"));
}

static void test_empty_check(void **state)
{
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(release_check_not_empty(0, NULL, NULL, &e), -1);
	assert_string_equal(e.field, "temperature");
	assert_int_equal(release_check_not_empty(0, "", "", &e), -1);
	assert_int_equal(release_check_not_empty(365, NULL, NULL, &e), 0);
	assert_int_equal(release_check_not_empty(0, "cough", NULL, &e), 0);
	assert_int_equal(release_check_not_empty(0, NULL, "不在家，电话未接", &e), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_window),	     cmocka_unit_test(test_early_fever_refused),
	    cmocka_unit_test(test_safe_on_last_day), cmocka_unit_test(test_symptom_and_followup),
	    cmocka_unit_test(test_empty_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

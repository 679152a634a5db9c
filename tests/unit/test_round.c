/* Unit tests of core/round: a household's status for the day, and the
 * fast-entry state of a visit (accept, skip, back, refusals, symptoms). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/round.h"

static void test_status(void **state)
{
	(void)state;
	assert_int_equal(round_status_of(NULL, 0, 373), ROUND_NOT_YET);
	assert_int_equal(round_status_of("visited", 365, 373), ROUND_VISITED);
	assert_int_equal(round_status_of("visited", 0, 373), ROUND_VISITED); /* nobody measured */
	assert_int_equal(round_status_of("visited", 372, 373), ROUND_VISITED);
	assert_int_equal(round_status_of("visited", 373, 373), ROUND_FEVER); /* at the threshold */
	assert_int_equal(round_status_of("visited", 385, 380), ROUND_FEVER);
	assert_int_equal(round_status_of("visited", 379, 380), ROUND_VISITED);
	assert_int_equal(round_status_of("no_answer", 0, 373), ROUND_NO_ANSWER);
	assert_int_equal(round_status_of("refused", 0, 373), ROUND_REFUSED);
	assert_int_equal(round_status_of("away", 0, 373), ROUND_AWAY);
	assert_false(round_status_done(ROUND_NOT_YET));
	for (int s = ROUND_VISITED; s <= ROUND_FEVER; s++)
		assert_true(round_status_done((enum round_status)s));
	assert_string_equal(round_status_label(ROUND_NOT_YET), "not yet");
	assert_string_equal(round_status_label(ROUND_FEVER), "fever");
}

static void three(struct round_entry *re)
{
	round_entry_init(re, 7, 373);
	round_entry_add(re, 11, "张三");
	round_entry_add(re, 12, "李四");
	round_entry_add(re, 13, "王五");
}

static void test_entry_three_normal(void **state)
{
	struct round_entry re;
	struct err e = {0};

	(void)state;
	three(&re);
	assert_string_equal(round_entry_current(&re)->name, "张三");
	assert_int_equal(round_entry_accept(&re, "365", &e), ROUND_ENTRY_NEXT);
	assert_string_equal(round_entry_current(&re)->name, "李四");
	assert_int_equal(round_entry_accept(&re, "36.6", &e), ROUND_ENTRY_NEXT);
	assert_int_equal(round_entry_accept(&re, "37", &e), ROUND_ENTRY_DONE);
	assert_null(round_entry_current(&re));
	assert_int_equal(re.people[0].temperature, 365);
	assert_int_equal(re.people[1].temperature, 366);
	assert_int_equal(re.people[2].temperature, 370);
	assert_int_equal(round_entry_measured(&re), 3);
	assert_int_equal(round_entry_fevers(&re), 0);
	round_entry_free(&re);
	assert_int_equal(re.n, 0);
}

static void test_entry_refusals(void **state)
{
	struct round_entry re;
	struct err e = {0};

	(void)state;
	three(&re);
	assert_int_equal(round_entry_accept(&re, "45", &e), ROUND_ENTRY_RANGE);
	assert_int_equal(re.bad_value, 450);
	assert_string_equal(e.field, "temperature");
	assert_int_equal(re.cur, 0); /* nothing moved */
	assert_int_equal(re.people[0].state, ROUND_PENDING);
	memset(&e, 0, sizeof e);
	assert_int_equal(round_entry_accept(&re, "339", &e), ROUND_ENTRY_RANGE);
	assert_int_equal(re.bad_value, 339);
	assert_int_equal(round_entry_accept(&re, "43.5", &e), ROUND_ENTRY_RANGE);
	assert_int_equal(re.bad_value, 435);
	assert_int_equal(round_entry_accept(&re, "４５", &e), ROUND_ENTRY_RANGE); /* full width */
	assert_int_equal(re.bad_value, 450);
	assert_int_equal(round_entry_accept(&re, "3", &e), ROUND_ENTRY_FORMAT);
	assert_int_equal(round_entry_accept(&re, "36.55", &e), ROUND_ENTRY_FORMAT);
	assert_int_equal(round_entry_accept(&re, "", &e), ROUND_ENTRY_EMPTY);
	assert_int_equal(re.cur, 0);
	/* edges are accepted */
	assert_int_equal(round_entry_accept(&re, "34.0", &e), ROUND_ENTRY_NEXT);
	assert_int_equal(round_entry_accept(&re, "430", &e), ROUND_ENTRY_NEXT);
	round_entry_free(&re);
}

static void test_entry_skip_back_fever(void **state)
{
	struct round_entry re;
	struct err e = {0};

	(void)state;
	three(&re);
	assert_int_equal(round_entry_skip(&re), ROUND_ENTRY_NEXT);
	assert_int_equal(re.people[0].state, ROUND_SKIPPED);
	assert_int_equal(round_entry_accept(&re, "385", &e), ROUND_ENTRY_NEXT);
	assert_int_equal(round_entry_fevers(&re), 1); /* known before the visit is saved */
	/* back to 李四: pending again, the value kept to edit */
	assert_int_equal(round_entry_back(&re), 1);
	assert_int_equal(re.cur, 1);
	assert_int_equal(re.people[1].state, ROUND_PENDING);
	assert_int_equal(round_entry_fevers(&re), 0);
	assert_int_equal(round_entry_accept(&re, "368", &e), ROUND_ENTRY_NEXT);
	assert_int_equal(round_entry_skip(&re), ROUND_ENTRY_DONE);
	assert_int_equal(round_entry_measured(&re), 1);
	assert_int_equal(round_entry_skip(&re), ROUND_ENTRY_DONE); /* nobody left */
	assert_int_equal(round_entry_back(&re), 1);
	assert_int_equal(round_entry_back(&re), 1);
	assert_int_equal(round_entry_back(&re), 1);
	assert_int_equal(round_entry_back(&re), 0); /* at the first */
	round_entry_free(&re);
}

static void test_entry_symptoms(void **state)
{
	struct round_entry re;
	struct err e = {0};

	(void)state;
	three(&re);
	assert_int_equal(round_entry_toggle_symptom(&re, "cough"), 1);
	assert_int_equal(round_entry_toggle_symptom(&re, "fatigue"), 1);
	assert_string_equal(re.people[0].symptoms, "cough,fatigue");
	assert_true(round_has_code(re.people[0].symptoms, "fatigue"));
	assert_false(round_has_code(re.people[0].symptoms, "fat"));
	assert_int_equal(round_entry_toggle_symptom(&re, "cough"), 0);
	assert_string_equal(re.people[0].symptoms, "fatigue");
	/* met, not measured: symptoms alone are a reading */
	assert_int_equal(round_entry_accept(&re, "", &e), ROUND_ENTRY_NEXT);
	assert_int_equal(re.people[0].state, ROUND_MET);
	assert_int_equal(re.people[0].temperature, 0);
	assert_int_equal(round_entry_measured(&re), 0);
	/* a skip drops the symptoms typed for that person */
	round_entry_toggle_symptom(&re, "cough");
	round_entry_skip(&re);
	assert_null(re.people[1].symptoms);
	round_entry_accept(&re, "366", &e);
	assert_null(round_entry_current(&re));
	assert_int_equal(round_entry_toggle_symptom(&re, "cough"), -1);
	round_entry_free(&re);
}

static void test_entry_preset(void **state)
{
	struct round_entry re;

	(void)state;
	three(&re);
	assert_int_equal(round_entry_preset(&re, 12, 381, "cough"), 1);
	assert_int_equal(round_entry_preset(&re, 99, 365, NULL), 0);
	assert_int_equal(re.people[1].state, ROUND_MET);
	assert_int_equal(round_entry_fevers(&re), 1);
	assert_string_equal(re.people[1].symptoms, "cough");
	round_entry_free(&re);
}

/* Those isolated elsewhere (checked by the site) are passed over, forward
 * and back, and count as neither met nor skipped. */
static void test_entry_elsewhere(void **state)
{
	struct round_entry re;
	struct err e = {0};

	(void)state;
	round_entry_init(&re, 1, 373);
	round_entry_add_elsewhere(&re, 1, "甲", "区委党校");
	round_entry_add(&re, 2, "乙");
	round_entry_add_elsewhere(&re, 3, "丙", NULL);
	round_entry_add(&re, 4, "丁");
	assert_string_equal(round_entry_current(&re)->name, "乙");
	assert_int_equal(round_entry_back(&re), 0);
	assert_int_equal(round_entry_accept(&re, "365", &e), ROUND_ENTRY_NEXT);
	assert_string_equal(round_entry_current(&re)->name, "丁");
	assert_int_equal(round_entry_back(&re), 1);
	assert_string_equal(round_entry_current(&re)->name, "乙");
	assert_int_equal(round_entry_accept(&re, "365", &e), ROUND_ENTRY_NEXT);
	assert_int_equal(round_entry_skip(&re), ROUND_ENTRY_DONE);
	assert_int_equal(re.people[0].state, ROUND_ELSEWHERE);
	assert_string_equal(re.people[0].where, "区委党校");
	assert_string_equal(re.people[2].where, "");
	assert_int_equal(round_entry_measured(&re), 1);
	round_entry_free(&re);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_status),	   cmocka_unit_test(test_entry_three_normal),
	    cmocka_unit_test(test_entry_refusals), cmocka_unit_test(test_entry_skip_back_fever),
	    cmocka_unit_test(test_entry_symptoms), cmocka_unit_test(test_entry_preset),
	    cmocka_unit_test(test_entry_elsewhere),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

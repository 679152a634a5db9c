/* Unit tests of core/isolation: day counts over month ends and the 2020 leap
 * day, extension, restart, cut-offs, late checks and the stored codes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/clock.h"
#include "core/isolation.h"
#include "core/model.h"

#define D(y, m, d) (&(struct date){(y), (m), (d)})

static void assert_date(struct date d, int y, int m, int day)
{
	assert_int_equal(d.y, y);
	assert_int_equal(d.m, m);
	assert_int_equal(d.d, day);
}

static void test_span_basic(void **state)
{
	struct isolation_span s;

	(void)state;
	isolation_span_compute(D(2020, 2, 1), 14, 0, &s);
	assert_date(s.start, 2020, 2, 1);
	assert_date(s.last_day, 2020, 2, 14);
	assert_date(s.release_day, 2020, 2, 15);
	assert_int_equal(s.total_days, 14);
	assert_int_equal(isolation_day_number(&s, D(2020, 2, 1)), 1);
	assert_int_equal(isolation_day_number(&s, D(2020, 2, 14)), 14);
	assert_int_equal(isolation_day_number(&s, D(2020, 2, 15)), 15);
	assert_int_equal(isolation_day_number(&s, D(2020, 1, 31)), 0);
	assert_int_equal(isolation_day_number(&s, D(2020, 1, 30)), -1);

	isolation_span_compute(D(2020, 2, 1), 1, 0, &s); /* one day: last day is day 1 */
	assert_date(s.last_day, 2020, 2, 1);
	assert_date(s.release_day, 2020, 2, 2);
	isolation_span_compute(D(2020, 2, 1), 0, 0, &s); /* clamped to one day */
	assert_int_equal(s.total_days, 1);
}

static void test_span_leap_day(void **state)
{
	struct isolation_span s;

	(void)state;
	/* 2020-02-16 + 14 days crosses 29 February */
	isolation_span_compute(D(2020, 2, 16), 14, 0, &s);
	assert_date(s.last_day, 2020, 2, 29);
	assert_date(s.release_day, 2020, 3, 1);
	assert_int_equal(isolation_day_number(&s, D(2020, 2, 29)), 14);
	isolation_span_compute(D(2020, 2, 20), 14, 0, &s);
	assert_date(s.last_day, 2020, 3, 4);
	assert_int_equal(isolation_day_number(&s, D(2020, 3, 1)), 11);
	/* the same dates in 2019 have no leap day: one day later */
	isolation_span_compute(D(2019, 2, 20), 14, 0, &s);
	assert_date(s.last_day, 2019, 3, 5);
	assert_int_equal(isolation_day_number(&s, D(2019, 3, 1)), 10);
}

static void test_span_month_and_year_ends(void **state)
{
	struct isolation_span s;

	(void)state;
	isolation_span_compute(D(2020, 1, 25), 14, 0, &s);
	assert_date(s.last_day, 2020, 2, 7);
	assert_date(s.release_day, 2020, 2, 8);
	isolation_span_compute(D(2020, 3, 18), 14, 0, &s);
	assert_date(s.last_day, 2020, 3, 31);
	assert_date(s.release_day, 2020, 4, 1);
	isolation_span_compute(D(2020, 4, 17), 14, 0, &s);
	assert_date(s.last_day, 2020, 4, 30);
	assert_date(s.release_day, 2020, 5, 1);
	isolation_span_compute(D(2019, 12, 25), 14, 0, &s);
	assert_date(s.last_day, 2020, 1, 7);
	assert_int_equal(isolation_day_number(&s, D(2020, 1, 1)), 8);
}

static void test_extension(void **state)
{
	struct isolation_span s;
	struct err e = {0};

	(void)state;
	isolation_span_compute(D(2020, 2, 10), 14, 7, &s);
	assert_int_equal(s.total_days, 21);
	assert_date(s.last_day, 2020, 3, 1);
	assert_date(s.release_day, 2020, 3, 2);

	isolation_span_compute(D(2020, 2, 10), 14, 0, &s);
	/* today 2020-02-15 is day 6 */
	assert_int_equal(isolation_extend_check(&s, D(2020, 2, 15), 21, &e), 0);
	assert_int_equal(isolation_extend_check(&s, D(2020, 2, 15), 6, &e), 0); /* ends today */
	assert_int_equal(isolation_extend_check(&s, D(2020, 2, 15), 5, &e), -1);
	assert_string_equal(e.msg,
			    "isolation days: cannot shorten to 5 days, today is already day 6");
	assert_string_equal(e.field, "days");
	assert_int_equal(isolation_extend_check(&s, D(2020, 2, 15), 0, &e), -1);
	assert_string_equal(e.msg, "isolation days: must be at least 1, got 0");
	assert_int_equal(isolation_extend_check(&s, D(2020, 2, 15), -7, &e), -1);
	/* before the start anything positive goes */
	assert_int_equal(isolation_extend_check(&s, D(2020, 2, 1), 1, &e), 0);
}

static void test_restart(void **state)
{
	struct isolation_span old, fresh;

	(void)state;
	/* exposed again on day 9 (2020-02-18): a new span from day 1 */
	isolation_span_compute(D(2020, 2, 10), 14, 0, &old);
	assert_int_equal(isolation_day_number(&old, D(2020, 2, 18)), 9);
	isolation_span_compute(D(2020, 2, 18), 14, 0, &fresh);
	assert_int_equal(isolation_day_number(&fresh, D(2020, 2, 18)), 1);
	assert_date(fresh.last_day, 2020, 3, 2);
	assert_date(fresh.release_day, 2020, 3, 3);
	/* the old span is closed the day before the restart */
	assert_false(isolation_is_active(&old, D(2020, 2, 17), D(2020, 2, 18)));
	assert_true(isolation_is_active(&fresh, NULL, D(2020, 2, 18)));
	assert_int_equal(model_enum_index(model_iso_end, "restarted"), ISOLATION_END_RESTARTED);
}

static void test_active(void **state)
{
	struct isolation_span s;

	(void)state;
	isolation_span_compute(D(2020, 2, 1), 14, 0, &s);
	assert_false(isolation_is_active(&s, NULL, D(2020, 1, 31)));
	assert_true(isolation_is_active(&s, NULL, D(2020, 2, 1)));
	assert_true(isolation_is_active(&s, NULL, D(2020, 2, 14)));
	assert_false(isolation_is_active(&s, NULL, D(2020, 2, 15))); /* release day */
	assert_true(isolation_is_active(&s, D(2020, 2, 10), D(2020, 2, 10)));
	assert_false(isolation_is_active(&s, D(2020, 2, 10), D(2020, 2, 11)));
}

static void test_slots_and_cutoffs(void **state)
{
	const int noon = 12 * 60, eight_pm = 20 * 60;

	(void)state;
	assert_int_equal(isolation_slot_for(0, noon), SLOT_AM);
	assert_int_equal(isolation_slot_for(11 * 60 + 59, noon), SLOT_AM);
	assert_int_equal(isolation_slot_for(noon, noon), SLOT_PM);
	assert_int_equal(isolation_slot_for(12 * 60 + 1, noon), SLOT_PM);
	assert_int_equal(isolation_slot_for(23 * 60 + 59, noon), SLOT_PM);

	assert_false(isolation_check_missed(11 * 60 + 59, noon, 0));
	assert_true(isolation_check_missed(noon, noon, 0));
	assert_true(isolation_check_missed(12 * 60 + 1, noon, 0));
	assert_false(isolation_check_missed(12 * 60 + 1, noon, 1));
	assert_false(isolation_check_missed(19 * 60 + 59, eight_pm, 0));
	assert_true(isolation_check_missed(eight_pm, eight_pm, 0));
	assert_false(isolation_check_missed(eight_pm, eight_pm, 1));
}

static void test_late_checks(void **state)
{
	struct isolation_span s;

	(void)state;
	isolation_span_compute(D(2020, 2, 1), 14, 0, &s);
	assert_false(isolation_check_is_late(D(2020, 2, 1), NULL, &s));
	assert_false(isolation_check_is_late(D(2020, 2, 14), NULL, &s));
	assert_true(isolation_check_is_late(D(2020, 2, 15), NULL, &s));
	/* ended early (hospitalised on the 10th): the 11th is late */
	assert_false(isolation_check_is_late(D(2020, 2, 10), D(2020, 2, 10), &s));
	assert_true(isolation_check_is_late(D(2020, 2, 11), D(2020, 2, 10), &s));
	/* end recorded after the last day: the last day still bounds it */
	assert_true(isolation_check_is_late(D(2020, 2, 15), D(2020, 2, 20), &s));
}

static void test_parse_time(void **state)
{
	int m = -1;
	struct err e = {0};

	(void)state;
	assert_int_equal(clock_time_parse("12:00", &m, &e), 0);
	assert_int_equal(m, 720);
	assert_int_equal(clock_time_parse("8:05", &m, &e), 0);
	assert_int_equal(m, 485);
	assert_int_equal(clock_time_parse("２０：００", &m, &e), 0);
	assert_int_equal(m, 1200);
	assert_int_equal(clock_time_parse("23:59", &m, &e), 0);
	assert_int_equal(m, 1439);
	/* digits only, as the shift form takes them */
	assert_int_equal(clock_time_parse("1200", &m, &e), 0);
	assert_int_equal(m, 720);
	assert_int_equal(clock_time_parse("800", &m, &e), 0);
	assert_int_equal(m, 480);
	assert_int_equal(clock_time_parse("8", &m, &e), 0);
	assert_int_equal(m, 480);
	assert_int_equal(clock_parse_hhmm("08:00"), 480);
	assert_int_equal(clock_parse_hhmm("8:00"), -1); /* stored values are HH:MM */
	static const char *const bad[] = {"24:00",  "12:60", "2400",  "12:0",  "a:00",	":00",
					  "123:00", "",	     "12:0a", "-1:00", "12345", "1:2:3"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		m = -1;
		assert_int_equal(clock_time_parse(bad[i], &m, &e), -1);
		assert_int_equal(m, -1);
		assert_non_null(strstr(e.msg, "is not a time of the form 12:00"));
	}
	assert_int_equal(clock_time_parse(NULL, &m, &e), -1);
}

static void test_codes(void **state)
{
	(void)state;
	assert_string_equal(model_enum_code(model_iso_kind, (int)ISOLATION_HOME), "home");
	assert_string_equal(model_enum_code(model_iso_kind, (int)ISOLATION_CENTRAL), "central");
	assert_string_equal(model_enum_code(model_iso_kind, (int)ISOLATION_HOSPITAL), "hospital");
	assert_string_equal(model_enum_code(model_iso_reason, (int)ISOLATION_REASON_KEY_AREA),
			    "key_area");
	assert_string_equal(model_enum_code(model_iso_reason, (int)ISOLATION_REASON_CLOSE_CONTACT),
			    "close_contact");
	assert_string_equal(
	    model_enum_code(model_iso_reason, (int)ISOLATION_REASON_SECONDARY_CONTACT),
	    "secondary_contact");
	assert_string_equal(model_enum_code(model_iso_reason, (int)ISOLATION_REASON_SYMPTOMS),
			    "symptoms");
	assert_string_equal(model_enum_code(model_iso_reason, (int)ISOLATION_REASON_OTHER),
			    "other");
	assert_string_equal(model_enum_code(model_iso_end, (int)ISOLATION_END_COMPLETED),
			    "completed");
	assert_string_equal(model_enum_code(model_iso_end, (int)ISOLATION_END_HOSPITALISED),
			    "hospitalised");
	assert_string_equal(model_enum_code(model_iso_end, (int)ISOLATION_END_CONFIRMED),
			    "confirmed");
	assert_string_equal(model_enum_code(model_iso_end, (int)ISOLATION_END_MOVED_AWAY),
			    "moved_away");
	assert_string_equal(model_enum_code(model_iso_end, (int)ISOLATION_END_ERROR), "error");
	assert_string_equal(model_enum_code(model_iso_end, (int)ISOLATION_END_RESTARTED),
			    "restarted");
	assert_string_equal(isolation_slot_code(SLOT_AM), "AM");
	assert_string_equal(isolation_slot_code(SLOT_PM), "PM");

	for (int i = 0; i <= ISOLATION_HOSPITAL; i++)
		assert_int_equal(
		    model_enum_index(model_iso_kind, model_enum_code(model_iso_kind, (int)i)), i);
	for (int i = 0; i <= ISOLATION_REASON_OTHER; i++)
		assert_int_equal(
		    model_enum_index(model_iso_reason, model_enum_code(model_iso_reason, (int)i)),
		    i);
	for (int i = 0; i <= ISOLATION_END_RESTARTED; i++)
		assert_int_equal(
		    model_enum_index(model_iso_end, model_enum_code(model_iso_end, (int)i)), i);
	for (int i = 0; i <= SLOT_PM; i++)
		assert_int_equal(model_enum_index(model_slot, isolation_slot_code(i)), i);

	assert_string_equal(model_enum_code(model_iso_kind, (int)(enum isolation_kind)7), "");
	assert_string_equal(model_enum_code(model_iso_end, (int)(enum isolation_end) - 1), "");
	assert_int_equal(model_enum_index(model_iso_kind, "Home"), -1);
	assert_int_equal(model_enum_index(model_iso_reason, ""), -1);
	assert_int_equal(model_enum_index(model_iso_end, NULL), -1);
	assert_int_equal(model_enum_index(model_slot, "am"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_span_basic),
	    cmocka_unit_test(test_span_leap_day),
	    cmocka_unit_test(test_span_month_and_year_ends),
	    cmocka_unit_test(test_extension),
	    cmocka_unit_test(test_restart),
	    cmocka_unit_test(test_active),
	    cmocka_unit_test(test_slots_and_cutoffs),
	    cmocka_unit_test(test_late_checks),
	    cmocka_unit_test(test_parse_time),
	    cmocka_unit_test(test_codes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

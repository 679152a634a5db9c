/* Unit tests of core/date: validity, the 2020 leap day, month ends, day
 * arithmetic and the form shortcuts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/date.h"

static const struct date today = {2020, 2, 15};

static void assert_date(struct date d, int y, int m, int day)
{
	assert_int_equal(d.y, y);
	assert_int_equal(d.m, m);
	assert_int_equal(d.d, day);
}

static void in_ok(const char *in, const struct date *t, int y, int m, int d)
{
	struct date out = {0, 0, 0};
	struct err e = {0};

	if (date_parse_input(in, t, &out, &e) != 0)
		fail_msg("\"%s\" refused: %s", in, e.msg);
	assert_date(out, y, m, d);
}

static void in_bad(const char *in, const struct date *t, const char *want)
{
	struct date out = {1, 1, 1};
	struct err e = {0};

	assert_int_equal(date_parse_input(in, t, &out, &e), -1);
	if (!strstr(e.msg, want))
		fail_msg("\"%s\": message \"%s\" lacks \"%s\"", in ? in : "(null)", e.msg, want);
	assert_date(out, 1, 1, 1);
}

static void test_valid(void **state)
{
	(void)state;
	assert_true(date_valid(2020, 2, 29));
	assert_false(date_valid(2019, 2, 29));
	assert_false(date_valid(1900, 2, 29)); /* century, not a leap year */
	assert_true(date_valid(2000, 2, 29));  /* 400 years: leap */
	assert_true(date_valid(2020, 1, 31));
	assert_false(date_valid(2020, 4, 31));
	assert_true(date_valid(2020, 4, 30));
	assert_false(date_valid(2020, 13, 1));
	assert_false(date_valid(2020, 0, 1));
	assert_false(date_valid(2020, 1, 0));
	assert_false(date_valid(1899, 12, 31));
	assert_true(date_valid(1900, 1, 1));
	assert_true(date_valid(2999, 12, 31));
	assert_false(date_valid(3000, 1, 1));
}

static void test_parse_iso(void **state)
{
	struct date d;
	struct err e = {0};

	(void)state;
	assert_int_equal(date_parse_iso("2020-02-29", &d, &e), 0);
	assert_date(d, 2020, 2, 29);
	assert_int_equal(date_parse_iso("2019-02-29", &d, &e), -1);
	assert_string_equal(e.msg, "2019-02-29 is not a real date");
	assert_int_equal(date_parse_iso("2020-2-29", &d, &e), -1);
	assert_non_null(strstr(e.msg, "YYYY-MM-DD"));
	assert_int_equal(date_parse_iso("2020-02-2x", &d, &e), -1);
	assert_int_equal(date_parse_iso("2020/02/29", &d, &e), -1);
	assert_int_equal(date_parse_iso("", &d, &e), -1);
	assert_int_equal(date_parse_iso(NULL, &d, &e), -1);
}

static void test_format_roundtrip(void **state)
{
	char buf[DATE_STR];
	struct date d = {2020, 2, 29}, back;
	struct err e = {0};

	(void)state;
	date_format(&d, buf);
	assert_string_equal(buf, "2020-02-29");
	assert_int_equal(date_parse_iso(buf, &back, &e), 0);
	assert_int_equal(date_cmp(&d, &back), 0);
	/* every day of 1900-2100 survives days and text round trips */
	for (long z = date_to_days(&(struct date){1900, 1, 1});
	     z <= date_to_days(&(struct date){2100, 12, 31}); z++) {
		date_from_days(z, &d);
		assert_true(date_valid(d.y, d.m, d.d));
		assert_int_equal(date_to_days(&d), z);
		date_format(&d, buf);
		assert_int_equal(date_parse_iso(buf, &back, &e), 0);
		assert_int_equal(date_cmp(&d, &back), 0);
	}
}

static void test_arithmetic(void **state)
{
	struct date d = {2020, 2, 28};

	(void)state;
	assert_int_equal(date_to_days(&(struct date){1970, 1, 1}), 0);
	assert_int_equal(date_to_days(&(struct date){1969, 12, 31}), -1);
	assert_date(date_add(&d, 1), 2020, 2, 29);
	assert_date(date_add(&d, 2), 2020, 3, 1);
	assert_date(date_add(&(struct date){2019, 2, 28}, 1), 2019, 3, 1);
	assert_date(date_add(&(struct date){2020, 3, 1}, -1), 2020, 2, 29);
	assert_date(date_add(&(struct date){2020, 1, 31}, 1), 2020, 2, 1);
	assert_date(date_add(&(struct date){2020, 4, 30}, 1), 2020, 5, 1);
	assert_date(date_add(&(struct date){2019, 12, 31}, 1), 2020, 1, 1);
	assert_date(date_add(&(struct date){2020, 1, 1}, -1), 2019, 12, 31);
	assert_date(date_add(&(struct date){2020, 1, 1}, 366), 2021, 1, 1);
	assert_int_equal(date_diff(&(struct date){2020, 3, 1}, &(struct date){2020, 2, 1}), 29);
	assert_int_equal(date_diff(&(struct date){2019, 3, 1}, &(struct date){2019, 2, 1}), 28);
	assert_int_equal(date_diff(&(struct date){2020, 2, 1}, &(struct date){2020, 3, 1}), -29);
	assert_int_equal(date_cmp(&(struct date){2020, 2, 29}, &(struct date){2020, 3, 1}), -1);
	assert_int_equal(date_cmp(&(struct date){2020, 3, 1}, &(struct date){2020, 2, 29}), 1);
	assert_int_equal(date_cmp(&d, &d), 0);
	assert_int_equal(date_weekday(&(struct date){2020, 2, 15}), 5); /* a Saturday */
	assert_int_equal(date_weekday(&(struct date){2020, 2, 29}), 5);
	assert_int_equal(date_weekday(&(struct date){1970, 1, 1}), 3);
	assert_int_equal(date_weekday(&(struct date){1969, 12, 29}), 0); /* before the epoch */
}

static void test_shortcuts(void **state)
{
	(void)state;
	in_ok("2020-02-15", &today, 2020, 2, 15);
	in_ok("2020/2/5", &today, 2020, 2, 5);
	in_ok("2020.2.5", &today, 2020, 2, 5);
	in_ok("2020-2-5", &today, 2020, 2, 5);
	in_ok("20200229", &today, 2020, 2, 29);
	in_ok("0215", &today, 2020, 2, 15);
	in_ok("0229", &today, 2020, 2, 29);
	in_ok("1231", &today, 2020, 12, 31);
	in_ok("15", &today, 2020, 2, 15);
	in_ok("1", &today, 2020, 2, 1);
	in_ok("29", &today, 2020, 2, 29);
	in_ok("t", &today, 2020, 2, 15);
	in_ok("T", &today, 2020, 2, 15);
	in_ok("今", &today, 2020, 2, 15);
	in_ok("今天", &today, 2020, 2, 15);
	in_ok("-1", &today, 2020, 2, 14);
	in_ok("-0", &today, 2020, 2, 15);
	in_ok("+1", &today, 2020, 2, 16);
	in_ok("-15", &today, 2020, 1, 31);
	in_ok("+14", &today, 2020, 2, 29);
	in_ok("+15", &today, 2020, 3, 1);
	in_ok("  15  ", &today, 2020, 2, 15);
	/* a Chinese input method types full-width forms */
	in_ok("１５", &today, 2020, 2, 15);
	in_ok("－１", &today, 2020, 2, 14);
	in_ok("ｔ", &today, 2020, 2, 15);
	in_ok("２０２０－０２－２９", &today, 2020, 2, 29);
	in_ok("\xE3\x80\x80"
	      "0215\xE3\x80\x80",
	      &today, 2020, 2, 15);
}

static void test_shortcuts_month_ends(void **state)
{
	static const struct date mar1 = {2020, 3, 1}, jan1 = {2020, 1, 1}, feb19 = {2019, 2, 10};

	(void)state;
	in_ok("-1", &mar1, 2020, 2, 29); /* yesterday over the leap day */
	in_ok("-1", &jan1, 2019, 12, 31);
	in_ok("31", &jan1, 2020, 1, 31);
	in_bad("29", &feb19, "day 29 does not exist in 2019-02");
	in_bad("0229", &feb19, "2019-02-29 is not a real date");
	in_bad("30", &today, "day 30 does not exist in 2020-02");
	in_bad("0230", &today, "2020-02-30 is not a real date");
	in_bad("0431", &today, "2020-04-31 is not a real date");
	in_bad("20190229", &today, "2019-02-29 is not a real date");
	in_bad("2020/2/30", &today, "2020-02-30 is not a real date");
	in_bad("2019-2-29", &today, "2019-02-29 is not a real date");
}

static void test_refused(void **state)
{
	static const char *const forms = "type 2020-02-15, 0215, 15, t (today) or -1 (yesterday)";

	(void)state;
	in_bad("", &today, forms);
	in_bad("   ", &today, forms);
	in_bad(NULL, &today, forms);
	in_bad("x", &today, "\"x\" is not a date");
	in_bad("-", &today, forms);
	in_bad("+", &today, forms);
	in_bad("123", &today, forms);
	in_bad("-12345", &today, forms);
	in_bad("2020/2-5", &today, forms);
	in_bad("2020/+2/+5", &today, forms);
	in_bad("2020/ 2/ 5", &today, forms);
	in_bad("2020/2/5/", &today, forms);
	in_bad("0", &today, "day 0 does not exist");
	in_bad("昨天", &today, forms);
	in_bad("2020-02-15-2020-02-15-2020-02-15", &today, "too long for a date");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_valid),
	    cmocka_unit_test(test_parse_iso),
	    cmocka_unit_test(test_format_roundtrip),
	    cmocka_unit_test(test_arithmetic),
	    cmocka_unit_test(test_shortcuts),
	    cmocka_unit_test(test_shortcuts_month_ends),
	    cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

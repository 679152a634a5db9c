/* Unit tests of core/temperature: fast entry, range and fever. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/settings.h"
#include "core/temperature.h"

static void ok(const char *in, int want)
{
	int t = -1;
	struct err e = {0};

	if (temperature_parse(in, &t, &e) != 0)
		fail_msg("%s refused: %s", in, e.msg);
	assert_int_equal(t, want);
}

static void bad(const char *in, const char *want)
{
	int t = 12345;
	struct err e = {0};

	assert_int_equal(temperature_parse(in, &t, &e), -1);
	if (!strstr(e.msg, want))
		fail_msg("%s: message \"%s\" lacks \"%s\"", in, e.msg, want);
	assert_string_equal(e.field, "temperature");
	assert_int_equal(t, 12345);
}

/* parse_any reads what parse reads, without the range: the Rounds entry
 * tells "45.0 is out of range" from "not a temperature" by it. */
static void test_parse_any(void **state)
{
	struct err e = {0};
	int t = 0;

	(void)state;
	assert_int_equal(temperature_parse_any("45", &t, &e), 0);
	assert_int_equal(t, 450);
	assert_int_equal(temperature_parse_any("３０．０℃", &t, &e), 0);
	assert_int_equal(t, 300);
	assert_int_equal(temperature_parse_any("3650", &t, &e), -1);
	assert_int_equal(temperature_parse_any("36.55", &t, &e), -1);
	assert_int_equal(temperature_parse("45", &t, &e), -1);
}

static void test_fast_entry(void **state)
{
	(void)state;
	ok("365", 365);
	ok("36.5", 365);
	ok("37", 370);
	ok("37.", 370);
	ok("37.0", 370);
	ok("38.2", 382);
	ok(" 36.8 ", 368);
	ok("３６．５", 365);
	ok("３６５", 365);
	ok("36.5℃", 365);
	ok("36.5 °C", 365);
	ok("37°", 370);
}

static void test_range(void **state)
{
	(void)state;
	ok("34", 340);
	ok("340", 340);
	ok("43.0", 430);
	ok("430", 430);
	bad("45", "45.0 °C is outside 34.0–43.0 °C");
	bad("33.9", "33.9 °C is outside 34.0–43.0 °C");
	bad("431", "43.1 °C is outside");
	bad("100", "10.0 °C is outside");
	bad("0", "is not a temperature");
}

static void test_malformed(void **state)
{
	(void)state;
	bad("36.55", "at most one decimal");
	bad("36.5.1", "is not a temperature");
	bad("3", "\"3\" is not a temperature; type 36.5, 365 or 37");
	bad("3650", "is not a temperature");
	bad(".5", "is not a temperature");
	bad("365.0", "is not a temperature");
	bad("36,5", "is not a temperature");
	bad("-36.5", "is not a temperature");
	bad("abc", "is not a temperature");
	bad("", "empty");
	bad(NULL, "empty");
}

static void test_format(void **state)
{
	char out[8];

	(void)state;
	temperature_format(365, out);
	assert_string_equal(out, "36.5");
	temperature_format(370, out);
	assert_string_equal(out, "37.0");
	temperature_format(5, out);
	assert_string_equal(out, "0.5");
	temperature_format(-12, out);
	assert_string_equal(out, "-1.2");
	temperature_format(2147483647, out);
	assert_string_equal(out, "9999.9");
	temperature_format(-2147483647 - 1, out);
	assert_string_equal(out, "-9999.9");
}

static void test_fever(void **state)
{
	(void)state;
	assert_true(temperature_is_fever(373, 373));
	assert_true(temperature_is_fever(385, 373));
	assert_false(temperature_is_fever(372, 373));
}

/* The range check is the parser's, for readings that arrive as numbers;
 * the fever threshold is parsed as a temperature, then held to its range. */
static void test_range_and_threshold(void **state)
{
	struct err e = {0};
	int t = 0;

	(void)state;
	assert_int_equal(temperature_check(340, &e), 0);
	assert_int_equal(temperature_check(430, &e), 0);
	assert_int_equal(temperature_check(431, &e), -1);
	assert_string_equal(e.field, "temperature");
	assert_non_null(strstr(e.msg, "43.1 °C is outside 34.0–43.0 °C"));
	assert_int_equal(temperature_check(339, &e), -1);

	assert_int_equal(settings_parse_fever("37.3", &t, &e), 0);
	assert_int_equal(t, 373);
	assert_int_equal(settings_parse_fever("373", &t, &e), 0);
	assert_int_equal(t, 373);
	assert_int_equal(settings_parse_fever("３８", &t, &e), 0);
	assert_int_equal(t, 380);
	static const char *const bad[] = {"35.9", "40.1", "abc", "", "37.35", "3"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		t = -1;
		assert_int_equal(settings_parse_fever(bad[i], &t, &e), -1);
		assert_int_equal(t, -1);
		assert_string_equal(e.field, "fever_threshold");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fast_entry), cmocka_unit_test(test_parse_any), cmocka_unit_test(test_range),
	    cmocka_unit_test(test_malformed),  cmocka_unit_test(test_format),
	    cmocka_unit_test(test_fever),      cmocka_unit_test(test_range_and_threshold),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

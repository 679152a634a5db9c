/* Unit tests of core/money: fen and hundredths, parsed and formatted. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/money.h"

static void ok(const char *in, long long want)
{
	long long v = -1;
	struct err e = {0};

	if (money_parse(in, &v, &e) != 0)
		fail_msg("%s refused: %s", in, e.msg);
	assert_int_equal(v, want);
}

static void bad(const char *in, const char *want)
{
	long long v = 777;
	struct err e = {0};

	assert_int_equal(money_parse(in, &v, &e), -1);
	if (!strstr(e.msg, want))
		fail_msg("%s: message \"%s\" lacks \"%s\"", in, e.msg, want);
	assert_string_equal(e.field, "amount");
	assert_int_equal(v, 777);
}

static void test_money_parse(void **state)
{
	(void)state;
	ok("1234.5", 123450);
	ok("1234.50", 123450);
	ok("1234", 123400);
	ok("0", 0);
	ok("0.01", 1);
	ok(".5", 50);
	ok("5.", 500);
	ok("¥1,234.50", 123450);
	ok("￥1,234.50", 123450);
	ok("¥ 12", 1200);
	ok("1234元", 123400);
	ok("1234.5 元", 123450);
	ok("１２３４．５", 123450);
	ok("１，２３４元", 123400);
	ok("1,234,567.89", 123456789);
	ok("9999999999999.99", MONEY_MAX_FEN);
}

static void test_money_refused(void **state)
{
	(void)state;
	bad("-5", "cannot be negative");
	bad("¥-5", "cannot be negative");
	bad("1.234", "at most 2 decimals");
	bad("0.001", "at most 2 decimals");
	bad("10000000000000", "too large");
	bad("99999999999999999999999999", "too large");
	bad("9999999999999999999999.99", "too large");
	bad("12,34", "is not an amount");
	bad("1234,567", "is not an amount");
	bad(",123", "is not an amount");
	bad("1,,234", "is not an amount");
	bad("1,234,", "is not an amount");
	bad("1.2.3", "is not an amount");
	bad(".", "is not an amount");
	bad("12a", "\"12a\" is not an amount");
	bad("1 234", "is not an amount");
	bad("¥", "empty");
	bad("元", "empty");
	bad("", "empty");
	bad(NULL, "empty");
}

static void test_money_format(void **state)
{
	char out[MONEY_STR];

	(void)state;
	money_format(123450, out, sizeof out);
	assert_string_equal(out, "¥1,234.50");
	money_format(0, out, sizeof out);
	assert_string_equal(out, "¥0.00");
	money_format(5, out, sizeof out);
	assert_string_equal(out, "¥0.05");
	money_format(99999, out, sizeof out);
	assert_string_equal(out, "¥999.99");
	money_format(100000, out, sizeof out);
	assert_string_equal(out, "¥1,000.00");
	money_format(123456789012LL, out, sizeof out);
	assert_string_equal(out, "¥1,234,567,890.12");
	money_format(-500, out, sizeof out);
	assert_string_equal(out, "-¥5.00");
	money_format(LLONG_MIN, out, sizeof out);
	assert_string_equal(out, "-¥92,233,720,368,547,758.08");
	money_format_plain(123450, out, sizeof out);
	assert_string_equal(out, "1234.50");
	money_format_plain(7, out, sizeof out);
	assert_string_equal(out, "0.07");
	money_format_plain(-123450, out, sizeof out);
	assert_string_equal(out, "-1234.50");
	money_format(123450, out, 4); /* truncates, stays terminated */
	assert_int_equal(strlen(out), 3);
}

static void test_money_roundtrip(void **state)
{
	static const long long v[] = {0, 1, 10, 99, 100, 123450, 100000000, MONEY_MAX_FEN};
	char out[MONEY_STR];

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		money_format(v[i], out, sizeof out);
		ok(out, v[i]);
		money_format_plain(v[i], out, sizeof out);
		ok(out, v[i]);
	}
}

static void test_quantity(void **state)
{
	long long q = -1;
	struct err e = {0};
	char out[MONEY_STR];

	(void)state;
	assert_int_equal(quantity_parse("12", &q, &e), 0);
	assert_int_equal(q, 1200);
	assert_int_equal(quantity_parse("12.5", &q, &e), 0);
	assert_int_equal(q, 1250);
	assert_int_equal(quantity_parse("0.25", &q, &e), 0);
	assert_int_equal(q, 25);
	assert_int_equal(quantity_parse("１，０００", &q, &e), 0);
	assert_int_equal(q, 100000);
	assert_int_equal(quantity_parse("0", &q, &e), 0);
	assert_int_equal(q, 0);

	assert_int_equal(quantity_parse("-1", &q, &e), -1);
	assert_string_equal(e.msg, "quantity: cannot be negative");
	assert_string_equal(e.field, "quantity");
	assert_int_equal(quantity_parse("1.255", &q, &e), -1);
	assert_non_null(strstr(e.msg, "at most 2 decimals"));
	assert_int_equal(quantity_parse("12箱", &q, &e), -1);
	assert_non_null(strstr(e.msg, "is not a number"));
	assert_int_equal(quantity_parse("¥12", &q, &e), -1);
	assert_int_equal(quantity_parse("10000000000", &q, &e), -1);
	assert_non_null(strstr(e.msg, "too large"));
	assert_int_equal(quantity_parse("", &q, &e), -1);
	assert_non_null(strstr(e.msg, "empty"));

	quantity_format(1200, out, sizeof out);
	assert_string_equal(out, "12");
	quantity_format(1250, out, sizeof out);
	assert_string_equal(out, "12.5");
	quantity_format(25, out, sizeof out);
	assert_string_equal(out, "0.25");
	quantity_format(1205, out, sizeof out);
	assert_string_equal(out, "12.05");
	quantity_format(0, out, sizeof out);
	assert_string_equal(out, "0");
	quantity_format(-150, out, sizeof out);
	assert_string_equal(out, "-1.5");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_money_parse),	 cmocka_unit_test(test_money_refused),
	    cmocka_unit_test(test_money_format), cmocka_unit_test(test_money_roundtrip),
	    cmocka_unit_test(test_quantity),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

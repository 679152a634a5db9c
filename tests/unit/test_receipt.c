/* Unit tests of core/receipt: YYYY-S-NNNN numbers and station codes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/receipt.h"

static void test_format(void **state)
{
	char out[RECEIPT_MAX];

	(void)state;
	assert_int_equal(receipt_format(2020, 'A', 1, out, sizeof out), 0);
	assert_string_equal(out, "2020-A-0001");
	assert_int_equal(receipt_format(2020, 'b', 42, out, sizeof out), 0);
	assert_string_equal(out, "2020-B-0042");
	assert_int_equal(receipt_format(2020, 'A', 9999, out, sizeof out), 0);
	assert_string_equal(out, "2020-A-9999");
	assert_int_equal(receipt_format(2020, 'A', 10000, out, sizeof out), 0);
	assert_string_equal(out, "2020-A-10000");

	assert_int_equal(receipt_format(2020, 'A', 0, out, sizeof out), -1);
	assert_string_equal(out, "");
	assert_int_equal(receipt_format(2020, 'A', -3, out, sizeof out), -1);
	assert_int_equal(receipt_format(2020, '1', 1, out, sizeof out), -1);
	assert_int_equal(receipt_format(2020, '\0', 1, out, sizeof out), -1);
	assert_int_equal(receipt_format(99, 'A', 1, out, sizeof out), -1);
	assert_int_equal(receipt_format(2020, 'A', 1, out, 11), -1); /* needs 12 bytes */
	assert_string_equal(out, "");
	assert_int_equal(receipt_format(2020, 'A', 1, out, 12), 0);
}

static void test_parse(void **state)
{
	int y = 0, q = 0;
	char st = 0;
	struct err e = {0};

	(void)state;
	assert_int_equal(receipt_parse("2020-A-0001", &y, &st, &q, &e), 0);
	assert_int_equal(y, 2020);
	assert_int_equal(st, 'A');
	assert_int_equal(q, 1);
	assert_int_equal(receipt_parse(" 2020-c-12345 ", &y, &st, &q, &e), 0);
	assert_int_equal(st, 'C');
	assert_int_equal(q, 12345);
	assert_int_equal(receipt_parse("２０２０－Ａ－７", &y, &st, &q, &e), 0);
	assert_int_equal(q, 7);

	assert_int_equal(receipt_parse("2020-A-0000", &y, &st, &q, &e), -1);
	assert_string_equal(e.msg, "receipt number: the number must be 1 or more");
	assert_string_equal(e.field, "receipt_no");
	assert_int_equal(receipt_parse("1899-A-0001", &y, &st, &q, &e), -1);
	assert_non_null(strstr(e.msg, "year 1899"));
	static const char *const bad[] = {
	    "2020-1-0001", "2020-AB-0001", "2020-A-", "2020-A-12x",	     "20-A-0001",
	    "2020A0001",   "2020-A-0001-", "",	      "2020-A-999999999999", "2020-A--1",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(receipt_parse(bad[i], &y, &st, &q, &e), -1);
		assert_non_null(strstr(e.msg, "is not of the form 2020-A-0001"));
	}
	assert_int_equal(receipt_parse(NULL, &y, &st, &q, &e), -1);
}

static void test_roundtrip(void **state)
{
	char out[RECEIPT_MAX];
	int y, q;
	char st;
	struct err e = {0};

	(void)state;
	for (int seq = 1; seq < 200000; seq += 997) {
		assert_int_equal(receipt_format(2021, 'Z', seq, out, sizeof out), 0);
		assert_int_equal(receipt_parse(out, &y, &st, &q, &e), 0);
		assert_int_equal(y, 2021);
		assert_int_equal(st, 'Z');
		assert_int_equal(q, seq);
	}
}

static void test_station(void **state)
{
	char st = 0;
	struct err e = {0};

	(void)state;
	assert_int_equal(receipt_station_valid("A", &e), 0);
	assert_int_equal(receipt_station_valid(" z ", &e), 0);
	assert_int_equal(receipt_station_parse("ｂ", &st, &e), 0);
	assert_int_equal(st, 'B');
	assert_int_equal(receipt_station_valid("AB", &e), -1);
	assert_string_equal(e.msg, "station code: must be one letter, A to Z");
	assert_string_equal(e.field, "station_code");
	assert_int_equal(receipt_station_valid("1", &e), -1);
	assert_int_equal(receipt_station_valid("", &e), -1);
	assert_int_equal(receipt_station_valid("甲", &e), -1);
	assert_int_equal(receipt_station_valid(NULL, &e), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_format),
	    cmocka_unit_test(test_parse),
	    cmocka_unit_test(test_roundtrip),
	    cmocka_unit_test(test_station),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

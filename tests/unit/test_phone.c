/* Unit tests of core/phone: mobile and landline numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/idcard.h"
#include "core/phone.h"

static void ok(const char *in, const char *want)
{
	char out[PHONE_MAX];
	struct err e = {0};

	if (phone_parse(in, out, sizeof out, &e) != 0)
		fail_msg("%s refused: %s", in, e.msg);
	assert_string_equal(out, want);
}

static void bad(const char *in, const char *want)
{
	char out[PHONE_MAX] = "untouched";
	struct err e = {0};

	assert_int_equal(phone_parse(in, out, sizeof out, &e), -1);
	if (!strstr(e.msg, want))
		fail_msg("%s: message \"%s\" lacks \"%s\"", in, e.msg, want);
	assert_string_equal(e.field, "phone");
}

static void abroad(const char *in, int allowed, const char *want)
{
	char out[PHONE_MAX] = "untouched";
	struct err e = {0};
	int rc = phone_parse_any(in, allowed, out, sizeof out, &e);

	if (want[0] == '!') {
		assert_int_equal(rc, -1);
		if (!strstr(e.msg, want + 1))
			fail_msg("%s: message \"%s\" lacks \"%s\"", in, e.msg, want + 1);
		assert_string_equal(e.field, "phone");
		return;
	}
	if (rc != 0)
		fail_msg("%s refused: %s", in, e.msg);
	assert_string_equal(out, want);
}

/* Numbers abroad, for residents whose document is not an ID card. */
static void test_abroad(void **state)
{
	(void)state;
	abroad("+49 30 1234567", 1, "+49 30 1234567");
	abroad("+49-30-123 4567", 1, "+49 30 123 4567");
	abroad("0049 30 1234567", 1, "+49 30 1234567");
	abroad("＋８５２ ９１２３ ４５６７", 1, "+852 9123 4567");
	abroad("+1 (415) 555-0100", 1, "+1 415 555 0100");
	abroad("+4930123456789012", 1, "!at most 15 digits");
	abroad("+49 123", 1, "!at least 8 digits");
	abroad("+0 30 1234567", 1, "!does not start with 0");
	abroad("+49 30 12a4567", 1, "!found \"a\"");
	/* +86 and mainland numbers are read as phone_parse reads them */
	abroad("+86 138 1234 5678", 1, "13812345678");
	abroad("0086 13812345678", 1, "13812345678");
	abroad("0398 2812345", 1, "0398-2812345");
	/* without leave, a number abroad is refused as before */
	abroad("+49 30 1234567", 0, "!only mainland numbers");
	abroad("0049 30 1234567", 0, "!does not start with 00");
	abroad("+860010 2188510", 1, "!does not start with 00");
	assert_true(phone_abroad_allowed(IDCARD_PASSPORT));
	assert_true(phone_abroad_allowed(IDCARD_HKMO));
	assert_true(phone_abroad_allowed(IDCARD_TW));
	assert_true(phone_abroad_allowed(IDCARD_OTHER));
	assert_false(phone_abroad_allowed(IDCARD_RESIDENT));
	assert_false(phone_abroad_allowed(-1));
}

static void test_mobile(void **state)
{
	(void)state;
	ok("13812345678", "13812345678");
	ok("138 1234 5678", "13812345678");
	ok("138-1234-5678", "13812345678");
	ok("+86 138 1234 5678", "13812345678");
	ok("+8613812345678", "13812345678");
	ok("008613812345678", "13812345678");
	ok("8613812345678", "13812345678");
	ok("19912345678", "19912345678");
	ok("１３８１２３４５６７８", "13812345678");
	ok("  13812345678  ", "13812345678");
	assert_true(phone_is_mobile("13812345678"));
	assert_false(phone_is_mobile("12812345678"));
	assert_false(phone_is_mobile("0398-281234"));
	assert_false(phone_is_mobile(NULL));
}

static void test_mobile_bad(void **state)
{
	(void)state;
	bad("12812345678", "starts with 13 to 19, not 12");
	bad("1381234567", "a mobile number has 11 digits, got 10");
	bad("138123456789", "got 12");
	bad("+1 415 555 0100", "only mainland numbers");
	bad("138abc45678", "only digits, spaces and - are allowed, found \"a\"");
	bad("138一二345678", "found \"一\"");
	bad("", "empty");
	bad(NULL, "empty");
	bad("---", "no digits");
}

static void test_landline(void **state)
{
	(void)state;
	ok("0398-2812345", "0398-2812345");
	ok("03982812345", "0398-2812345");
	ok("0398 2812345", "0398-2812345");
	ok("(0398)2812345", "0398-2812345");
	ok("010-62345678", "010-62345678");
	ok("01062345678", "010-62345678");
	ok("021 5555 6666", "021-55556666");
	ok("0398 281 2345", "0398-2812345");
	ok("021-5555-6666-12", "021-55556666-12");
	ok("0398-2812345-801", "0398-2812345-801");
	ok("０３９８－２８１２３４５", "0398-2812345");
}

static void test_landline_bad(void **state)
{
	(void)state;
	bad("2812345", "needs its area code");
	bad("0398", "only an area code");
	bad("0398-281234", "7 or 8 digits after the area code, got 6");
	bad("0398-281234567", "got 9");
	bad("039-2812345", "area code 039 should have 4 digits");
	bad("0210-2812345", "area code 0210 should have 3 digits");
	bad("0398-0812345", "cannot start with 0");
	bad("0398-2812345-1234567", "at most 6 digits");
	bad("0398-2812345-1-2", "area-number-extension");
}

static void test_small_buffer(void **state)
{
	char out[6];
	struct err e = {0};

	(void)state;
	assert_int_equal(phone_parse("13812345678", out, sizeof out, &e), -1);
	assert_string_equal(out, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_mobile),	 cmocka_unit_test(test_mobile_bad),
	    cmocka_unit_test(test_landline),	 cmocka_unit_test(test_landline_bad),
	    cmocka_unit_test(test_small_buffer), cmocka_unit_test(test_abroad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

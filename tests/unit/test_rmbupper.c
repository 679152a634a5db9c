/* Unit tests of core/rmbupper: amounts in capitals as banks and receipts
 * write them, with the zero rules of the payment regulations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/money.h"
#include "core/rmbupper.h"

static void expect(long long fen, const char *want)
{
	char out[RMBUPPER_MAX];

	assert_int_equal(rmbupper_format(fen, out, sizeof out), 0);
	assert_string_equal(out, want);
}

static void test_whole_yuan(void **state)
{
	(void)state;
	expect(100, "壹元整");
	expect(1000, "壹拾元整");
	expect(50000, "伍佰元整");
	expect(10000000, "壹拾万元整");
	expect(123450, "壹仟贰佰叁拾肆元伍角整");
	expect(0, "零元整");
}

static void test_zeros(void **state)
{
	(void)state;
	/* the regulations' own examples */
	expect(168032, "壹仟陆佰捌拾元零叁角贰分");
	expect(140950, "壹仟肆佰零玖元伍角整");
	expect(600714, "陆仟零柒元壹角肆分");
	expect(10700053, "壹拾万柒仟元零伍角叁分");
	expect(32504, "叁佰贰拾伍元零肆分");
	expect(100100, "壹仟零壹元整");
	expect(10070000, "壹拾万零柒佰元整");
	expect(1000000100, "壹仟万零壹元整");
	expect(10000000100LL, "壹亿零壹元整");
	expect(10010000000LL, "壹亿零壹拾万元整");
}

static void test_fractions_only(void **state)
{
	(void)state;
	expect(50, "伍角整");
	expect(4, "肆分");
	expect(54, "伍角肆分");
}

static void test_limits(void **state)
{
	char out[RMBUPPER_MAX], small[8];

	(void)state;
	assert_int_equal(rmbupper_format(MONEY_MAX_FEN, out, sizeof out), 0);
	assert_string_equal(out, "玖兆玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");
	assert_int_equal(rmbupper_format(-1, out, sizeof out), -1);
	assert_string_equal(out, "");
	assert_int_equal(rmbupper_format(MONEY_MAX_FEN + 1, out, sizeof out), -1);
	/* a short buffer never overflows */
	assert_int_equal(rmbupper_format(123450, small, sizeof small), 0);
	assert_true(strlen(small) < sizeof small);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_whole_yuan),
	    cmocka_unit_test(test_zeros),
	    cmocka_unit_test(test_fractions_only),
	    cmocka_unit_test(test_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

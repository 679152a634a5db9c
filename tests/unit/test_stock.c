/* Unit tests of core/stock: on hand and refused distributions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/stock.h"

static void test_on_hand(void **state)
{
	struct stock_line l = {.received = 5000, .distributed = 3750};

	(void)state;
	assert_int_equal(stock_on_hand(&l), 1250);
	l.distributed = 5000;
	assert_int_equal(stock_on_hand(&l), 0);
}

static void test_distribution(void **state)
{
	struct stock_line l = {.received = 5000, .distributed = 3750}; /* 12.5 on hand */
	struct err e = {0};

	(void)state;
	assert_int_equal(stock_check_distribution(&l, 1250, "口罩", "箱", &e), 0); /* all of it */
	assert_int_equal(stock_check_distribution(&l, 1, "口罩", "箱", &e), 0);

	assert_int_equal(stock_check_distribution(&l, 1251, "口罩", "箱", &e), -1);
	assert_string_equal(e.msg, "quantity: only 12.5 箱 of 口罩 on hand, cannot give out 12.51");
	assert_string_equal(e.field, "quantity");
	assert_int_equal(stock_check_distribution(&l, 2000, "口罩", NULL, &e), -1);
	assert_string_equal(e.msg, "quantity: only 12.5 of 口罩 on hand, cannot give out 20");
	assert_int_equal(stock_check_distribution(&l, 2000, NULL, "kg", &e), -1);
	assert_string_equal(e.msg, "quantity: only 12.5 kg on hand, cannot give out 20");

	assert_int_equal(stock_check_distribution(&l, 0, "口罩", "箱", &e), -1);
	assert_string_equal(e.msg, "quantity: must be more than 0");
	assert_int_equal(stock_check_distribution(&l, -100, "口罩", "箱", &e), -1);
	assert_string_equal(e.msg, "quantity: must be more than 0");

	l.distributed = 5000;
	assert_int_equal(stock_check_distribution(&l, 100, "消毒液", "瓶", &e), -1);
	assert_string_equal(e.msg, "quantity: only 0 瓶 of 消毒液 on hand, cannot give out 1");
	l.distributed = 6000; /* already negative (data entered before the rule): say 0 */
	assert_int_equal(stock_check_distribution(&l, 100, "消毒液", "瓶", &e), -1);
	assert_non_null(strstr(e.msg, "only 0 瓶"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_on_hand),
	    cmocka_unit_test(test_distribution),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

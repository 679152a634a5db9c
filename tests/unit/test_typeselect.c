/* Unit tests of core/typeselect: dropdowns chosen by the shown label. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/typeselect.h"

static const char *const zh[] = {"现金", "支付宝", "微信", "银行转账", "实物"};
static const char *const en[] = {"Cash", "Alipay", "WeChat", "Bank transfer", "Goods"};
static const char *const status[] = {"在住", "外出", "迁出", "死亡"};

/* Types the ASCII string s from current; returns the last index chosen. */
static int type(struct typeselect *ts, const char *const *l, int n, int current, const char *s)
{
	for (; *s; s++)
		current = typeselect_key(ts, l, n, current, (uint32_t)(unsigned char)*s);
	return current;
}

static void test_pinyin_initials(void **state)
{
	struct typeselect ts = {{0}};

	(void)state;
	assert_int_equal(type(&ts, zh, 5, -1, "zfb"), 1);
	typeselect_reset(&ts);
	assert_int_equal(type(&ts, zh, 5, 0, "wx"), 2);
	typeselect_reset(&ts);
	assert_int_equal(type(&ts, status, 4, 0, "wc"), 1);
	typeselect_reset(&ts);
	/* "abc" picks nothing in Chinese labels: the choice stays */
	assert_int_equal(typeselect_key(&ts, zh, 5, 3, 'a'), -1);
	assert_int_equal(ts.typed[0], '\0');
}

static void test_chinese_typed(void **state)
{
	struct typeselect ts = {{0}};

	(void)state;
	assert_int_equal(typeselect_key(&ts, zh, 5, -1, 0x652F /* 支 */), 1);
	typeselect_reset(&ts);
	assert_int_equal(typeselect_key(&ts, status, 4, -1, 0x8FC1 /* 迁 */), 2);
}

static void test_english_labels(void **state)
{
	struct typeselect ts = {{0}};

	(void)state;
	assert_int_equal(type(&ts, en, 5, -1, "al"), 1);
	typeselect_reset(&ts);
	assert_int_equal(type(&ts, en, 5, -1, "W"), 2);
	typeselect_reset(&ts);
	/* "bt" matches no label: the b picked Bank transfer, t starts again and
	 * matches nothing, so the choice stays */
	assert_int_equal(type(&ts, en, 5, -1, "b"), 3);
	assert_int_equal(typeselect_key(&ts, en, 5, 3, 't'), -1);
}

static void test_same_letter_cycles(void **state)
{
	static const char *const l[] = {"Cash", "Card", "Cheque"};
	struct typeselect ts = {{0}};

	(void)state;
	/* a repeated first letter that matches nothing longer moves on */
	assert_int_equal(type(&ts, l, 3, -1, "c"), 0);
	assert_int_equal(typeselect_key(&ts, l, 3, 0, 'c'), 1);
	assert_int_equal(typeselect_key(&ts, l, 3, 1, 'c'), 2);
	assert_int_equal(typeselect_key(&ts, l, 3, 2, 'c'), 0);
	/* the longer text keeps the current item while it matches */
	typeselect_reset(&ts);
	assert_int_equal(type(&ts, l, 3, -1, "ca"), 0);
	assert_int_equal(typeselect_key(&ts, l, 3, 0, 'r'), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_pinyin_initials),
	    cmocka_unit_test(test_chinese_typed),
	    cmocka_unit_test(test_english_labels),
	    cmocka_unit_test(test_same_letter_cycles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

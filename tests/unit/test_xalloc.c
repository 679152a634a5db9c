/* Tests of core/xalloc's array growth: the capacity rule of xgrow_cap and
 * XGROW on arrays whose capacity is an int or a size_t, appended to one by
 * one and reserved in one go, keeping what they hold; xfree_strv. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "core/xalloc.h"

static void test_cap_rule(void **state)
{
	(void)state;
	assert_int_equal(xgrow_cap(0, 1, 16), 16);  /* first */
	assert_int_equal(xgrow_cap(0, 17, 16), 32); /* first, doubled until it holds need */
	assert_int_equal(xgrow_cap(16, 17, 64), 32);
	assert_int_equal(xgrow_cap(16, 16, 64), 16); /* already holds it */
	assert_int_equal(xgrow_cap(3, 100, 8), 192);
	assert_int_equal(xgrow_cap(0, 0, 8), 8);
}

static void test_append_int_cap(void **state)
{
	long long *v = NULL;
	int n = 0, cap = 0;

	(void)state;
	for (int i = 0; i < 1000; i++) {
		XGROW(v, cap, n + 1, 8);
		v[n++] = (long long)i * 3;
		assert_true(cap >= n);
	}
	assert_int_equal(cap, 1024);
	for (int i = 0; i < n; i++)
		assert_int_equal(v[i], (long long)i * 3);
	free(v);
}

static void test_reserve_size_t_cap(void **state)
{
	struct {
		char *buf;
		size_t len, cap;
	} b = {NULL, 0, 0};

	(void)state;
	XGROW(b.buf, b.cap, 10, 64);
	assert_int_equal(b.cap, 64);
	for (size_t i = 0; i < 64; i++)
		b.buf[b.len++] = (char)('a' + i % 26);
	XGROW(b.buf, b.cap, b.len + 200, 64); /* 264 wants 64 doubled three times */
	assert_int_equal(b.cap, 512);
	XGROW(b.buf, b.cap, 10, 64); /* a smaller need changes nothing */
	assert_int_equal(b.cap, 512);
	for (size_t i = 0; i < 64; i++)
		assert_int_equal(b.buf[i], 'a' + i % 26);
	free(b.buf);
}

/* Under valgrind or ASan (CI runs both) a leak or a double free here fails. */
static void test_free_strv(void **state)
{
	char **v = NULL;
	size_t n = 0, cap = 0;

	(void)state;
	xfree_strv(NULL, 0);
	for (int i = 0; i < 40; i++) {
		XGROW(v, cap, n + 1, 4);
		v[n++] = i % 7 ? xasprintf("第%d项", i) : NULL;
	}
	assert_string_equal(v[39], "第39项");
	xfree_strv(v, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cap_rule),
	    cmocka_unit_test(test_append_int_cap),
	    cmocka_unit_test(test_reserve_size_t_cap),
	    cmocka_unit_test(test_free_strv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests of core/natsort: natural order of household codes, both through
 * natsort_cmp and through the byte order of the stored keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/natsort.h"

/* a < b both by natsort_cmp and by strcmp of the keys (what SQLite sees). */
static void assert_before(const char *a, const char *b)
{
	char *ka = natsort_key(a), *kb = natsort_key(b);

	if (natsort_cmp(a, b) >= 0 || natsort_cmp(b, a) <= 0)
		fail_msg("natsort_cmp: expected %s < %s", a, b);
	if (strcmp(ka, kb) > 0)
		fail_msg("keys: expected %s (%s) <= %s (%s)", a, ka, b, kb);
	free(ka);
	free(kb);
}

static void test_spec_examples(void **state)
{
	(void)state;
	assert_before("3-2-501", "3-10-101");
	assert_before("3-10-101", "12-1-101");
	assert_before("3-2-501", "12-1-101");
	assert_before("3-2-99", "3-2-501");
	assert_before("高河村3组12号", "高河村10组1号");
	assert_before("高河村3组2号", "高河村3组12号");
}

static void test_letters_and_numbers(void **state)
{
	(void)state;
	/* A number sorts as its first digit would, against letters and separators:
	 * all letters after all numbers, whatever the letter. */
	assert_before("1-1", "A-1");
	assert_before("1-1", "B-1");
	assert_before("99", "a");
	assert_before("1", "aa");
	assert_before("A-2", "A-10");
	assert_before("3", "3a");
	assert_before("3-2", "3a");
	assert_before("3-2", "32");
	assert_before("3a", "32");
}

static void test_case_and_zeros(void **state)
{
	(void)state;
	assert_int_equal(natsort_cmp("3-2-501", "3-2-501"), 0);
	/* leading zeros and case do not change the place, only break ties */
	assert_before("007", "8");
	assert_before("7", "8");
	assert_true(natsort_cmp("007", "7") != 0);
	assert_before("a-2", "B-1");
	assert_before("A-1", "a-2");
	char *k1 = natsort_key("A-01"), *k2 = natsort_key("a-1");
	assert_string_equal(k1, k2);
	free(k1);
	free(k2);
}

static void test_long_runs(void **state)
{
	(void)state;
	assert_before("999999999", "1000000000");		    /* 9 vs 10 digits */
	assert_before("999999999999999999", "1000000000000000000"); /* 18 vs 19 */
	assert_before("12345678901234567890", "123456789012345678901234567890");
	assert_before("99999999999999999999999999", "100000000000000000000000000");
	char *k = natsort_key("1234567890");
	assert_string_equal(k, "901234567890");
	free(k);
}

static void test_key_shape(void **state)
{
	char *k;

	(void)state;
	k = natsort_key("3-2-501");
	assert_string_equal(k, "03-02-2501");
	free(k);
	k = natsort_key("");
	assert_string_equal(k, "");
	free(k);
	k = natsort_key("0");
	assert_string_equal(k, "00");
	free(k);
	k = natsort_key("1a1a1"); /* worst expansion stays in the buffer */
	assert_string_equal(k, "01a01a01");
	free(k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_spec_examples),  cmocka_unit_test(test_letters_and_numbers),
	    cmocka_unit_test(test_case_and_zeros), cmocka_unit_test(test_long_runs),
	    cmocka_unit_test(test_key_shape),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

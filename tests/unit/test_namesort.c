/* Unit tests of core/namesort: grids and staff in reading order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "core/namesort.h"

static int cmp(const void *a, const void *b)
{
	return namesort_cmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorting `in` gives `want` (n names). */
static void sorts(const char **in, const char *const *want, size_t n)
{
	qsort(in, n, sizeof *in, cmp);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(in[i], want[i]);
}

static void test_numerals(void **state)
{
	const char *in[] = {"第十一网格", "第三网格", "第一网格", "第二网格", "第10网格", "第二十网格"};
	const char *const want[] = {"第一网格", "第二网格", "第三网格",
				    "第10网格", "第十一网格", "第二十网格"};

	(void)state;
	sorts(in, want, 6);
}

static void test_pinyin(void **state)
{
	const char *in[] = {"王芳", "李强", "张伟", "Li Na", "陈静", "阿依古丽"};
	const char *const want[] = {"阿依古丽", "陈静", "Li Na", "李强", "王芳", "张伟"};

	(void)state;
	sorts(in, want, 6);
}

static void test_values(void **state)
{
	(void)state;
	assert_true(namesort_cmp("一百零五号楼", "九十九号楼") > 0);
	assert_true(namesort_cmp("二〇二〇", "二〇一九") > 0);
	assert_true(namesort_cmp("2号楼", "十号楼") < 0);
	assert_int_equal(namesort_cmp("第一网格", "第一网格"), 0);
	assert_true(namesort_cmp(NULL, "a") < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_numerals),
	    cmocka_unit_test(test_pinyin),
	    cmocka_unit_test(test_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

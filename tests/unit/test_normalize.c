/* Unit tests of core/normalize: full-width folding from a Chinese IME. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "core/normalize.h"

static void check(const char *in, const char *want)
{
	char *s = normalize_fullwidth(in);

	assert_string_equal(s, want);
	free(s);
}

static void test_fold(void **state)
{
	(void)state;
	check("１２３４５６７８９０", "1234567890");
	check("ＡＢＣｘｙｚ", "ABCxyz");
	check("！～", "!~"); /* U+FF01 and U+FF5E, both ends of the block */
	check("１３８－１２３４", "138-1234");
	check("３６．５", "36.5");
	check("１，２３４", "1,234");
	check("a\xE3\x80\x80"
	      "b",
	      "a b"); /* ideographic space */
}

static void test_trim(void **state)
{
	(void)state;
	check("  36.5\t\n", "36.5");
	check("\xE3\x80\x80"
	      "１２\xE3\x80\x80",
	      "12");
	check("", "");
	check("   ", "");
	check(NULL, "");
}

static void test_other_text_unchanged(void **state)
{
	(void)state;
	check("张三 3-2-501", "张三 3-2-501");
	check("￥１２", "￥12");	       /* U+FFE5 is outside FF01..FF5E */
	check("\xEF\xBD\x9F", "\xEF\xBD\x9F"); /* U+FF5F stays */
	check("\xEF\xBC\x80", "\xEF\xBC\x80"); /* not a valid full-width form */
	check("\xEF\xBC", "\xEF\xBC");	       /* truncated sequence */
	check("\xE3\x80", "\xE3\x80");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fold),
	    cmocka_unit_test(test_trim),
	    cmocka_unit_test(test_other_text_unchanged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

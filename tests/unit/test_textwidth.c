/* Tests of core/textwidth: widths, cuts that never split a character, fitting
 * to a column budget with and without the ellipsis. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/textwidth.h"

static int setup(void **state)
{
	(void)state;
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(textwidth_utf8(""), 0);
	assert_int_equal(textwidth_utf8("abc"), 3);
	assert_int_equal(textwidth_utf8("义勇军进行曲"), 12);
	assert_int_equal(textwidth_utf8("3-2-501 张三"), 12);
	assert_int_equal(textwidth_utf8("𠀀𫖮䶮"), 6);	  /* Ext B, Ext C, Ext A */
	assert_int_equal(textwidth_utf8("ＡＢ"), 4);	  /* fullwidth */
	assert_int_equal(textwidth_utf8("e\xcc\x81"), 1); /* e + combining acute */
	assert_int_equal(textwidth_utf8("a\tb\x1b"), 4);  /* controls count 1 */
	assert_int_equal(textwidth_utf8("\xe5\xbc"), 2);  /* truncated 张: 2 bad bytes */
	assert_int_equal(textwidth_utf8("\xff张"), 3);
	assert_int_equal(textwidth_wchar(L'张'), 2);
	assert_int_equal(textwidth_wchar(L'a'), 1);
	assert_int_equal(textwidth_wchar(0x07), 1);
}

static void test_cut(void **state)
{
	int used = -1;

	(void)state;
	/* 张三 is 6 bytes, 4 columns. */
	assert_int_equal(textwidth_cut("张三", 4, &used), 6);
	assert_int_equal(used, 4);
	assert_int_equal(textwidth_cut("张三", 3, &used), 3); /* never half of 三 */
	assert_int_equal(used, 2);
	assert_int_equal(textwidth_cut("张三", 1, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(textwidth_cut("张三", 0, &used), 0);
	assert_int_equal(textwidth_cut("张三", -3, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(textwidth_cut("a张b", 2, &used), 1);
	assert_int_equal(used, 1);
	assert_int_equal(textwidth_cut("a张b", 3, NULL), 4);
	assert_int_equal(textwidth_cut("义勇军进行曲", 7, &used), 9);
	assert_int_equal(used, 6);
	assert_int_equal(textwidth_cut("𠀀x", 2, &used), 4); /* a 4-byte character */
	assert_int_equal(used, 2);
	/* A combining mark stays with its base. */
	assert_int_equal(textwidth_cut("e\xcc\x81x", 1, &used), 3);
	assert_int_equal(used, 1);
	assert_int_equal(textwidth_cut("ab", 10, &used), 2);
	assert_int_equal(used, 2);
}

static void expect_fit(const char *s, int cols, int ellipsis, const char *want)
{
	char *got = textwidth_fit(s, cols, ellipsis);

	assert_string_equal(got, want);
	if (cols > 0)
		assert_int_equal(textwidth_utf8(got), cols);
	free(got);
}

static void test_fit(void **state)
{
	(void)state;
	expect_fit("张三", 6, 0, "张三  ");
	expect_fit("张三", 4, 0, "张三");
	expect_fit("张三", 4, 1, "张三");
	expect_fit("张三", 3, 0, "张 "); /* 三 does not fit: a space */
	expect_fit("张三", 3, 1, "张~");
	expect_fit("张三", 2, 1, " ~"); /* 张 does not fit before the ~ */
	expect_fit("张三", 1, 1, "~");
	expect_fit("张三", 1, 0, " ");
	expect_fit("张三", 0, 1, "");
	expect_fit("义勇军进行曲", 8, 1, "义勇军 ~");
	expect_fit("义勇军进行曲", 9, 1, "义勇军进~");
	expect_fit("义勇军进行曲", 9, 0, "义勇军进 ");
	expect_fit("3-2-501 王小明", 10, 1, "3-2-501  ~"); /* 王 would straddle */
	expect_fit("3-2-501 王小明", 11, 1, "3-2-501 王~");
	expect_fit("abc", 5, 1, "abc  ");
	expect_fit("", 3, 1, "   ");
	expect_fit("a\tb", 4, 0,
		   "a\xef\xbf\xbd"
		   "b "); /* the tab is drawn as � */
	expect_fit("\xff张", 4, 0, "\xef\xbf\xbd张 ");
	expect_fit("刘䶮𫖮", 5, 1, "刘䶮~");
}

/* Ambiguous characters are shown and counted as their replacements, so
 * columns hold on a CJK terminal that draws them two wide. */
static void test_ambiguous(void **state)
{
	char *s;

	(void)state;
	/* The degree sign is translated: untranslated (this test's C locale)
	 * it is English "C"; zh_CN's 度 is checked by the screen tests. */
	assert_int_equal(textwidth_utf8("37.3°C"), 5); /* 37.3C */
	assert_int_equal(textwidth_utf8("…"), 3);
	assert_int_equal(textwidth_utf8("阿卜·买"), 8);
	assert_int_equal(textwidth_wchar(0xB7), 2);
	assert_int_equal(textwidth_wchar(0xB0), 1);
	expect_fit("37.3°C 发热", 12, 0, "37.3C 发热  ");
	expect_fit("“无”—○●→", 14, 0, "「无」-o*->   ");
	expect_fit("体温…", 6, 1, "体温 ~"); /* "..." is cut whole */
	s = textwidth_plain("37.3℃ 或 37.3 °C…“无”—阿卜杜热合曼·买买提明▁█×");
	assert_string_equal(s, "37.3C 或 37.3 C...「无」-阿卜杜热合曼・买买提明_#x");
	free(s);
	s = textwidth_plain(NULL);
	assert_string_equal(s, "");
	free(s);
}

static void test_pad_left(void **state)
{
	char *s;

	(void)state;
	s = textwidth_pad_left("42", 5);
	assert_string_equal(s, "   42");
	free(s);
	s = textwidth_pad_left("张三", 5);
	assert_string_equal(s, " 张三");
	free(s);
	s = textwidth_pad_left("12345", 5);
	assert_string_equal(s, "12345");
	free(s);
	s = textwidth_pad_left("张三李", 5);
	assert_string_equal(s, "张三~");
	free(s);
	s = textwidth_pad_left("123456", 5);
	assert_string_equal(s, "1234~");
	free(s);
	s = textwidth_pad_left("42", 0);
	assert_string_equal(s, "");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_width),
	    cmocka_unit_test(test_cut),
	    cmocka_unit_test(test_fit),
	    cmocka_unit_test(test_ambiguous), cmocka_unit_test(test_pad_left),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}

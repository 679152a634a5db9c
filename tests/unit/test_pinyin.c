/* Tests of core/pinyin: initials of Han characters, polyphones, variants and
 * the matching that the household filter uses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/pinyin.h"

#define BIT(c) (1u << ((c) - 'a'))

static void test_mask_common(void **state)
{
	(void)state;
	assert_int_equal(pinyin_initials_mask(0x5F20), BIT('z'));	     /* 张 */
	assert_int_equal(pinyin_initials_mask(0x4E09), BIT('s'));	     /* 三 */
	assert_int_equal(pinyin_initials_mask(0x957F), BIT('c') | BIT('z')); /* 长 */
	assert_int_equal(pinyin_initials_mask(0x884C), BIT('x') | BIT('h')); /* 行 */
	assert_int_equal(pinyin_initials_mask(0x4E49), BIT('y'));	     /* 义 */
	assert_int_equal(pinyin_initials_mask(0x66F2), BIT('q'));	     /* 曲 */
	/* kHanyuPinyin's archaic 王 yù is left out: "yxm" must not find 王小明. */
	assert_int_equal(pinyin_initials_mask(0x738B), BIT('w'));
	/* 重 is zhòng and chóng; 单 is dān, shàn and chán. */
	assert_int_equal(pinyin_initials_mask(0x91CD) & (BIT('z') | BIT('c')), BIT('z') | BIT('c'));
	assert_int_equal(pinyin_initials_mask(0x5355) & (BIT('d') | BIT('s') | BIT('c')),
			 BIT('d') | BIT('s') | BIT('c'));
}

static void test_mask_rare_and_none(void **state)
{
	(void)state;
	assert_int_equal(pinyin_initials_mask(0x4DAE), BIT('y'));  /* 䶮 (Ext A), yǎn */
	assert_int_equal(pinyin_initials_mask(0x20000), BIT('h')); /* 𠀀 (Ext B), hē */
	assert_int_equal(pinyin_initials_mask(0x2B5AE), BIT('y')); /* 𫖮 (Ext C), yǐ */
	assert_int_equal(pinyin_initials_mask('a'), 0);
	assert_int_equal(pinyin_initials_mask(0x3002), 0);   /* 。 */
	assert_int_equal(pinyin_initials_mask(0xAC00), 0);   /* 가 */
	assert_int_equal(pinyin_initials_mask(0x10FFFF), 0); /* beyond the table */
	assert_int_equal(pinyin_initials_mask(0xFFFFFFFF), 0);
}

static void expect_variants(const char *name, size_t max, const char *want)
{
	char *got = pinyin_initials_variants(name, max);

	assert_string_equal(got, want);
	free(got);
}

static void test_variants(void **state)
{
	(void)state;
	expect_variants("张三", 8, "zs");
	expect_variants("王小明", 8, "wxm");
	expect_variants("张长", 8, "zc zz");
	expect_variants("长长", 8, "cc cz zc zz");
	expect_variants("长长", 3, "cc cz zc");
	expect_variants("长长", 0, "cc");
	expect_variants("义勇军进行曲", 1, "yyjjhq");
	/* Letters and digits are kept, lower-cased; the rest is dropped. */
	expect_variants("Li 娜", 8, "lin");
	expect_variants("阿卜杜·热合曼", 8, "abdrgm abdrhm ebdrgm ebdrhm"); /* 阿 ā/ē, 合 hé/gě */
	expect_variants("王小明2号", 8, "wxm2h");
	expect_variants("ＡＢ张", 8, "abz"); /* fullwidth letters */
	expect_variants("", 8, "");
	expect_variants("。、", 8, "");
	expect_variants("\xff\xfe张", 8, "z"); /* malformed UTF-8 is dropped */
	expect_variants("刘䶮", 4, "ly");
}

static void test_match(void **state)
{
	(void)state;
	assert_true(pinyin_match_initials("张三", "zs"));
	assert_true(pinyin_match_initials("张三", "ZS"));
	assert_true(pinyin_match_initials("张三", "z"));
	assert_true(pinyin_match_initials("张三", "s"));
	assert_true(pinyin_match_initials("张三", ""));
	assert_false(pinyin_match_initials("张三", "sz"));
	assert_false(pinyin_match_initials("张三", "zsa"));
	assert_true(pinyin_match_initials("王小明", "wxm"));
	assert_true(pinyin_match_initials("王小明", "xm"));
	assert_true(pinyin_match_initials("王小明", "x"));
	assert_false(pinyin_match_initials("王小明", "wm"));
	assert_false(pinyin_match_initials("王小明", "q"));
	/* Every reading of a polyphone, chosen per position. */
	assert_true(pinyin_match_initials("长江", "cj"));
	assert_true(pinyin_match_initials("长江", "zj"));
	assert_true(pinyin_match_initials("张长行", "zch"));
	assert_true(pinyin_match_initials("张长行", "zzx"));
	assert_false(pinyin_match_initials("张长行", "zzz"));
	assert_true(pinyin_match_initials("长长", "cz"));
	assert_true(pinyin_match_initials("义勇军进行曲", "jjhq"));
	assert_true(pinyin_match_initials("义勇军进行曲", "yyjjxq"));
	/* A failed start does not hide a later match (the state restarts). */
	assert_true(pinyin_match_initials("张张三", "zs"));
	assert_true(pinyin_match_initials("张志张三", "zzs"));
	/* Rare characters, letters, digits and dropped characters. */
	assert_true(pinyin_match_initials("刘䶮", "ly"));
	assert_true(pinyin_match_initials("𠀀𫖮", "hy"));
	assert_true(pinyin_match_initials("阿卜杜·热合曼", "dr"));
	assert_true(pinyin_match_initials("Li 娜", "lin"));
	assert_true(pinyin_match_initials("3号楼", "3h"));
	assert_false(pinyin_match_initials("张三", "z s"));
	assert_false(pinyin_match_initials("张三", "张"));
	assert_false(pinyin_match_initials("", "z"));
	assert_false(pinyin_match_initials(
	    "张三", "zsssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss"));
}

static void test_match_agrees_with_variants(void **state)
{
	static const char *names[] = {"长行重单", "张长", "义勇军进行曲", "行长", "单于乐"};
	static const char *queries[] = {"c",   "zh",	 "hz", "xc",   "cz",   "dsy", "sy",
					"cyl", "yyjjhq", "hh", "zhcd", "czcs", "dyl", "dyy"};
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(*names); i++) {
		char *v = pinyin_initials_variants(names[i], 10000);

		for (j = 0; j < sizeof(queries) / sizeof(*queries); j++) {
			char *hay = malloc(strlen(v) + 3);
			int want;

			sprintf(hay, " %s ", v);
			/* Substring of some variant: the query must not span a space. */
			want = 0;
			for (char *p = hay; (p = strstr(p, queries[j])) != NULL; p++)
				want = 1;
			assert_int_equal(pinyin_match_initials(names[i], queries[j]), want);
			free(hay);
		}
		free(v);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_mask_common),
	    cmocka_unit_test(test_mask_rare_and_none),
	    cmocka_unit_test(test_variants),
	    cmocka_unit_test(test_match),
	    cmocka_unit_test(test_match_agrees_with_variants),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests of core/searchkey: folded queries, the terms a household is
 * filed under (code prefixes, name and pinyin-initials substrings, polyphones),
 * and tail queries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/searchkey.h"

static int has(const struct searchkey_terms *t, const char *term)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->v[i], term))
			return 1;
	return 0;
}

static void check_query(const char *typed, const char *want)
{
	char *q = searchkey_query(typed);

	assert_string_equal(q, want);
	free(q);
}

static void test_query_folds(void **state)
{
	(void)state;
	check_query("  ZS ", "zs");
	check_query("３－２", "3-2");	/* full-width digits and minus */
	check_query("张　三", "张 三"); /* ideographic space */
	check_query("a  \t b", "a b");
	check_query("", "");
	check_query("   ", "");
	check_query(NULL, "");
	/* Cut to SEARCHKEY_TERM_CHARS characters, never inside one. */
	check_query("阿卜杜热合曼阿卜杜热合曼阿卜杜", "阿卜杜热合曼阿卜杜热合曼");
	/* A cut right after a space leaves no trailing space (found by fuzz_search). */
	check_query("abcdefghijk lmn", "abcdefghijk");
	/* Stray bytes read as U+FFFD, three bytes each (a heap overflow before). */
	check_query("\xff\xfe\xff", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
}

static void test_code_prefixes(void **state)
{
	struct searchkey_terms t = {0};

	(void)state;
	searchkey_add_code(&t, "3-2-501");
	searchkey_terms_finish(&t);
	assert_int_equal(t.n, 7);
	assert_true(has(&t, "3"));
	assert_true(has(&t, "3-2"));
	assert_true(has(&t, "3-2-50"));
	assert_true(has(&t, "3-2-501"));
	assert_false(has(&t, "2-501")); /* prefixes only */
	searchkey_terms_free(&t);
	assert_null(t.v);

	searchkey_add_code(&t, "高河村3组A12号");
	searchkey_terms_finish(&t);
	assert_true(has(&t, "高河"));
	assert_true(has(&t, "高河村3组a1")); /* ASCII lower-cased */
	searchkey_terms_free(&t);
}

static void test_name_terms(void **state)
{
	struct searchkey_terms t = {0};

	(void)state;
	searchkey_add_name(&t, "王小明");
	searchkey_add_name(&t, "张三");
	searchkey_terms_finish(&t);
	assert_true(has(&t, "王"));
	assert_true(has(&t, "小明"));
	assert_true(has(&t, "王小明"));
	assert_true(has(&t, "wxm"));
	assert_true(has(&t, "xm"));
	assert_true(has(&t, "m"));
	assert_true(has(&t, "zs"));
	assert_true(has(&t, "张三"));
	assert_false(has(&t, "王明")); /* not a substring */
	assert_false(has(&t, "wm"));
	for (size_t i = 1; i < t.n; i++)
		assert_true(strcmp(t.v[i - 1], t.v[i]) < 0); /* sorted, distinct */
	searchkey_terms_free(&t);
}

static void test_polyphones(void **state)
{
	struct searchkey_terms t = {0};

	(void)state;
	/* 长 reads cháng or zhǎng: both initials find the name. */
	searchkey_add_name(&t, "长江");
	searchkey_add_name(&t, "Li Na");
	searchkey_terms_finish(&t);
	assert_true(has(&t, "cj"));
	assert_true(has(&t, "zj"));
	assert_true(has(&t, "li na"));
	assert_true(has(&t, "lina"));
	searchkey_terms_free(&t);
}

static void test_phone_tails(void **state)
{
	struct searchkey_terms t = {0};

	(void)state;
	searchkey_add_tails(&t, "0398-2812345");
	searchkey_add_tails(&t, NULL);
	searchkey_terms_finish(&t);
	assert_int_equal(t.n, 9); /* 3 to 11 digits */
	assert_true(has(&t, "345"));
	assert_true(has(&t, "82812345"));
	assert_true(has(&t, "03982812345"));
	assert_false(has(&t, "45"));
	searchkey_terms_free(&t);
}

/* A resident's ID number and phone are filed by their short tails only,
 * and only by tails that a query would take as a tail. */
static void test_number_tails(void **state)
{
	struct searchkey_terms t = {0};

	(void)state;
	searchkey_add_number_tails(&t, "11010119900307303X");
	searchkey_add_number_tails(&t, "139-0000-1111");
	searchkey_add_number_tails(&t, "12");
	searchkey_add_number_tails(&t, NULL);
	searchkey_terms_finish(&t);
	assert_true(has(&t, "303x"));	/* upper-case X folded */
	assert_false(has(&t, "03x"));	/* two digits and an x: not a tail query */
	assert_false(has(&t, "7303x")); /* longer than SEARCHKEY_TAIL_FILED: a range */
	assert_true(has(&t, "111"));
	assert_true(has(&t, "1111"));
	assert_false(has(&t, "01111"));
	assert_false(has(&t, "12"));
	assert_int_equal(t.n, 3);
	searchkey_terms_free(&t);
	/* The tail of a number longer than any buffer is its real tail. */
	{
		char longer[200];

		memset(longer, '9', sizeof longer - 5);
		memcpy(longer + sizeof longer - 5, "4321", 5);
		searchkey_add_number_tails(&t, longer);
		searchkey_terms_finish(&t);
		assert_true(has(&t, "321"));
		assert_true(has(&t, "4321"));
		searchkey_terms_free(&t);
	}
	assert_true(searchkey_tail_filed("1234"));
	assert_false(searchkey_tail_filed("12345"));
}

static void test_tail(void **state)
{
	char out[32];

	(void)state;
	assert_int_equal(searchkey_tail("1234", out, sizeof out), 1);
	assert_string_equal(out, "4321");
	assert_int_equal(searchkey_tail("123x", out, sizeof out), 1);
	assert_string_equal(out, "X321");
	assert_int_equal(searchkey_tail("12", out, sizeof out), 0); /* too short */
	assert_int_equal(searchkey_tail("12x", out, sizeof out), 0);
	assert_int_equal(searchkey_tail("1x23", out, sizeof out), 0);
	assert_int_equal(searchkey_tail("3-2-501", out, sizeof out), 0);
	assert_int_equal(searchkey_tail("12345", out, 4), 0); /* no room */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_query_folds), cmocka_unit_test(test_code_prefixes),
	    cmocka_unit_test(test_name_terms),	cmocka_unit_test(test_polyphones),
	    cmocka_unit_test(test_phone_tails), cmocka_unit_test(test_number_tails),
	    cmocka_unit_test(test_tail),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

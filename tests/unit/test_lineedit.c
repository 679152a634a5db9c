/* Tests of core/lineedit: editing mixed Chinese and ASCII text, the kill
 * commands, the length limit, and the width-aware horizontal scroll. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/lineedit.h"

static int setup(void **state)
{
	(void)state;
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

static void expect_text(const struct lineedit *le, const char *want)
{
	char *got = lineedit_get_utf8(le);

	assert_string_equal(got, want);
	free(got);
}

static void insert_utf8(struct lineedit *le, const wchar_t *s)
{
	while (*s)
		assert_int_equal(lineedit_insert(le, *s++), 1);
}

static void test_insert_delete_move(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, 0);
	expect_text(&le, "");
	insert_utf8(&le, L"张三");
	assert_int_equal(le.len, 2);
	assert_int_equal(le.cursor, 2);
	assert_true(lineedit_left(&le));
	assert_true(lineedit_insert(&le, L'x'));
	expect_text(&le, "张x三");
	assert_int_equal(le.cursor, 2);
	assert_true(lineedit_backspace(&le));
	expect_text(&le, "张三");
	assert_true(lineedit_delete(&le)); /* 三 is under the cursor */
	expect_text(&le, "张");
	assert_false(lineedit_delete(&le));
	assert_true(lineedit_home(&le));
	assert_false(lineedit_home(&le));
	assert_false(lineedit_left(&le));
	assert_false(lineedit_backspace(&le));
	insert_utf8(&le, L"3-2-501 ");
	expect_text(&le, "3-2-501 张");
	assert_true(lineedit_end(&le));
	assert_false(lineedit_right(&le));
	insert_utf8(&le, L"三𠀀");
	expect_text(&le, "3-2-501 张三𠀀");
	assert_int_equal(le.len, 11);
	/* Control characters are refused. */
	assert_false(lineedit_insert(&le, L'\t'));
	assert_false(lineedit_insert(&le, 0x1b));
	assert_false(lineedit_insert(&le, L'\0'));
	assert_int_equal(le.len, 11);
	/* Grows past the first allocation. */
	insert_utf8(&le, L"义勇军进行曲义勇军进行曲义勇军进行曲");
	assert_int_equal(le.len, 29);
	lineedit_free(&le);
	assert_null(le.buf);
}

static void test_set_get(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, 0);
	lineedit_set_utf8(&le, "王小明 𫖮䶮");
	assert_int_equal(le.len, 6);
	assert_int_equal(le.cursor, 6);
	assert_int_equal(le.buf[4], 0x2B5AE);
	expect_text(&le, "王小明 𫖮䶮");
	lineedit_set_utf8(&le, "a\tb\n");
	expect_text(&le, "a b ");
	lineedit_set_utf8(&le, "\xff张");
	expect_text(&le, "\xef\xbf\xbd张");
	lineedit_set_utf8(&le, NULL);
	expect_text(&le, "");
	assert_int_equal(le.cursor, 0);
	lineedit_free(&le);
}

static void test_max(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, 4);
	lineedit_set_utf8(&le, "义勇军进行曲"); /* kept whole: never cut */
	expect_text(&le, "义勇军进行曲");
	assert_false(lineedit_insert(&le, L'x'));
	assert_true(lineedit_backspace(&le));
	assert_true(lineedit_backspace(&le));
	expect_text(&le, "义勇军进");
	assert_false(lineedit_insert(&le, L'行'));
	assert_true(lineedit_backspace(&le));
	assert_true(lineedit_home(&le));
	assert_true(lineedit_insert(&le, L'《'));
	assert_false(lineedit_insert(&le, L'x'));
	expect_text(&le, "《义勇军");
	lineedit_free(&le);
	/* Only Unicode characters: no surrogate, nothing past U+10FFFF (fuzz_lineedit). */
	lineedit_init(&le, 0);
	assert_false(lineedit_insert(&le, (wchar_t)0xD800));
	assert_false(lineedit_insert(&le, (wchar_t)0x110000));
	assert_true(lineedit_insert(&le, (wchar_t)0x10FFFF));
	lineedit_free(&le);
}

static void test_kills(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, 0);
	lineedit_set_utf8(&le, "王小明 3-2-501  张三");
	assert_true(lineedit_kill_word(&le));
	expect_text(&le, "王小明 3-2-501  ");
	assert_true(lineedit_kill_word(&le)); /* the spaces and the word before them */
	expect_text(&le, "王小明 ");
	assert_true(lineedit_kill_word(&le));
	expect_text(&le, "");
	assert_false(lineedit_kill_word(&le));

	/* Ctrl-W in the middle keeps what follows the cursor. */
	lineedit_set_utf8(&le, "长江 黄河");
	lineedit_left(&le);
	assert_true(lineedit_kill_word(&le));
	expect_text(&le, "长江 河");
	assert_int_equal(le.cursor, 3);

	lineedit_set_utf8(&le, "义勇军进行曲");
	lineedit_home(&le);
	lineedit_right(&le);
	lineedit_right(&le);
	lineedit_right(&le);
	assert_true(lineedit_kill_to_end(&le));
	expect_text(&le, "义勇军");
	assert_false(lineedit_kill_to_end(&le));
	lineedit_left(&le);
	assert_true(lineedit_kill_to_start(&le));
	expect_text(&le, "军");
	assert_int_equal(le.cursor, 0);
	assert_false(lineedit_kill_to_start(&le));
	lineedit_free(&le);
}

/* The characters a view shows, as UTF-8. */
static void expect_view(struct lineedit *le, int width, const char *want, int cols, int cursor)
{
	struct lineedit_view v;
	struct lineedit part;
	char *got;

	lineedit_view(le, width, &v);
	lineedit_init(&part, 0);
	for (size_t i = 0; i < v.count; i++)
		lineedit_insert(&part, le->buf[v.first + i]);
	got = lineedit_get_utf8(&part);
	assert_string_equal(got, want);
	assert_int_equal(v.cols, cols);
	assert_int_equal(v.cursor_col, cursor);
	assert_true(v.cols <= width);
	assert_true(v.cursor_col >= 0 && v.cursor_col < (width < 1 ? 1 : width));
	free(got);
	lineedit_free(&part);
}

static void test_view_scroll(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, 0);
	/* ab张三cd: a=0 b=1 张=2-3 三=4-5 c=6 d=7, 8 columns. */
	lineedit_set_utf8(&le, "ab张三cd");

	/* Cursor at the end: a free column after d. */
	expect_view(&le, 7, "张三cd", 6, 6);
	le.scroll = 0;
	expect_view(&le, 6, "三cd", 4, 4); /* scroll 3 would cut 张: rounds up to 三 */
	le.scroll = 0;
	expect_view(&le, 5, "三cd", 4, 4);
	expect_view(&le, 9, "ab张三cd", 8, 8); /* wider: back to the start */

	/* Home: the wide 三 at the right edge is left out at width 5. */
	lineedit_home(&le);
	expect_view(&le, 5, "ab张", 4, 0);
	expect_view(&le, 6, "ab张三", 6, 0);
	expect_view(&le, 7, "ab张三c", 7, 0);

	/* Walking right at width 5: the scroll moves only when it must, and to a
	 * character boundary. */
	lineedit_right(&le);
	lineedit_right(&le);
	expect_view(&le, 5, "ab张", 4, 2); /* on 张 */
	lineedit_right(&le);
	expect_view(&le, 5, "b张三", 5, 3); /* on 三: scroll 1 */
	lineedit_right(&le);
	expect_view(&le, 5, "张三c", 5, 4); /* on c: scroll 2 */
	lineedit_right(&le);
	expect_view(&le, 5, "三cd", 4, 3); /* on d: scroll 3 rounds up to 4 */
	lineedit_right(&le);
	expect_view(&le, 5, "三cd", 4, 4); /* at the end */
	/* Walking back left keeps the scroll until the cursor leaves the field. */
	lineedit_left(&le);
	lineedit_left(&le);
	expect_view(&le, 5, "三cd", 4, 2);
	lineedit_left(&le);
	expect_view(&le, 5, "三cd", 4, 0);
	lineedit_left(&le);
	expect_view(&le, 5, "张三c", 5, 0);
	lineedit_left(&le);
	expect_view(&le, 5, "b张三", 5, 0);

	/* Deleting text pulls the view back so that no columns are wasted. */
	lineedit_end(&le);
	expect_view(&le, 5, "三cd", 4, 4);
	lineedit_kill_word(&le);
	expect_view(&le, 5, "", 0, 0);
	lineedit_set_utf8(&le, "义勇军进行曲");
	expect_view(&le, 6, "行曲", 4, 4); /* scroll 7 would cut 进 */
	lineedit_backspace(&le);
	lineedit_backspace(&le);
	lineedit_backspace(&le);
	expect_view(&le, 6, "勇军", 4, 4);
	lineedit_backspace(&le);
	expect_view(&le, 6, "义勇", 4, 4);
	lineedit_free(&le);
}

static void test_view_narrow(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, 0);
	lineedit_set_utf8(&le, "张三");
	lineedit_home(&le);
	/* A field of one column cannot show 张, but the cursor still has a place. */
	expect_view(&le, 1, "", 0, 0);
	lineedit_right(&le);
	expect_view(&le, 1, "", 0, 0);
	lineedit_end(&le);
	expect_view(&le, 1, "", 0, 0);
	expect_view(&le, 0, "", 0, 0);
	expect_view(&le, 2, "", 0, 0);
	expect_view(&le, 3, "三", 2, 2);
	lineedit_free(&le);
}

/* A paste goes in whole or not at all; a line break stays only in a
 * multi-line field; other control characters are left out. */
static void test_paste(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, 12);
	lineedit_set_utf8(&le, "张三");
	assert_int_equal(lineedit_paste(&le, L"\n李\t四\x1b\x9b", 6), 4);
	expect_text(&le, "张三 李 四");
	assert_int_equal(lineedit_paste(&le, L"0123456789", 10), -1);
	expect_text(&le, "张三 李 四");
	le.multiline = 1;
	lineedit_home(&le);
	assert_int_equal(lineedit_paste(&le, L"a\nb", 3), 3);
	expect_text(&le, "a\nb张三 李 四");
	lineedit_set_utf8(&le, "x\ny\tz");
	expect_text(&le, "x\ny z");
	lineedit_free(&le);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_insert_delete_move),
	    cmocka_unit_test(test_set_get),
	    cmocka_unit_test(test_max),
	    cmocka_unit_test(test_kills),
	    cmocka_unit_test(test_view_scroll),
	    cmocka_unit_test(test_view_narrow),
	    cmocka_unit_test(test_paste),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}

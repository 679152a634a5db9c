/* Tests of core/textsafe: the classification, the input check by class,
 * the removal of invisible characters, and the output filter (also fed in
 * pieces that split a character). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/model.h"
#include "core/settings.h"
#include "core/textsafe.h"
#include "core/xalloc.h"

static void test_kinds(void **state)
{
	(void)state;
	assert_int_equal(textsafe_kind('a'), TEXTSAFE_OK);
	assert_int_equal(textsafe_kind(0x5F20), TEXTSAFE_OK); /* 张 */
	assert_int_equal(textsafe_kind(0x1B), TEXTSAFE_CONTROL);
	assert_int_equal(textsafe_kind(0x7F), TEXTSAFE_CONTROL);
	assert_int_equal(textsafe_kind(0x9B), TEXTSAFE_CONTROL);
	assert_int_equal(textsafe_kind(0x2028), TEXTSAFE_CONTROL);
	assert_int_equal(textsafe_kind(0x202E), TEXTSAFE_BIDI);
	assert_int_equal(textsafe_kind(0x2066), TEXTSAFE_BIDI);
	assert_int_equal(textsafe_kind(0x061C), TEXTSAFE_BIDI);
	assert_int_equal(textsafe_kind(0x200F), TEXTSAFE_BIDI);
	assert_int_equal(textsafe_kind(0x200B), TEXTSAFE_INVISIBLE);
	assert_int_equal(textsafe_kind(0xFEFF), TEXTSAFE_INVISIBLE);
	assert_int_equal(textsafe_kind(0xFFFD), TEXTSAFE_OK);
	assert_int_equal(textsafe_kind(TEXTSAFE_BAD_BYTE), TEXTSAFE_MALFORMED);
}

static void test_check(void **state)
{
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(textsafe_check("张三 Li", TEXTSAFE_LINE, "name", "name", &e), 0);
	assert_int_equal(textsafe_check(NULL, TEXTSAFE_LINE, "name", "name", &e), 0);
	assert_int_equal(textsafe_check("a\nb\tc", TEXTSAFE_NOTES, "notes", "notes", &e), 0);
	assert_int_equal(textsafe_check("a\nb", TEXTSAFE_LINE, "name", "name", &e), -1);
	assert_string_equal(e.field, "name");
	assert_non_null(strstr(e.msg, "U+000A"));
	assert_non_null(strstr(e.msg, "character 2"));
	err_clear(&e);
	assert_int_equal(textsafe_check("x\xc2\x9d", TEXTSAFE_NOTES, "notes", "notes", &e), -1);
	assert_non_null(strstr(e.msg, "U+009D"));
	err_clear(&e);
	assert_int_equal(textsafe_check("a\x9b", TEXTSAFE_LINE, "code", "code", &e), -1);
	assert_non_null(strstr(e.msg, "0x9B"));
	err_clear(&e);
	assert_int_equal(textsafe_check("\xe2\x80\xae", TEXTSAFE_NOTES, "notes", "notes", &e), -1);
	assert_int_equal(textsafe_check("张\xe2\x80\x8b三", TEXTSAFE_LINE, "n", "n", &e), -1);
}

static void test_records(void **state)
{
	struct resident r;
	struct household h;
	struct err e;

	(void)state;
	model_resident_init(&r);
	model_household_init(&h);
	r.name = "钱九";
	r.notes = "line 1\nline 2";
	err_clear(&e);
	assert_int_equal(textfields_check(model_resident_texts, &r, &e), 0);
	r.tags = "a\x1b[31m";
	assert_int_equal(textfields_check(model_resident_texts, &r, &e), -1);
	assert_string_equal(e.field, "tags");
	h.code = "6-1-101";
	h.notes = "ok\tok";
	assert_int_equal(textfields_check(model_household_texts, &h, &e), 0);
	h.address = "\xe2\x81\xa6x";
	assert_int_equal(textfields_check(model_household_texts, &h, &e), -1);
	assert_string_equal(e.field, "address");
}

/* The read-only joins are owned (freed) but not checked; every other text
 * is checked in the table's order, and freeing sets each to NULL. */
static void test_record_tables(void **state)
{
	struct household h;
	struct settings set;
	struct err e;

	(void)state;
	model_household_init(&h);
	h.grid_name = xstrdup("\x1b[31m");
	h.head_name = xstrdup("张三");
	h.code = xstrdup("1-101");
	h.notes = xstrdup("a\x07");
	h.phone = xstrdup("\xe2\x80\xae");
	err_clear(&e);
	assert_int_equal(textfields_check(model_household_texts, &h, &e), -1);
	assert_string_equal(e.field, "phone");
	free(h.phone);
	h.phone = NULL;
	assert_int_equal(textfields_check(model_household_texts, &h, &e), -1);
	assert_string_equal(e.field, "notes");
	textfields_free(model_household_texts, &h);
	assert_null(h.grid_name);
	assert_null(h.head_name);
	assert_null(h.code);
	assert_null(h.notes);

	memset(&set, 0, sizeof set);
	set.output_dir = xstrdup("\x1b");
	set.street = xstrdup("x\ty");
	assert_int_equal(textfields_check(settings_texts, &set, &e), -1);
	assert_string_equal(e.field, "street");
	settings_clear(&set);
	assert_null(set.output_dir);
}

static void test_strip(void **state)
{
	char s[] = "\xef\xbb\xbf张\xe2\x80\x8b三\xe2\x80\x8d";

	(void)state;
	assert_int_equal(textsafe_strip_invisible(s), 3);
	assert_string_equal(s, "张三");
}

static void test_out(void **state)
{
	char *o;

	(void)state;
	o = textsafe_out("a\x1b]52;c;x\x07" "b\n\tc\xc2\x9b\xe2\x80\xae\x9b", TEXTSAFE_KEEP_NEWLINE);
	assert_string_equal(o, "a\xef\xbf\xbd]52;c;x\xef\xbf\xbd"
			       "b\n\xef\xbf\xbd"
			       "c\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	free(o);
	o = textsafe_out("张三\t1", TEXTSAFE_KEEP_TAB);
	assert_string_equal(o, "张三\t1");
	free(o);
}

/* Fed in pieces, a character split between two is kept whole. */
static void test_filter_pieces(void **state)
{
	struct strbuf b = STRBUF_INIT;
	const char *s = "张\xe2\x80\xae三";
	size_t used;

	(void)state;
	strbuf_add(&b, "", 0);
	used = textsafe_filter(&b, s, 2, 0, 1);
	assert_int_equal(used, 0);
	used = textsafe_filter(&b, s, 5, 0, 1);
	assert_int_equal(used, 3);
	used += textsafe_filter(&b, s + used, strlen(s) - used, 0, 1);
	assert_int_equal(used, strlen(s));
	assert_string_equal(strbuf_str(&b), "张\xef\xbf\xbd三");
	strbuf_reset(&b);
	strbuf_add(&b, "", 0);
	/* the end of the input: an incomplete character is a replacement */
	assert_int_equal(textsafe_filter(&b, "a\xe5\xbc", 3, 0, 0), 3);
	assert_string_equal(strbuf_str(&b), "a\xef\xbf\xbd\xef\xbf\xbd");
	strbuf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_kinds),   cmocka_unit_test(test_check),
	    cmocka_unit_test(test_records),
	    cmocka_unit_test(test_record_tables), cmocka_unit_test(test_strip),
	    cmocka_unit_test(test_out),	    cmocka_unit_test(test_filter_pieces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

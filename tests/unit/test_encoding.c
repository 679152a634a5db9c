/* Unit tests of core/encoding: UTF-8 with and without BOM, GB18030 (also
 * outside GBK), bad bytes named by line, and the way back for exports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/encoding.h"

/* 王㐀,𠀀 in GB18030: 㐀 (U+3400) and 𠀀 (U+20000) are outside GBK and take
 * GB18030's 4-byte sequences. */
static const char gb_text[] = "\xcd\xf5\x81\x39\xee\x39,\x95\x32\x82\x36\n";
static const char utf8_text[] = "王㐀,𠀀\n";

static void test_parse_name(void **state)
{
	enum encoding enc;
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(encoding_parse_name("UTF-8", &enc, &e), 0);
	assert_int_equal(enc, ENCODING_UTF8);
	assert_int_equal(encoding_parse_name("gbk", &enc, &e), 0);
	assert_int_equal(enc, ENCODING_GB18030);
	assert_int_equal(encoding_parse_name("auto", &enc, &e), 0);
	assert_int_equal(enc, ENCODING_AUTO);
	assert_int_equal(encoding_parse_name("latin1", &enc, &e), -1);
	assert_non_null(strstr(e.msg, "gb18030"));
}

static void test_utf8_validation(void **state)
{
	(void)state;
	assert_int_equal(encoding_utf8_valid_prefix("abc", 3), 3);
	assert_int_equal(encoding_utf8_valid_prefix(utf8_text, strlen(utf8_text)),
			 strlen(utf8_text));
	assert_int_equal(encoding_utf8_valid_prefix("a\xc0\x80", 3), 1);     /* overlong */
	assert_int_equal(encoding_utf8_valid_prefix("a\xed\xa0\x80", 4), 1); /* surrogate */
	assert_int_equal(encoding_utf8_valid_prefix("ab\xe4\xb8", 4), 2);    /* cut short */
	assert_int_equal(encoding_utf8_valid_prefix("a\0b", 3), 1);	     /* NUL */
}

static void convert_ok(const char *in, size_t n, enum encoding want, const char *expect,
		       enum encoding expect_found)
{
	char *out;
	size_t len;
	enum encoding found;
	struct err e;

	err_clear(&e);
	assert_int_equal(encoding_to_utf8(in, n, want, &out, &len, &found, &e), 0);
	assert_string_equal(out, expect);
	assert_int_equal(len, strlen(expect));
	assert_int_equal(found, expect_found);
	free(out);
}

static void test_detect(void **state)
{
	(void)state;
	convert_ok(utf8_text, strlen(utf8_text), ENCODING_AUTO, utf8_text, ENCODING_UTF8);
	convert_ok("\xef\xbb\xbf"
		   "王㐀,𠀀\n",
		   strlen(utf8_text) + 3, ENCODING_AUTO, utf8_text, ENCODING_UTF8);
	convert_ok(gb_text, strlen(gb_text), ENCODING_AUTO, utf8_text, ENCODING_GB18030);
	convert_ok(gb_text, strlen(gb_text), ENCODING_GB18030, utf8_text, ENCODING_GB18030);
	convert_ok("", 0, ENCODING_AUTO, "", ENCODING_UTF8);
}

static void test_bad_bytes_name_the_line(void **state)
{
	char *out;
	size_t len;
	struct err e;
	static const char bad[] = "户号,姓名\n1-1-101,甲\n1-1-102,\xff\xff\n";

	(void)state;
	err_clear(&e);
	assert_int_equal(encoding_to_utf8(bad, strlen(bad), ENCODING_AUTO, &out, &len, NULL, &e),
			 -1);
	assert_null(out);
	assert_int_equal(e.line, 3);

	/* GB18030 forced on to UTF-8 text is fine byte-wise only by luck: a
	 * GB18030 file read as UTF-8 is not. */
	err_clear(&e);
	assert_int_equal(
	    encoding_to_utf8(gb_text, strlen(gb_text), ENCODING_UTF8, &out, &len, NULL, &e), -1);
	assert_int_equal(e.line, 1);
	assert_non_null(strstr(e.msg, "UTF-8"));

	err_clear(&e);
	assert_int_equal(encoding_to_utf8("a\nb\0c\n", 6, ENCODING_AUTO, &out, &len, NULL, &e), -1);
	assert_int_equal(e.line, 2);
	assert_non_null(strstr(e.msg, "NUL"));

	err_clear(&e);
	assert_int_equal(encoding_to_utf8("\xff\xfe"
					  "a\0",
					  4, ENCODING_AUTO, &out, &len, NULL, &e),
			 -1);
	assert_non_null(strstr(e.msg, "UTF-16"));
}

static void test_from_utf8(void **state)
{
	char *out;
	size_t len;
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(
	    encoding_from_utf8(utf8_text, strlen(utf8_text), ENCODING_GB18030, &out, &len, &e), 0);
	assert_int_equal(len, strlen(gb_text));
	assert_memory_equal(out, gb_text, len);
	free(out);
	assert_int_equal(encoding_from_utf8("a", 1, ENCODING_UTF8_BOM, &out, &len, &e), 0);
	assert_int_equal(len, 4);
	assert_memory_equal(out,
			    "\xef\xbb\xbf"
			    "a",
			    4);
	free(out);
	assert_int_equal(encoding_from_utf8("a\n\xff", 3, ENCODING_GB18030, &out, &len, &e), -1);
	assert_int_equal(e.line, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_name), cmocka_unit_test(test_utf8_validation),
	    cmocka_unit_test(test_detect),     cmocka_unit_test(test_bad_bytes_name_the_line),
	    cmocka_unit_test(test_from_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

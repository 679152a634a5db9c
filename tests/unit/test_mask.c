/* Unit tests of core/mask: what ID and phone numbers show by default. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/mask.h"
#include "core/strbuf.h"

static void id(const char *in, const char *want)
{
	char out[64];

	mask_id(in, out, sizeof out);
	assert_string_equal(out, want);
}

static void phone(const char *in, const char *want)
{
	char out[64];

	mask_phone(in, out, sizeof out);
	assert_string_equal(out, want);
}

static void test_mask_id(void **state)
{
	(void)state;
	id("411202199001011234", "411202********1234");
	id("11010519491231002X", "110105********002X");
	id("110105491231002", "110105*****1002"); /* an old 15-digit value kept as typed */
	id("E12345678", "E******78");		  /* 9 characters: 3 visible */
	id("H1234567(8)", "H********8)");	  /* 11: 3 visible */
	id("AB12345", "A*****5");		  /* 7: 2 visible */
	id("12345", "****5");			  /* 5: 1 visible, at the end */
	id("12", "**");
	id("", "");
	id(NULL, "");
	id("张三李四王五赵", "张*****赵"); /* characters, not bytes */
}

static void test_mask_phone(void **state)
{
	(void)state;
	phone("13812345678", "138****5678");
	phone("0398-2812345", "0398-****345");
	phone("010-62345678", "010-****5678");
	phone("0398-2812345-801", "0398-****345-801");
	phone("12345", "****5");		 /* not a phone: a third visible */
	phone("138 1234 5678", "13*********78"); /* not canonical: 13 chars, 4 visible */
	phone("0398-28x2345", "03********45");
	phone("+49 30 1234567", "+49****4567"); /* abroad: 3, 4 stars, the last 4 */
	phone("+852 9123 4567", "+85****4567");
	phone("+1 415 555 0100", "+1 ****0100");
	phone("+47 999979", "+47******79"); /* short: 2 at the end */
	phone("", "");
	phone(NULL, "");
}

static void test_short_buffer(void **state)
{
	char out[8];

	(void)state;
	mask_id("411202199001011234", out, sizeof out);
	assert_string_equal(out, "411202*");
	mask_id("张三李四王五赵", out, 5); /* room for one 3-byte character only */
	assert_string_equal(out, "张*");
	mask_phone("0398-2812345", out, sizeof out);
	assert_string_equal(out, "0398-**");
	mask_phone("13812345678", out, 1);
	assert_string_equal(out, "");
	mask_id("x", out, 0); /* writes nothing, no crash */
}

/* A long free-form value shows no more than a mobile number would (3 + 4),
 * so a number at its start or end never shows whole; mask_append keeps the
 * whole masked value however long. */
static void test_long_values(void **state)
{
	struct strbuf out = STRBUF_INIT, in = STRBUF_INIT;

	(void)state;
	strbuf_puts(&in, "13812345678");
	for (int i = 0; i < 40; i++)
		strbuf_puts(&in, "白天");
	strbuf_puts(&in, "13987654321");
	mask_append(mask_phone, strbuf_str(&in), &out);
	assert_null(strstr(strbuf_str(&out), "1381234"));
	assert_null(strstr(strbuf_str(&out), "7654321"));
	assert_int_equal(strncmp(strbuf_str(&out), "138*", 4), 0);
	assert_int_equal(strlen(strbuf_str(&out)), 11 + 80 + 11 - 7 + 7); /* one star a character */
	strbuf_reset(&out);
	mask_append(mask_id, "", &out);
	mask_append(mask_id, NULL, &out);
	assert_string_equal(strbuf_str(&out), "");
	strbuf_free(&in);
	strbuf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_mask_id),
	    cmocka_unit_test(test_mask_phone),
	    cmocka_unit_test(test_short_buffer),
	    cmocka_unit_test(test_long_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests of core/passno: the Damm check digit, numbers per station,
 * and reading what a scanner or a Chinese input method types. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/passno.h"

static void test_damm_reference(void **state)
{
	(void)state;
	/* The published example: 572 has check digit 4. */
	assert_int_equal(passno_check_digit("572", 3), '4');
	assert_int_equal(passno_check_digit("5724", 4), '0');
	assert_int_equal(passno_check_digit("57a", 3), '?');
}

static void test_make_and_parse(void **state)
{
	char no[PASSNO_STR], back[PASSNO_STR];
	struct err e;

	(void)state;
	err_clear(&e);
	assert_int_equal(passno_make('A', 1, no, &e), 0);
	assert_int_equal(strlen(no), 8);
	assert_memory_equal(no, "0100001", 7);
	assert_int_equal(passno_seq(no), 1);
	assert_int_equal(passno_parse(no, back, &e), 0);
	assert_string_equal(back, no);

	assert_int_equal(passno_make('Z', 99999, no, &e), 0);
	assert_memory_equal(no, "2699999", 7);
	assert_int_equal(passno_seq(no), 99999);
	assert_int_equal(passno_make('A', 100000, no, &e), -1);
	assert_string_equal(e.field, "pass_no");
	assert_int_equal(passno_make('a', 1, no, &e), -1);
	assert_int_equal(passno_make('B', 0, no, &e), -1);
}

/* Every single mistyped digit and every swap of two different adjacent
 * digits of a valid number is caught. */
static void test_catches_typos(void **state)
{
	char no[PASSNO_STR], bad[PASSNO_STR], out[PASSNO_STR];
	struct err e;

	(void)state;
	for (long seq = 1; seq < 2000; seq += 37) {
		assert_int_equal(passno_make('C', seq, no, NULL), 0);
		for (int i = 0; i < PASSNO_LEN; i++) {
			for (char c = '0'; c <= '9'; c++) {
				if (c == no[i])
					continue;
				memcpy(bad, no, PASSNO_STR);
				bad[i] = c;
				assert_int_equal(passno_parse(bad, out, &e), -1);
			}
			if (i + 1 < PASSNO_LEN && no[i] != no[i + 1]) {
				memcpy(bad, no, PASSNO_STR);
				bad[i] = no[i + 1];
				bad[i + 1] = no[i];
				assert_int_equal(passno_parse(bad, out, &e), -1);
			}
		}
	}
}

static void test_parse_forms(void **state)
{
	char no[PASSNO_STR], out[PASSNO_STR], typed[64];
	struct err e;

	(void)state;
	assert_int_equal(passno_make('A', 17, no, NULL), 0);
	/* Spaces, hyphens and the full-width digits of a Chinese IME. */
	snprintf(typed, sizeof typed, " %.2s-%.5s %c ", no, no + 2, no[7]);
	assert_int_equal(passno_parse(typed, out, &e), 0);
	assert_string_equal(out, no);
	strcpy(typed, "");
	for (int i = 0; i < PASSNO_LEN; i++) {
		char fw[4] = {(char)0xEF, (char)0xBC, (char)(0x90 + (no[i] - '0')), 0};

		strcat(typed, fw);
	}
	assert_int_equal(passno_parse(typed, out, &e), 0);
	assert_string_equal(out, no);

	err_clear(&e);
	assert_int_equal(passno_parse("", out, &e), -1);
	assert_string_equal(e.field, "pass_no");
	assert_int_equal(passno_parse("0100001", out, &e), -1);
	assert_non_null(strstr(e.msg, "8 digits"));
	assert_int_equal(passno_parse("010000171", out, &e), -1);
	assert_int_equal(passno_parse("01A00017", out, &e), -1);
	assert_non_null(strstr(e.msg, "digits only"));
	/* Station 00 or above 26 never exists, even with a matching check digit. */
	snprintf(typed, sizeof typed, "0000001%c", passno_check_digit("0000001", 7));
	assert_int_equal(passno_parse(typed, out, &e), -1);
	snprintf(typed, sizeof typed, "2700001%c", passno_check_digit("2700001", 7));
	assert_int_equal(passno_parse(typed, out, &e), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_damm_reference),
	    cmocka_unit_test(test_make_and_parse),
	    cmocka_unit_test(test_catches_typos),
	    cmocka_unit_test(test_parse_forms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

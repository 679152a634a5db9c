/* Unit tests of core/idcard: resident ID numbers and other documents. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/idcard.h"

static const struct date today = {2020, 2, 15};

static void assert_valid(const char *in, const char *canon, int y, int m, int d, char sex)
{
	struct idcard c;
	struct err e = {0};

	if (idcard_parse(in, IDCARD_RESIDENT, &today, &c, &e) != 0)
		fail_msg("%s refused: %s", in, e.msg);
	assert_string_equal(c.number, canon);
	assert_int_equal(c.type, IDCARD_RESIDENT);
	assert_int_equal(c.birth.y, y);
	assert_int_equal(c.birth.m, m);
	assert_int_equal(c.birth.d, d);
	assert_int_equal(c.sex, sex);
}

/* The number is refused and the message contains `want`. */
static void assert_refused(const char *in, const char *want)
{
	struct idcard c;
	struct err e = {0};

	memset(&c, 0x5a, sizeof c);
	assert_int_equal(idcard_parse(in, IDCARD_RESIDENT, &today, &c, &e), -1);
	if (!strstr(e.msg, want))
		fail_msg("%s: message \"%s\" lacks \"%s\"", in, e.msg, want);
	assert_string_equal(e.field, "id_number");
	assert_int_equal((unsigned char)c.number[0], 0x5a); /* out untouched */
}

static void test_checksum(void **state)
{
	(void)state;
	assert_int_equal(idcard_checksum_char("11010519491231002"), 'X');
	assert_int_equal(idcard_checksum_char("41120219900101123"), '0');
	assert_int_equal(idcard_checksum_char("44030119850615121"), '1');
	assert_int_equal(idcard_checksum_char("1101051949123100a"), -1);
}

static void test_valid(void **state)
{
	(void)state;
	assert_valid("11010519491231002X", "11010519491231002X", 1949, 12, 31, 'F');
	assert_valid("11010519491231002x", "11010519491231002X", 1949, 12, 31, 'F');
	assert_valid("411202199001011230", "411202199001011230", 1990, 1, 1, 'M');
	assert_valid("440301198506151211", "440301198506151211", 1985, 6, 15, 'M');
	/* leap day; born today is not in the future */
	assert_valid("320106201602290041", "320106201602290041", 2016, 2, 29, 'F');
	assert_valid("11010520200215001X", "11010520200215001X", 2020, 2, 15, 'M');
	assert_valid("510102190001010015", "510102190001010015", 1900, 1, 1, 'M');
	/* spaces, full-width digits and a full-width x from a Chinese IME */
	assert_valid(" 110105 19491231 002X ", "11010519491231002X", 1949, 12, 31, 'F');
	assert_valid("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X", 1949, 12, 31,
		     'F');
}

static void test_valid_leap_today(void **state)
{
	struct date leap = {2020, 2, 29};
	struct idcard c;
	struct err e = {0};

	(void)state;
	assert_int_equal(idcard_parse("110105202002290020", IDCARD_RESIDENT, &leap, &c, &e), 0);
	assert_int_equal(idcard_parse("110105202002290020", IDCARD_RESIDENT, NULL, &c, &e), 0);
}

static void test_legacy_15(void **state)
{
	(void)state;
	/* 110105491231002 is the old form of 11010519491231002X */
	assert_valid("110105491231002", "11010519491231002X", 1949, 12, 31, 'F');
	assert_valid("411202900101123", "411202199001011230", 1990, 1, 1, 'M');
	assert_refused("110105491331002", "birth date 19491331 is not a real date");
	assert_refused("010105491231002", "region code 010105");
	assert_refused("11010549123100X", "X is only allowed as the last of 18");
}

static void test_length(void **state)
{
	(void)state;
	assert_refused("11010519491231002",
		       "must be 18 characters (or 15 for an old card), got 17");
	assert_refused("11010519491231002XX", "X is only allowed");
	assert_refused("1101051949123100211", "got 19");
	assert_refused("1101051949123100", "got 16");
	assert_refused("1101", "got 4");
	assert_refused("", "empty");
	assert_refused("   ", "empty");
	assert_refused(NULL, "empty");
}

static void test_characters(void **state)
{
	(void)state;
	assert_refused("1101051949123100AX", "only digits are allowed");
	assert_refused("1101051949123100AX", "\"A\" at position 17");
	assert_refused("11010519491231-02X", "only digits are allowed");
	assert_refused("X10105194912310021", "X is only allowed as the last");
	assert_refused("11010519491231身02X", "\"身\" at position 15");
}

static void test_region(void **state)
{
	(void)state;
	/* computed with a correct check digit so only the region fails */
	assert_refused("00000019900101123X", "region code 000000 is not valid");
	assert_refused("911202199001011239", "region code 911202 is not valid");
	assert_refused("011202199001011236", "first digit must be 1 to 8");
}

static void test_birth_date(void **state)
{
	(void)state;
	assert_refused("411202199013451233", "ID number: birth date 19901345 is not a real date");
	assert_refused("41120219900230123X", "birth date 19900230 is not a real date");
	assert_refused("411202201902291233", "birth date 20190229 is not a real date");
	assert_refused("110105189912310015", "birth date 18991231 is before 1900");
}

static void test_future_birth(void **state)
{
	(void)state;
	assert_refused("110105202002160015", "birth date 20200216 is in the future");
	assert_refused("110105209901010015", "in the future");
}

static void test_check_digit(void **state)
{
	(void)state;
	assert_refused("110105194912310025", "ID number: check digit should be X, not 5");
	assert_refused("411202199001011235", "check digit should be 0, not 5");
	assert_refused("41120219900101123X", "check digit should be 0, not X");
}

static void test_other_types(void **state)
{
	struct idcard c;
	struct err e = {0};

	(void)state;
	assert_int_equal(idcard_parse(" e12345678 ", IDCARD_PASSPORT, &today, &c, &e), 0);
	assert_string_equal(c.number, "E12345678");
	assert_int_equal(c.type, IDCARD_PASSPORT);
	assert_int_equal(c.sex, 0);
	assert_int_equal(c.birth.y, 0);
	assert_int_equal(idcard_parse("H1234567(8)", IDCARD_HKMO, &today, &c, &e), 0);
	assert_string_equal(c.number, "H1234567(8)");
	assert_int_equal(idcard_parse("ＴＷ-１２３４５", IDCARD_TW, &today, &c, &e), 0);
	assert_string_equal(c.number, "TW-12345");
	/* no checksum for these: an ID-shaped passport number with a wrong check passes */
	assert_int_equal(idcard_parse("110105194912310025", IDCARD_OTHER, &today, &c, &e), 0);

	assert_int_equal(idcard_parse("E123", IDCARD_PASSPORT, &today, &c, &e), -1);
	assert_non_null(strstr(e.msg, "5 to 20 characters, got 4"));
	assert_int_equal(idcard_parse("E12345678901234567890", IDCARD_PASSPORT, &today, &c, &e),
			 -1);
	assert_non_null(strstr(e.msg, "got 21"));
	assert_int_equal(idcard_parse("E1234 5678", IDCARD_PASSPORT, &today, &c, &e), -1);
	assert_non_null(strstr(e.msg, "only letters, digits"));
	assert_int_equal(idcard_parse("E1234_5678", IDCARD_PASSPORT, &today, &c, &e), -1);
	assert_non_null(strstr(e.msg, "found \"_\""));
	assert_int_equal(idcard_parse("", IDCARD_TW, &today, &c, &e), -1);
	assert_int_equal(idcard_parse("E12345678", (enum idcard_type)42, &today, &c, &e), -1);
}

static void test_type_codes(void **state)
{
	(void)state;
	assert_string_equal(idcard_type_code(IDCARD_RESIDENT), "id");
	assert_string_equal(idcard_type_code(IDCARD_PASSPORT), "passport");
	assert_string_equal(idcard_type_code(IDCARD_HKMO), "hkmo");
	assert_string_equal(idcard_type_code(IDCARD_TW), "tw");
	assert_string_equal(idcard_type_code(IDCARD_OTHER), "other");
	assert_string_equal(idcard_type_code((enum idcard_type)99), "other");
	for (int t = IDCARD_RESIDENT; t <= IDCARD_OTHER; t++)
		assert_int_equal(idcard_type_from_code(idcard_type_code(t)), t);
	assert_int_equal(idcard_type_from_code("ID"), -1);
	assert_int_equal(idcard_type_from_code(""), -1);
	assert_int_equal(idcard_type_from_code(NULL), -1);
}

static void test_age(void **state)
{
	struct date b = {1949, 12, 31}, leap = {2016, 2, 29};

	(void)state;
	assert_int_equal(idcard_age_on(&b, &today), 70);
	assert_int_equal(idcard_age_on(&b, &(struct date){2019, 12, 31}), 70);
	assert_int_equal(idcard_age_on(&b, &(struct date){2019, 12, 30}), 69);
	assert_int_equal(idcard_age_on(&leap, &(struct date){2017, 2, 28}), 0);
	assert_int_equal(idcard_age_on(&leap, &(struct date){2017, 3, 1}), 1);
	assert_int_equal(idcard_age_on(&leap, &(struct date){2020, 2, 29}), 4);
	assert_int_equal(idcard_age_on(&leap, &(struct date){2016, 2, 28}), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_checksum),
	    cmocka_unit_test(test_valid),
	    cmocka_unit_test(test_valid_leap_today),
	    cmocka_unit_test(test_legacy_15),
	    cmocka_unit_test(test_length),
	    cmocka_unit_test(test_characters),
	    cmocka_unit_test(test_region),
	    cmocka_unit_test(test_birth_date),
	    cmocka_unit_test(test_future_birth),
	    cmocka_unit_test(test_check_digit),
	    cmocka_unit_test(test_other_types),
	    cmocka_unit_test(test_type_codes),
	    cmocka_unit_test(test_age),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

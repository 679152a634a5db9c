/* Unit tests of core/identity: sex and birth date against the ID number. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/identity.h"

/* 420102880515224: born 1988-05-15, sequence 224 (even: a woman). */
#define WOMAN "420102880515224"

static void agrees(void **state)
{
	struct err e = {0};

	(void)state;
	assert_int_equal(identity_check("id", WOMAN, "F", "1988-05-15", &e), 0);
	assert_int_equal(identity_check(NULL, WOMAN, "F", NULL, &e), 0);
	assert_int_equal(identity_check("id", WOMAN, "", "", &e), 0);
	assert_string_equal(e.msg, "");
}

static void nothing_to_compare(void **state)
{
	struct err e = {0};

	(void)state;
	assert_int_equal(identity_check("passport", "E12345678", "M", "1960-01-01", &e), 0);
	assert_int_equal(identity_check("id", "", "M", "1960-01-01", &e), 0);
	assert_int_equal(identity_check("id", NULL, "M", "1960-01-01", &e), 0);
	/* An invalid number is the record check's problem, not this one's. */
	assert_int_equal(identity_check("id", "420102198805152249", "M", "1960-01-01", &e), 0);
}

static void sex_contradicts(void **state)
{
	struct err e = {0};

	(void)state;
	assert_int_equal(identity_check("id", WOMAN, "M", "1985-03-12", &e), 1);
	assert_string_equal(e.field, "sex");
	assert_non_null(strstr(e.msg, "sex male contradicts the ID number, which gives female"));
}

static void birth_contradicts(void **state)
{
	struct err e = {0};

	(void)state;
	assert_int_equal(identity_check("id", WOMAN, "F", "1985-03-12", &e), 1);
	assert_string_equal(e.field, "birth_date");
	assert_non_null(strstr(e.msg, "1985-03-12"));
	assert_non_null(strstr(e.msg, "1988-05-15"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(agrees),
		cmocka_unit_test(nothing_to_compare),
		cmocka_unit_test(sex_contradicts),
		cmocka_unit_test(birth_contradicts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

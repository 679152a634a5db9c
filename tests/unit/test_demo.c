/* Unit tests of core/demo: the seeded generator is deterministic, its ID
 * numbers pass idcard_parse with the birth date and sex asked for, its
 * UUIDs are well-formed version 7 in order, Chinese numerals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/demo.h"
#include "core/idcard.h"

static void test_same_seed_same_sequence(void **state)
{
	struct demo_rng a, b, c;

	(void)state;
	demo_rng_seed(&a, 7);
	demo_rng_seed(&b, 7);
	demo_rng_seed(&c, 8);
	int differ = 0;

	for (int i = 0; i < 1000; i++) {
		uint64_t x = demo_rng_next(&a);

		assert_true(x == demo_rng_next(&b));
		differ += x != demo_rng_next(&c);
	}
	assert_true(differ > 990);
}

static void test_below_and_range_bounds(void **state)
{
	struct demo_rng r;
	int seen[5] = {0};

	(void)state;
	demo_rng_seed(&r, 1);
	for (int i = 0; i < 5000; i++) {
		int v = demo_rng_range(&r, 3, 7);

		assert_true(v >= 3 && v <= 7);
		seen[v - 3]++;
	}
	for (int i = 0; i < 5; i++)
		assert_true(seen[i] > 800);
	assert_int_equal(demo_rng_below(&r, 0), 0);
}

static void test_id_numbers_pass_the_rules(void **state)
{
	struct demo_rng r;
	struct date today = {2020, 2, 15};

	(void)state;
	demo_rng_seed(&r, 42);
	for (int i = 0; i < 2000; i++) {
		struct date birth = {1920 + demo_rng_below(&r, 100), 1 + demo_rng_below(&r, 12),
				     1 + demo_rng_below(&r, 28)};
		char sex = i % 2 ? 'M' : 'F', id[19];
		struct idcard card;
		struct err e;

		err_clear(&e);
		demo_id_number(&r, demo_region(&r), &birth, sex, id);
		assert_int_equal(strlen(id), 18);
		if (idcard_parse(id, IDCARD_RESIDENT, &today, &card, &e) < 0)
			fail_msg("%s refused: %s", id, e.msg);
		assert_int_equal(card.sex, sex);
		assert_int_equal(date_cmp(&card.birth, &birth), 0);
	}
}

static void test_id_key_set(void **state)
{
	struct demo_set s = {0};

	(void)state;
	assert_int_equal(demo_set_add(&s, demo_id_key("11010519491231002X")), 1);
	assert_int_equal(demo_set_add(&s, demo_id_key("110105194912310021")), 1);
	assert_int_equal(demo_set_add(&s, demo_id_key("11010519491231002X")), 0);
	for (uint64_t k = 1; k < 5000; k++)
		assert_int_equal(demo_set_add(&s, k * 7919), 1);
	assert_int_equal(demo_set_add(&s, 7919 * 4000), 0);
	demo_set_free(&s);
	assert_null(s.slots);
}

static void test_uuid7_ordered_and_well_formed(void **state)
{
	struct demo_rng r;
	char a[37], b[37];

	(void)state;
	demo_rng_seed(&r, 1);
	demo_rng_uuid7(&r, 1580000000000ULL, a);
	demo_rng_uuid7(&r, 1580000000001ULL, b);
	assert_int_equal(strlen(a), 36);
	assert_true(a[8] == '-' && a[13] == '-' && a[18] == '-' && a[23] == '-');
	assert_int_equal(a[14], '7');
	assert_true(strchr("89ab", a[19]) != NULL);
	assert_true(strcmp(a, b) < 0);
	assert_memory_equal(a, "016fdf56-b800", 13); /* 1580000000000 = 0x16fdf56b800 */
}

static void test_names_and_numerals(void **state)
{
	struct demo_rng r;
	char name[64], cn[32];
	int rare = 0;

	(void)state;
	demo_rng_seed(&r, 3);
	for (int i = 0; i < 3000; i++) {
		demo_name(&r, demo_surname(&r), i % 2 ? 'M' : 'F', name, sizeof name);
		assert_true(strlen(name) >= 6); /* at least two characters */
		rare += strstr(name, "䶮") || strstr(name, "𫖮") || strstr(name, "𬳵");
	}
	assert_true(rare > 0);
	demo_cn_number(1, cn, sizeof cn);
	assert_string_equal(cn, "一");
	demo_cn_number(10, cn, sizeof cn);
	assert_string_equal(cn, "十");
	demo_cn_number(12, cn, sizeof cn);
	assert_string_equal(cn, "十二");
	demo_cn_number(40, cn, sizeof cn);
	assert_string_equal(cn, "四十");
	demo_cn_number(105, cn, sizeof cn);
	assert_string_equal(cn, "一百零五");
	demo_cn_number(230, cn, sizeof cn);
	assert_string_equal(cn, "二百三十");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_seed_same_sequence),
		cmocka_unit_test(test_below_and_range_bounds),
		cmocka_unit_test(test_id_numbers_pass_the_rules),
		cmocka_unit_test(test_id_key_set),
		cmocka_unit_test(test_uuid7_ordered_and_well_formed),
		cmocka_unit_test(test_names_and_numerals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

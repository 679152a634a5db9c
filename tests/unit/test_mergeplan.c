/* Unit tests of core/mergeplan: which version of a record wins a merge,
 * the same seen from either side, and who survives a join. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/mergeplan.h"

static struct mergeplan_decision decide(const char *at_this, int del_this, int unseen_this,
					const char *at_other, int del_other, int unseen_other,
					int cmp, int same)
{
	struct mergeplan_side a = {at_this, del_this, unseen_this};
	struct mergeplan_side b = {at_other, del_other, unseen_other};

	return mergeplan_decide(&a, &b, cmp, same);
}

/* The decision seen from the other side must pick the same version. */
static void assert_symmetric(const char *at_a, int del_a, int un_a, const char *at_b, int del_b,
			     int un_b, int cmp)
{
	struct mergeplan_decision ab = decide(at_a, del_a, un_a, at_b, del_b, un_b, cmp, 0);
	struct mergeplan_decision ba = decide(at_b, del_b, un_b, at_a, del_a, un_a, -cmp, 0);

	assert_int_not_equal(ab.choice, ba.choice);
	assert_int_equal(ab.conflict, ba.conflict);
}

static void test_one_side_only(void **state)
{
	struct mergeplan_decision d;

	(void)state;
	/* Changed on the other side only: taken, even with an older clock. */
	d = decide("2020-02-15 10:00:00", 0, 0, "2020-02-15 09:00:00", 0, 1, -1, 0);
	assert_int_equal(d.choice, MERGEPLAN_TAKE);
	assert_false(d.conflict);
	/* Changed here only: kept, even when the other's clock is later. */
	d = decide("2020-02-15 09:00:00", 0, 2, "2020-02-15 10:00:00", 0, 0, 1, 0);
	assert_int_equal(d.choice, MERGEPLAN_KEEP);
	assert_false(d.conflict);
	/* A soft delete is a change like any other. */
	d = decide("2020-02-15 09:00:00", 0, 0, "2020-02-15 09:30:00", 1, 1, 1, 0);
	assert_int_equal(d.choice, MERGEPLAN_TAKE);
}

static void test_both_sides_conflict(void **state)
{
	struct mergeplan_decision d;

	(void)state;
	d = decide("2020-02-15 10:00:00", 0, 1, "2020-02-15 11:00:00", 0, 1, -1, 0);
	assert_int_equal(d.choice, MERGEPLAN_TAKE);
	assert_true(d.conflict);
	d = decide("2020-02-15 12:00:00", 0, 3, "2020-02-15 11:00:00", 0, 1, 1, 0);
	assert_int_equal(d.choice, MERGEPLAN_KEEP);
	assert_true(d.conflict);
	/* Both deleted it: the same change, not a conflict. */
	d = decide("2020-02-15 12:00:00", 1, 1, "2020-02-15 11:00:00", 1, 1, 1, 1);
	assert_int_equal(d.choice, MERGEPLAN_KEEP);
	assert_false(d.conflict);
}

static void test_no_audit_rows_later_wins(void **state)
{
	struct mergeplan_decision d;

	(void)state;
	d = decide("2020-02-15 10:00:00", 0, 0, "2020-02-15 11:00:00", 0, 0, 1, 0);
	assert_int_equal(d.choice, MERGEPLAN_TAKE);
	assert_false(d.conflict);
	/* A tie: the deleted version (a join on the other machine) wins. */
	d = decide("2020-02-15 10:00:00", 0, 0, "2020-02-15 10:00:00", 1, 0, -1, 0);
	assert_int_equal(d.choice, MERGEPLAN_TAKE);
	d = decide("2020-02-15 10:00:00", 1, 0, "2020-02-15 10:00:00", 0, 0, 1, 0);
	assert_int_equal(d.choice, MERGEPLAN_KEEP);
	/* Then the greater content. */
	d = decide("2020-02-15 10:00:00", 0, 0, "2020-02-15 10:00:00", 0, 0, 1, 0);
	assert_int_equal(d.choice, MERGEPLAN_TAKE);
	d = decide("2020-02-15 10:00:00", 0, 0, "2020-02-15 10:00:00", 0, 0, -1, 0);
	assert_int_equal(d.choice, MERGEPLAN_KEEP);
}

static void test_symmetric(void **state)
{
	static const char *const at[] = {"2020-02-15 10:00:00", "2020-02-15 11:00:00"};

	(void)state;
	for (int ta = 0; ta < 2; ta++)
		for (int tb = 0; tb < 2; tb++)
			for (int da = 0; da < 2; da++)
				for (int db = 0; db < 2; db++)
					for (int ua = 0; ua < 2; ua++)
						for (int ub = 0; ub < 2; ub++)
							for (int c = -1; c <= 1; c += 2)
								assert_symmetric(at[ta], da, ua,
										 at[tb], db, ub, c);
}

static void test_survivor(void **state)
{
	(void)state;
	assert_true(mergeplan_survives("00000000-0000-4000-8000-000000000001",
				       "7fffffff-0000-4000-8000-000000000001"));
	assert_false(mergeplan_survives("7fffffff-0000-4000-8000-000000000001",
					"00000000-0000-4000-8000-000000000001"));
	assert_false(mergeplan_survives("a", "a"));
}

static void test_counts(void **state)
{
	struct mergeplan_counts a = {1, 2, 3, 4, 5}, b = {10, 20, 30, 40, 50}, z = {0, 0, 7, 1, 0};

	(void)state;
	mergeplan_counts_add(&a, &b);
	assert_int_equal(a.added, 11);
	assert_int_equal(a.joined, 55);
	assert_true(mergeplan_counts_changed(&a));
	/* Unchanged records and conflicts kept here change nothing. */
	assert_false(mergeplan_counts_changed(&z));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_one_side_only),
	    cmocka_unit_test(test_both_sides_conflict),
	    cmocka_unit_test(test_no_audit_rows_later_wins),
	    cmocka_unit_test(test_symmetric),
	    cmocka_unit_test(test_survivor),
	    cmocka_unit_test(test_counts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

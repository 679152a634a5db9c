/* Unit tests of core/duty: roster gaps (uncovered, unstaffed, absent, a
 * shift running past midnight, usual hours from the week before) and double
 * bookings (overlap, touching shifts, across midnight, before the span). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "core/duty.h"

#define H(h) ((h)*60)

static void test_gaps(void **state)
{
	/* Checkpoint 1 is usually kept 08:00-24:00 and 00:00-02:00 (a night
	 * shift 20:00-02:00 the week before).  On day 10: 08-14 covered,
	 * 14-20 planned with nobody, 20-02 by someone marked absent. */
	const struct duty_shift v[] = {
	    {1, 1, 7, 3, H(8), H(14), 1},     {2, 1, 7, 3, H(14), H(20), 1},
	    {3, 1, 8, 3, H(20), H(2), 1},     {4, 1, 7, 10, H(8), H(14), -1},
	    {5, 1, -1, 10, H(14), H(20), -1}, {6, 1, 8, 10, H(20), H(2), 0},
	};
	const long long cps[] = {1, 2};
	struct duty_gap *g;
	size_t n;

	(void)state;
	duty_gaps(v, sizeof v / sizeof v[0], cps, 2, 10, 2, &g, &n);
	/* day 10: 00-02 uncovered (no night shift the day before), 14-20
	 * unstaffed, 20-24 absent; day 11: 00-02 absent (the spill of day 10's
	 * night shift), 02-08 not usual, 08-24 uncovered.  Checkpoint 2 has no
	 * usual hours: no gap. */
	assert_int_equal(n, 5);
	assert_int_equal(g[0].day, 10);
	assert_int_equal(g[0].from, 0);
	assert_int_equal(g[0].to, H(2));
	assert_int_equal(g[0].kind, DUTY_GAP_UNCOVERED);
	assert_int_equal(g[1].from, H(14));
	assert_int_equal(g[1].to, H(20));
	assert_int_equal(g[1].kind, DUTY_GAP_UNSTAFFED);
	assert_int_equal(g[2].from, H(20));
	assert_int_equal(g[2].to, DUTY_DAY_MIN);
	assert_int_equal(g[2].kind, DUTY_GAP_ABSENT);
	assert_int_equal(g[3].day, 11);
	assert_int_equal(g[3].from, 0);
	assert_int_equal(g[3].to, H(2));
	assert_int_equal(g[3].kind, DUTY_GAP_ABSENT);
	assert_int_equal(g[4].from, H(8));
	assert_int_equal(g[4].to, DUTY_DAY_MIN);
	assert_int_equal(g[4].kind, DUTY_GAP_UNCOVERED);
	free(g);
	duty_gaps(v, sizeof v / sizeof v[0], cps, 2, 10, 0, &g, &n);
	assert_int_equal(n, 0);
	assert_null(g);
}

static void test_clashes(void **state)
{
	const struct duty_shift v[] = {
	    {1, 1, 7, 10, H(8), H(14), -1},  /* touches 2: no clash */
	    {2, 2, 7, 10, H(14), H(20), -1}, /* overlaps 3 at another checkpoint */
	    {3, 1, 7, 10, H(19), H(23), -1},
	    {4, 1, 8, 9, H(22), H(6), -1}, /* the night before, into day 10 */
	    {5, 2, 8, 10, H(5), H(9), -1},
	    {6, 1, 9, 8, H(8), H(12), -1}, /* both before the span */
	    {7, 2, 9, 8, H(10), H(12), -1},
	    {8, 2, -1, 10, H(8), H(14), -1}, /* nobody: never a clash */
	    {9, 1, -1, 10, H(8), H(14), -1},
	};
	struct duty_clash *c;
	size_t n;

	(void)state;
	duty_clashes(v, sizeof v / sizeof v[0], 10, &c, &n);
	assert_int_equal(n, 2);
	assert_int_equal(v[c[0].a].id, 2);
	assert_int_equal(v[c[0].b].id, 3);
	assert_int_equal(v[c[1].a].id, 4);
	assert_int_equal(v[c[1].b].id, 5);
	free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_gaps),
	    cmocka_unit_test(test_clashes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

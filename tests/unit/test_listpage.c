/* Tests of core/listpage: keyset paging over a fake table, the cursor at the
 * ends, reloading after rows vanished, and memory that stays at one page. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/listpage.h"
#include "core/xalloc.h"

/* The fake table: keys 0..N-1 (times 10, so that gaps exist), some deleted. */
#define N 100
static int deleted[N];
static int live_rows; /* rows allocated and not yet freed */
static int fetches;

static int fetch(void *ctx, const void *anchor, int dir, int n, void **out, struct err *e)
{
	int m = 0, k;

	(void)ctx;
	(void)e;
	fetches++;
	if (dir > 0) {
		k = anchor ? *(const int *)anchor / 10 + 1 : 0;
		for (; k < N && m < n; k++)
			if (!deleted[k]) {
				int *r = xmalloc(sizeof *r);
				*r = k * 10;
				out[m++] = r;
				live_rows++;
			}
	} else {
		k = anchor ? (*(const int *)anchor + 9) / 10 - 1 : N - 1;
		for (; k >= 0 && m < n; k--)
			if (!deleted[k]) {
				int *r = xmalloc(sizeof *r);
				*r = k * 10;
				out[m++] = r;
				live_rows++;
			}
	}
	return m;
}

static int fail_next;
static int fetch_maybe_fail(void *ctx, const void *anchor, int dir, int n, void **out,
			    struct err *e)
{
	if (fail_next) {
		fail_next = 0;
		return err_set(e, "disk on fire");
	}
	return fetch(ctx, anchor, dir, n, out, e);
}

static void row_free(void *ctx, void *row)
{
	(void)ctx;
	live_rows--;
	free(row);
}

static const struct listpage_ops ops = {fetch_maybe_fail, row_free};

static int cur(struct listpage *p)
{
	return *(int *)listpage_current(p);
}
static int top(struct listpage *p)
{
	return *(int *)p->rows[0];
}

static int setup(void **state)
{
	(void)state;
	memset(deleted, 0, sizeof deleted);
	live_rows = 0;
	fail_next = 0;
	return 0;
}

static void test_moving(void **state)
{
	struct listpage p;
	struct err e;

	(void)state;
	listpage_init(&p, &ops, NULL);
	assert_int_equal(listpage_resize(&p, 10, &e), 0);
	assert_int_equal(listpage_first(&p, &e), 0);
	assert_int_equal(p.count, 10);
	assert_int_equal(cur(&p), 0);
	assert_int_equal(listpage_move(&p, -1, &e), 0); /* at the top: stays */
	assert_int_equal(cur(&p), 0);
	assert_int_equal(listpage_move(&p, 9, &e), 0);
	assert_int_equal(cur(&p), 90);
	assert_int_equal(top(&p), 0);
	assert_int_equal(listpage_move(&p, 1, &e), 0); /* scrolls one row */
	assert_int_equal(cur(&p), 100);
	assert_int_equal(top(&p), 10);
	assert_int_equal(p.cursor, 9);
	assert_int_equal(listpage_page(&p, 1, &e), 0);
	assert_int_equal(top(&p), 110);
	assert_int_equal(cur(&p), 200);
	assert_int_equal(listpage_page(&p, -1, &e), 0);
	assert_int_equal(top(&p), 10);
	assert_int_equal(cur(&p), 100);
	assert_int_equal(listpage_last(&p, &e), 0);
	assert_int_equal(cur(&p), 990);
	assert_int_equal(top(&p), 900);
	assert_int_equal(listpage_move(&p, 1, &e), 0); /* at the end: stays */
	assert_int_equal(cur(&p), 990);
	assert_int_equal(listpage_page(&p, 1, &e), 0);
	assert_int_equal(cur(&p), 990);
	assert_int_equal(listpage_move(&p, -15, &e), 0);
	assert_int_equal(cur(&p), 840);
	assert_int_equal(top(&p), 840);
	assert_int_equal(listpage_scroll(&p, 3, &e), 0); /* wheel: the cursor row leaves */
	assert_int_equal(top(&p), 870);
	assert_int_equal(cur(&p), 870);
	assert_int_equal(listpage_scroll(&p, -5, &e), 0);
	assert_int_equal(top(&p), 820);
	assert_int_equal(cur(&p), 870);
	assert_int_equal(live_rows, 10);
	listpage_free(&p);
	assert_int_equal(live_rows, 0);
}

static void test_memory_flat(void **state)
{
	struct listpage p;
	struct err e;

	(void)state;
	listpage_init(&p, &ops, NULL);
	listpage_resize(&p, 7, &e);
	listpage_first(&p, &e);
	for (int i = 0; i < 300; i++) {
		listpage_move(&p, i % 3 == 0 ? -2 : 3, &e);
		assert_true(live_rows <= 7);
	}
	for (int i = 0; i < 30; i++) {
		listpage_page(&p, i % 4 == 0 ? -1 : 1, &e);
		assert_true(live_rows <= 7);
	}
	listpage_free(&p);
	assert_int_equal(live_rows, 0);
}

static void test_reload_after_delete(void **state)
{
	struct listpage p;
	struct err e;

	(void)state;
	listpage_init(&p, &ops, NULL);
	listpage_resize(&p, 5, &e);
	listpage_first(&p, &e);
	listpage_move(&p, 22, &e); /* page 180..220, cursor on 220 */
	assert_int_equal(top(&p), 180);
	assert_int_equal(cur(&p), 220);
	deleted[18] = deleted[19] = 1; /* the top row and the next one vanish */
	assert_int_equal(listpage_reload(&p, &e), 0);
	assert_int_equal(top(&p), 200);
	assert_int_equal(p.cursor, 4);
	assert_int_equal(cur(&p), 240);
	/* the last rows vanish: the page fills from above */
	for (int k = 21; k < N; k++)
		deleted[k] = 1;
	assert_int_equal(listpage_reload(&p, &e), 0);
	assert_int_equal(p.count, 5);
	assert_int_equal(top(&p), 140);
	assert_int_equal(*(int *)p.rows[4], 200);
	/* everything vanishes */
	for (int k = 0; k < N; k++)
		deleted[k] = 1;
	assert_int_equal(listpage_reload(&p, &e), 0);
	assert_int_equal(p.count, 0);
	assert_null(listpage_current(&p));
	assert_int_equal(listpage_move(&p, 1, &e), 0);
	assert_int_equal(listpage_page(&p, 1, &e), 0);
	assert_int_equal(live_rows, 0);
	listpage_free(&p);
}

static void test_goto_and_resize(void **state)
{
	struct listpage p;
	struct err e;
	int anchor = 500;

	(void)state;
	listpage_init(&p, &ops, NULL);
	listpage_resize(&p, 10, &e);
	listpage_first(&p, &e);
	assert_int_equal(listpage_goto(&p, &anchor, &e), 0);
	assert_int_equal(top(&p), 500);
	assert_int_equal(cur(&p), 500);
	anchor = 975; /* near the end: the page fills from above, cursor on 980 */
	assert_int_equal(listpage_goto(&p, &anchor, &e), 0);
	assert_int_equal(cur(&p), 980);
	assert_int_equal(top(&p), 900);
	/* smaller: the cursor row stays visible */
	assert_int_equal(listpage_resize(&p, 3, &e), 0);
	assert_int_equal(p.count, 3);
	assert_int_equal(cur(&p), 980);
	assert_int_equal(live_rows, 3);
	/* larger again: rows come back below and above */
	assert_int_equal(listpage_resize(&p, 12, &e), 0);
	assert_int_equal(p.count, 12);
	assert_int_equal(cur(&p), 980);
	assert_int_equal(*(int *)p.rows[11], 990);
	assert_int_equal(listpage_resize(&p, 0, &e), 0);
	assert_int_equal(live_rows, 0);
	listpage_free(&p);
}

static void test_errors_keep_page(void **state)
{
	struct listpage p;
	struct err e;

	(void)state;
	listpage_init(&p, &ops, NULL);
	listpage_resize(&p, 4, &e);
	listpage_first(&p, &e);
	listpage_move(&p, 3, &e);
	fail_next = 1;
	err_clear(&e);
	assert_int_equal(listpage_move(&p, 1, &e), -1);
	assert_string_equal(e.msg, "disk on fire");
	assert_int_equal(cur(&p), 30);
	assert_int_equal(top(&p), 0);
	fail_next = 1;
	assert_int_equal(listpage_reload(&p, &e), -1);
	assert_int_equal(listpage_reload(&p, &e), 0);
	assert_int_equal(p.count, 4);
	listpage_free(&p);
	assert_int_equal(live_rows, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_moving, setup),
	    cmocka_unit_test_setup(test_memory_flat, setup),
	    cmocka_unit_test_setup(test_reload_after_delete, setup),
	    cmocka_unit_test_setup(test_goto_and_resize, setup),
	    cmocka_unit_test_setup(test_errors_keep_page, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
